"""A start-up cache of the validated, placed content.

Parsing ~400 TOML entries and building the body model costs more than a tenth of a second, every
start. The result depends only on the bytes of the data files and of the domain code, so it is
pickled under a hash of exactly those bytes: any edit to a file (or to a pack) gives a new key and
the content is validated afresh. A cache that cannot be read or written is simply ignored.
"""
from __future__ import annotations

import pickle
import sys
from pathlib import Path

from .paths import CACHE_ENV, user_cache_dir
from .store import atomic_write_bytes

ENV = CACHE_ENV
_CODE = ("model.py", "loader.py", "body.py", "placement.py", "packs.py", "content.py", "cache.py", "muscles.py",
         "search.py", "compare.py", "cautions.py", "indications.py", "categories.py")
_KEEP = 3  # cache files kept (newest), so switching between versions stays fast


def cache_dir() -> Path | None:
    return user_cache_dir()


def content_key(data_files: list[Path]) -> str:
    """Hash of the data files (names and bytes) and of the domain code that interprets them."""
    try:
        from _blake2 import blake2b  # the same function as hashlib's, without loading OpenSSL
    except ImportError:  # pragma: no cover - other Python builds
        from hashlib import blake2b
    digest = blake2b(digest_size=16)
    here = Path(__file__).resolve().parent
    digest.update(sys.version.encode())
    for path in [here / name for name in _CODE] + sorted(data_files):
        digest.update(str(path.name).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()


def load(key: str):
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"content-{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign cache file: rebuild it
        path.unlink(missing_ok=True)
        return None


def save(key: str, value) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        atomic_write_bytes(folder / f"content-{key}.pickle", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        old = sorted(folder.glob("content-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[_KEEP:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # read-only lab machine: run without a cache
