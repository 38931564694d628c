"""What the browser tests check on a page, as functions: one language at a time (text, prose
cells, the ``lang`` attribute), accessibility by axe-core, control labels never cut, no
sideways scrolling, chart labels that neither overlap nor run off the chart, and screenshots."""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path
from typing import Any

import casebook
from tests.views.test_languages import leaks, other_language_texts, printed_words

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # `npm ci` (make install, make test)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = (1366, 390)  # a classroom laptop and a phone
PROJECTOR = (1280, 720)  # a classroom projector

# What a reader reads: the page's visible text (innerText leaves out what CSS hides) and the
# charts' texts (SVG; a wrapped text's lines joined by spaces).
PAGE_TEXT = """() => document.body.innerText + ' ' +
  [...document.querySelectorAll('.js-plotly-plot text')]
    .map(e => [...e.childNodes].map(n => n.textContent).join(' ')).join(' ')"""
# Control labels whose text is wider than their box: cut off (ellipsis or clipped).
CUT_LABELS = """() => [...document.querySelectorAll(
    '.widget-label, .widget-label-basic, .widget-label-basic span, .widget-toggle-button,'
    + ' .jupyter-button, .lm-TabBar-tabLabel, .cb-appbar a, .cb-langswitch button, label')]
  .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
  .map(e => `${e.className || e.tagName}: "${e.textContent.trim().slice(0, 40)}" `
            + `(${e.scrollWidth} px of text in ${e.clientWidth} px)`)"""
# Sideways: the document scrolls sideways, or something is wider than the app's boxes around
# the page (the app's frame, the title bar and page, the page's box, each cell's output or
# view): whether it then scrolls, spills or is cut off (the document clips sideways), a reader
# cannot read it. A table wider than a phone scrolls in a box of its own, inside these.
SIDEWAYS = """() => [document.scrollingElement, ...document.querySelectorAll(
    '.cb-app, .cb-root, .cb-shell, .cb-content, .cb-content > .cb-page,'
    + ' .cb-content > .cb-page > *')]
  .filter(e => e === document.scrollingElement || e.offsetParent !== null)
  .filter(e => e.scrollWidth > e.clientWidth + 1)
  .map(e => `${e.id || e.tagName}.${[...e.classList].filter(c => c.startsWith('cb-')
              || c.startsWith('casebook-')).join('.')}: ${e.scrollWidth} px wide in `
            + `${e.clientWidth} px`)"""
# Tables (issue 33, item 3): a table wider than its place scrolls in a frame whose edges shade
# where more of it lies (casebook.markup.table_html: a background that scrolls with the
# content), never cut off or scrolling with no sign of it; on a phone the casebook's tables of
# three or more columns are stacked as cards and do not scroll at all; no cell cuts its text.
TABLES = """() => {
  const found = [];
  const hinted = e => { const s = getComputedStyle(e);
                        return s.backgroundImage.includes('gradient')
                               && s.backgroundAttachment.includes('local'); };
  for (const t of document.querySelectorAll('table')) {
    if (t.offsetParent === null && getComputedStyle(t).display !== 'block') continue;
    if (!t.getClientRects().length) continue;
    const name = ((t.querySelector('td, th') || {}).textContent || '').trim().slice(0, 30);
    let box = t;  // the nearest box that clips or scrolls sideways
    while (box && box !== document.body && getComputedStyle(box).overflowX === 'visible')
      box = box.parentElement;
    if (box && box !== document.body && box.scrollWidth > box.clientWidth + 1) {
      if (!hinted(box))
        found.push(`table "${name}": ${box.scrollWidth} px in ${box.clientWidth} px of `
                   + `${box.tagName}.${box.className}, cut or scrolling without a hint`);
      else if (window.innerWidth <= 600 && t.matches('.cb-stack'))
        found.push(`table "${name}" scrolls sideways on a phone instead of stacking`);
    }
    for (const c of t.querySelectorAll('td, th'))
      if (c.getClientRects().length && c.scrollWidth > c.clientWidth + 1)
        found.push(`table "${name}": cell "${c.textContent.trim().slice(0, 30)}" cut`);
  }
  return found;
}"""
# Downloads look like a thing to press (issue 33, item 10: they looked like plain text): a
# visible border and room round the label.
DOWNLOADS = """() => [...document.querySelectorAll('a[download]')]
  .filter(a => a.getClientRects().length)
  .filter(a => { const s = getComputedStyle(a);
                 return parseFloat(s.borderTopWidth) < 1 || parseFloat(s.paddingLeft) < 4
                        || s.borderTopStyle === 'none'; })
  .map(a => `download "${a.textContent.trim().slice(0, 40)}" looks like plain text`)"""
