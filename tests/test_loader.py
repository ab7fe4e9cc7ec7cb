"""Loading validates everything and names file, entry and field; valid content still loads."""
from __future__ import annotations

import textwrap

import pytest

from viewer.atlas.loader import load_bundled

HEAD = """
[meridian]
code = "LU"
name = "Lung"
full_name = "Lung Meridian of Hand-Taiyin"
count = {count}
"""

POINT = """
[[point]]
code = "{code}"
pinyin = "Zhōngfǔ"
hanzi = "中府"
english = "Central Palace"
region = "{region}"
location = "On the chest."
needling = {{ angle = "oblique", depth = "0.5 cun" }}
place = [{{ view = "front", at = "nipple" }}]
"""


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")


def test_valid_file_loads_every_point(tmp_path):
    """A well-formed file yields its meridian and points and no problems."""
    write(tmp_path, "LU.toml", HEAD.format(count=2) + POINT.format(code="LU1", region="chest")
          + POINT.format(code="LU2", region="chest"))
    atlas = load_bundled(tmp_path)
    assert atlas.problems == []
    assert list(atlas.points) == ["LU1", "LU2"]
    assert atlas.meridians["LU"].points == ("LU1", "LU2")


def test_bad_field_names_file_entry_and_field_and_skips_only_that_entry(tmp_path):
    """An unknown region is reported as file: entry.field and only that point is skipped."""
    write(tmp_path, "LU.toml", HEAD.format(count=2) + POINT.format(code="LU1", region="chest")
          + POINT.format(code="LU2", region="elsewhere"))
    atlas = load_bundled(tmp_path)
    assert list(atlas.points) == ["LU1"]
    assert len(atlas.problems) == 1
    problem = atlas.problems[0]
    assert (problem.file, problem.entry, problem.field) == ("meridians/LU.toml", "LU2", "region")
    assert str(problem).startswith("meridians/LU.toml: LU2.region: 'elsewhere' is not a known region")


def test_syntax_error_names_the_file_and_other_files_still_load(tmp_path):
    """A TOML syntax error in one file leaves the other files loaded."""
    write(tmp_path, "LU.toml", HEAD.format(count=1) + POINT.format(code="LU1", region="chest"))
    write(tmp_path, "LI.toml", "[meridian\ncode = 'LI'")
    atlas = load_bundled(tmp_path)
    assert "LU1" in atlas.points
    assert [p.file for p in atlas.problems] == ["meridians/LI.toml"]
    assert "not valid TOML" in atlas.problems[0].message


@pytest.mark.parametrize("place, field, words", [
    ('{ view = "top", at = "nipple" }', "place[0].view", "must be one of"),
    ('{ view = "front" }', "place[0].at", "exactly one base"),
    ('{ view = "front", from = "a", to = "b" }', "place[0].cun", "either cun + of, or frac"),
    ('{ view = "front", from = "a", to = "b", cun = 2 }', "place[0].of", "cun and of go together"),
    ('{ view = "front", at = "a", lateral = 2 }', "place[0].hscale", "needed"),
    ('{ view = "side", at = "a", lateral = 2, hscale = "x" }', "place[0].lateral", "seen from the side"),
    ('{ view = "front", at = "a", colour = 2 }', "place[0].colour", "not a known field"),
    ('{ view = "front", xy = [0.1, 1.5] }', "place[0].xy", "between 0"),
])
def test_placement_mistakes_are_named(tmp_path, place, field, words):
    """Each kind of placement mistake names its field and says what is wrong."""
    text = HEAD.format(count=1) + POINT.format(code="LU1", region="chest").replace(
        '[{ view = "front", at = "nipple" }]', f"[{place}]")
    write(tmp_path, "LU.toml", text)
    atlas = load_bundled(tmp_path)
    assert "LU1" not in atlas.points
    assert atlas.problems[0].field == field
    assert words in atlas.problems[0].message


def test_count_mismatch_and_out_of_order_codes_are_reported(tmp_path):
    """The declared count and consecutive numbering are checked."""
    write(tmp_path, "LU.toml", HEAD.format(count=3) + POINT.format(code="LU1", region="chest")
          + POINT.format(code="LU3", region="chest"))
    atlas = load_bundled(tmp_path)
    messages = [str(p) for p in atlas.problems]
    assert any("LU3.code: expected LU2" in m for m in messages)
    assert any("says 3 points but the file has 2" in m for m in messages)


def test_file_name_must_match_meridian_code(tmp_path):
    """A file whose [meridian] code differs from its name is refused with a clear message."""
    write(tmp_path, "LI.toml", HEAD.format(count=1) + POINT.format(code="LU1", region="chest"))
    atlas = load_bundled(tmp_path)
    assert atlas.points == {}
    assert "does not match the file name 'LI'" in str(atlas.problems[0])
