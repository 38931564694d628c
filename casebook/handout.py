"""The static handout: every notebook executed and written as self-contained HTML pages, a
Dutch handout in ``nl/`` and an English one in ``en/``, each wholly in its language.

Each page hides the code, shows its charts interactive and offline (plotly.js is written into
the page once), links to the other pages of its language and to the same page in the other
language. Widgets need a kernel, so while the handout is built the views show their default
selection as static HTML in both languages and say so; each notebook is executed once, and each
language's page keeps that language's cells (tagged ``lang-nl`` / ``lang-en``) and view. Pages
are written to a temporary file first and then moved into place.
"""

from __future__ import annotations

import copy
import os
import re
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat
from jupyter_core.utils import run_sync
from nbclient import NotebookClient

from casebook.app import PAGES, notebooks_dir
from casebook.i18n import LANGS
from casebook.markup import escape
from casebook.views.base import HANDOUT_ENV, HANDOUT_MIME

__all__ = ["build_handout", "external_references"]

_EXTERNAL = re.compile(
    r"""<(script|link)\b[^>]*\b(?:src|href)=["']https?://[^"']*["'][^>]*>(?:\s*</script>)?""", re.I
)


class _Fetches(HTMLParser):
    """Collects what a browser would fetch: script and image sources, stylesheets, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and values.get("src"):
            self.urls.append(values["src"] or "")
        elif tag == "link" and values.get("href"):
            self.urls.append(values["href"] or "")


def external_references(page: str) -> list[str]:
    """Every script, stylesheet, image or frame the page would fetch from the internet.
    (Links a reader may click are not fetches; script text is not parsed.)"""
    parser = _Fetches()
    parser.feed(page)
    local = ("http://127.0.0.1", "http://localhost", "data:")
    return [
        u
        for u in parser.urls
        if u.startswith(("http://", "https://", "//")) and not u.startswith(local)
    ]


def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return f'<script type="text/javascript">{get_plotlyjs()}</script>'


def _progress(done: int, total: int, name: str, started: float) -> None:
    width = 24
    filled = int(width * done / total)
    bar = "#" * filled + "-" * (width - filled)
    print(
        f"\r[{bar}] {done}/{total} {name:<32} {time.monotonic() - started:5.1f} s",
        end="",
        flush=True,
    )


class _Kernel:
    """One kernel for every page of a handout: each notebook starts with ``import casebook`` and
    ``casebook.load()``, and starting a kernel and importing pandas, plotly and the widgets for
    each page took longer than running the page. (The pages share nothing else: each loads
    the casebook and builds its own view.)"""

    def __init__(self, folder: Path) -> None:
        from jupyter_client.manager import AsyncKernelManager

        self.folder = folder
        # given to every client, so none of them owns it and shuts it down after its page
        self.manager: Any = AsyncKernelManager(kernel_name="python3")

    def execute(self, path: Path) -> nbformat.NotebookNode:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            timeout=300,
            kernel_name="python3",
            km=self.manager,
            resources={"metadata": {"path": str(self.folder)}},
        )
        try:
            client.execute(env={**os.environ, HANDOUT_ENV: "1"})
        finally:
            if client.kc is not None:
                client.kc.stop_channels()
        return nb

    def close(self) -> None:
        if self.manager.has_kernel:
            run_sync(self.manager.shutdown_kernel)(now=True)


def _execute(path: Path, kernel: _Kernel) -> nbformat.NotebookNode:
    return kernel.execute(path)


def cell_language(cell: nbformat.NotebookNode) -> str | None:
    """The language a cell is written in (its ``lang-nl``/``lang-en`` tag), or None for both."""
    tags = cell.get("metadata", {}).get("tags", [])
    found = [lang for lang in LANGS if f"lang-{lang}" in tags]
    return found[0] if len(found) == 1 else None


def in_language(nb: nbformat.NotebookNode, lang: str) -> nbformat.NotebookNode:
    """A copy of an executed notebook with only what a reader of ``lang`` sees: the cells of
    that language (and those of both), and each view's static page in that language."""
    page = copy.deepcopy(nb)
    page.cells = [c for c in page.cells if cell_language(c) in (None, lang)]
    for cell in page.cells:
        for output in cell.get("outputs", []):
            views = output.get("data", {}).get(HANDOUT_MIME)
            if views is not None:
                output["data"] = {
                    "text/html": views[lang],
                    "text/plain": output["data"]["text/plain"],
                }
    return page


_OTHER = {"nl": ("en", "English"), "en": ("nl", "Nederlands")}
_BAR_STYLE = (
    "<style>.cb-handout-lang{max-width:1200px;margin:.5em auto;padding:0 1.5em;"
    "font-family:system-ui,sans-serif}.cb-handout-lang a{color:#005A8C;font-weight:600}</style>"
)