# Nothing said twice (issue 33, item 8: the landing page showed its introduction twice; the
# review found the glossary's too): no visible heading, and no paragraph of some length, whose
# text is on the page twice.
TWICE = """() => {
  const seen = new Map(), found = [];
  for (const e of document.querySelectorAll('.cb-content h1, .cb-content h2, .cb-content h3,'
                                            + ' .cb-content p')) {
    // a card's parts (a source, a caption) may repeat from card to card: cards are lists
    if (!e.checkVisibility() || e.closest('.cb-result, .cb-card, table')) continue;
    const text = e.innerText.replace(/\\s+/g, ' ').trim();
    if (!text || (e.tagName === 'P' && text.length < 80)) continue;
    if (seen.has(text)) found.push(`"${text.slice(0, 60)}" twice`);
    seen.set(text, true);
  }
  return found;
}"""
# No word broken over two lines in the result cards and the tables (issue 33, item 3: "never
# cut a value mid-word"; the review found "buurtcontractafsprak/en" in a card 9.5em wide): a
# word whose text spreads over more than one line box.
MIDWORD = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    n.parentElement && n.parentElement.closest('.cb-result, .casebook-table td')
    && n.parentElement.checkVisibility() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT});
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const re = /[^\\s\\u00a0/-]{4,}/g;
    let m;
    while ((m = re.exec(n.data)) !== null) {
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                              .map(r => Math.round(r.top)));
      if (lines.size > 1) found.push(`"${m[0]}" broken over ${lines.size} lines`);
    }
  }
  return found.slice(0, 10);
}"""
# Chart texts (title, axis titles, ticks, notes, legend) that run off their chart or overlap.
CHART_LABELS = """() => {
  const found = [];
  document.querySelectorAll('.js-plotly-plot').forEach((g, k) => {
    const svg = g.querySelector('.main-svg');
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    const items = [...g.querySelectorAll(
        '.gtitle, .g-xtitle text, .g-ytitle text, .xtick text, .ytick text, .annotation-text,'
        + ' .legendtext')]
      .filter(e => (e.textContent || '').trim())
      .map(e => ({e, r: e.getBoundingClientRect(), t: e.textContent.trim().slice(0, 30)}))
      .filter(x => x.r.width > 0 && x.r.height > 0);
    for (const x of items) {
      if (x.r.left < box.left - 1 || x.r.right > box.right + 1
          || x.r.top < box.top - 1 || x.r.bottom > box.bottom + 1)
        found.push(`chart ${k}: "${x.t}" runs off the chart`);
    }
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
      const a = items[i].r, b = items[j].r;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 2 && h > 2) found.push(`chart ${k}: "${items[i].t}" overlaps "${items[j].t}"`);
    }
  });
  return found;
}"""


@cache
def _texts() -> tuple[dict[str, set[str]], list[str]]:
    book = casebook.load()
    return {lang: other_language_texts(book, lang) for lang in ("nl", "en")}, printed_words(book)


def shown_text(page: Any) -> str:
    others, quoted = _texts()
    text = " ".join(page.evaluate(PAGE_TEXT).split())
    for words in quoted:
        text = text.replace(words, " ")
    return text


# The prose of the page shown (the app puts the notebook's prose between two code cells in one
# ``.cb-prose`` box, casebook/app/site/session.py): the text a reader sees in them.
PROSE = """() => [...document.querySelectorAll('.cb-content > .cb-page > .cb-prose')]
  .filter(e => e.checkVisibility()).map(e => e.innerText).join(' ')"""
SHOWN_PAGE = """() => [...document.querySelectorAll('.cb-content > .cb-page')]
  .map(e => [...e.classList].filter(c => c.startsWith('cb-page-')).join(' '))"""


def _squeezed(text: str) -> str:
    return "".join(text.split())


@cache
def _prose_cells(notebook: str) -> tuple[tuple[str | None, str], ...]:
    """A page's prose cells in order: their language (None: every language) and their text as
    the browser reads it (tags stripped, entities read, no whitespace)."""
    import html
    import re

    from casebook.app.notebook import read_notebook
    from casebook.app.settings import notebooks_dir

    cells = read_notebook(notebooks_dir() / notebook).cells
    return tuple(
        (c.lang, _squeezed(html.unescape(re.sub(r"<[^>]*>", "", c.html))))
        for c in cells
        if c.kind == "prose"
    )


def shown_page(page: Any, where: str) -> Any:
    """The casebook page (casebook.pages.Page) the browser shows: the one page box in the
    app's content."""
    from casebook.pages import PAGES

    shown = page.evaluate(SHOWN_PAGE)
    assert len(shown) == 1, f"{where}: {len(shown)} pages shown at once: {shown}"
    found = [p for p in PAGES if shown[0] == f"cb-page-{p.topic}"]
    assert found, f"{where}: the page shown ({shown[0]!r}) is none of the casebook's pages"
    return found[0]


