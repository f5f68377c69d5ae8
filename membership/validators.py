"""Polish register numbers: NIP (tax id), REGON (statistical id, 9 or 14 digits) and KRS (court register).

Each ``normalise_*`` takes what a person types (spaces, dashes, a ``PL`` prefix) and returns the bare digits,
or raises ``ValidationError`` with a message in the active language.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
REGON9_WEIGHTS = (8, 9, 2, 3, 4, 5, 6, 7)
REGON14_WEIGHTS = (2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8)


def _digits(value, allowed_prefix=""):
    cleaned = re.sub(r"[\s\-.]", "", value or "").upper()
    if allowed_prefix and cleaned.startswith(allowed_prefix):
        cleaned = cleaned[len(allowed_prefix) :]
    return cleaned


def _checksum(digits, weights):
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11


def normalise_nip(value):
    digits = _digits(value, allowed_prefix="PL")
    if not re.fullmatch(r"\d{10}", digits):
        raise ValidationError(_("A NIP number has 10 digits."), code="nip_length")
    check = _checksum(digits, NIP_WEIGHTS)
    if check == 10 or check != int(digits[9]):
        raise ValidationError(_("This is not a valid NIP number: its check digit does not match."), code="nip_checksum")
    return digits


def _regon9_valid(digits):
    return _checksum(digits, REGON9_WEIGHTS) % 10 == int(digits[8])


def normalise_regon(value):
    digits = _digits(value)
    if not re.fullmatch(r"\d{9}|\d{14}", digits):
        raise ValidationError(_("A REGON number has 9 or 14 digits."), code="regon_length")
    valid = _regon9_valid(digits[:9])
    if len(digits) == 14:
        valid = valid and _checksum(digits, REGON14_WEIGHTS) % 10 == int(digits[13])
    if not valid:
        raise ValidationError(
            _("This is not a valid REGON number: its check digit does not match."), code="regon_checksum"
        )
    return digits


def normalise_krs(value):
    digits = _digits(value)
    if not re.fullmatch(r"\d{10}", digits):
        raise ValidationError(_("A KRS number has 10 digits."), code="krs_length")
    return digits
