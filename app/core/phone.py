"""Phone numbers: any way a person writes a Danish number in, one stored form out (E.164)."""

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

DEFAULT_REGION = "DK"


def normalise_phone(text: str | None) -> str | None:
    """'+45 12-34 56 78', '0045 12345678' and '12 34 56 78' all give '+4512345678'.
    Returns None when the text is not a phone number that can exist."""
    if not text or len(text) > 40:
        return None
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def format_phone(stored: str) -> str:
    """A stored number as people read it: '12 34 56 78' at home, '+46 70 123 45 67' abroad."""
    try:
        number = phonenumbers.parse(stored, DEFAULT_REGION)
    except NumberParseException:
        return stored
    if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