def in_language(page: Any, where: str, lang: str) -> None:
    """The page is wholly in ``lang``: its ``lang`` attribute, the views' switches, the prose
    cells of this language shown and of the other one not (each found by its notebook cell's
    text), no text of ours in the other language (names, titles and printed words allowed),
    and at least one of ours in ``lang`` (so that the check is never idle). Waits up to 20 s
    for the session to relabel and redraw."""
    other = "en" if lang == "nl" else "nl"
    others, _ = _texts()
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'", timeout=10_000)
    views = f"""() => [...document.querySelectorAll('.cb-lang')].every(b =>
        (b.querySelector('.mod-active') || {{}}).textContent === '{lang.upper()}')"""
    page.wait_for_function(views, timeout=20_000)
    deadline = time.monotonic() + 20
    while (found := leaks(shown_text(page), others[lang])) and time.monotonic() < deadline:
        time.sleep(0.25)  # the session relabels first; charts arrive a moment later
    assert found == [], f"{where} in {lang} shows the other language: {found[:5]}"
    assert leaks(shown_text(page), others[other]), f"{where}: none of our {lang} texts found"
    cells = _prose_cells(shown_page(page, where).notebook)
    mine = [text for cell_lang, text in cells if cell_lang in (None, lang)]
    # the other language's cells that say something this language's do not
    said = "".join(mine)
    theirs = [text for cell_lang, text in cells if cell_lang == other and text not in said]
    assert mine and theirs, f"{where}: the notebook has no prose in both languages"

    def missing() -> list[str]:
        shown = _squeezed(page.evaluate(PROSE))
        return [text for text in mine if text not in shown]

    deadline = time.monotonic() + 10
    while (lost := missing()) and time.monotonic() < deadline:
        time.sleep(0.25)  # the page's boxes arrive one by one
    assert not lost, f"{where}: prose in {lang} missing or hidden: {[t[:60] for t in lost]}"
    shown = _squeezed(page.evaluate(PROSE))
    found = [text[:60] for text in theirs if text in shown]
    assert not found, f"{where}: prose in {other} shown in {lang}: {found}"


def nothing_injected(page: Any, dialogs: list[str], where: str) -> None:
    """Nothing that a hostile text could have injected has run (issue 10): no dialog (the
    page's dialogs are collected in ``dialogs``), no script, no injected image."""
    page.wait_for_timeout(500)  # give any injected handler the chance to fire
    assert dialogs == [], f"{where}: a dialog opened: {dialogs}"
    assert page.evaluate("() => window.__pwned || 0") == 0, f"{where}: injected script ran"
    assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0, where


