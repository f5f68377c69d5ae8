import pytest

from home.text import fold


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Spółdzielnią", "spoldzielnia"),
        ("KOZIOŁEK", "koziolek"),
        ("Straße", "strasse"),
        ("Đorđe Ørsted", "dorde orsted"),
        ("Æbleskiver Œuvre", "aebleskiver oeuvre"),
        ("Istanbulı", "istanbuli"),
        ("ﬁrma", "firma"),  # a ligature, through NFKD
    ],
)
def test_fold_lowers_and_strips_every_diacritic_the_search_and_partner_names_meet(typed, folded):
    assert fold(typed) == folded
