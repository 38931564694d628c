"""A phone's finger on the charts (issue 33, item 1): a vertical swipe over a chart scrolls the
page and leaves the chart as it was (it used to zoom it, and plotly then said in English how to
zoom back out); on the logics plane a finger that lands on a marker drags it, and the page stays
put. Touch is sent as a phone sends it (Chromium's DevTools protocol, a 390×844 touch screen)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import pagecheck
from tests.support import AppServer

AXES = """div => {
  return JSON.stringify([div._fullLayout.xaxis.range, div._fullLayout.yaxis.range]);
}"""
MARKER = """() => {
  const div = document.querySelector('.casebook-logics .js-plotly-plot');
  const t = div._fullData.find(t => t.uid === 'reader'), L = div._fullLayout;
  const box = div.getBoundingClientRect();
  return {x: box.left + L.xaxis._offset + L.xaxis.l2p(t.x[0]),
          y: box.top + L.yaxis._offset + L.yaxis.l2p(t.y[0]), at: [t.x[0], t.y[0]]};
}"""


# Resolves once the page has stopped scrolling (the same position for six frames): a swipe's
# scroll runs on a moment after the finger is lifted, and the page scrolls smoothly to a chart.
SETTLED = """() => new Promise(done => {
  let last = window.scrollY, same = 0;
  const tick = () => {
    if (window.scrollY === last) { if (++same >= 6) return done(true); }
    else { same = 0; last = window.scrollY; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""


@pytest.fixture(scope="module")
def phone(browser: Any) -> Iterator[Any]:
    """One phone (a 390×844 touch screen) for the swipes and the drag: one session, moving from
    page to page by the title bar's links."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    yield context.new_page()
    context.close()


def _phone(page: Any, app: AppServer, address: str) -> tuple[Any, Any]:
    """The phone on the page at ``address`` (loaded the first time, then by the title bar's
    link), its first chart drawn and scrolled into view."""
    from casebook.pages import by_address

    entry = by_address(address)
    pagecheck.go(page, app, entry, "nl")
    plot = page.locator(f"{entry.view} .js-plotly-plot").first
    plot.wait_for(timeout=30_000)
    page.wait_for_function(
        "v => document.querySelector(v + ' .casebook-chart[data-drawn]') !== null",
        arg=entry.view,
        timeout=30_000,
    )
    plot.scroll_into_view_if_needed()
    page.evaluate(SETTLED)
    return plot, page.context.new_cdp_session(page)


def _touch(page: Any, cdp: Any, start: tuple[float, float], end: tuple[float, float]) -> None:
    """One finger from ``start`` to ``end`` in eight moves, then lifted."""
    cdp.send(
        "Input.dispatchTouchEvent",
        {"type": "touchStart", "touchPoints": [{"x": start[0], "y": start[1]}]},
    )
    for k in range(1, 9):
        x = start[0] + (end[0] - start[0]) * k / 8
        y = start[1] + (end[1] - start[1]) * k / 8
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]}
        )
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.evaluate(SETTLED)


@pytest.mark.parametrize("address", ["wijken", "logicas", "evaluaties", "check"])
def test_a_swipe_over_a_chart_scrolls_the_page(phone: Any, app: AppServer, address: str) -> None:
    plot, cdp = _phone(phone, app, address)
    try:
        box = plot.bounding_box()
        axes, scrolled = plot.evaluate(AXES), phone.evaluate("() => window.scrollY")
        x, y = box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.7
        _touch(phone, cdp, (x, y), (x, y - 250))
        assert phone.evaluate("() => window.scrollY") > scrolled + 100, "the page did not scroll"
        assert plot.evaluate(AXES) == axes, "the swipe zoomed or panned the chart"
        assert phone.locator(".modebar").count() == 0  # no toolbar over the title
        assert "Double-click" not in phone.inner_text("body")
    finally:
        cdp.detach()


def test_a_finger_on_a_marker_of_the_plane_drags_it_and_the_page_stays(
    phone: Any, app: AppServer
) -> None:
    page = phone
    _, cdp = _phone(page, app, "logicas")
    try:
        marker, scrolled = page.evaluate(MARKER), page.evaluate("() => window.scrollY")
        _touch(page, cdp, (marker["x"], marker["y"]), (marker["x"] + 60, marker["y"] - 45))
        page.wait_for_function(
            "([at]) => { const d = document.querySelector('.casebook-logics .js-plotly-plot');"
            " const t = d._fullData.find(t => t.uid === 'reader');"
            " return t.x[0] !== at[0] || t.y[0] !== at[1]; }",
            arg=[marker["at"]],
            timeout=10_000,
        )
        moved = page.evaluate(MARKER)["at"]
        assert moved[0] > marker["at"][0] and moved[1] > marker["at"][1]
        assert page.evaluate("() => window.scrollY") == scrolled
    finally:
        cdp.detach()


# What the foot of the window shows: the element there (a pseudo-element's box belongs to its
# element) and whether it is a glossary term.
FOOT = """() => { const e = document.elementFromPoint(window.innerWidth / 2,
                                                      window.innerHeight - 12);
                  return e ? e.matches('abbr.cb-term') : null; }"""


def test_a_tap_on_a_glossary_term_shows_its_explanation(browser: Any, app: AppServer) -> None:
    """Issue 33, item 7: a phone has no hover, and a tap on an underlined term did nothing. A
    tap focuses the term, and its explanation shows in a box at the foot of the window (over
    the page, wherever the term is), until the reader taps elsewhere."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    try:
        page = context.new_page()
        page.goto(app.page_url("casussen", "lang=nl"))
        page.locator(".lm-TabBar-tab", has_text="Opgave").tap(timeout=30_000)
        term = page.locator(".casebook-reader abbr.cb-term >> visible=true").first
        term.wait_for(timeout=30_000)
        term.scroll_into_view_if_needed()
        explained = term.get_attribute("title")
        assert explained and page.evaluate(FOOT) is False
        term.tap()
        page.wait_for_function(f"({FOOT})() === true", timeout=5_000)
        shown = page.evaluate(
            """() => { const e = document.activeElement;
                       return [e.matches('abbr.cb-term'), getComputedStyle(e, '::after').content,
                               getComputedStyle(e, '::after').position]; }"""
        )
        assert shown == [True, f'"{explained}"', "fixed"]
        page.locator(".cb-appbar .cb-apptitle").tap()  # elsewhere: the box goes
        page.wait_for_function(f"({FOOT})() === false", timeout=5_000)
    finally:
        context.close()
