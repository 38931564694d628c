"""The classroom app in a real browser: every page renders, draws its charts, reacts to its
controls and its language switch, fetches nothing from outside 127.0.0.1, and never hangs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from casebook.app import PAGE_VIEWS
from casebook.testing import DRAWN
from tests.browser.conftest import SCREENSHOTS

PAGES = PAGE_VIEWS
LOADS = 5
# Messages of the Jupyter stack that do not break anything (see NOTES-jupyter-stack.md).
BENIGN = ("Unsatisfied version", "No satisfying version")
TITLE_IS = "t => document.querySelector('.js-plotly-plot .gtitle').textContent === t"
TITLE_STARTS = "t => document.querySelector('.js-plotly-plot .gtitle').textContent.startsWith(t)"
FIRST_CHART_TRACES = "n => document.querySelectorAll('.js-plotly-plot')[0]._fullData.length === n"


@dataclass
class Visit:
    page: object
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    seconds: float = 0.0


@pytest.fixture
def visit(browser: object, app_url: str) -> Iterator[Callable[[str], Visit]]:
    contexts = []

    def open_page(name: str) -> Visit:
        context = browser.new_context(viewport={"width": 1280, "height": 1600})
        contexts.append(context)
        page = context.new_page()
        v = Visit(page)

        def only_local(route: object) -> None:
            if route.request.url.startswith(app_url):
                route.continue_()
            else:
                v.blocked.append(route.request.url)
                route.abort()

        page.route("**/*", only_local)
        page.on(
            "console",
            lambda m: (
                v.errors.append(m.text)
                if m.type == "error" and not m.text.startswith(BENIGN)
                else None
            ),
        )
        page.on("pageerror", lambda e: v.errors.append(str(e)))
        selector, plots = PAGES[name]
        started = time.monotonic()
        page.goto(f"{app_url}/voila/render/{name}", timeout=90_000)
        page.wait_for_selector(selector, timeout=90_000)
        page.wait_for_function(f"({DRAWN})() >= {plots}", timeout=60_000)
        v.seconds = time.monotonic() - started
        return v

    yield open_page
    for context in contexts:
        for page in context.pages:
            page.goto("about:blank")  # fires the page's unload handler, as closing a tab does
        context.close()


def test_landing_page_is_the_root(
    visit: Callable[[str], Visit], app_url: str, browser: object
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(app_url + "/", timeout=90_000)
    page.wait_for_selector(".casebook-start", timeout=90_000)
    assert page.url.endswith("/voila/render/00_start.ipynb")
    assert page.locator("text=Koppelen en doorschakelen · casebook").first.is_visible()
    # code cells are hidden: no editor, no source text
    assert page.locator(".jp-InputArea-editor").count() == 0
    assert "casebook.load()" not in page.inner_text("body")
    context.close()


# Pages in turn, five rounds: each page is loaded five times, never twice in a row.
@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("round_", range(LOADS))
def test_every_page_renders_draws_and_stays_local(
    visit: Callable[[str], Visit], name: str, round_: int
) -> None:
    v = visit(name)
    selector, plots = PAGES[name]
    assert v.page.evaluate(f"({DRAWN})()") == plots
    assert v.errors == [], f"JavaScript errors on {name}: {v.errors}"
    assert v.blocked == [], f"{name} tried to fetch from outside 127.0.0.1: {v.blocked}"
    assert "casebook.load()" not in v.page.inner_text("body")  # code is hidden
    if round_ == 0:
        v.page.screenshot(path=str(SCREENSHOTS / name.replace(".ipynb", ".png")), full_page=True)


def _title(v: Visit, index: int = 0) -> str:
    return v.page.locator(".js-plotly-plot .gtitle").nth(index).text_content()


def _switch_to_english(v: Visit) -> None:
    v.page.locator("button.widget-toggle-button:text-is('EN')").first.click()


def test_start_page_language(visit: Callable[[str], Visit]) -> None:
    v = visit("00_start.ipynb")
    assert v.page.locator("text=De pagina's, in leesvolgorde").is_visible()
    _switch_to_english(v)
    v.page.wait_for_selector("text=The pages, in reading order", timeout=10_000)
    assert v.page.locator("a[href='02_wijken_vergelijken.ipynb']").count() >= 1


def test_case_reader_controls_and_language(visit: Callable[[str], Visit]) -> None:
    v = visit("01_casussen.ipynb")
    v.page.locator(".casebook-reader select").first.select_option(
        value=None, label="3. Wijkonderneming Hambaken"
    )
    v.page.wait_for_selector("h2:has-text('Wijkonderneming Hambaken · Den Bosch')", timeout=10_000)
    _switch_to_english(v)
    v.page.wait_for_selector(
        ".lm-TabBar-tab:has-text('Task (opgave)'), .p-TabBar-tab:has-text('Task (opgave)')",
        timeout=10_000,
    )
    assert v.errors == []


def test_compare_control_redraws_the_chart(visit: Callable[[str], Visit]) -> None:
    v = visit("02_wijken_vergelijken.ipynb")
    assert _title(v) == "Mutatiegraad per wijk"
    indicator = v.page.locator(
        ".casebook-compare .widget-dropdown:has(label:text-is('Kenmerk')) select"
    )
    indicator.select_option(label="Inwoners")
    v.page.wait_for_function(TITLE_IS, arg="Inwoners per wijk", timeout=10_000)
    _switch_to_english(v)
    v.page.wait_for_function(TITLE_IS, arg="Inhabitants by neighbourhood", timeout=10_000)
    assert v.errors == []


def test_logics_reveal_and_language(visit: Callable[[str], Visit]) -> None:
    v = visit("03_vier_logicas.ipynb")
    assert _title(v) == "Jouw plaatsing"
    v.page.locator("button:has-text('Toon de lezing van de casebook')").click()
    v.page.wait_for_function(TITLE_STARTS, arg="Jouw plaatsing naast", timeout=10_000)
    _switch_to_english(v)
    v.page.wait_for_function(TITLE_STARTS, arg="Your placement beside", timeout=10_000)
    assert v.errors == []


def test_evaluations_controls_and_language(visit: Callable[[str], Visit]) -> None:
    v = visit("04_evaluaties.ipynb")
    cases = v.page.locator(".casebook-evaluations .widget-select-multiple select").first
    cases.select_option(label="Hambaken")
    v.page.wait_for_function(FIRST_CHART_TRACES, arg=1, timeout=15_000)  # one result: Hambaken's
    _switch_to_english(v)
    v.page.wait_for_selector("text=not comparable in a scientific sense", timeout=10_000)
    assert v.errors == []


def test_lessons_jump_to_a_case(visit: Callable[[str], Visit]) -> None:
    v = visit("05_lessen.ipynb")
    v.page.locator(".casebook-lessons .widget-select select").first.select_option(
        label="Les 9: Ketenknooppunten hebben een gezicht"
    )
    v.page.wait_for_selector("button:has-text('Lees de casus: Hambaken')", timeout=10_000)
    v.page.locator("button:has-text('Lees de casus: Hambaken')").click()
    v.page.wait_for_selector("h2:has-text('Wijkonderneming Hambaken')", timeout=10_000)
    _switch_to_english(v)
    v.page.wait_for_selector("text=The four main lines", timeout=10_000)
    assert v.errors == []


def _upload(v: Visit, view: str, files: list[dict]) -> None:
    """Choose files in a view's upload control, as a reader does through the file dialog (the
    widget's file input is not part of the page)."""
    with v.page.expect_file_chooser(timeout=10_000) as chooser:
        v.page.locator(f"{view} .widget-upload").first.click()
    chooser.value.set_files(files)