def accessible(page: Any, where: str) -> None:
    """axe-core (WCAG 2.1 A and AA rules) finds no violation on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        # (only the violations are wanted: axe-core then spends no time on the details of what
        # passes; the same rules run on the same nodes)
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                    resultTypes: ['violations']}))
            .violations.map(v => `${v.id} (${v.nodes.length}): ${v.help}; e.g. `
              + v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(' | '))""",
        WCAG,
    )
    assert violations == [], f"{where}: axe-core found {violations}"
    # Solara's busy bar is shown only while the session works, when axe-core may not look:
    # it has a name, whether shown or not
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll('[role=progressbar]')]
            .filter(e => !(e.getAttribute('aria-label') || '').trim()
                         && !e.hasAttribute('aria-labelledby')).map(e => e.className)"""
    )
    assert unnamed == [], f"{where}: a progress bar without a name: {unnamed}"


def drawn_for(page: Any, width: int) -> None:
    """Wait until every chart is drawn for ``width`` and in the page's language: the page tells
    the views "narrow" below 640 px, "wide" above, and they redraw (each chart's ``layout.meta``
    says which, and in which language); and until
    every chart has taken its box's width (plotly's responsive charts relayout after a
    resize)."""
    from playwright.sync_api import TimeoutError as Slow

    want = "narrow" if width < 640 else "wide"
    try:
        page.wait_for_function(
            """w => [...document.querySelectorAll('.js-plotly-plot')].every(g =>
                 g._fullLayout && g._fullLayout.meta && g._fullLayout.meta.casebook_width === w
                 && g._fullLayout.meta.casebook_lang === document.documentElement.lang
                 && Math.abs(g._fullLayout.width - g.getBoundingClientRect().width) < 2)""",
            arg=want,
            timeout=20_000,
        )
    except Slow:
        charts = page.evaluate(
            """() => [...document.querySelectorAll('.js-plotly-plot')].map(g => [
                ((g._fullLayout || {}).title || {}).text, (g._fullLayout || {}).meta,
                (g._fullLayout || {}).width, g.getBoundingClientRect().width])"""
        )
        raise AssertionError(
            f"the charts were never drawn for {width} px ({want}) in the page's language "
            f"(title, meta, drawn width, box width): {charts}"
        ) from None


def full_screenshot(page: Any, path: Path, width: int) -> None:
    """The whole page at ``width`` (the window is made as tall as the page for the picture, so
    that every chart is drawn for the window it is in)."""
    height = page.evaluate("() => document.scrollingElement.scrollHeight")
    page.set_viewport_size({"width": width, "height": min(int(height) + 20, 12_000)})
    drawn_for(page, width)
    # JPEG: a full page of the evaluations is 10 000 px tall, and PNG takes seconds to encode
    page.screenshot(path=str(path), full_page=True, type="jpeg", quality=80)


def resize(page: Any, width: int, height: int = 900) -> None:
    """The window ``width`` × ``height`` px, the page laid out for it (after a full-page
    screenshot the page can still be at its old size for a moment), and every chart drawn for
    it."""
    if page.viewport_size != {"width": width, "height": height}:
        page.set_viewport_size({"width": width, "height": height})
    page.wait_for_function(
        """([w, h]) => window.innerWidth === w && window.innerHeight === h
             && document.documentElement.clientWidth <= w""",
        arg=[width, height],
        timeout=10_000,
    )
    drawn_for(page, width)


# What fits() checks, each with what it is called when it finds something.
FITS = ((SIDEWAYS, "scrolls sideways"), (CUT_LABELS, "cuts labels"),
        (TABLES, "has a table cut off"), (DOWNLOADS, "hides a download"),
        (TWICE, "says something twice"), (MIDWORD, "breaks a word"),
        (CHART_LABELS, "has illegible chart labels"))  # fmt: skip


def found_by(page: Any, checks: tuple[tuple[str, str], ...]) -> list[str]:
    """What the ``checks`` (a DOM check's function and what it is called) find, run in one
    call into the page: each check's finds as "what: [...]"."""
    script = "() => [" + ", ".join(f"({check})()" for check, _ in checks) + "]"
    return [
        f"{what}: {found[:6]}"
        for (_, what), found in zip(checks, page.evaluate(script), strict=True)
        if found
    ]


def fits(page: Any, where: str, width: int, shot: Path | None = None, height: int = 900) -> None:
    """At ``width`` (the window is made that wide and the charts drawn for it): no sideways
    scrolling, no control label cut off, no table cut off, every chart's labels legible (none
    overlapping another or running off its chart); then the screenshot. The window stays that
    wide."""
    resize(page, width, height)
    found = found_by(page, FITS)
    assert found == [], f"{where} at {width} px " + "; ".join(found)
    if shot is not None:
        full_screenshot(page, shot, width)
        page.set_viewport_size({"width": width, "height": height})


# On a projector, every chart with its controls on one screen. A view lays out each chart and
# the controls that change it as a pair (``.cb-pair``, casebook.views.layout.pair): side by side
# on a wide screen. For each control of a pair and each chart: a scroll position shows both
# whole (the control centred, or the chart at the top or the bottom of the screen); a chart
# taller than the screen instead keeps every control in view wherever the chart is scrolled.
ON_ONE_SCREEN = """() => {
  const H = window.innerHeight, found = [];
  const inView = e => { const r = e.getBoundingClientRect();
                        return r.height > 0 && r.top >= -1 && r.bottom <= H + 1; };
  const label = e => ((e.closest('.widget-inline-hbox, .widget-checkbox, .cb-choice,'
                        + ' .widget-toggle-buttons, .widget-box') || e).textContent
                       || e.tagName).trim().slice(0, 30);
  // scroll as a reader can: the document only, never a box with overflow hidden inside it
  // (scrollIntoView moves those too; a reader cannot)
  const page = document.scrollingElement;
  const top = 0;
  const view = Math.min(H - top, page.clientHeight);
  const scrollTo = (e, at) => {
    const r = e.getBoundingClientRect();
    const want = at === 'start' ? top : at === 'end' ? top + view - r.height
                                                    : top + (view - r.height) / 2;
    // at once: the page scrolls smoothly (Solara's CSS), and a smooth scroll is still at its
    // start when the next line measures
    page.scrollTo({top: page.scrollTop + r.top - want, behavior: 'instant'});
  };
  const where = (e, name) => { const r = e.getBoundingClientRect();
                               return `${name} at ${Math.round(r.top)}..${Math.round(r.bottom)}`; };
  const pairs = [...document.querySelectorAll('.cb-pair')].filter(p => p.offsetParent !== null);
  pairs.forEach((pair, k) => {
    const charts = [...pair.querySelectorAll('.js-plotly-plot')];
    const controls = [...pair.querySelectorAll(':scope > .cb-pair-controls :is(input, select,'
        + ' button, .widget-slider .slider-container, .widget-upload)')]
      .filter(e => e.offsetParent !== null && !e.closest('.js-plotly-plot, .cb-lang, .cb-width'));
    if (charts.length && !controls.length) found.push(`pair ${k}: a chart without controls`);
    for (const g of charts) {
      const title = ((g._fullLayout || {}).title || {}).text || `chart in pair ${k}`;
      const tall = g.getBoundingClientRect().height > view;
      for (const c of controls) {
        const seen = [];
        const tries = tall ? [[g, 'start'], [g, 'center'], [g, 'end']]
                           : [[c, 'center'], [c, 'start'], [c, 'end'], [g, 'start'], [g, 'end']];
        const shown = ([e, at]) => {
          scrollTo(e, at);
          seen.push(`${e === g ? 'chart' : 'control'} to ${at}: ${where(c, 'control')}, `
                    + where(g, 'chart'));
          return inView(c) && (tall || inView(g));
        };
        if (!(tall ? tries.every(shown) : tries.some(shown))) {
          found.push(`"${label(c)}" and "${title}" (${Math.round(g.getBoundingClientRect()
            .height)} px${tall ? ', taller than the screen' : ''}) are never on one screen `
            + `(${seen.join('; ')}; page scroller ${page.id || page.tagName}: `
            + `${page.clientHeight} of ${page.scrollHeight} px at ${page.scrollTop}, window ${H}; `
            + `columns ${[...pair.children].map(e => Math.round(
              e.getBoundingClientRect().height)).join(' and ')} px high)`);
          break;
        }
      }
    }
  });
  return {pairs: pairs.length, found};
}"""


def projector(page: Any, where: str) -> None:
    """At a projector's 1280×720, every chart drawn is in a pair with its controls, and each
    control is on one screen with its chart (ON_ONE_SCREEN). The window is left at 1366×900,
    drawn."""
    from tests.support import DRAWN

    width, height = PROJECTOR
    page.set_viewport_size({"width": width, "height": height})
    drawn_for(page, width)
    # the page's scroller has taken the window's new height (after a full-page screenshot the
    # window was as tall as the page)
    page.wait_for_function(
        """h => window.innerHeight === h && document.scrollingElement.clientHeight <= h""",
        arg=height,
        timeout=10_000,
    )
    result = page.evaluate(ON_ONE_SCREEN)
    charts = page.evaluate(f"({DRAWN})()")
    in_pairs = page.evaluate("() => document.querySelectorAll('.cb-pair .js-plotly-plot').length")
    assert in_pairs == charts, (
        f"{where}: {charts - in_pairs} of {charts} charts not beside controls"
    )
    assert result["found"] == [], f"{where} at {width}×{height}: {result['found'][:4]}"
    resize(page, WIDTHS[0])


# Issue 36: every chart readable without seeing it. What the chart draws, gathered from plotly's
# own view of it (every trace's values and texts, the annotations, the axes' labels), as
# strings and as numbers (parsed as the page's language writes them), to hold its table against.
DRAWN_DATA = """([k, lang]) => {
  const g = document.querySelectorAll('.js-plotly-plot')[k];
  const strings = [];
  const add = v => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v) || ArrayBuffer.isView(v)) { for (const x of v) add(x); return; }
    if (typeof v === 'object') return;
    strings.push(String(v));
  };
  for (const tr of g._fullData || []) {
    if (tr.visible === false) continue;
    for (const key of ['x', 'y', 'z', 'text', 'hovertext', 'customdata', 'ids'])
      add(tr[key]);
    if (tr.type === 'table') {
      add(tr.header && tr.header.values);
      add(tr.cells && tr.cells.values);
    }
    if (tr.error_x) { add(tr.error_x.array); add(tr.error_x.arrayminus); }
  }
  for (const a of (g._fullLayout.annotations || [])) add(a.text);
  for (const e of g.querySelectorAll('text')) add(e.textContent);
  return strings;
}"""


def _numbers(text: str, lang: str) -> list[float]:
    """The numbers a text writes, as the language writes them ("7.915" and "0,4" in Dutch,
    "7,915" and "0.4" in English)."""
    import re

    found = []
    for token in re.findall(r"\d+(?:[.,]\d+)*", text):
        # Dutch: "." groups thousands, "," is the decimal sign; English the other way round
        nl = lang == "nl"
        token = token.replace(".", "").replace(",", ".") if nl else token.replace(",", "")
        try:
            found.append(float(token))
        except ValueError:
            continue
    return found


def _accessible_charts(page: Any) -> list[dict[str, str]]:
    """Chromium's accessibility tree (its DevTools accessibility domain): every image with its
    name and description, in the page's order."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    found = []
    for node in nodes:
        if node.get("ignored") or (node.get("role") or {}).get("value") not in ("image", "img"):
            continue
        found.append(
            {
                "name": (node.get("name") or {}).get("value", ""),
                "description": (node.get("description") or {}).get("value", ""),
            }
        )
    return found


def _table_cells(table: Any) -> list[list[str]]:
    """A table's rows as the accessibility tree gives them (Playwright's ARIA snapshot): each
    row's header and cells, in order."""
    import re

    rows: list[list[str]] = []
    for line in table.aria_snapshot().splitlines():
        item = line.strip()
        if item.startswith("- '"):  # YAML's quotes round an item holding ": "
            body = item[2:].removesuffix(":")
            item = "- " + body[1:-1].replace("''", "'") + (":" if item.endswith(":") else "")
        if re.match(r'- row(?: "|:|$)', item):
            rows.append([])
            continue
        found = re.match(r'- (?:rowheader|cell|columnheader)(?: "(.*)")?:?$', item)
        if found and rows:
            rows[-1].append(found.group(1) or "")
    return rows


