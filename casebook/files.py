"""Writing a reader's files safely: whole or not at all."""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import datetime
from pathlib import Path

__all__ = [
    "atomic_write_bytes",
    "atomic_write_text",
    "decode_upload",
    "fresh_path",
    "save_text",
]


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically: a crash leaves the old file or none, never
    half a file.

    The text goes to a temporary file in the same folder, is flushed to disk, and then replaces
    the target in one step.
    """
    return atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, as :func:`atomic_write_text` does."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def fresh_path(folder: str | os.PathLike[str], prefix: str, stem: str, suffix: str) -> Path:
    """A path in ``folder`` named ``prefix_stem_YYYYmmdd-HHMMSS.suffix`` that no file has yet,
    so that a save never replaces an earlier one (``_2``, ``_3`` ... when saved twice a second)."""
    stamp = f"{prefix}_{stem}_{datetime.now():%Y%m%d-%H%M%S}"
    path, number = Path(folder) / f"{stamp}{suffix}", 2
    while path.exists():
        path, number = Path(folder) / f"{stamp}_{number}{suffix}", number + 1
    return path


def decode_upload(content: bytes, *, filename: str, max_bytes: int, what: str) -> str:
    """The text of a file a reader hands in, or ValueError naming the file: too large to be
    ``what`` (a placements file, an answers file), or not UTF-8. A BOM is dropped."""
    if len(content) > max_bytes:
        raise ValueError(f"{filename}: the file is too large to be {what}")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{filename}: the file is not UTF-8 text") from None


def save_text(path: Path, text: str, lang: str) -> tuple[Path | None, str]:
    """For a reader who saves their work: write ``text`` to ``path`` atomically; return the
    path (None when it failed) and the message for the reader, in ``lang`` (where it went: in
    the home folder, the path from there; elsewhere :func:`shown_path`; or why it could not be
    saved)."""
    from casebook.markup import message_html
    from casebook.text import t

    try:
        saved = atomic_write_text(path, text)
    except OSError as err:
        logging.getLogger(__name__).exception("saving %s failed", path)
        return None, message_html(t("save_failed", lang, reason=err.strerror or str(err)))
    try:
        inside = saved.relative_to(Path.home()).as_posix()
    except ValueError:
        return saved, message_html(t("saved", lang, path=shown_path(saved)))
    return saved, message_html(t("saved.home", lang, path=inside))


def shown_path(path: Path) -> str:
    """Where a saved file is, as a reader is told: its folder's name and its own, never the
    whole path (which names the computer's user and how its disks are laid out)."""
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name
