"""The code figures README.md quotes (tools/code_figures.py) are measured right and still true."""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import code_figures  # noqa: E402


def test_float_literals_are_counted_as_written():
    """Float constants count once each (a negative one too); ints, strings and comments do not."""
    source = "x = 1.5\ny = -2.0 + 3\ns = '4.5'  # 6.5\nz = (1e-3, 7, .5)\n"
    assert code_figures.float_literals(source) == 4


def test_the_readme_figures_hold():
    """README's float-literal count is within 10 % of the measured one, and the file it calls the largest is."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quoted = re.search(r"float literals in `viewer/\*\*/\*\.py` went from [\d,]+ to ([\d,]+) and the largest "
                       r"file from .*? to `([^`]+)` \((\d+)\)", readme)
    assert quoted, "README.md no longer quotes the code figures"
    floats, largest, lines = int(quoted.group(1).replace(",", "")), quoted.group(2), int(quoted.group(3))
    measured = code_figures.figures(ROOT)
    assert abs(measured["float_literals"] - floats) <= floats / 10, measured["float_literals"]
    biggest = max(measured["lines"], key=measured["lines"].get)
    assert biggest == largest and abs(measured["lines"][biggest] - lines) <= lines / 10, \
        (biggest, measured["lines"][biggest])
