import pytest

from search.analysis import MAX_QUERY_LENGTH, clean_query, fold, query_terms, query_word_keys, spellings, word_keys


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


def test_a_polish_word_keys_on_every_morfeusz_lemma_with_the_homonym_tag_dropped():
    assert {"koziolek", "=koziolka"} <= word_keys("Koziołka", "pl")  # Koziołek:Sm1, koziołek:Sm2 …
    assert "czlowiek" in word_keys("ludzi", "pl")
    assert word_keys("wykluczeniem", "pl") & word_keys("wykluczenia", "pl") == {"wykluczyc"}


def test_a_query_word_typed_without_diacritics_matches_the_lemmas_of_its_spellings_with_them():
    assert "spoldzielnia" in query_word_keys("spoldzielni", "pl")
    assert "koziolek" in query_word_keys("koziolkiem", "pl")
    assert "laczyc" in query_word_keys("laczy", "pl")  # łączy


def test_a_word_morfeusz_does_not_know_keys_on_its_folded_form():
    assert "xyzzyowi" in word_keys("Xyzzyowi", "pl")
    assert "=xyzzyowi" in word_keys("Xyzzyowi", "pl")


def test_a_word_with_too_many_possible_spellings_is_not_expanded():
    assert spellings("zaczarowanazaczarowana") == ["zaczarowanazaczarowana"]
    assert sorted(spellings("sad")) == ["sad", "sąd", "śad", "śąd"]


def test_english_words_key_on_their_snowball_stem_and_exact_form():
    assert word_keys("joining", "en") == {"join", "=joining"}
    assert word_keys("responsibilities", "en") & word_keys("responsibility", "en")