def test_check_answers_redraw_reload_and_refuse(visit: Callable[[str], Visit]) -> None:
    import json

    v = visit("06_check_je_samenwerking.ipynb")
    assert _title(v) == "Jouw samenwerking naast de vijf cases"
    v.page.locator(".casebook-q-urgency button:text-is('nee')").click()
    v.page.wait_for_selector(".casebook-weak li:has-text('Druk van de opgave')", timeout=10_000)
    bars = "() => document.querySelector('.js-plotly-plot')._fullData[0].x[0]"
    v.page.wait_for_function(f"({bars})() === 1", timeout=10_000)
    answers = {
        "format": "casebook-check/1",
        "name": "Team Noord",
        "saved_at": "",
        "answers": {"front_door": 2},
    }
    _upload(
        v,
        ".casebook-check",
        [
            {
                "name": "eerder.json",
                "mimeType": "application/json",
                "buffer": json.dumps(answers).encode(),
            }
        ],
    )
    v.page.wait_for_selector("text=Antwoorden geladen uit eerder.json", timeout=10_000)
    v.page.wait_for_selector(".casebook-weak li:has-text('De voordeur bewaakt')", timeout=10_000)
    assert v.page.locator(".casebook-weak li:has-text('Druk van de opgave')").count() == 0
    _upload(
        v,
        ".casebook-check",
        [{"name": "kapot.json", "mimeType": "application/json", "buffer": b'{"format": '}],
    )
    v.page.wait_for_selector("text=kapot.json: the file is not complete JSON", timeout=10_000)
    assert v.page.locator(".casebook-weak li:has-text('De voordeur bewaakt')").count() == 1
    summary = v.page.locator("a[download='samenvatting_check.html']")
    assert summary.count() == 1
    _switch_to_english(v)
    v.page.wait_for_function(
        TITLE_IS, arg="Your collaboration beside the five cases", timeout=10_000
    )
    assert v.errors == []


def test_compare_takes_an_own_neighbourhood_and_refuses_a_broken_one(
    visit: Callable[[str], Visit],
) -> None:
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "templates" / "voorbeeld_eigen_wijk.csv"
    v = visit("02_wijken_vergelijken.ipynb")
    content = example.read_bytes()
    _upload(
        v,
        ".casebook-compare",
        [{"name": "voorbeeld.csv", "mimeType": "text/csv", "buffer": content}],
    )
    v.page.wait_for_function(FIRST_CHART_TRACES, arg=7, timeout=15_000)
    v.page.wait_for_selector("text=Toegevoegd als eigen gegevens", timeout=10_000)
    assert v.page.locator(".casebook-own-note:has-text('niet uit het boekje')").count() == 1
    broken = content.replace(b",12,", b",twaalf,")
    _upload(
        v, ".casebook-compare", [{"name": "kapot.csv", "mimeType": "text/csv", "buffer": broken}]
    )
    v.page.wait_for_selector(
        "text=kapot.csv, row 32, column 'value': 'twaalf' is not a number", timeout=10_000
    )
    assert (
        v.page.evaluate("() => document.querySelectorAll('.js-plotly-plot')[0]._fullData.length")
        == 7
    )  # the good neighbourhood stays
    assert v.errors == []
