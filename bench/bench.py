"""Speed benchmark: cold start, full repaint, selection -> details panel.

Usage:  python bench/bench.py [--runs 7] [--update-readme]

Cold start is compared with a bare PySide6 QLabel window measured in the same run, on the same
machine, both started as fresh processes that quit at their first paint (the app: once its side panels,
made just after its first paint, are there too; both moments are reported). Figures are medians.
With --update-readme the table between the BENCH markers in README.md is replaced.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("hello")
class F(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(f"first paint at {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
f = F()
label.installEventFilter(f)
label.resize(400, 200)
label.show()
app.exec()
"""


def _wall(cmd: list[str], event: str = "first paint") -> float | tuple[float, float]:
    """Seconds from launching ``cmd`` to the first paint it reports ("first paint at <epoch>"); with
    ``event="panels ready"`` also to the moment the app reports its side panels made (a pair)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Measure as installed: pip compiles bytecode at install time, so let the warm-up run write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    out = subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout

    def at(what: str) -> float:
        return next(float(line.split()[len(what.split()) + 1]) for line in out.splitlines()
                    if line.startswith(f"{what} at")) - start

    painted = at("first paint")
    return painted if event == "first paint" else (painted, at(event))


# The same QLabel window, but only after importing the app's UI modules: the share of start-up that
# is PySide6 creating the Qt types and enums a full window uses, before any of our own work.
FLOOR = "import viewer.ui.main_window\n" + BARE


def cold_start(runs: int) -> tuple[float, float, float, float]:
    """Medians: bare window, app's first paint, app's side panels made (just after), Qt-types floor."""
    bare, app, panels, floor = [], [], [], []
    app_cmd = [sys.executable, "-m", "viewer", "--quit-on-paint", "--size", "1600x1000"]
    _wall([sys.executable, "-c", BARE])  # warm the file cache for all three
    _wall([sys.executable, "-c", FLOOR])
    _wall(app_cmd)
    for _ in range(runs):
        bare.append(_wall([sys.executable, "-c", BARE]))
        floor.append(_wall([sys.executable, "-c", FLOOR]))
        painted, ready = _wall(app_cmd, "panels ready")
        app.append(painted)
        panels.append(ready)
    return statistics.median(bare), statistics.median(app), statistics.median(panels), statistics.median(floor)


def in_process(runs: int) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from viewer.app import create_window, ensure_application

    app = ensure_application()
    window = create_window(size=(1920, 1080))
    window.show()
    app.processEvents()
    window.after_paint.finish()  # the steady state: what the window prepares after its first paint is done
    results: dict[str, float] = {}
    viewport = window.diagram.viewport()
    for view in window.content.body.views:
        window.set_view(view)
        scene = window.scenes[view]
        scene.set_labels_visible(True)  # every layer on: figure, channel lines, markers, labels
        app.processEvents()
        times = []
        for _ in range(max(runs * 4, 20)):
            start = time.perf_counter()
            viewport.repaint()
            times.append(time.perf_counter() - start)
        results[f"repaint_{view}"] = statistics.median(times)
    window.set_view("front")
    codes = list(window.content.atlas.points)[:: max(1, len(window.content.atlas.points) // 60)]
    times = []
    for code in codes:
        start = time.perf_counter()
        window.select(code)
        app.processEvents()
        times.append(time.perf_counter() - start)
    results["select"] = statistics.median(times)
    results["select_max"] = max(times)
    from viewer.atlas.finder import Finder

    finder = Finder.build(window.content)  # the Ctrl+F / Browse search over points, muscles, indications
    queries = ["s", "st", "st36", "zusanly", "hoku", "piriformis", "back pain", "sciatica", "ql1", "足三里",
               "족삼리", "xqzvw"]
    times = []
    for _ in range(max(runs, 3)):
        for query in queries:
            start = time.perf_counter()
            finder.search(query)
            times.append(time.perf_counter() - start)
    results["search"] = statistics.median(times)
    results["search_max"] = max(times)
    window.close()
    return results


def table(bare: float, cold: float, panels: float, floor: float, inproc: dict[str, float]) -> str:
    repaint = max(v for k, v in inproc.items() if k.startswith("repaint_"))
    rows = [
        "| measure | result | target |",
        "|---|---|---|",
        f"| bare PySide6 QLabel window, start to first paint | {bare:.3f} s | reference |",
        f"| same QLabel window after importing the app's UI modules (Qt types only) | {floor:.3f} s "
        f"({floor / bare:.2f}x bare) | context |",
        f"| Meridian Viewer, start to first painted window | {cold:.3f} s ({cold / bare:.2f}x bare) | ≤ 2x bare |",
        f"| Meridian Viewer, start to side panels made (just after the first paint) | {panels:.3f} s "
        f"({panels / bare:.2f}x bare) | context |",
        f"| full repaint 1920x1080, all layers on (worst view, median) | {repaint * 1000:.1f} ms | < 8 ms |",
        f"| select a point → details panel updated (median / max) | {inproc['select'] * 1000:.1f} ms / "
        f"{inproc['select_max'] * 1000:.1f} ms | < 16 ms |",
        f"| search as you type, whole index (median / max per query) | {inproc['search'] * 1000:.1f} ms / "
        f"{inproc['search_max'] * 1000:.1f} ms | < 16 ms |",
    ]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    import PySide6

    rows.append("")
    rows.append(f"Measured by `python bench/bench.py` on {machine}, PySide6 {PySide6.__version__}, "
                f"offscreen platform, {time.strftime('%Y-%m-%d')}.")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--update-readme", action="store_true")
    args = parser.parse_args()
    bare, cold, panels, floor = cold_start(args.runs)
    inproc = in_process(args.runs)
    for key, value in inproc.items():
        print(f"{key}: {value * 1000:.2f} ms")
    text = table(bare, cold, panels, floor, inproc)
    print(text)
    if args.update_readme:
        readme = ROOT / "README.md"
        body = readme.read_text(encoding="utf-8")
        start, end = "<!-- BENCH:START -->", "<!-- BENCH:END -->"
        head, rest = body.split(start, 1)
        _, tail = rest.split(end, 1)
        readme.write_text(f"{head}{start}\n{text}\n{end}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
