"""Build a standalone Meridian Viewer that runs on a machine with no Python (PyInstaller, one folder).

    pip install -e ".[bundle]"
    python tools/build_bundle.py            # -> dist/meridian-viewer/meridian-viewer(.exe)

Build on the platform you ship to (PyInstaller does not cross-compile). Copy or zip the whole
dist/meridian-viewer/ folder to the lab; start the program inside it. It is the same console command
as the installed one (``meridian-viewer export points > file`` works) and needs no installation.
``python tools/smoke_bundle.py`` checks a built bundle: start, screenshot, export, quit.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "meridian-viewer"
# Large modules nothing in the app imports; PyInstaller would otherwise follow optional imports into them.
EXCLUDE = ("tkinter", "PIL", "numpy", "pytest", "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick",
           "PySide6.QtMultimedia", "PySide6.QtWebEngineCore", "PySide6.QtOpenGL")


def build(dist: Path, work: Path) -> Path:
    import PyInstaller.__main__

    args = [str(ROOT / "tools" / "bundle_main.py"), "--name", NAME, "--onedir", "--noconfirm", "--clean",
            "--distpath", str(dist), "--workpath", str(work), "--specpath", str(work),
            "--paths", str(ROOT),
            # The atlas content goes where importlib.resources finds it in a wheel: viewer/assets.
            "--add-data", f"{ROOT / 'assets'}{os.pathsep}viewer/assets",
            "--collect-submodules", "viewer", "--log-level", "WARN"]
    for module in EXCLUDE:
        args += ["--exclude-module", module]
    PyInstaller.__main__.run(args)
    executable = dist / NAME / (NAME + (".exe" if sys.platform == "win32" else ""))
    if not executable.is_file():
        raise SystemExit(f"build_bundle: {executable} was not made")
    return executable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the standalone bundle with PyInstaller.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle", help="PyInstaller's work folder")
    args = parser.parse_args(argv)
    print(f"built {build(args.dist, args.work)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
