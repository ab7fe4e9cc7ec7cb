"""Regenerate the README screenshots in docs/screenshots/ (offscreen; run from anywhere).

Usage: python tools/make_screenshots.py
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"

SHOTS = {
    "front.png": ["--view", "front", "--select", "PC6"],
    "back.png": ["--view", "back", "--channels", "BL,GV", "--select", "BL23"],
    "side.png": ["--view", "side", "--select", "GB34"],
    "face-zoom.png": ["--view", "front", "--select", "ST2", "--zoom", "7"],
    "trigger-points.png": ["--view", "back", "--trigger-points", "--no-acupoints", "--select", "quadratus_lumborum"],
    "compare.png": ["--view", "back", "--select", "BL23", "--panel", "compare"],
}


def where_it_hurts(path: Path) -> None:
    """The pain-lookup screenshot needs a click, so it is made in-process."""
    from viewer.app import create_window, ensure_application, save_screenshot

    app = ensure_application()
    window = create_window(view="back", size=(1600, 1000))
    window.show()
    app.processEvents()
    window.pain_action.trigger()
    back = window.content.body.view("back")
    x, y = back.landmark("psis")
    window.scenes["back"].spotClicked.emit(x + 0.005, y)
    window.scenes["back"].spotBrushed.emit(x + 0.012, y + 0.01)
    save_screenshot(window, path)


def main() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    OUT.mkdir(parents=True, exist_ok=True)
    for name, args in SHOTS.items():
        subprocess.run([sys.executable, "-m", "viewer", *args, "--screenshot", str(OUT / name)],
                       cwd=ROOT, env=env, check=True)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))
    where_it_hurts(OUT / "where-it-hurts.png")
    print(f"wrote {len(SHOTS) + 1} screenshots to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
