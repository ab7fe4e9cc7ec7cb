"""Instructions to the first paint: the app and the bare window, counted by valgrind (callgrind).

Usage:  python bench/instructions.py

Wall-clock start-up on a shared or virtual machine wanders by ±0.15x from batch to batch; the number of
instructions a process runs before its first paint does not (it moves by well under 1 % between runs).
It is a proxy for CPU work only (no time spent in the kernel, reading files or faulting pages in), so
use it to compare two versions of the code; the README's figures come from ``bench.py``. Both processes
stop at the moment ``bench.py`` takes as their first paint. Needs ``valgrind`` on the PATH; about a
half a minute (the two runs go side by side).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import BARE  # noqa: E402  (the same bare window as the wall-clock benchmark)

# The bare window, leaving at once at its first paint (os._exit: nothing after it is counted).
_SAY = 'print(f"first paint at {time.time():.6f}", flush=True)'
assert _SAY in BARE
BARE_EXIT = "import os\n" + BARE.replace(_SAY, "os._exit(0)")

# The app, started as the installed launcher starts it (with --quit-on-paint), leaving at its first paint.
APP_EXIT = """
import os, sys
import viewer.commands as commands
from viewer.__main__ import main

real = commands._import_pyside
def import_pyside():  # viewer.app is imported just after PySide, as the start does
    real()
    import viewer.app as app
    app._FirstPaint._say = lambda self, what: os._exit(0) if what == "first paint" else None
commands._import_pyside = import_pyside
main(["--quit-on-paint", "--size", "1600x1000"])
"""


def _count(code: str, out: Path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measured as installed: with byte code
    return subprocess.Popen(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                             "-c", code], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)


def _collected(process: subprocess.Popen) -> int:
    _, err = process.communicate()
    found = re.search(r"Collected : (\d+)", err)
    if process.returncode != 0 or found is None:
        raise SystemExit(f"callgrind run failed:\n{err[-2000:]}")
    return int(found.group(1))


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # a normal start first: byte code written, start-up cache filled
    subprocess.run([sys.executable, "-m", "viewer", "--quit-on-paint"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    with tempfile.TemporaryDirectory() as folder:
        bare = _count(BARE_EXIT, Path(folder) / "bare.out")
        app = _count(APP_EXIT, Path(folder) / "app.out")
        bare_n, app_n = _collected(bare), _collected(app)
    print(f"bare window, instructions to the first paint: {bare_n / 1e6:,.0f} M")
    print(f"Meridian Viewer, instructions to the first paint: {app_n / 1e6:,.0f} M ({app_n / bare_n:.2f}x bare)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
