"""Smoke-test a built standalone bundle: start, screenshot, export, quit (CI runs this on Linux).

    python tools/smoke_bundle.py [dist/meridian-viewer]

The bundle runs with a bare environment (no PYTHONPATH, no virtual environment on PATH, a private home
folder), offscreen. Exit status 0 only if every step did what it should; each failure is printed.
"""
from __future__ import annotations

import csv
import os
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path.name} is not a PNG")
    return struct.unpack(">II", data[16:24])


STEPS = 6


def smoke(folder: Path) -> list[str]:
    exe = folder / ("meridian-viewer.exe" if sys.platform == "win32" else "meridian-viewer")
    if not exe.is_file():
        return [f"{exe} does not exist: build it with tools/build_bundle.py"]
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="mv-smoke-") as tmp:
        tmp_path = Path(tmp)
        env = {"PATH": "/usr/bin:/bin", "HOME": tmp, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
               "MERIDIAN_VIEWER_DATA": str(tmp_path / "data"), "MERIDIAN_VIEWER_CACHE": str(tmp_path / "cache")}
        if sys.platform == "win32":
            env = dict(os.environ, **{k: v for k, v in env.items() if k != "PATH"})

        def run(*args: str, **kw) -> subprocess.CompletedProcess:
            return subprocess.run([str(exe), *args], cwd=tmp, env=env, capture_output=True, text=True,
                                  timeout=180, check=False, **kw)

        def check(name: str, ok: bool, result: subprocess.CompletedProcess) -> None:
            print(f"{'ok  ' if ok else 'FAIL'} {name}", flush=True)
            if not ok:
                failures.append(f"{name}: exit {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")

        started = run("--quit-on-paint")
        check("start, first paint, quit", started.returncode == 0 and "first paint at" in started.stdout, started)

        shot = tmp_path / "back.png"
        result = run("--view", "back", "--select", "BL23", "--screenshot", str(shot), "--size", "1200x800")
        ok = result.returncode == 0 and shot.is_file() and _png_size(shot) == (1200, 800) and \
            shot.stat().st_size > 50_000
        check("screenshot 1200x800 of the back view with BL23", ok, result)

        points = tmp_path / "points.csv"
        result = run("export", "points", "--format", "csv", "-o", str(points))
        rows = list(csv.DictReader(points.open(encoding="utf-8"))) if points.is_file() else []
        check("export points (CSV)", result.returncode == 0 and len(rows) > 700, result)

        result = run("export", "points", "--format", "json")
        check("export points to standard output", result.returncode == 0 and '"BL23"' in result.stdout, result)

        handout = tmp_path / "handout.pdf"
        result = run("export", "handout", "--plan", str(ROOT / "docs" / "examples" / "low-back.mvplan"),
                     "-o", str(handout))
        ok = result.returncode == 0 and handout.is_file() and handout.read_bytes()[:4] == b"%PDF"
        check("export handout (PDF)", ok, result)

        result = run("pack", "new", str(tmp_path / "pack"))
        result2 = run("pack", "validate", str(tmp_path / "pack"))
        check("pack new + validate", result.returncode == 0 and result2.returncode == 0, result2)
    return failures


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder = (Path(argv[0]) if argv else ROOT / "dist" / "meridian-viewer").resolve()  # the runs use another cwd
    failures = smoke(folder)
    for failure in failures:
        print(f"\n--- {failure}", file=sys.stderr)
    failed = len(failures) if (folder / "meridian-viewer").exists() or not failures else STEPS
    print(f"bundle smoke test: {STEPS - failed} passed, {failed} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
