import pytest

from search.analysis import MAX_QUERY_LENGTH, clean_query, fold, query_terms, word_keys


@pytest.mark.parametrize(
    "forms",
    [
        ("ekonomia", "ekonomii", "ekonomią", "ekonomię"),
        ("spółdzielnia", "spółdzielni", "spółdzielnię", "spółdzielnie", "spółdzielniach", "spoldzielnia"),
        ("społeczna", "społecznej", "społecznego", "społecznych", "spolecznej"),
        ("partnerstwo", "partnerstwa", "partnerstwie", "partnerstwem"),
        ("Lublin", "Lublinie", "Lublina"),
        ("deklaracja", "deklaracji", "deklaracje", "deklaracjach"),
        ("wydarzenie", "wydarzenia", "wydarzeń"),
        ("instytucja", "instytucje", "instytucji", "instytucjami"),
    ],
)
def test_polish_word_forms_share_a_search_key(forms):
    keys = [word_keys(form.lower(), "pl") for form in forms]

    assert set.intersection(*map(set, keys)), keys


def test_english_plurals_share_a_search_key():
    assert word_keys("cooperatives", "en") & word_keys("cooperative", "en")
    assert word_keys("economies", "en") & word_keys("economy", "en")


def test_folding_removes_polish_diacritics():
    assert fold("Zażółć gęślą jaźń ŁÓDŹ") == "zazolc gesla jazn lodz"


def test_stop_words_are_not_searched():
    assert query_terms("w i na", "pl") == []
    assert query_terms("the of and", "en") == []


def test_clean_query_drops_control_characters_and_limits_length():
    assert clean_query("eko\x00nomia\u202e\u200f") == "eko nomia"
    assert len(clean_query("ż" * 10_240)) == MAX_QUERY_LENGTH
