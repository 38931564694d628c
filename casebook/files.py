"""Writing a reader's files safely: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["atomic_write_text", "decode_upload"]


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically: a crash leaves the old file or none, never
    half a file.

    The text goes to a temporary file in the same folder, is flushed to disk, and then replaces
    the target in one step.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def decode_upload(content: bytes, *, filename: str, max_bytes: int, what: str) -> str:
    """The text of a file a reader hands in, or ValueError naming the file: too large to be
    ``what`` (a placements file, an answers file), or not UTF-8. A BOM is dropped."""
    if len(content) > max_bytes:
        raise ValueError(f"{filename}: the file is too large to be {what}")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{filename}: the file is not UTF-8 text") from None
