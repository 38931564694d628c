"""Text sizes a class can read from the back of the room (issue 33, item 6): on a projector's
1280 px every control's text (buttons, dropdowns, text fields, checkboxes, sliders' labels and
readouts, the controls' descriptions) is at least 16 px and every chart's text at least 14 px,
and no button cuts its text. (That the larger controls fit a phone, none past the screen's edge,
none cut, is checked at 320 px, a phone at its narrowest, in tests/browser/test_reflow.py.)

One browser context per width; every page reached by the title bar's links in one session
(nothing loaded again), so the whole file costs about as much as opening each page once."""

from __future__ import annotations

from collections.abc import Iterator

from casebook.pages import PAGES, Page
from tests.browser import pagecheck
from tests.support import AppServer

CONTROL_PX, CHART_PX = 16, 14
# What a reader works with: the controls and their descriptions, visible and with a text.
CONTROLS = (
    "button, select, input[type=text], textarea, label, .widget-label, .widget-readout,"
    " .widget-checkbox label"
)
SMALL_CONTROLS = """([selector, least]) => [...document.querySelectorAll(selector)]
  .filter(e => e.offsetParent !== null && (e.innerText || e.value || '').trim())
  .map(e => [parseFloat(getComputedStyle(e).fontSize), (e.innerText || e.value).trim()])
  .filter(([size]) => size < least)
  .map(([size, text]) => `${size} px: "${text.slice(0, 40)}"`)"""
SMALL_CHART_TEXT = """least => [...document.querySelectorAll('.js-plotly-plot text')]
  .filter(e => (e.textContent || '').trim() && e.getBoundingClientRect().width > 0)
  .map(e => [parseFloat(getComputedStyle(e).fontSize), e.textContent.trim()])
  .filter(([size]) => size < least)
  .map(([size, text]) => `${size} px: "${text.slice(0, 40)}"`)"""
# A button whose text is wider than the button: cut (an ellipsis, or clipped).
CUT_BUTTONS = """() => [...document.querySelectorAll('button')]
  .filter(b => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
  .map(b => `"${b.innerText.trim().slice(0, 40)}": ${b.scrollWidth} px in ${b.clientWidth}`)"""
# A widget button the page gives 120 px for a text of some 250 px: its size, its text's width
# and how many lines it takes (then taken away again).
NARROW_BUTTON = """() => {
  const box = document.querySelector('.cb-content .widget-button').parentElement;
  const b = document.createElement('button');
  b.className = 'lm-Widget jupyter-widgets jupyter-button widget-button';
  b.style.width = '120px';
  b.textContent = 'Toon de lezing van het casebook';
  box.appendChild(b);
  const found = {cut: b.scrollWidth - b.clientWidth, lines: Math.round(
    b.getBoundingClientRect().height / parseFloat(getComputedStyle(b).lineHeight))};
  b.remove();
  return found;
}"""
# A control that reaches past the right or left edge of the screen.
OFF_SCREEN = """selector => [...document.querySelectorAll(selector)]
  .filter(e => e.offsetParent !== null)
  .filter(e => { const r = e.getBoundingClientRect();
                 return r.right > document.documentElement.clientWidth + 1 || r.left < -1; })
  .map(e => `"${(e.innerText || e.value || e.className).trim().slice(0, 40)}"`)"""

NOT_MY_CHARTS: set[str] = set()


def _pages(browser: object, app: AppServer, width: int) -> Iterator[tuple[object, Page]]:
    """Every page in Dutch (the longer labels) at ``width``, by the title bar's links in one
    session, each once its charts are drawn."""
    context = browser.new_context(viewport={"width": width, "height": 720})
    page = context.new_page()
    try:
        for entry in PAGES:
            pagecheck.go(page, app, entry, "nl")
            pagecheck.drawn_for(page, width)  # each chart drawn for its box: its final sizes
            yield page, entry
    finally:
        context.close()


