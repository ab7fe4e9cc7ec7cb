"""Figures of the code that README.md and docs/architecture.md quote: float literals in viewer/**/*.py
and the largest files (lines).

Usage:  python tools/code_figures.py [ROOT]      (default: this checkout)
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path


def float_literals(source: str) -> int:
    """Float constants written in the source (``-1.5`` counts once; ints and strings do not count)."""
    return sum(1 for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant)
               and isinstance(node.value, float))


def figures(root: Path) -> dict:
    files = sorted((root / "viewer").rglob("*.py"))
    texts = {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8") for path in files}
    floats = {name: float_literals(text) for name, text in texts.items()}
    lines = {name: text.count("\n") for name, text in texts.items()}
    return {"float_literals": sum(floats.values()), "floats_by_file": floats, "lines": lines}


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path(__file__).resolve().parents[1]
    result = figures(root)
    print(f"float literals in viewer/**/*.py: {result['float_literals']}")
    for name, count in sorted(result["floats_by_file"].items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {count:5d}  {name}")
    print("largest files (lines):")
    for name, count in sorted(result["lines"].items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {count:5d}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
