"""What every chart builder shares (casebook.charts.base)."""

from __future__ import annotations

import html
import json

import plotly.io as pio
import pytest

from casebook.charts.base import check_figures, figure, figures_checked, wrap
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


def test_figures_are_checked_except_in_the_apps_kernels(monkeypatch: pytest.MonkeyPatch) -> None:
    """figure() checks a specification against plotly's schema (a wrong property raises);
    with the check off, as the app's kernels have it, the same figure comes out as the same
    JSON, and a wrong property is no longer caught there (the tests, which check, catch it)."""
    spec = {
        "data": [{"type": "bar", "x": ["a", "b"], "y": [1, None], "marker": {"color": "#000"}}],
        "layout": {"template": "none", "height": 300, "title": {"text": "t"}},
    }
    wrong = {"data": [{"type": "bar", "colour": "red"}], "layout": {}}
    assert figures_checked()  # as in the tests, a notebook, the book
    checked = figure(spec)
    with pytest.raises(ValueError, match="colour"):
        figure(wrong)
    check_figures(False)  # as the app does at start
    try:
        unchecked = figure(spec)
        figure(wrong)  # not checked: no error
    finally:
        check_figures(True)
    as_json = [json.loads(pio.to_json(f, validate=False)) for f in (checked, unchecked)]
    for one in as_json:
        one["layout"].pop("template")  # the check expands the name "none" into its (empty) value
    assert as_json[0] == as_json[1]
    assert unchecked.layout.title.text == "t" and list(unchecked.data[0].x) == ["a", "b"]


def test_a_trace_type_outside_the_casebooks_plotly_is_refused() -> None:
    """The browser's plotly.js holds only TRACE_TYPES (tools/plotly-bundle): a builder that drew
    another type would show an empty chart there, so it fails here, naming what to do."""
    assert (
        figure({"data": [{"type": "bar", "x": [1], "y": [2]}], "layout": {}}).data[0].type == "bar"
    )
    assert figure({"data": [{"x": [1], "y": [2]}], "layout": {}}).data[0].type == "scatter"
    with pytest.raises(ValueError, match="'pie' is not in the casebook's plotly.js"):
        figure({"data": [{"type": "pie", "values": [1]}], "layout": {}})


def _wide_heatmaps(lang: str) -> list[object]:
    """The three wide heatmaps with the cases as columns, on the booklet's data."""
    import casebook
    from casebook import evaluations, lessons, logics
    from casebook.charts import evaluations as ev_charts
    from casebook.charts import lessons as lessons_charts
    from casebook.charts import logics as charts

    book = casebook.load()
    reading = logics.reading(book)
    names = dict(zip(reading["case_id"], reading["name"], strict=True))
    tensions = dict(zip(book.tensions["tension_id"], book.tensions[f"name_{lang}"], strict=True))
    matrix = lessons.lessons_matrix(book)
    titles = {r: f"lesson {r}" for r in matrix.index}
    return [
        charts.tensions_heatmap(
            logics.tension_matrix(book), tension_names=tensions, case_names=names, lang=lang
        ),
        ev_charts.findings_heatmap(
            evaluations.findings_matrix(book, cases=list(names)), case_names=names, lang=lang
        ),
        lessons_charts.lessons_heatmap(matrix, lesson_titles=titles, case_names=names, lang=lang),
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_cases_names_fit_over_the_columns_of_a_600_px_heatmap(lang: str) -> None:
    """Issue 36: at windows of 640-1093 px (charts of 600-710 px) the wide heatmaps' case names
    overlapped their neighbours ("Helmond-Oost" / "Wijkpuntonderneming"). Where the narrowest
    wide chart (NARROWEST) puts each name, no two on one line overlap, none runs off the chart,
    and the rows' names fit the left margin; the text stays at 14 px or more (a projector)."""
    from casebook.charts.base import LINE, NARROWEST, text_width

    for fig in _wide_heatmaps(lang):
        lay = fig.layout
        margin = lay.margin
        n = len(fig.data[0].x)
        pitch = (NARROWEST - margin.l - margin.r) / n
        names = [a for a in lay.annotations if a.name == "column"]
        assert [a.text for a in names] == list(fig.data[0].x)
        assert lay.xaxis.showticklabels is False
        boxes = []
        for a in names:
            w = text_width(a.text, a.font.size)
            centre = margin.l + (a.x + 0.5) * pitch
            boxes.append((centre - w / 2, centre + w / 2, a.yshift))
            assert a.font.size >= 14
            assert centre - w / 2 >= 0 and centre + w / 2 <= NARROWEST, (a.text, lang)
            assert a.yshift + a.font.size * LINE <= margin.t - 12, (a.text, lang)
        for k, (_, right, up) in enumerate(boxes):
            for other_left, _, other_up in boxes[k + 1 :]:
                if up == other_up:
                    assert right < other_left, (lay.title.text, lang, k)
        size = (lay.yaxis.tickfont.size or lay.font.size) if lay.yaxis.tickfont else lay.font.size
        for row in fig.data[0].y:
            widest = max(text_width(line, size) for line in str(row).split("<br>"))
            assert widest <= margin.l - 6, (row, margin.l, lang)
