"""Teachers' data packs are validated like the atlas and can never break bundled points."""
from __future__ import annotations

import textwrap

from viewer.atlas.loader import load_bundled
from viewer.atlas.packs import load_packs

MERIDIAN = """
[meridian]
code = "LU"
name = "Lung"
count = 1

[[point]]
code = "LU1"
pinyin = "Zhōngfǔ"
hanzi = "中府"
english = "Central Palace"
region = "chest"
location = "On the chest."
needling = { angle = "oblique", depth = "0.5 cun" }
place = [{ view = "front", at = "nipple" }]
"""

PACK = """
[pack]
name = "Dr Lee's notes"
language = "en"

[[note]]
code = "LU1"
text = "Palpate below the clavicle first."

[[note]]
code = "ZZ9"
text = "This point does not exist."

[[translation]]
code = "LU1"
language = "de"
name = "Mittlerer Palast"

[[point]]
code = "LU1"
pinyin = "x"
hanzi = "x"
english = "Replacement attempt"
region = "chest"
location = "Nowhere."
needling = { angle = "oblique", depth = "0.5 cun" }
place = [{ view = "front", at = "nipple" }]

[[point]]
code = "X-LEE1"
pinyin = "Lǐ"
hanzi = "李"
english = "Lee's point"
region = "hand"
location = "Web of the thumb, our class variant."
needling = { angle = "perpendicular", depth = "0.3 cun" }
place = [{ view = "front", at = "palm_centre" }]
"""


def setup(tmp_path, pack_text=PACK):
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    (bundled / "LU.toml").write_text(textwrap.dedent(MERIDIAN), encoding="utf-8")
    pack = tmp_path / "data" / "packs" / "lee"
    pack.mkdir(parents=True)
    (pack / "pack.toml").write_text(textwrap.dedent(pack_text), encoding="utf-8")
    atlas = load_bundled(bundled)
    packs = load_packs(tmp_path / "data", atlas)
    return atlas, packs


def test_pack_adds_notes_translations_and_points(tmp_path):
    """Valid notes, translations and new points are attached; counts are reported."""
    atlas, packs = setup(tmp_path)
    assert packs[0].name == "Dr Lee's notes"
    assert (packs[0].notes, packs[0].translations, packs[0].points) == (1, 1, 1)
    assert atlas.points["LU1"].notes == ("Dr Lee's notes: Palpate below the clavicle first.",)
    assert atlas.points["LU1"].translations == (("de", "Mittlerer Palast"),)
    assert "X-LEE1" in atlas.points
    assert atlas.meridians["PACK:lee"].points == ("X-LEE1",)


def test_pack_cannot_replace_a_bundled_point_and_bad_entries_are_named(tmp_path):
    """Replacing LU1 and noting an unknown point are refused, naming pack file and entry."""
    atlas, _ = setup(tmp_path)
    assert atlas.points["LU1"].english == "Central Palace"
    messages = [str(p) for p in atlas.problems]
    assert "packs/lee/pack.toml: LU1.code: LU1 is a bundled point; a pack cannot replace it (entry skipped)" in messages
    assert any(m.startswith("packs/lee/pack.toml: note ZZ9.code: 'ZZ9' is not a known point") for m in messages)


def test_broken_pack_leaves_the_bundled_atlas_intact(tmp_path):
    """A pack that is not valid TOML is reported and the bundled points are untouched."""
    atlas, packs = setup(tmp_path, pack_text="[pack\nname=")
    assert packs == []
    assert list(atlas.points) == ["LU1"]
    assert atlas.problems[0].file == "packs/lee/pack.toml"
