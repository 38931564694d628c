"""The classroom app in a real browser: every page renders, draws its charts, reacts to its
controls and its language switch, fetches nothing from outside 127.0.0.1, and never hangs.

Every page load (``visit``) checks the whole page: its view is shown, all its charts are drawn,
no JavaScript error, nothing fetched from outside 127.0.0.1, the code hidden; the first load of
a page in a session also checks that its view shows one language at a time, in Dutch and in
English (``_one_language``), and saves its screenshot. A page that hangs fails its load (90 s)."""

from __future__ import annotations

import ast
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from casebook.app import PAGE_VIEWS, notebooks_dir
from casebook.testing import DRAWN
from tests.browser.conftest import SCREENSHOTS

ROOT = Path(__file__).resolve().parents[2]
PAGES = PAGE_VIEWS
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


# page -> the test whose load of it passed the full check (and saved its screenshot)
CHECKED: dict[str, str] = {}


@pytest.fixture
def visit(
    browser: object, app_url: str, request: pytest.FixtureRequest
) -> Iterator[Callable[[str], Visit]]:
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
        _check_page(v, name)
        if name not in CHECKED:
            _one_language(v, name)
            v.page.screenshot(path=str(_screenshot(name)), full_page=True)
            CHECKED[name] = request.node.nodeid
        return v

    yield open_page
    for context in contexts:
        for page in context.pages:
            page.goto("about:blank")  # fires the page's unload handler, as closing a tab does
        context.close()


def _screenshot(name: str) -> Path:
    return SCREENSHOTS / name.replace(".ipynb", ".png")


def _check_page(v: Visit, name: str) -> None:
    """What every load of a page must show, whichever test loads it."""
    selector, plots = PAGES[name]
    assert v.page.evaluate(f"({DRAWN})()") == plots, f"{name}: not every chart is drawn"
    assert v.errors == [], f"JavaScript errors on {name}: {v.errors}"
    assert v.blocked == [], f"{name} tried to fetch from outside 127.0.0.1: {v.blocked}"
    assert "casebook.load()" not in v.page.inner_text("body"), f"{name}: code is shown"


def _captures(tree: ast.AST) -> list[str]:
    """Where code captures output into an ipywidgets Output during execution: ``with out:``
    on a name or attribute assigned an ``Output(...)``, ``out.capture(...)``, and
    ``interact``/``interactive``/``interactive_output`` (which capture into an Output)."""
    outputs: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Call):
            func = node.value.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called == "Output":
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                outputs |= {ast.unparse(t) for t in targets}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                expr = ast.unparse(item.context_expr)
                if expr in outputs or "Output(" in expr:
                    found.append(f"line {node.lineno}: with {expr}:")
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("capture", "interact", "interactive", "interactive_output"):
                found.append(f"line {node.lineno}: {ast.unparse(func)}(...)")
        if isinstance(node, ast.Attribute) and node.attr in ("interact", "interactive_output"):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return sorted(set(found))


def test_nothing_captures_output_into_an_output_widget() -> None:
    """The cause of the Voilà hangs, found without a browser: neither the library nor a
    notebook captures output into an Output widget (views set ``Output.outputs`` directly,
    casebook.views.base.figure_outputs). The check is shown to find each form of capture."""
    sources = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
               for p in sorted((ROOT / "casebook").rglob("*.py"))}  # fmt: skip
    for nb_path in sorted(notebooks_dir().glob("*.ipynb")):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for k, cell in enumerate(nb["cells"]):
            if cell["cell_type"] == "code":
                source = "".join(cell["source"])
                lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
                sources[f"{nb_path.name} cell {k}"] = "\n".join(lines)
    assert len([s for s in sources if ".ipynb" in s]) >= len(PAGES)
    found = {where: hits for where, code in sources.items() if (hits := _captures(ast.parse(code)))}
    assert not found, f"output captured into an Output widget (hangs Voilà pages): {found}"
    # the check itself finds every form
    for bad in (
        "import ipywidgets as w\nout = w.Output()\nwith out:\n    print(1)",
        "self.out = widgets.Output()\nwith self.out:\n    display(fig)",
        "with widgets.Output():\n    pass",
        "@out.capture()\ndef f(): pass",
        "widgets.interactive_output(f, {'x': x})",
        "from ipywidgets import interact\ninteract(f, x=1)",
    ):
        assert _captures(ast.parse(bad)), bad
    assert not _captures(ast.parse("out = widgets.Output()\nout.outputs = ()"))


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
    v.page.locator("button:has-text('Toon de lezing van het casebook')").click()
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
    assert _title(v) == "Jouw samenwerking naast de vijf casussen"
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