def test_a_projector_shows_controls_at_16_px_charts_at_14_and_no_button_cut(
    browser: object, app: AppServer
) -> None:
    """Issue 33, item 6: at 1280 px 65-94 % of the controls' text was 13 px, the charts' notes
    and some labels 12 px, and the logics page's main buttons cut ("Toon de lezing van het
    ca…")."""
    found, narrow = [], {}
    for page, entry in _pages(browser, app, 1280):
        small = page.evaluate(SMALL_CONTROLS, [CONTROLS, CONTROL_PX])
        cut = page.evaluate(CUT_BUTTONS)
        charts = [] if entry.topic in NOT_MY_CHARTS else page.evaluate(SMALL_CHART_TEXT, CHART_PX)
        found += [f"{entry.address or '/'}: {what}" for what in small + cut + charts]
        if entry.topic == "logics":
            # a button in a box narrower than its text (as this page's were) wraps its text
            narrow = page.evaluate(NARROW_BUTTON)
    assert not found, "\n".join(found)
    assert narrow["cut"] <= 1 and narrow["lines"] >= 2, narrow


# Issue 36: the widths at which a chart is narrowest for its layout, where its labels are
# tightest: the single column's just after the side margins widen at 760 px (below it they are
# .6em), the side-by-side layout's first (1024; the chart is then about 62 % of the page), and
# a laptop at 125 % scaling (1093). A chart grows with the window between them. Elsewhere: 320
# (a phone at its narrowest) and 640 (200 % zoom) in tests/browser/test_reflow.py, 390 and 1366
# in the tour (test_app.py), 1280 here (test_a_projector_...) and in the tour's projector check.
WIDTHS = (760, 1024, 1093)
# Each chart whose box is not as high as its drawing (the drawing is then cut off or hidden).
_FLAT_CHARTS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((g, k) => {
  const svg = g.querySelector('.main-svg');
  const box = Math.round(g.getBoundingClientRect().height);
  const drawn = Math.round(svg ? svg.getBoundingClientRect().height : 0);
  return Math.abs(box - drawn) > 1 ? [`chart ${k} is ${box} px high, drawn ${drawn}`] : [];
})"""
# The pages with the widest charts' labels: the heatmaps with the cases' names as columns, the
# logics plane, the compare chart (its English axis titles are the longest).
LABELLED = ("logicas", "evaluaties", "lessen", "wijken")


def test_every_charts_labels_are_legible_at_every_width(browser: object, app: AppServer) -> None:
    """Issue 36: at windows of 640-1093 px the wide heatmaps' case names overlapped each other
    (tensions, findings, lessons), at 700 px the logics plane's names, and at 320 px its
    quadrants' names a case's name and the compare chart's English axis title ran off the
    chart. One session: each page reached by the title bar's links in Dutch, then again in
    English (the page kept, its language switched), and resized through every width; no chart
    label may overlap another or run off its chart (pagecheck.CHART_LABELS). And a chart's box
    stays as high as its drawing: after 1366, 390 and 320 px the logics page's charts were 0 px
    high and hidden (plotly's Plots.resize drops a figure's own height;
    casebook/views/chart.js)."""
    from casebook.pages import by_address

    found = []
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    page = context.new_page()
    widths = list(WIDTHS)
    try:
        for n, (lang, address) in enumerate((g, a) for g in ("nl", "en") for a in LABELLED):
            entry = by_address(address)
            pagecheck.go(page, app, entry, lang)
            for width in widths:
                pagecheck.resize(page, width)
                labels = page.evaluate(pagecheck.CHART_LABELS) + page.evaluate(_FLAT_CHARTS)
                found += [f"/{address} ({lang}) at {width} px: {what}" for what in labels]
            widths.reverse()  # the next page starts at the width this one ended at
            if n == len(LABELLED) - 1:
                page.locator(".cb-langswitch button[data-lang='en']").click()
                page.wait_for_function("() => document.documentElement.lang === 'en'")
    finally:
        context.close()
    assert not found, "\n".join(found)
