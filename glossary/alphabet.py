"""Alphabetical order for terms the way readers expect it: accents folded, digits first."""

import string
import unicodedata

DIGITS_LETTER = "0–9"
OTHER_LETTER = "#"
LETTERS = [DIGITS_LETTER, *string.ascii_uppercase]


def fold(text):
    """Lower-case `text` without accents or leading punctuation, so 'Éthos' sorts and matches as 'ethos'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.casefold().lstrip(string.punctuation + "‘’“”–— ")


def sort_key(text):
    return (fold(text), text)


def index_letter(text):
    """The jump-bar letter a term files under: A–Z, '0–9' for digits, '#' for anything else."""
    first = fold(text)[:1]
    if first.isdigit():
        return DIGITS_LETTER
    if first and first in string.ascii_lowercase:
        return first.upper()
    return OTHER_LETTER


def letter_anchor(letter):
    """A fragment id for a jump-bar letter that is valid in a URL."""
    return {DIGITS_LETTER: "letter-digits", OTHER_LETTER: "letter-other"}.get(
        letter, f"letter-{letter.lower()}"
    )
