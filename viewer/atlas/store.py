"""Safe files: atomic writes, bad user files kept aside, and bounded reads of every file the app reads."""
from __future__ import annotations

import json
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from .i18n import _
from .limits import MAX_TOML_BYTES, size_words
from .model import Problem

STALE_TEMP_AGE = 3600.0  # seconds: a temporary file this old belongs to a save that was killed
_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # .name.XXXXXXXX.tmp from atomic_write_bytes


class Refused(ValueError):
    """A file the app will not read (wrong kind, too large, nested too deeply); the message says why."""


def read_limited(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, refused if it is larger than ``limit``.

    Opens without blocking, so a named pipe or a device is refused instead of waiting for ever.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Refused(_("is not a regular file (a folder, pipe or device); it was not read"))
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise Refused(_("is {size}, over the limit of {limit} for this kind of file; it was not read").format(
            size=size_words(max(st.st_size, len(data))), limit=size_words(limit)))
    return data


def decode_text(data: bytes) -> str:
    """UTF-8 text; a byte-order mark (as some Windows editors write) is accepted and dropped."""
    return data.decode("utf-8-sig")


def remove_stale_temps(folder: Path, prefix: str = "", age: float = STALE_TEMP_AGE) -> list[Path]:
    """Remove ``.name.XXXXXXXX.tmp`` files left in ``folder`` by saves that were killed.

    Only regular files of that exact pattern, older than ``age`` seconds (a save in progress in
    another window is never touched); ``prefix`` limits it to one file's temporaries. Never raises.
    """
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    now = time.time()
    for path in entries:
        if not _TEMP_NAME.match(path.name) or not path.name.startswith(f".{prefix}"):
            continue
        try:
            st = path.lstat()
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime > age:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


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


def parse_json(text: str):
    """``json.loads`` that reports deep nesting as a refusal instead of a RecursionError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise Refused(_("is nested too deeply to be a file of this app")) from None


def keep_aside(path: Path, why: str) -> tuple[str, bool]:
    """Move a file we cannot use aside; returns (a sentence for the user, whether it was moved).

    In a read-only folder the file stays exactly where it is, and the sentence says so.
    """
    try:
        kept = quarantine(path)
    except OSError as exc:
        return _("{file} {problem}; it could not be moved aside ({error}), so it is left unchanged and nothing "
                 "is saved over it.").format(file=path.name, problem=why, error=exc.strerror or exc), False
    return _("{file} {problem}; it was kept as {kept}.").format(file=path.name, problem=why, kept=kept.name), True


def load_json(path: Path, default, limit: int = 1_000_000):
    """Read a JSON user file; a corrupt one is moved aside and ``default`` returned with a note.

    Returns ``(value, note, writable)``: ``note`` is "" or a sentence telling the user what happened;
    ``writable`` is False when a bad file could not be moved aside (it must not be overwritten).
    """
    path = Path(path)
    if not os.path.lexists(path):
        return default, "", True
    try:
        data = read_limited(path, limit, path.name)
    except Refused as exc:
        note, moved = keep_aside(path, str(exc))
        return default, note, moved
    except OSError as exc:  # not readable by us: leave it alone and never write over it
        return default, _("{file} could not be read ({error}); it is left unchanged and nothing is saved over "
                          "it.").format(file=path.name, error=exc.strerror or exc), False
    try:
        return parse_json(decode_text(data)), "", True
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError and Refused are ValueErrors
        note, moved = keep_aside(path, _("could not be read ({error})").format(error=exc))
        return default, note, moved


def save_json(path: Path, value) -> None:
    atomic_write_text(path, json.dumps(value, ensure_ascii=False, indent=1) + "\n")


def read_toml(path: Path, name: str, problems: list[Problem]) -> dict | None:
    """A TOML data file as a dict, or None with the reason added to ``problems`` (never raises)."""
    import tomllib  # only when files are actually read (not on a start-up served from the cache)

    try:
        return tomllib.loads(decode_text(read_limited(path, MAX_TOML_BYTES, "data file")))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(name, "", "", _("not valid TOML: {error}").format(error=exc)))
    except RecursionError:
        problems.append(Problem(name, "", "", _("is nested too deeply to be a data file; it was not read")))
    except Refused as exc:
        problems.append(Problem(name, "", "", str(exc)))
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, "", "", _("is not UTF-8 text ({reason} at byte {byte})").format(
            reason=exc.reason, byte=exc.start)))
    except OSError as exc:
        problems.append(Problem(name, "", "", _("cannot be read: {error}").format(error=exc.strerror or exc)))
    return None


def value_kind(value) -> str:
    """What a TOML value is, in the words of the format ("a table", "a list", "a number")."""
    if isinstance(value, dict):
        return _("a table")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=repr(value))
    return f"{type(value).__name__} {value!r}"


def entries_of(data: dict, section: str) -> tuple[list, str]:
    """The ``[[section]]`` entries of a file and "" — or, for a wrong shape, a message for it."""
    entries = data.get(section, [])
    if isinstance(entries, dict):
        return [], _("must be written {tables} (one table per entry), not {table}").format(
            tables=f"[[{section}]]", table=f"[{section}]")
    if not isinstance(entries, list):
        return [], _("must be a list of {tables} tables, not {kind}").format(
            tables=f"[[{section}]]", kind=value_kind(entries))
    return entries, ""
