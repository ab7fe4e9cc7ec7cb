"""Gather everything a lab needs to install Meridian Viewer without internet into one folder.

Run it on any machine that can reach PyPI; copy the folder (USB stick, shared drive) to the lab:

    python tools/gather_wheels.py                                   # for this machine's platform
    python tools/gather_wheels.py --platform win_amd64 --python 3.12    # for Windows lab PCs
    python tools/gather_wheels.py --platform macosx_11_0_arm64 --python 3.12

The folder then holds the app's wheel, one wheel per dependency for the target, and INSTALL.txt with
the one command that installs from it with no network:

    pip install --no-index --find-links <folder> meridian-viewer
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALL = """Meridian Viewer: offline installation
=====================================

This folder holds Meridian Viewer and every package it needs, as wheels for:
    platform {platform}, Python {python}

On each lab machine (with that Python installed), in a terminal in the folder that holds this one:

    python -m venv meridian-env
    meridian-env/bin/pip install --no-index --find-links {folder} meridian-viewer          (Linux, macOS)
    meridian-env\\Scripts\\pip install --no-index --find-links {folder} meridian-viewer     (Windows)

--no-index means pip never contacts the internet: it installs only from this folder.
Then start the app with meridian-env/bin/meridian-viewer (Windows: meridian-env\\Scripts\\meridian-viewer-gui.exe
for a shortcut without a console window).
"""


def run(cmd: list[str]) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def gather(out: Path, platforms: list[str], python: str | None) -> Path:
    """Build the app's wheel into ``out`` and download its dependencies' wheels for the target."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("meridian_viewer-*.whl"):
        old.unlink()  # only the freshly built app wheel, never an older one
    pip = [sys.executable, "-m", "pip"]
    run([*pip, "wheel", "--no-deps", "--wheel-dir", str(out), str(ROOT)])
    (wheel,) = out.glob("meridian_viewer-*.whl")
    target = []
    for tag in platforms:
        target += ["--platform", tag]
    if platforms:
        target += ["--implementation", "cp"]
    if python:
        target += ["--python-version", python]
    # Binary wheels only, so the lab machine needs no compiler and no build back-end.
    run([*pip, "download", "--only-binary=:all:", "--dest", str(out), *target, str(wheel)])
    (out / "INSTALL.txt").write_text(INSTALL.format(
        platform=", ".join(platforms) or "this machine's", python=python or ".".join(map(str, sys.version_info[:2])),
        folder=out.name), encoding="utf-8")
    return wheel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "wheelhouse", help="folder to fill (default: wheelhouse/)")
    parser.add_argument("--platform", action="append", default=[],
                        help="target platform tag, e.g. win_amd64, macosx_11_0_arm64, manylinux_2_34_x86_64; "
                             "repeat it to accept several (default: this machine)")
    parser.add_argument("--python", help="target Python version, e.g. 3.12 (default: this Python)")
    args = parser.parse_args(argv)
    try:
        gather(args.out, args.platform, args.python)
    except subprocess.CalledProcessError as exc:
        print(f"gather_wheels: failed: {' '.join(exc.cmd)} (exit {exc.returncode})", file=sys.stderr)
        return 1
    print(f"done: {args.out} - install with: pip install --no-index --find-links {args.out} meridian-viewer")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