def described(page: Any, where: str, lang: str) -> None:
    """Every chart on the page is readable without seeing it (issue 36), as a screen reader
    meets it in Chromium's accessibility tree: an image named by the chart's title and
    described by a summary in the page's language that names figures the chart draws; and its
    data as a table (behind "show as table", opened here) whose row names and figures are the
    ones the chart draws. Leaves every table closed again."""
    from casebook.charts.base import plain as as_text
    from casebook.text import t
    from tests.views.test_languages import leaks

    titles = page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].map(g =>
             [...g.querySelectorAll('.gtitle')].map(t => [...t.childNodes]
               .map(n => n.textContent).join(' ')).join(' '))"""
    )
    if not titles:
        return  # no chart on the page
    images = _accessible_charts(page)
    named = {" ".join(i["name"].split()): i for i in images}
    for k, title in enumerate(titles):
        title = " ".join(title.split())
        image = named.get(title) if title else None
        assert image is not None, (
            f"{where}: chart {k} ({title!r}) is no named image in the accessibility tree "
            f"(images: {[i['name'] for i in images]})"
        )
        summary = image["description"]
        assert summary.strip(), f"{where}: chart {title!r} has no description"
        others, quoted = _texts()
        heard = summary
        for words in quoted:  # the booklet's own words are quoted, in Dutch
            heard = heard.replace(words, " ")
        wrong = leaks(heard, others[lang])
        assert not wrong, f"{where}: chart {title!r} is described in the other language: {wrong}"
        drawn = page.evaluate(DRAWN_DATA, [k, lang])
        plain = [as_text(s) for s in drawn]  # a chart text as it reads
        drawn_text = " | ".join(plain)
        shortened = [x[:-1].strip() for x in plain if x.endswith("…") and len(x) > 8]
        numbers = [n for s in plain for n in _numbers(s, lang)]
        numbers += [float(s) for s in drawn if _is_number(s)]

        def is_drawn(value: float, numbers: list[float] = numbers) -> bool:
            return any(abs(value - n) <= max(0.006, abs(n) * 1e-6) for n in numbers)

        # the description speaks of what is drawn: a figure the chart draws, or a name it
        # draws (a heatmap's figures are counts of its cells, which it does not write)
        said = [n for n in _numbers(summary, lang) if n >= 0]
        names = [x for x in plain if len(x) >= 4 and not _numbers(x, lang) and x in summary]
        assert any(is_drawn(n) for n in said) or names, (
            f"{where}: chart {title!r}: the description names nothing the chart draws "
            f"(figures {said}): {summary!r}"
        )
        details = (
            page.locator(".js-plotly-plot")
            .nth(k)
            .locator("xpath=ancestor::*[contains(@class, 'casebook-chart-widget')][1]")
            .locator("details.cb-chart-data")
        )
        if details.count() == 0:  # a message instead of a chart: nothing to tabulate
            assert page.evaluate(
                "k => !(document.querySelectorAll('.js-plotly-plot')[k]._fullData || [])"
                ".some(t => t.visible !== false && ((t.x || []).length || (t.z || []).length"
                " || (t.cells || {}).values))",
                k,
            ), f"{where}: chart {title!r} draws data but has no table"
            continue
        details.evaluate("d => { d.open = true; }")
        rows = _table_cells(details.locator("table"))
        details.evaluate("d => { d.open = false; }")
        assert len(rows) >= 2, f"{where}: chart {title!r}: its table has no rows: {rows}"
        # the booklet's page of a figure is in the table, not in the chart
        skip = {i for i, name in enumerate(rows[0]) if name == t("alt.col.page", lang)}
        for row in rows[1:]:
            head = " ".join(row[0].split())  # as read: text already
            # drawn whole, or cut short with "…" where the chart has no room (the table has
            # the whole name)
            cut = any(head.startswith(c) for c in shortened)
            assert head and (head in drawn_text or cut), (
                f"{where}: chart {title!r}: the table's row {head!r} is not drawn"
            )
            for i, cell in enumerate(row[1:], start=1):
                if i in skip:
                    continue
                cell = cell.removeprefix(rows[0][i] + " ") if i < len(rows[0]) else cell
                for n in _numbers(cell, lang):
                    assert is_drawn(n), (
                        f"{where}: chart {title!r}: the table's {cell!r} (row {head!r}) is "
                        "not drawn"
                    )


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# A chart's description (what aria-describedby points at), what its polite live region last said,
# and how many times it has spoken (casebook/views/chart.js): the first chart in ``scope``.
SAID = """scope => { const w = document.querySelector(scope + ' .casebook-chart-widget');
    const g = w.querySelector('.js-plotly-plot'), live = w.querySelector('.cb-said');
    return {description: document.getElementById(g.getAttribute('aria-describedby'))
              .textContent, live: live.textContent, said: Number(live.dataset.said)}; }"""


def said(page: Any, scope: str = ".cb-content") -> dict[str, Any]:
    """What a screen reader has of the first chart in ``scope``: its description, the live
    region's last words and how often it spoke (:data:`SAID`)."""
    return page.evaluate(SAID, scope)


def go(page: Any, app: Any, entry: Any, lang: str) -> None:
    """The reader on ``entry`` (a casebook.pages.Page) in ``lang``: by its address the first
    time (a fresh tab), after that by the title bar's link, as a reader moves on inside the
    session; then its view and every chart drawn."""
    from tests.support import DRAWN

    if page.url == "about:blank":
        page.goto(app.page_url(entry.address, f"lang={lang}"), timeout=90_000)
    else:
        page.locator(f".cb-appbar a[href='{entry.path}?lang={lang}']").click()
        page.wait_for_url(f"**{entry.path}?lang={lang}", timeout=30_000)
    page.wait_for_selector(entry.view, timeout=90_000)
    page.wait_for_function(f"({DRAWN})() >= {entry.charts}", timeout=60_000)
