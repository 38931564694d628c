"""The casebook's pages, in reading order: one table that the app (routes, title bar, landing
page), the static book, the tests and the benchmarks read instead of typing the list again.

Each page is a notebook in ``notebooks/``: its prose in both languages and one view. The app
serves it at its ``address`` (``/`` for the landing page), the book as ``<notebook stem>.html``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LIVE", "PAGES", "Page", "by_address", "by_notebook", "notebooks"]


@dataclass(frozen=True)
class Page:
    """One page of the casebook.

    ``topic`` is the page's one name in every role (``casebook/<topic>.py``, its chart
    builder, view and tests); ``notebook`` its file in ``notebooks/``; ``view`` the CSS class of
    the view it shows (what the browser tests and benchmarks wait for) and ``charts`` how many
    charts that view draws when it opens; ``title_key`` the text key of its title
    (casebook.text), ``nav_key`` that of its short name in the title bar; ``address`` where the
    app serves it ("" is the landing page, ``/``).
    """

    topic: str
    notebook: str
    view: str
    charts: int
    title_key: str
    nav_key: str
    address: str

    @property
    def number(self) -> str:
        """The page's number as the notebook's name gives it ("02")."""
        return self.notebook[:2]

    @property
    def path(self) -> str:
        """The page's path in the app: ``/`` and the address."""
        return "/" + self.address

    @property
    def stem(self) -> str:
        """The notebook's name without ``.ipynb`` (the book's page is ``<stem>.html``)."""
        return self.notebook.removesuffix(".ipynb")


PAGES: tuple[Page, ...] = (
    Page("start", "00_start.ipynb", ".casebook-start", 0, "page.00", "nav.start", ""),
    Page("cases", "01_casussen.ipynb", ".casebook-reader", 0, "page.01", "nav.cases", "casussen"),
    Page(
        "compare",
        "02_wijken_vergelijken.ipynb",
        ".casebook-compare",
        1,
        "page.02",
        "nav.compare",
        "wijken",
    ),
    Page(
        "logics", "03_vier_logicas.ipynb", ".casebook-logics", 2, "page.03", "nav.logics", "logicas"
    ),
    Page(
        "evaluations",
        "04_evaluaties.ipynb",
        ".casebook-evaluations",
        2,
        "page.04",
        "nav.evaluations",
        "evaluaties",
    ),
    Page("lessons", "05_lessen.ipynb", ".casebook-lessons", 1, "page.05", "nav.lessons", "lessen"),
    Page(
        "check",
        "06_check_je_samenwerking.ipynb",
        ".casebook-check",
        1,
        "page.06",
        "nav.check",
        "check",
    ),
    Page(
        "glossary",
        "07_woordenlijst.ipynb",
        ".casebook-glossary",
        0,
        "page.07",
        "nav.glossary",
        "woordenlijst",
    ),
)

# The teacher's live page: served in class mode only, behind the teacher's secret; not one of
# the reading pages (no title bar link, not in the book).
LIVE = Page("live", "08_live.ipynb", ".casebook-live", 0, "page.08", "nav.live", "live")


def notebooks() -> tuple[str, ...]:
    """The pages' notebooks in reading order."""
    return tuple(page.notebook for page in PAGES)


def by_notebook(name: str) -> Page:
    """The page whose notebook is ``name`` (the live page included)."""
    for page in (*PAGES, LIVE):
        if page.notebook == name:
            return page
    raise KeyError(f"no page has the notebook {name!r}; the pages: {', '.join(notebooks())}")


def by_address(address: str) -> Page | None:
    """The page served at ``address`` (with or without its leading ``/``), or None."""
    wanted = address.strip("/")
    return next((page for page in (*PAGES, LIVE) if page.address == wanted), None)
