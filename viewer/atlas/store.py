"""Safe user files: atomic writes (temp file + os.replace) and corrupt files kept aside."""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` so that ``path`` holds either the old or the new content, never a mix."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` atomically as UTF-8."""
    atomic_write_bytes(path, text.encode("utf-8"))


def quarantine(path: Path) -> Path:
    """Move a file we cannot read aside (``name.corrupt-<time>``) so it is never overwritten."""
    target = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}-{n}")
        n += 1
    os.replace(path, target)
    return target


def load_json(path: Path, default):
    """Read a JSON user file; a corrupt one is moved aside and ``default`` returned with a note.

    Returns ``(value, note)``; ``note`` is "" or a sentence telling the user what happened.
    """
    path = Path(path)
    if not path.exists():
        return default, ""
    try:
        return json.loads(path.read_text(encoding="utf-8")), ""
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        kept = quarantine(path)
        return default, f"{path.name} could not be read ({exc}); it was kept as {kept.name}."


def save_json(path: Path, value) -> None:
    atomic_write_text(path, json.dumps(value, ensure_ascii=False, indent=1) + "\n")
