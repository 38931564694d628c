"""Reflow, resized text and text spacing (issue 36; WCAG 2.1 AA 1.4.10, 1.4.4 and 1.4.12): on
every page, in both languages, at 320 CSS px (a phone at its narrowest) and at 200 % zoom (a
1280×800 window at 200 % is laid out as a 640×400 CSS px one), nothing is lost or needs a
sideways scroll (pagecheck.fits' checks; on the phone also no control past the screen's edge
and no button cut, tests/browser/test_sizes.py), axe-core finds nothing, and the text spacing a
reader may set (line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em) cuts
no label, clips no text, makes no text spill out of its box and cuts no table.

The text spacing is set on the page's HTML text; the charts' texts are SVG that plotly places
itself (a reader's style sheet cannot move them), and are left out of it.

One browser context: every page reached by the title bar's links in one session, each built
once and checked at both sizes in both languages (the narrow and the wide layout: the app tells
the views "narrow" below 640 px). One CSS pixel a device pixel: the layout at 200 % zoom is the
640 CSS px one; drawing it at two device pixels a CSS pixel only costs four times the
painting."""

from __future__ import annotations

from casebook.pages import PAGES
from tests.browser import pagecheck
from tests.browser.test_sizes import CONTROLS, CUT_BUTTONS, OFF_SCREEN
from tests.support import AppServer

# (width, height) in CSS px: a phone at 320 px, and a 1280×800 window at 200 % zoom.
PHONE = (320, 640)
ZOOMED = (640, 400)
# WCAG 2.1, 1.4.12: what a reader may set, on every HTML element (the charts' SVG left out).
SPACING = """
body *:not(svg, svg *) { line-height: 1.5 !important; letter-spacing: .12em !important;
                         word-spacing: .16em !important; }
body p:not(svg *) { margin-bottom: 2em !important; }
"""
SET_SPACING = f"""() => {{ const s = document.createElement('style');
    s.id = 'cb-test-spacing'; s.textContent = {SPACING!r}; document.head.appendChild(s); }}"""
UNSET_SPACING = "() => document.getElementById('cb-test-spacing').remove()"
# Text cut or spilling out of its box: an element with text of its own (or a control) whose
# content is larger than its box, where the box cuts it off (overflow hidden or clipped) or
# lets it run over what lies beside or below (overflow visible, in a box of a fixed size). A
# box that scrolls is left to TABLES (a table's frame) and SIDEWAYS; a text hidden for screen
# readers (a 1 px box) is meant to be cut; the charts' texts are plotly's (CHART_LABELS).
CLIPPED = """() => {
  const found = [];
  const own = e => [...e.childNodes].some(n => n.nodeType === 3 && n.data.trim());
  for (const e of document.querySelectorAll('.cb-app *')) {
    if (e.closest('svg, .modebar-container, select')) continue;
    if (!own(e) && !e.matches('button, label, input, textarea')) continue;
    if (!e.checkVisibility() || e.clientWidth <= 1 || e.clientHeight <= 1) continue;
    const s = getComputedStyle(e);
    if (s.display === 'inline' || s.display === 'contents') continue;
    const wide = e.scrollWidth > e.clientWidth + 1, tall = e.scrollHeight > e.clientHeight + 1;
    if (!wide && !tall) continue;
    const scrolls = v => v === 'auto' || v === 'scroll';
    if ((wide && scrolls(s.overflowX)) || (tall && scrolls(s.overflowY))) continue;
    const how = (wide && s.overflowX !== 'visible') || (tall && s.overflowY !== 'visible')
      ? 'cut' : 'spills';
    found.push(`${e.tagName}.${e.className}: "${(e.innerText || e.value || '').trim()
      .slice(0, 40)}" ${how} (${e.scrollWidth}×${e.scrollHeight} px in `
      + `${e.clientWidth}×${e.clientHeight})`);
  }
  // a dropdown shows its chosen option: that text whole in the closed box (its list, when
  // opened, is the browser's own, as wide as it needs)
  for (const e of document.querySelectorAll('.cb-app select:not([multiple])')) {
    if (!e.checkVisibility() || e.selectedIndex < 0) continue;
    const s = getComputedStyle(e), probe = document.createElement('span');
    for (const k of ['font', 'letterSpacing', 'wordSpacing']) probe.style[k] = s[k];
    probe.style.whiteSpace = 'pre';
    probe.textContent = e.options[e.selectedIndex].textContent;
    document.body.appendChild(probe);
    const need = probe.getBoundingClientRect().width;
    probe.remove();
    const room = e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    if (need > room + 1)
      found.push(`dropdown: "${probe.textContent.trim().slice(0, 40)}" cut (${Math.round(need)}`
                 + ` px of text in ${Math.round(room)})`);
  }
  return found.slice(0, 10);
}"""
SPACED = (
    (pagecheck.SIDEWAYS, "scrolls sideways"),
    (pagecheck.CUT_LABELS, "cuts labels"),
    (pagecheck.TABLES, "has a table cut off"),
    (CLIPPED, "clips text"),
)


def test_every_page_reflows_at_320_px_and_200_percent_zoom(browser: object, app: AppServer) -> None:
    """Every page at 320 px and at 640×400 (200 % zoom), in both languages: fits
    (pagecheck.fits), passes axe-core, and with the reader's text spacing still fits and clips
    no text. One session: each page reached by the title bar's link in the language the page
    before was left in, checked at both sizes, switched to the other language by the title
    bar's switch and checked at both sizes again (one resize a language; one build a page)."""
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]})
    page = context.new_page()
    found = []
    try:
        sizes, lang = [PHONE, ZOOMED], "nl"
        for entry in PAGES:
            pagecheck.go(page, app, entry, lang)
            for turn in range(2):
                if turn:  # the other language, by the title bar's switch
                    lang = "en" if lang == "nl" else "nl"
                    page.locator(f".cb-langswitch button[data-lang='{lang}']").click()
                    page.wait_for_function(
                        "l => document.documentElement.lang === l", arg=lang, timeout=10_000
                    )
                for width, height in sizes:
                    where = f"{entry.address or '/'} ({lang}) at {width}×{height}"
                    pagecheck.resize(page, width, height)
                    found += [f"{where}: {x}" for x in pagecheck.found_by(page, pagecheck.FITS)]
                    if (width, height) == PHONE:  # the 16 px controls on a phone (issue 33)
                        off = page.evaluate(OFF_SCREEN, CONTROLS) + page.evaluate(CUT_BUTTONS)
                        found += [f"{where}: a control past the screen or cut: {x}" for x in off]
                    try:
                        pagecheck.accessible(page, where)
                    except AssertionError as error:
                        found.append(str(error))
                    page.evaluate(SET_SPACING)
                    spaced = pagecheck.found_by(page, SPACED)
                    page.evaluate(UNSET_SPACING)
                    found += [f"{where}, text spaced: {what}" for what in spaced]
                sizes.reverse()
    finally:
        context.close()
    assert not found, "\n".join(found)
