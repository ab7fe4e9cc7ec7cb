"""Locate bundled assets, in the installed package or beside it in the source tree.

In a wheel the top-level ``assets/`` folder is shipped as ``viewer/assets``. In an editable
install or a plain checkout it stays beside the package, so we fall back to it. The package is
always a folder on disk (the app reads its assets as files), so plain paths find it: importing
``importlib.resources`` would cost every start about 15 ms.
"""
from __future__ import annotations

import functools
from pathlib import Path


class AssetError(LookupError):
    """An asset name that is unsafe or does not exist."""


@functools.lru_cache(maxsize=1)
def assets_root() -> Path:
    """Return the folder that holds the bundled assets."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "assets"
    if packaged.is_dir():
        return packaged
    source_tree = package.parent / "assets"
    if source_tree.is_dir():
        return source_tree
    raise AssetError("bundled assets not found (neither viewer/assets nor ./assets)")


def asset_path(relative: str) -> Path:
    """Resolve ``relative`` (forward slashes) inside the assets folder, refusing escapes."""
    parts = [p for p in relative.split("/") if p]
    if not parts or any(p in ("..", ".") or "\\" in p for p in parts):
        raise AssetError(f"unsafe asset name: {relative!r}")
    root = assets_root()
    path = root.joinpath(*parts)
    if not path.resolve().is_relative_to(root.resolve()):
        raise AssetError(f"asset outside the assets folder: {relative!r}")
    return path
