"""The domain package stays Qt-free and the UI stays in small files."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("lint-imports")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "importlinter.cli"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(cmd + ["--no-cache"], cwd=ROOT, capture_output=True, text=True, env=env)


def test_import_contracts_hold():
    """The import-linter contracts of pyproject.toml hold: the domain imports no Qt and no UI module
    (relative imports included), and entry points sit above widgets, widgets above the domain."""
    out = _lint_imports()
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def test_import_contracts_catch_a_relative_qt_import(tmp_path):
    """The contract is not vacuous: a copy of the tree whose domain reaches the UI by a relative
    import breaks it."""
    import shutil

    shutil.copytree(ROOT / "viewer", tmp_path / "viewer")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with open(tmp_path / "viewer" / "atlas" / "describe.py", "a", encoding="utf-8") as fh:
        fh.write("\nfrom ..ui import theme  # noqa\n")
    exe = Path(sys.executable).with_name("lint-imports")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "importlinter.cli"]
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    out = subprocess.run(cmd + ["--no-cache"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert out.returncode != 0
    assert "viewer.atlas.describe -> viewer.ui.theme" in out.stdout


def test_domain_loads_and_places_without_qt_in_a_fresh_interpreter():
    """Loading and placing the whole atlas leaves PySide6 out of sys.modules."""
    code = ("import sys; from viewer.atlas.content import load_content; c = load_content(); "
            "assert c.layout.markers['front']; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_ui_modules_stay_small():
    """Widgets are small files; the main window stays under 500 lines."""
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (ROOT / "viewer" / "ui").glob("*.py")}
    assert sizes["main_window.py"] < 500
    assert max(sizes.values()) < 500, sizes
