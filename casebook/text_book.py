"""The interface texts of the static book (`casebook handout`), Dutch and English.

Merged into :data:`casebook.text.TEXT`.
"""

from __future__ import annotations

BOOK_TEXT: dict[str, dict[str, str]] = {}