# The landing page is 00_start.ipynb, whose pooled kernel test_start_page_language took; by
# now the pool has its next one ready (fill_delay, casebook/app.py).
def test_landing_page_is_the_root(app_url: str, browser: object) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(app_url + "/", timeout=90_000)
    page.wait_for_selector(".casebook-start", timeout=90_000)
    assert page.url.endswith("/voila/render/00_start.ipynb")
    assert page.locator("text=Koppelen en doorschakelen · casebook").first.is_visible()
    # code cells are hidden: no editor, no source text
    assert page.locator(".jp-InputArea-editor").count() == 0
    assert "casebook.load()" not in page.inner_text("body")
    page.goto("about:blank")
    context.close()


# 02 again: its pool has had time to refill since test_compare_control_redraws_the_chart.
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


# After the tests that use the pages' controls: each of them loads its page through ``visit``.
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_draws_and_stays_local(visit: Callable[[str], Visit], name: str) -> None:
    """Every page has passed the full check of ``visit`` (and has its screenshot) in this
    session: the tests above that work its controls loaded it, or this test loads it now.

    How many loads: one full check per page is what rendering needs, and the control tests
    already load every page (02 three times, 00 twice with the landing page), so no load is
    added for it. Five loads per page were once made to catch Voilà hanging: pages whose
    cells captured output into an Output widget during execution hung in 8 of 31 loads, pages
    without capturing cells in none of 70 (NOTES-jupyter-stack.md). That cause is now ruled
    out where it starts, without a browser: no notebook or view captures output
    (test_nothing_captures_output_into_an_output_widget, and every notebook's execution in
    tests/test_hostile.py records any Output widget that starts capturing). Should it come
    back, a hang rate like that one fails one of the ~18 loads of a session (10 here, 7 on
    the hostile data, 1 landing page): 1 - 0.74^18 > 99 %; repeated loads would add minutes
    to every run for the remaining fraction of a percent."""
    if name not in CHECKED:
        visit(name)
    assert name in CHECKED
    assert _screenshot(name).is_file(), f"no screenshot of {name}"


def _one_language(v: Visit, name: str) -> None:
    """The view, as Chromium shows it, in Dutch and after the switch in English, holds no text
    of ours in the other language (names, titles and the booklet's printed words allowed;
    tests/views/test_languages.py does the same for every view without a browser). Then the
    page is switched back to Dutch, as the tests expect it. The notebooks' prose is still in
    both languages (issue 16); the view below it is not."""
    import casebook
    from tests.views.test_languages import leaks, other_language_texts, printed_words

    book = casebook.load()
    quoted = printed_words(book)
    view = v.page.locator(PAGES[name][0]).first

    def shown() -> str:
        text = " ".join((view.text_content() or "").split())
        for words in quoted:
            text = text.replace(words, " ")
        return text

    def settle(other: set[str], label: str) -> list[str]:
        deadline = time.monotonic() + 15
        while ((found := leaks(shown(), other)) or label not in shown()) and (
            time.monotonic() < deadline
        ):
            time.sleep(0.2)  # the kernel relabels and redraws; charts arrive a moment later
        return found

    dutch, english = other_language_texts(book, "nl"), other_language_texts(book, "en")
    assert leaks(shown(), dutch) == [], f"{name} in Dutch shows English"
    assert leaks(shown(), english), f"{name}: no Dutch text of ours found, the check would be idle"
    v.page.locator("button.widget-toggle-button:text-is('EN')").first.click()
    assert settle(english, "Language") == [], f"{name} in English still shows Dutch"
    v.page.locator("button.widget-toggle-button:text-is('NL')").first.click()
    assert settle(dutch, "Taal") == [], f"{name} back in Dutch still shows English"
