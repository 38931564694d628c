"""The interface texts of the live class (sharing in class mode, the teacher's live page).

Dutch and English; merged into :data:`casebook.text.TEXT`.
"""

from __future__ import annotations

LIVE_TEXT: dict[str, dict[str, str]] = {}
