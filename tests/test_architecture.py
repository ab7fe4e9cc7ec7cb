"""The domain package stays Qt-free and the UI stays in small files."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports(root: Path = ROOT) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("lint-imports")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "importlinter.cli"]
    env = dict(os.environ, PYTHONPATH=str(root))
    return subprocess.run([*cmd, "--no-cache"], cwd=root, capture_output=True, text=True, env=env)


def test_import_contracts_hold():
    """The import-linter contracts of pyproject.toml hold: the domain imports no Qt and no UI module
    (relative imports included), entry points sit above widgets, widgets above the domain, and widgets
    import no sibling widget."""
    out = _lint_imports()
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def _lint_copy(tmp_path, module: str, line: str) -> subprocess.CompletedProcess:
    """lint-imports on a copy of the tree with ``line`` appended to ``viewer/<module>``."""
    shutil.copytree(ROOT / "viewer", tmp_path / "viewer")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with open(tmp_path / "viewer" / module, "a", encoding="utf-8") as fh:
        fh.write(f"\n{line}  # noqa\n")
    return _lint_imports(tmp_path)


def test_import_contracts_catch_a_relative_qt_import(tmp_path):
    """The domain contract is not vacuous: a domain module reaching the UI by a relative import breaks it."""
    out = _lint_copy(tmp_path, "atlas/describe.py", "from ..ui import theme")
    assert out.returncode != 0
    assert "viewer.atlas.describe -> viewer.ui.theme" in out.stdout


@pytest.mark.parametrize(("module", "line", "chain"), [
    ("ui/handout.py", "from .plan_panel import PlanPanel", "viewer.ui.handout -> viewer.ui.plan_panel"),
    ("ui/pain.py", "from . import muscles_panel", "viewer.ui.pain -> viewer.ui.muscles_panel"),
    ("ui/theme.py", "from .browse import BrowsePanel", "viewer.ui.theme -> viewer.ui.browse"),
])
def test_widget_contract_catches_a_widget_importing_a_sibling(tmp_path, module, line, chain):
    """The widget contract is not vacuous: a widget importing another widget, or a shared module
    importing a widget, breaks it."""
    out = _lint_copy(tmp_path, module, line)
    assert out.returncode != 0
    assert chain in out.stdout


def test_every_ui_module_is_declared_in_the_widget_contract():
    """A new file in viewer/ui must be placed in a layer (widget, shared, controller), or the contract
    would silently not check it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c.get("containers") == ["viewer.ui"])
    declared = [m.strip() for layer in contract["layers"] for m in re.split(r"[|:]", layer)]
    modules = sorted(p.stem for p in (ROOT / "viewer" / "ui").glob("*.py") if p.stem != "__init__")
    assert sorted(declared) == modules


def _tool(module: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing():
    """The whole code base passes ruff with the rules of pyproject.toml ([tool.ruff])."""
    out = _tool("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_finds_nothing_in_the_domain():
    """The domain (viewer/atlas) type-checks with mypy ([tool.mypy] of pyproject.toml)."""
    out = _tool("mypy", "--no-incremental", "--cache-dir", os.devnull, "viewer/atlas")
    assert out.returncode == 0, out.stdout + out.stderr


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
