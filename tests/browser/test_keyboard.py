"""Every page of the app with a keyboard alone (issue 36; WCAG 2.1.1, 2.1.2, 2.4.1, 2.4.3, 2.4.7).

One reader, one browser page, one session: the landing page is loaded once and every other page
is reached by the title bar's links, with Tab and Enter. Nothing here clicks or moves the focus
by script: only ``keyboard.press`` and ``keyboard.type``. On every page the reader Tabs from the
top (the skip link) to the end and past it (``_walk``): each visible control is reached, in the
page's order, each with a focus that shows (a ring of at least 2 px, uncut by the boxes around
it, not faded out), and the focus leaves the page at its end and comes back with Shift+Tab
(nothing traps it). Then the reader uses one control of each kind the page has and sees the page
react: a select, a checkbox, a toggle button, a button, a slider's handle (on the logics page a
case placed on the plane by the arrow keys), a row of tabs, a chart's "show as table", a field.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from casebook.pages import PAGES as PAGE_LIST
from casebook.pages import Page
from tests.browser import pagecheck
from tests.support import DRAWN, AppServer

PAGES: dict[str, Page] = {page.topic: page for page in PAGE_LIST}

# What a reader can reach with Tab on the page: visible, enabled, in the tab order. (Content of
# a closed <details> is not visible: checkVisibility sees its content-visibility.)
CONTROLS = """() => [...document.querySelectorAll(
    '.cb-app a[href], .cb-app button, .cb-app input, .cb-app select, .cb-app textarea, '
    + '.cb-app summary, .cb-app [tabindex], .cb-app [contenteditable=true]')]
  .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]')
    && e.checkVisibility({checkVisibilityCSS: true, opacityProperty: false})
    && e.getClientRects().length > 0)"""
# Marks the focused element as reached (its number in the page's order) and says how its focus
# shows: the ring's width (outline, or a box-shadow's spread), the sides of the ring a box
# around it cuts off (overflow), and how opaque it is with its boxes (a chart's tool bar fades
# in).
FOCUSED = """(step) => {
  const e = document.activeElement;
  if (!e || e === document.body || !e.closest('.cb-app')) return null;
  if (!e.dataset.kbStep) e.dataset.kbStep = String(step);
  const s = getComputedStyle(e);
  const outline = s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth) || 0;
  const px = '(-?[\\\\d.]+)px ';
  const shadow = new RegExp(px + px + px + '(-?[\\\\d.]+)px', 'g');
  const spread = Math.max(0, ...[...s.boxShadow.matchAll(shadow)].map(m => parseFloat(m[4])));
  const ring = Math.max(outline, spread);
  const grow = outline >= spread ? outline + (parseFloat(s.outlineOffset) || 0) : spread;
  const r = e.getBoundingClientRect();
  const box = {l: r.left - grow, t: r.top - grow, r: r.right + grow, b: r.bottom + grow};
  const cut = [];
  let opacity = parseFloat(s.opacity);
  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
    const ps = getComputedStyle(p);
    opacity *= parseFloat(ps.opacity);
    const c = p.getBoundingClientRect();
    const l = c.left + p.clientLeft, t = c.top + p.clientTop;
    if (ps.overflowX !== 'visible' && (box.l < l - 0.5 || box.r > l + p.clientWidth + 0.5))
      cut.push(p.className.toString().slice(0, 60) + ' (sideways)');
    if (ps.overflowY !== 'visible' && (box.t < t - 0.5 || box.b > t + p.clientHeight + 0.5))
      cut.push(p.className.toString().slice(0, 60) + ' (above or below)');
  }
  return {what: e.outerHTML.slice(0, 100), ring, cut, opacity};
}"""
# The reached controls in the page's order must have been reached in that order.
IN_ORDER = """() => {
  const seen = [...document.querySelectorAll('[data-kb-step]')];   // document order
  return seen.map(e => Number(e.dataset.kbStep));
}"""
SKIP = "() => document.activeElement.matches('.cb-skip')"


@pytest.fixture(scope="module")
def reader(browser: Any, app: AppServer) -> Iterator[Any]:
    """One reader's browser page, on the landing page in Dutch."""
    context = browser.new_context(viewport={"width": pagecheck.WIDTHS[0], "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(app.page_url("", "lang=nl"))
    _drawn(page, PAGES["start"])
    yield page
    assert errors == [], f"JavaScript errors: {errors}"
    context.close()


def _drawn(page: Any, where: Page) -> None:
    page.wait_for_selector(where.view, timeout=90_000)
    page.wait_for_function(f"({DRAWN})() >= {where.charts}", timeout=60_000)
    page.wait_for_function("p => window.location.pathname === p", arg=where.path, timeout=30_000)


def _tab_to(page: Any, test: str, arg: Any = None, limit: int = 200, back: bool = False) -> None:
    """Tab (or Shift+Tab) until the focused element passes ``test`` (a JS function of it)."""
    key = "Shift+Tab" if back else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"(arg) => ({test})(document.activeElement, arg)", arg):
            return
    pytest.fail(f"{limit} presses of {key} never reached {test} ({arg})")


def _go(page: Any, topic: str) -> None:
    """To another page as a keyboard reader does: Tab to its link in the title bar, Enter."""
    where = PAGES[topic]
    _tab_to(page, "(e, p) => e.matches('.cb-appbar a') && e.dataset.path === p", where.path)
    page.keyboard.press("Enter")
    _drawn(page, where)


# Records, in the page, every focus the reader's Tab brings (FOCUSED at that moment, with the
# step it came at) and every time the focus leaves the page: one round trip a key press.
RECORD = f"""() => {{
  const seen = window.__kbSeen = [];
  const focused = {FOCUSED};
  window.__kbRecord = () => seen.push(focused(seen.length + 1) || 'outside');
  document.addEventListener('focusin', window.__kbRecord, true);
  window.__kbLeft = e => {{ if (!e.relatedTarget) seen.push('left'); }};
  document.addEventListener('focusout', window.__kbLeft, true);
}}"""
STOP = """() => {
  document.removeEventListener('focusin', window.__kbRecord, true);
  document.removeEventListener('focusout', window.__kbLeft, true);
  return window.__kbSeen;
}"""


def _walk(page: Any, name: str) -> None:
    """From wherever the focus is, Tab to the page's top (its skip link), then through the
    whole page and past its end; every visible control reached, in order, its focus shown.
    (The page records each focus as it comes: the reader's keys are pressed one after another,
    and what they reached is read once at the end.)"""
    page.evaluate("() => document.querySelectorAll('[data-kb-step]')"
                  ".forEach(e => delete e.dataset.kbStep)")  # fmt: skip
    _tab_to(page, f"e => ({SKIP})()")
    page.evaluate(FOCUSED, 0)  # the skip link, where the walk starts
    controls = page.evaluate(f"() => ({CONTROLS})().length")
    page.evaluate(RECORD)
    for _ in range(controls):  # from the skip link (the first) each control once, then out
        page.keyboard.press("Tab")
    # every press recorded (the focus leaving the page for the browser's own window is the
    # browser's to carry out, a moment after the key); then, where the focus is still in the
    # page (a stop that is no control of ours: the check below names it), on key by key
    grown = "n => window.__kbSeen.length >= n || window.__kbSeen.includes('left')"
    page.wait_for_function(grown, arg=controls, timeout=10_000)
    for _ in range(100):
        count = page.evaluate(
            "() => window.__kbSeen.includes('left') ? -1 : window.__kbSeen.length"
        )
        if count < 0:
            break
        page.keyboard.press("Tab")
        page.wait_for_function(grown, arg=count + 1, timeout=10_000)
    seen = page.evaluate(STOP)
    if "left" not in seen:
        pytest.fail(f"{name}: {controls + 100} presses of Tab never left the page (a trap?)")
    before = seen[: seen.index("left")]
    steps = [x for x in before if isinstance(x, dict)]
    if any(not isinstance(x, dict) for x in before):
        pytest.fail(f"{name}: the focus went outside the app before the page's end: {before}")
    hidden = [str(x) for x in steps if x["ring"] < 2 or x["cut"] or x["opacity"] <= 0.99]
    assert not hidden, f"{name}: focus not shown on: " + "\n".join(hidden)
    unreached = page.evaluate(
        f"() => ({CONTROLS})().filter(e => !e.dataset.kbStep).map(e => e.outerHTML.slice(0, 100))"
    )
    assert unreached == [], f"{name}: Tab never reached {unreached}"
    order = page.evaluate(IN_ORDER)
    assert order == sorted(order), f"{name}: the focus jumps about the page: {order}"
    # Shift+Tab brings the focus back into the page, on its last control (from outside the
    # page; or, where the browser has already brought the focus round to the page's top, past
    # that to the outside first)
    for _ in range(2):
        page.keyboard.press("Shift+Tab")
        last = page.evaluate("() => document.activeElement.dataset.kbStep || null")
        if last not in (None, "0", "1"):
            break
    assert last == str(max(order)), f"{name}: Shift+Tab from the end came to {last}"


def _skip(page: Any, name: str, first: str) -> None:
    """The skip link: first on the page, shown when focused; Enter puts the focus on the page's
    heading, from where Tab reaches the page's first control (``first``, a selector)."""
    _tab_to(page, f"e => ({SKIP})()")
    # in sight (the page scrolls to it smoothly) and big enough to read
    page.wait_for_function(
        "() => { const r = document.activeElement.getBoundingClientRect();"
        " return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight; }",
        timeout=5_000,
    )
    box = page.evaluate(
        "() => { const r = document.activeElement.getBoundingClientRect();"
        " return [r.width, r.height]; }"
    )
    assert box[0] > 40 and box[1] > 15, f"{name}: the skip link is {box[0]} × {box[1]} px"
    page.keyboard.press("Enter")
    assert page.evaluate(
        "() => document.activeElement.matches('.cb-content h1, .cb-content h2')"
    ), f"{name}: the skip link did not move the focus to the page's heading"
    page.keyboard.press("Tab")
    assert page.evaluate(f"() => document.activeElement.matches({first!r})"), (
        f"{name}: after the skip link, Tab reached "
        + page.evaluate("() => document.activeElement.outerHTML.slice(0, 100)")
    )


def _serial(page: Any, k: int = 0) -> str:
    return page.evaluate(
        f"() => document.querySelectorAll('.js-plotly-plot')[{k}].dataset.drawn || ''"
    )


def _moved_on(page: Any, before: str, k: int = 0) -> None:
    page.wait_for_function(
        f"s => (document.querySelectorAll('.js-plotly-plot')[{k}].dataset.drawn || '') !== s",
        arg=before,
        timeout=10_000,
    )


def _text(page: Any, selector: str) -> str:
    return page.evaluate(f"() => document.querySelector({selector!r}).innerText")


def _changed(page: Any, selector: str, before: str) -> None:
    page.wait_for_function(
        "([s, t]) => document.querySelector(s).innerText !== t",
        arg=[selector, before],
        timeout=10_000,
    )


def test_start(reader: Any) -> None:
    _walk(reader, "start")
    _skip(reader, "start", ".cb-content a[href]")


def test_cases(reader: Any) -> None:
    """A select (the case, by the arrow key) and the case's tabs (arrows)."""
    _go(reader, "cases")
    _walk(reader, "cases")
    _skip(reader, "cases", ".casebook-reader select")
    reader_box = ".casebook-reader"
    before = _text(reader, reader_box)
    reader.keyboard.press("ArrowDown")
    _changed(reader, reader_box, before)
    _tab_to(reader, "e => e.matches('.lm-TabBar-tab')")
    first = reader.evaluate("() => document.activeElement.innerText")
    before = _text(reader, reader_box)
    reader.keyboard.press("ArrowRight")
    reader.wait_for_function(
        "t => document.activeElement.matches('.lm-TabBar-tab[aria-selected=true]')"
        " && document.activeElement.innerText !== t",
        arg=first,
        timeout=10_000,
    )
    _changed(reader, reader_box, before)
    reader.keyboard.press("ArrowLeft")
    reader.wait_for_function(
        "t => document.activeElement.matches('.lm-TabBar-tab[aria-selected=true]')"
        " && document.activeElement.innerText === t",
        arg=first,
        timeout=10_000,
    )


def test_compare(reader: Any) -> None:
    """A toggle button (Enter), a checkbox (Space), a select (typing), "show as table" (Enter)."""
    _go(reader, "compare")
    _walk(reader, "compare")
    traces = "() => document.querySelector('.js-plotly-plot')._fullData.length"
    n = reader.evaluate(traces)
    _tab_to(reader, "e => e.matches('.casebook-compare .cb-choices input')")
    reader.keyboard.press("Space")
    reader.wait_for_function(f"n => ({traces})() === n", arg=n - 1, timeout=10_000)
    reader.keyboard.press("Space")
    reader.wait_for_function(f"n => ({traces})() === n", arg=n, timeout=10_000)
    _tab_to(reader, "e => e.matches('.casebook-compare .widget-dropdown select')")
    _tab_to(reader, "e => e.matches('.casebook-compare .widget-dropdown select')")  # indicator
    before = _serial(reader)
    reader.keyboard.press("End")
    _moved_on(reader, before)
    assert reader.evaluate("() => document.activeElement.matches('select')")
    _tab_to(reader, "e => e.matches('details.cb-chart-data > summary')")
    reader.keyboard.press("Enter")
    reader.wait_for_function(
        "() => document.activeElement.parentElement.open === true", timeout=5_000
    )
    # the table behind the chart is now one of the page's stops
    reader.keyboard.press("Tab")
    assert reader.evaluate("() => document.activeElement.matches('.cb-chart-data .cb-table-frame')")
    _tab_to(reader, "e => e.matches('.widget-toggle-button')", back=True)
    _tab_to(reader, "e => e.matches('.widget-toggle-button:not(.mod-active)')", back=True)
    before = _text(reader, ".casebook-compare")
    reader.keyboard.press("Enter")
    _changed(reader, ".casebook-compare", before)


@cache
def _first_case() -> str:
    """The case whose sliders come first on the logics page (the reading's order)."""
    import casebook
    from casebook import logics

    return logics.reading(casebook.load())["case_id"].tolist()[0]


@cache
def _case_name(case: str) -> str:
    import casebook
    from casebook import logics

    reading = logics.reading(casebook.load())
    return str(reading.set_index("case_id").loc[case, "name"])


MARKER = """id => { const g = document.querySelector('.casebook-logics .js-plotly-plot');
    const tr = g._fullData.find(t => t.uid === 'reader'); const i = tr.customdata.indexOf(id);
    return [tr.x[i], tr.y[i]]; }"""


def test_logics(reader: Any) -> None:
    """A case placed on the plane with the keyboard: its first slider (across) moved by the
    arrow keys moves its marker across, the focus stays on the slider; then a button (Enter)."""
    _go(reader, "logics")
    _walk(reader, "logics")
    _skip(reader, "logics", ".casebook-logics [role=slider]")
    handle = "() => document.activeElement.matches('.casebook-logics [role=slider]')"
    case = _first_case()
    # the handle is named by its case and its whole axis, as a screen reader says it
    name = reader.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert name == f"{_case_name(case)}: institutioneel (−1) tot situationeel (+1)", name
    x0, y0 = reader.evaluate(MARKER, case)
    readout = "() => document.activeElement.closest('.widget-slider')"
    readout += ".querySelector('.widget-readout').textContent"
    shown = reader.evaluate(readout)
    for _ in range(3):
        reader.keyboard.press("ArrowRight")
    # the marker ends where the slider's readout says, right of where it was
    at_readout = f"""([id, x, shown]) => {{ const r = ({readout})();
        const v = parseFloat(r.replace('\u2212', '-')); const m = ({MARKER})(id)[0];
        return r !== shown && m > x && Math.abs(m - v) < 1e-6; }}"""
    reader.wait_for_function(at_readout, arg=[case, x0, shown], timeout=10_000)
    x1, y1 = reader.evaluate(MARKER, case)
    assert y1 == y0, f"the across slider moved {case} up or down: {y0} -> {y1}"
    assert reader.evaluate(handle), "the focus left the slider"
    # what a screen reader hears (issue 36): the plane's polite live region says the new
    # description, which begins with the reader's cases, this one at its new place
    heard = pagecheck.said(reader, ".casebook-logics")
    value = reader.evaluate(readout).strip()
    assert heard["said"] >= 1 and heard["live"] == heard["description"], heard
    assert f"{_case_name(case)}: " in heard["live"] and f" {value}," in heard["live"], (
        value,
        heard,
    )
    reader.keyboard.press("ArrowLeft")
    reader.wait_for_function(f"([id, x]) => ({MARKER})(id)[0] < x", arg=[case, x1], timeout=10_000)
    assert reader.evaluate(handle), "the focus left the slider"
    _tab_to(reader, "e => e.matches('.casebook-logics button.mod-info')")
    before = _serial(reader)
    reader.keyboard.press("Enter")
    _moved_on(reader, before)


def test_evaluations(reader: Any) -> None:
    """A checkbox (Space): a case's result cards go and come back."""
    _go(reader, "evaluations")
    _walk(reader, "evaluations")
    cards = "() => document.querySelectorAll('.casebook-evaluations .cb-result').length"
    n = reader.evaluate(cards)
    _tab_to(reader, "e => e.matches('.casebook-evaluations .cb-choices input')")
    before = _serial(reader)
    reader.keyboard.press("Space")
    reader.wait_for_function(f"n => ({cards})() < n", arg=n, timeout=10_000)
    _moved_on(reader, before)
    reader.keyboard.press("Space")
    reader.wait_for_function(f"n => ({cards})() === n", arg=n, timeout=10_000)


def test_lessons(reader: Any) -> None:
    """A list of lessons (a select with rows): the arrow key shows the next lesson."""
    _go(reader, "lessons")
    _walk(reader, "lessons")
    _tab_to(reader, "e => e.matches('.casebook-lessons .widget-select select')")
    before = _text(reader, ".casebook-lessons")
    reader.keyboard.press("ArrowDown")
    _changed(reader, ".casebook-lessons", before)


def test_check(reader: Any) -> None:
    """A question answered by a toggle button (Enter): the chart is drawn anew."""
    _go(reader, "check")
    _walk(reader, "check")
    _tab_to(reader, "e => e.matches('.casebook-check .widget-toggle-button[value=\"4\"]')")
    before = _serial(reader)
    reader.keyboard.press("Enter")
    _moved_on(reader, before)


def test_glossary_in_english(reader: Any) -> None:
    """The language switch by keyboard (Enter on English): the skip link speaks English; the
    glossary's field (typing) narrows the list."""
    _go(reader, "glossary")
    _tab_to(reader, "e => e.matches('.cb-langswitch button[data-lang=en]')")
    reader.keyboard.press("Enter")
    reader.wait_for_function("() => document.documentElement.lang === 'en'", timeout=10_000)
    _walk(reader, "glossary (en)")
    _skip(reader, "glossary (en)", ".casebook-glossary input")
    assert reader.evaluate("() => document.querySelector('.cb-skip').textContent") == (
        "Skip to content"
    )
    before = _text(reader, ".casebook-glossary")
    reader.keyboard.type("wijk")
    _changed(reader, ".casebook-glossary", before)
