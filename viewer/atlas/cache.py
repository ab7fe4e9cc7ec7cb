"""A start-up cache of the validated, placed content — plain data that cannot run code.

Parsing ~400 TOML entries and building the body model costs about a quarter of a second, every
start. The result depends only on the data files and on the domain code, so it is stored under a
hash of their paths, sizes and modification times: any edit to a file, a renamed pack folder or a
new version of the code gives a new key and the content is validated afresh.

The file is MessagePack decoded by msgspec into the typed dataclasses of the domain: a planted or
damaged file can at worst fail to decode (a cache miss), never execute anything. The folder is
created private (0700) and a folder or file we do not own, a symlink, a file where the folder
should be or an unreadable folder all mean "no cache": the app runs without it whatever is on disk.
"""
from __future__ import annotations

import functools
import os
import stat
import sys
from pathlib import Path
from typing import Any

from .paths import CACHE_ENV, user_cache_dir
from .store import atomic_write_bytes, remove_stale_temps

ENV = CACHE_ENV  # a folder, or "off"
FORMAT = "msgpack-3"  # part of the key: a new layout of the file never meets an old one
MAX_BYTES = 64 * 1024 * 1024  # a cache file larger than this is not ours
_KEEP = 3  # cache files kept (newest), so switching between versions stays fast
_SUFFIX = ".msgpack"


def cache_dir() -> Path | None:
    return user_cache_dir()


def _ours(st: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


def _private_dir(create: bool) -> Path | None:
    """The cache folder if it is a real folder owned by us (made 0700), else None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.lstat()
        if not stat.S_ISDIR(st.st_mode) or not _ours(st):
            return None
        if os.name == "posix" and stat.S_IMODE(st.st_mode) & 0o077:
            os.chmod(folder, 0o700)
        return folder
    except OSError:
        return None


def content_key(data_files: list[Path]) -> str:
    """Hash of the data files, of every module of the domain code and of the interface language's
    catalogue: each one's full path, size and modification time (as Python does for its byte-code
    cache), so the key costs a stat per file, not a read. An edit that keeps both the size and the
    time to the nanosecond goes unseen; setting the time back on purpose is the only way to get one."""
    try:
        from _blake2 import blake2b  # the same function as hashlib's, without loading OpenSSL
    except ImportError:  # pragma: no cover - other Python builds
        from hashlib import blake2b
    import msgspec

    from .i18n import DOMAIN, current, locale_dir

    digest = blake2b(digest_size=16)
    here = Path(__file__).resolve().parent
    # Load problems are written in the interface language: each language (and catalogue) has its own entry.
    lang = current()
    catalogue = [locale_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"]
    digest.update(f"{FORMAT} {sys.version} msgspec {msgspec.__version__} {lang}".encode())
    for path in sorted(here.glob("*.py")) + sorted(data_files) + catalogue:
        try:
            st = os.stat(path)
            stamp = f"{stat.S_IFMT(st.st_mode)} {st.st_size} {st.st_mtime_ns}"
        except OSError as exc:
            stamp = f"<{type(exc).__name__}>"
        digest.update(f"{path}\0{stamp}\0".encode())
    return digest.hexdigest()


def load(key: str, kind: type):
    """The cached value of type ``kind``, or None (missing, foreign, damaged, unreadable)."""
    folder = _private_dir(create=False)
    if folder is None:
        return None
    path = folder / f"content-{key}{_SUFFIX}"
    try:
        import msgspec

        st = path.lstat()
        if not stat.S_ISREG(st.st_mode) or not _ours(st) or st.st_size > MAX_BYTES:
            return None
        return msgspec.msgpack.Decoder(kind).decode(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, RecursionError, MemoryError):
        # msgspec.DecodeError is a ValueError: a damaged or foreign file is simply rebuilt
        _remove(path)
        return None


def discard(key: str) -> None:
    """Remove the cache file of ``key`` (found damaged after it was opened)."""
    folder = _private_dir(create=False)
    if folder is not None:
        _remove(folder / f"content-{key}{_SUFFIX}")


_PENDING = "_cache_pending"


def deferred(raw, kind: type, rebuild, **known):
    """A ``kind`` (a dataclass) whose fields are decoded from the MessagePack ``raw`` when one of them is
    first read; the ``known`` ones are there at once. Start-up decodes only what the first picture needs.
    Once decoded it is a plain ``kind``. A part that turns out damaged (the file was read, not checked,
    at start) is replaced by ``rebuild()``, made from the data files, as a damaged cache file is."""
    value: Any = object.__new__(_deferred_type(kind))
    value.__dict__.update(known)
    value.__dict__[_PENDING] = (raw, kind, rebuild)
    return value


def pending(value) -> bool:
    """Is ``value`` (from :func:`deferred`) still waiting to be decoded?"""
    return _PENDING in vars(value)


def _decode_now(value) -> None:
    pending = value.__dict__.pop(_PENDING, None)
    if pending is None:
        return
    raw, kind, rebuild = pending
    try:
        import msgspec

        real = msgspec.msgpack.Decoder(kind).decode(raw)
    except (ValueError, RecursionError, MemoryError):
        real = rebuild()
    value.__dict__.update(vars(real))
    object.__setattr__(value, "__class__", kind)  # frozen dataclasses refuse a plain assignment


def _first_read(value, name: str):
    if _PENDING not in value.__dict__:
        raise AttributeError(name)
    _decode_now(value)
    return getattr(value, name)


def _equal(value, other):
    _decode_now(value)
    return value == other


def _hash(value):
    _decode_now(value)
    return hash(value)


@functools.cache
def _deferred_type(kind: type) -> type:
    # __getattr__ runs only for attributes not yet in the instance, i.e. until the value is decoded.
    return type(f"Deferred{kind.__name__}", (kind,), {"__getattr__": _first_read, "__eq__": _equal,
                                                      "__hash__": _hash, "__module__": __name__})


def save(key: str, value) -> None:
    folder = _private_dir(create=True)
    if folder is None:
        return
    try:
        import msgspec

        atomic_write_bytes(folder / f"content-{key}{_SUFFIX}", msgspec.msgpack.encode(value))
    except (OSError, TypeError, ValueError):
        return  # read-only lab machine, full disk: run without a cache
    _prune(folder)
    remove_stale_temps(folder)


def _remove(path: Path) -> None:
    try:
        if path.is_file() and not path.is_symlink():
            path.unlink()
    except OSError:
        pass


def _prune(folder: Path) -> None:
    """Keep the newest few cache files; remove pickles left by older versions (never read)."""
    try:
        entries = []
        for path in list(folder.glob(f"content-*{_SUFFIX}")) + list(folder.glob("content-*.pickle")):
            st = path.lstat()
            if stat.S_ISREG(st.st_mode):
                entries.append((path.suffix == _SUFFIX, st.st_mtime, path))
    except OSError:
        return
    entries.sort(reverse=True)
    for _, _, stale in [e for e in entries if not e[0]] + [e for e in entries if e[0]][_KEEP:]:
        _remove(stale)