def _export(nb: nbformat.NotebookNode, lang: str, name: str) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code=lang,
    )
    body, _ = exporter.from_notebook_node(nb)
    body = _EXTERNAL.sub("", body)  # MathJax and require.js from a CDN: not needed, not offline
    body = body.replace("</head>", f"{_plotly_js()}\n{_BAR_STYLE}\n</head>", 1)
    for page in PAGES:
        body = body.replace(f'href="{page}"', f'href="{page.replace(".ipynb", ".html")}"')
    other, label = _OTHER[lang]
    html_name = name.replace(".ipynb", ".html")
    bar = (
        f'<p class="cb-handout-lang"><a href="../{other}/{html_name}" lang="{other}" '
        f'hreflang="{other}">{label}</a></p>'
    )
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + bar, body, count=1)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# The teacher's key, in each language, as a page of that language's handout (when the files
# are there: in a checkout beside the package, in a wheel inside it).
KEY_PAGES: dict[str, tuple[str, str]] = {
    "docentensleutel.md": ("nl", "Docentensleutel · Koppelen en doorschakelen"),
    "teacher-key.md": ("en", "Teacher's key · Koppelen en doorschakelen"),
}
_PAGE_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;"
    "line-height:1.5;color:#222}h1,h2,h3{line-height:1.25}code{background:#f4f4f4}"
)


def docs_dir() -> Path | None:
    """The casebook's docs (wheel: ``casebook/docs``; checkout: ``docs/``), or None."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "docs", here.parent / "docs"):
        if any((candidate / name).is_file() for name in KEY_PAGES):
            return candidate
    return None


def key_page(markdown_text: str, title: str, lang: str = "nl") -> str:
    """A Markdown document as one self-contained HTML page (no scripts, nothing fetched)."""
    import mistune  # comes with nbconvert

    body = mistune.html(markdown_text)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_PAGE_STYLE}</style></head><body>"
        f'<p><a href="index.html">← casebook</a></p>{body}</body></html>\n'
    )


def choice_page() -> str:
    """The handout's front door: the same casebook in Dutch or in English."""
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        "<title>Koppelen en doorschakelen · casebook</title>"
        f"<style>{_PAGE_STYLE}</style></head><body>"
        "<h1>Koppelen en doorschakelen · casebook</h1><ul>"
        '<li><a href="nl/index.html" hreflang="nl">Nederlands</a></li>'
        '<li><a href="en/index.html" lang="en" hreflang="en">English</a></li>'
        "</ul></body></html>\n"
    )


def _write_pages(
    out: Path,
    source: Path,
    pages: tuple[str, ...],
    kernel: _Kernel,
    *,
    quiet: bool,
    started: float,
) -> list[Path]:
    """Each page executed once (in the shared kernel) and written in each language."""
    written = []
    for k, name in enumerate(pages):
        if not quiet:
            _progress(k, len(pages), name, started)
        executed = _execute(source / name, kernel)
        for lang in LANGS:
            html_text = _export(in_language(executed, lang), lang, name)
            remote = external_references(html_text)
            if remote:
                raise RuntimeError(
                    f"{name}: the handout page would fetch {remote[:3]} from the internet"
                )
            target = out / lang / name.replace(".ipynb", ".html")
            _write(target, html_text)
            written.append(target)
    return written


def build_handout(
    out_dir: str | os.PathLike[str], *, pages: tuple[str, ...] = PAGES, quiet: bool = False
) -> list[Path]:
    """Execute ``pages`` once each and write them as HTML into ``out_dir/nl`` and
    ``out_dir/en``; returns the files written.

    Raises
    ------
    RuntimeError
        If a page would still fetch anything from the internet.
    """
    out = Path(out_dir)
    source = notebooks_dir()
    written, started = [], time.monotonic()
    kernel = _Kernel(source)
    try:
        written += _write_pages(out, source, pages, kernel, quiet=quiet, started=started)
    finally:
        kernel.close()
    whole = pages[:1] == PAGES[:1]
    folder = docs_dir()
    for name, (lang, title) in KEY_PAGES.items() if folder is not None and whole else ():
        if (folder / name).is_file():
            target = out / lang / name.replace(".md", ".html")
            _write(target, key_page((folder / name).read_text(encoding="utf-8"), title, lang))
            written.append(target)
    if whole:
        for lang in LANGS:
            index = out / lang / "index.html"
            _write(index, (out / lang / "00_start.html").read_text(encoding="utf-8"))
            written.append(index)
        _write(out / "index.html", choice_page())
        written.append(out / "index.html")
    if not quiet:
        _progress(len(pages), len(pages), "klaar / done", started)
        print(f"\nThe handout is in {out.resolve()} ({len(written)} files).", file=sys.stdout)
    return written
