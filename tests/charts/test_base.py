"""What every chart builder shares (casebook.charts.base)."""

from __future__ import annotations

import html

from casebook.charts.base import wrap
from casebook.markup import escape


def test_wrap_breaks_between_words() -> None:
    assert wrap("Wijkpuntonderneming Baardwijk Laageinde", 16) == (
        "Wijkpuntonderneming<br>Baardwijk<br>Laageinde"
    )  # a word a little longer than a line stays whole
    assert wrap("kort", 16) == "kort"


def test_wrap_cuts_a_very_long_word_but_never_an_entity() -> None:
    name = "Wijk <img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>"
    lines = wrap(escape(name), 16).split("<br>")
    assert len(lines) > 3
    for line in lines:
        shown = html.unescape(line)
        assert len(shown) <= 16, line
        # no entity cut in two: every & in the escaped line starts a whole entity
        assert all(part.split(";")[0] in ("lt", "gt", "amp", "quot", "#x27")
                   for part in line.split("&")[1:]), line  # fmt: skip
    assert html.unescape("".join(lines)).replace(" ", "") == name.replace(" ", "")
