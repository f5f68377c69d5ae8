import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from membership.validators import normalise_krs, normalise_nip, normalise_regon


@pytest.mark.parametrize(
    ("typed", "digits"),
    [("1234563218", "1234563218"), ("123-456-32-18", "1234563218"), ("PL 123 456 32 18", "1234563218")],
)
def test_a_nip_with_a_matching_check_digit_is_accepted_in_any_usual_notation(typed, digits):
    assert normalise_nip(typed) == digits


@pytest.mark.parametrize("typed", ["1234563219", "123456321", "12345632180", "abcdefghij", "1234567890"])
def test_a_nip_with_a_wrong_check_digit_or_length_is_refused(typed):
    with pytest.raises(ValidationError):
        normalise_nip(typed)


@pytest.mark.parametrize("typed", ["123456785", "12345678512347", "123 456 785"])
def test_a_nine_or_fourteen_digit_regon_with_matching_check_digits_is_accepted(typed):
    assert normalise_regon(typed) == typed.replace(" ", "")


@pytest.mark.parametrize(
    "typed",
    [
        "123456784",  # wrong check digit
        "12345678512348",  # wrong 14th check digit
        "12345678412347",  # 14 digits whose first nine are not a valid REGON
        "1234567851",  # 10 digits
        "12345678",
    ],
)
def test_a_regon_with_a_wrong_check_digit_or_length_is_refused(typed):
    with pytest.raises(ValidationError):
        normalise_regon(typed)


def test_a_krs_number_has_ten_digits():
    assert normalise_krs("0000 123 456") == "0000123456"
    for typed in ("123456789", "12345678901", "00001234a6"):
        with pytest.raises(ValidationError):
            normalise_krs(typed)


@pytest.mark.parametrize(
    ("language", "message"),
    [("pl", "To nie jest poprawny numer NIP"), ("en", "This is not a valid NIP number")],
)
def test_register_number_errors_are_in_the_active_language(language, message):
    with translation.override(language), pytest.raises(ValidationError) as error:
        normalise_nip("1234563219")
    assert message in error.value.messages[0]
