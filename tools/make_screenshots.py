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
    "medial-leg.png": ["--view", "medial_leg", "--select", "KI3"],
    "foot-medial.png": ["--view", "foot_medial", "--select", "KI6"],
    "foot-lateral.png": ["--view", "foot_lateral", "--select", "BL62"],
    "foot-dorsal.png": ["--view", "foot_dorsal", "--select", "LR3"],
    "trigger-points.png": ["--view", "back", "--trigger-points", "--no-acupoints", "--select", "quadratus_lumborum"],
    "compare.png": ["--view", "back", "--select", "BL23", "--panel", "compare"],
    "safety.png": ["--view", "back", "--trigger-points", "--select", "BL42", "--zoom", "2.2"],
    "patient-view.png": ["--view", "back", "--plan", "docs/examples/low-back.mvplan", "--patient-view"],
    "window-es.png": ["--lang", "es", "--select", "ST36", "--size", "1366x768"],
    "window-zh_CN.png": ["--lang", "zh_CN", "--select", "ST36", "--size", "1366x768"],
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


def study(path: Path) -> None:
    """Locate-the-point after a near miss, with the landmarks and the route shown."""
    from viewer.app import create_window, ensure_application, save_screenshot

    app = ensure_application()
    window = create_window(size=(1600, 1000), data_dir=Path(os.environ.get("TMPDIR", "/tmp")) / "mv-shots")
    window.show()
    app.processEvents()
    window.raise_panel("study")
    app.processEvents()
    locate = window.study.panel.locate
    window.study.panel.setCurrentWidget(locate)
    locate.deck.setCurrentIndex(locate.deck.findText("PC Pericardium"))
    locate.next_point()
    code, view = locate.target
    while code != "PC6":
        locate.drill.answer(code, view, *window.content.layout.position(code, view, "left"))
        locate.next_point()
        code, view = locate.target
    x, y = window.content.layout.position(code, view, "left")
    window.scenes[view].spotClicked.emit(x + 0.004, y + 0.012)
    locate.next_step()
    locate.next_step()
    save_screenshot(window, path)


def handout(path: Path) -> None:
    """Page 1 of the example plan's handout, rendered back from the PDF with pdftoppm if present."""
    import shutil
    import tempfile

    from viewer.atlas.content import load_content
    from viewer.atlas.plan import load_plan
    from viewer.ui.handout import export_pdf, export_png

    content = load_content()
    plan = load_plan(ROOT / "docs" / "examples" / "low-back.mvplan")
    if shutil.which("pdftoppm"):
        with tempfile.TemporaryDirectory() as tmp:
            pdf = export_pdf(content, plan, Path(tmp) / "handout.pdf")
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", str(pdf), str(path.with_suffix(""))],
                           check=True)
    else:
        export_png(content, plan, path, dpi=70)


def crosshair(path: Path) -> None:
    """The keyboard crosshair: X on BL23, a few arrow steps, Enter asks 'where does it hurt?' there."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    from viewer.app import create_window, ensure_application, save_screenshot

    app = ensure_application()
    window = create_window(view="back", select="BL23", size=(1366, 768),
                           data_dir=Path(os.environ.get("TMPDIR", "/tmp")) / "mv-shots")
    window.show()
    app.processEvents()
    window.crosshair_action.trigger()
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Return):
        app.sendEvent(window.diagram, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))
    save_screenshot(window, path)


THEMES = {"theme-light.png": "light", "theme-dark.png": "dark", "theme-high-contrast.png": "high_contrast"}


def themed(path: Path, key: str, size=(1366, 768)) -> None:
    """One theme on a small screen: ST36 selected, the details and the compare panel one above the other."""
    from PySide6.QtCore import Qt

    from viewer.app import create_window, ensure_application, save_screenshot

    app = ensure_application()
    window = create_window(select="ST36", size=size, data_dir=Path(os.environ.get("TMPDIR", "/tmp")) / "mv-shots")
    window.appearance.set_theme(key, save=False)
    window.removeDockWidget(window.compare_dock)  # out of the details' tab group, then below it
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.compare_dock, Qt.Orientation.Vertical)
    window.compare_dock.show()
    window.show()
    app.processEvents()
    window.resizeDocks([window.details_dock, window.compare_dock], [360, 330], Qt.Orientation.Vertical)
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
    study(OUT / "study-locate.png")
    handout(OUT / "handout.png")
    crosshair(OUT / "keyboard-crosshair.png")
    for name, key in THEMES.items():
        themed(OUT / name, key)
    print(f"wrote {len(SHOTS) + 4 + len(THEMES)} screenshots to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
