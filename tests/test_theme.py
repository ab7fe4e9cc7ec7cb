"""The themes: every text colour readable on what it is drawn on (WCAG 2.x), and no colour outside theme.py."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from viewer.ui import theme

ROOT = Path(__file__).resolve().parents[1]


def _rgba(value: str) -> tuple[float, float, float, float]:
    """'#RRGGBB' or '#AARRGGBB' (Qt's order) as red, green, blue, alpha in 0..1."""
    digits = value.lstrip("#")
    assert re.fullmatch(r"[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?", digits), value
    alpha = 255
    if len(digits) == 8:
        alpha, digits = int(digits[:2], 16), digits[2:]
    r, g, b = (int(digits[i:i + 2], 16) for i in (0, 2, 4))
    return r / 255, g / 255, b / 255, alpha / 255


def _over(top, bottom):
    """``top`` composited over an opaque ``bottom``."""
    a = top[3]
    return tuple(top[i] * a + bottom[i] * (1 - a) for i in range(3)) + (1.0,)


def luminance(rgb) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def backgrounds(t: theme.Theme, name: str) -> list[tuple]:
    """The opaque colours a surface can show: translucent ones over each surface they lie on."""
    colour = _rgba(getattr(t, name))
    if colour[3] == 1.0:
        return [colour]
    under = theme.surface_under(name)
    assert under, f"{t.key}.{name} is translucent but names no surface it lies over"
    return [_over(colour, below) for u in under for below in backgrounds(t, u)]


def test_contrast_formula_matches_known_values():
    """Black on white is 21:1, and #777 on white just misses AA (the formula is the WCAG one)."""
    assert contrast(_rgba("#000000"), _rgba("#FFFFFF")) == pytest.approx(21.0)
    assert contrast(_rgba("#777777"), _rgba("#FFFFFF")) == pytest.approx(4.48, abs=0.01)


def test_every_colour_has_a_role_and_every_text_a_surface():
    """A new colour must say what it is; a text colour must say where it is drawn (so it is tested)."""
    names = theme.roles("surface") + theme.roles("text") + theme.roles("graphic")
    assert set(theme.roles("text")) >= {"text", "muted", "placeholder", "caution", "label_text"}
    for name in theme.roles("text"):
        assert theme.text_surfaces(name), name
        assert all(s in theme.roles("surface") for s in theme.text_surfaces(name)), name
    for t in theme.THEMES.values():
        for name in names:
            assert getattr(t, name), (t.key, name)


@pytest.mark.parametrize("key", sorted(theme.THEMES))
def test_every_text_colour_reaches_wcag_aa_on_its_surfaces(key):
    """4.5:1 for every text colour on every surface it is drawn on; 7:1 (AAA) in high contrast."""
    t = theme.THEMES[key]
    needed = 7.0 if key == "high_contrast" else 4.5
    low = []
    for name in theme.roles("text"):
        fg = _rgba(getattr(t, name))
        assert fg[3] == 1.0, f"{key}.{name}: text colours are opaque"
        for surface in theme.text_surfaces(name):
            for bg in backgrounds(t, surface):
                ratio = contrast(fg, bg)
                if ratio < needed:
                    low.append(f"{name} on {surface}: {ratio:.2f}")
    assert not low, f"{key}: below {needed}:1: " + "; ".join(low)


def test_high_contrast_channel_lines_stand_out_from_the_skin():
    """High contrast: every channel colour at least 3:1 (WCAG non-text) against the figure's skin."""
    t = theme.HIGH_CONTRAST
    skin = _rgba(t.skin)
    weak = {code: round(contrast(_rgba(c), skin), 2) for code, c in t.meridians.items()
            if contrast(_rgba(c), skin) < 3.0}
    assert not weak


def test_a_low_contrast_colour_would_fail(monkeypatch):
    """The check bites: a pale grey placed as muted text is reported."""
    from viewer.atlas.model import replace

    pale = replace(theme.DARK, muted="#3A3A3A")
    monkeypatch.setitem(theme.THEMES, "dark", pale)
    with pytest.raises(AssertionError, match="muted on"):
        test_every_text_colour_reaches_wcag_aa_on_its_surfaces("dark")


COLOUR_LITERALS = [
    re.compile(r"#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?(?:[0-9A-Fa-f]{2})?\b(?![\w-])"),  # #RGB, #RRGGBB, #AARRGGBB
    re.compile(r"QColor\(\s*(?:\d|['\"]|Qt\.)"),  # QColor(255, ...), QColor("white"), QColor(Qt.red)
    re.compile(r"Qt\.GlobalColor"),
    re.compile(r"\brgba?\("),
    re.compile(r"(?:color|background(?:-color)?)\s*:(?!\s*\{)", re.IGNORECASE),  # CSS not from the theme
]


def _colour_lines(path: Path) -> list[str]:
    hits = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        code = line.split("  # ", 1)[0]
        code = re.sub(r"&#\d+;", "", code)  # HTML character references are not colours
        if any(p.search(code) for p in COLOUR_LITERALS):
            hits.append(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{number}: {line.strip()}")
    return hits


def test_no_colour_literal_outside_the_theme_module():
    """Every colour of viewer/ui (and of the tools that draw the body) comes from theme.py."""
    files = [p for p in (ROOT / "viewer" / "ui").glob("*.py") if p.name != "theme.py"]
    files += [ROOT / "tools" / "make_screenshots.py"]
    hits = [hit for path in files for hit in _colour_lines(path)]
    assert not hits, "\n".join(hits)


def test_the_literal_check_catches_each_kind(tmp_path):
    """Each kind of colour literal is caught (the check above can fail)."""
    samples = ["x = '#B3261E'", "QColor(255, 0, 0)", "QColor('white')", "Qt.GlobalColor.red",
               "s = 'rgba(1, 2, 3, 4)'", "html = \"<p style='color:#444'>\"", "css = 'color: white'",
               "h = f\"<b style='background:#FBE3E3'>\""]
    for number, sample in enumerate(samples):
        path = tmp_path / f"sample{number}.py"
        path.write_text(sample + "\n", encoding="utf-8")
        assert _colour_lines(path), sample
    ok = tmp_path / "ok.py"
    ok.write_text("f\"<span style='color:{theme.css(\"muted\")}'>&#9679;</span>\"\n", encoding="utf-8")
    assert not _colour_lines(ok)
