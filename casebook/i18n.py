"""The two languages of the casebook and the check every public function makes on ``lang``."""

from __future__ import annotations

__all__ = ["LANGS", "check_lang"]

LANGS: tuple[str, ...] = ("nl", "en")


def check_lang(lang: str) -> str:
    """Return ``lang`` if the casebook speaks it, else raise a ValueError saying what is valid."""
    if lang not in LANGS:
        raise ValueError(f"`lang` must be one of {list(LANGS)}, but {lang!r} was passed.")
    return lang
