"""Malformed input, file by file: each input is named, refused with file, entry and field, and nothing is lost.

The promise every case checks: the app (here its loaders, the same code the window runs) keeps going,
the message names the file, the entry and the field, and no user file is changed or deleted.
The window, study database, cache and command-line cases live in test_robust_ui.py, test_study.py,
test_cache.py and test_cli.py.
"""
from __future__ import annotations

import json
import os
import shutil
import time

import pytest

from viewer.atlas import limits
from viewer.atlas.content import load_content
from viewer.atlas.favourites import Favourites
from viewer.atlas.loader import load_bundled
from viewer.atlas.plan import PlanError, load_plan
from viewer.atlas.resources import asset_path
from viewer.atlas.store import remove_stale_temps

GOOD_POINT = """
[[point]]
code = "X-T1"
pinyin = "Cè"
hanzi = "测"
english = "Test point"
region = "hand"
location = "Centre of the palm."
needling = { angle = "perpendicular", depth = "0.3 cun" }
place = [{ view = "front", at = "palm_centre" }]
"""


def point(**fields) -> str:
    """GOOD_POINT with fields replaced (values are TOML source)."""
    lines = GOOD_POINT.strip().splitlines()
    for key, value in fields.items():
        lines = [f"{key} = {value}" if line.startswith(f"{key} =") else line for line in lines]
        if not any(line.startswith(f"{key} =") for line in lines):
            lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# --- packs -------------------------------------------------------------------------------------------

PACKS = {
    # name: (pack.toml text, (entry, field, words in the message))
    "code with leading zero (BL023)": ('[pack]\nname = "P"\n' + point(code='"BL023"'),
                                       ("BL023", "code", "bundled point")),
    "code with a space (ub 23)": ('[pack]\nname = "P"\n' + point(code='"ub 23"'), ("ub 23", "code", "not a pack code")),
    "alias of a bundled code (UB23)": ('[pack]\nname = "P"\n' + point(code='"UB23"'), ("UB23", "code", "bundled")),
    "muscle key (m:ghost)": ('[pack]\nname = "P"\n' + point(code='"m:ghost"'), ("m:ghost", "code", "not a pack code")),
    "trigger key (tp:QL1)": ('[pack]\nname = "P"\n' + point(code='"tp:QL1"'), ("tp:QL1", "code", "not a pack code")),
    "HTML in a code": ('[pack]\nname = "P"\n' + point(code='"<b>X</b>"'), ("<b>X</b>", "code", "not a pack code")),
    "single [point] table": ('[pack]\nname = "P"\n' + point().replace("[[point]]", "[point]"),
                             ("point", "", "[[point]]")),
    "single [note] table": ('[pack]\nname = "P"\n[note]\ncode = "ST36"\ntext = "x"\n', ("note", "", "[[note]]")),
    "needling of the wrong type": ('[pack]\nname = "P"\n' + point(needling='"deep"'),
                                   ("X-T1", "needling", "must be a table, not str")),
    "place of the wrong type": ('[pack]\nname = "P"\n' + point(place='"front"'),
                                ("X-T1", "place", "must be a list of placements")),
    "pinyin of the wrong type": ('[pack]\nname = "P"\n' + point(pinyin="3"), ("X-T1", "pinyin", "must be text, not")),
    "xy with nan": ('[pack]\nname = "P"\n' + point(place='[{ view = "front", xy = [nan, 0.5] }]'),
                    ("X-T1", "place[0].xy", "finite")),
    "xy with inf": ('[pack]\nname = "P"\n' + point(place='[{ view = "front", xy = [0.1, inf] }]'),
                    ("X-T1", "place[0].xy", "finite")),
    "xy far off the figure": ('[pack]\nname = "P"\n' + point(place='[{ view = "front", xy = [1e300, 0.5] }]'),
                              ("X-T1", "place[0].xy", "between -1 and 1")),
    "lateral = 1e300": ('[pack]\nname = "P"\n' + point(
        place='[{ view = "front", at = "palm_centre", lateral = 1e300, hscale = "chest" }]'),
        ("X-T1", "place[0].lateral", "between")),
    "deeply nested value": ('[pack]\nname = "P"\nx = ' + nested(5000) + "\n", ("", "", "nested too deeply")),
    "not UTF-8": ('[pack]\nname = "\udcff"\n', ("", "", "UTF-8")),
    "text over the length limit": ('[pack]\nname = "P"\n[[note]]\ncode = "ST36"\ntext = "' + "x" * (limits.MAX_TEXT + 1)
                                   + '"\n', ("note ST36", "text", "over the limit")),
}


def write_pack(data, text, folder="p") -> object:
    pack = data / "packs" / folder
    pack.mkdir(parents=True, exist_ok=True)
    path = pack / "pack.toml"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return path


def pack_problems(data):
    return [p for p in load_content(data_dir=data, use_cache=False).problems if p.file.startswith("packs/")]


@pytest.mark.parametrize("text,expected", list(PACKS.values()), ids=list(PACKS))
def test_a_bad_pack_is_refused_by_name_and_left_alone(tmp_path, text, expected):
    """The problem names the pack file, entry and field; the bundled points stay; the file is unchanged."""
    path = write_pack(tmp_path, text)
    before = path.read_bytes()
    problems = pack_problems(tmp_path)
    entry, field, words = expected
    assert any(p.file == "packs/p/pack.toml" and p.entry == entry and p.field == field and words in p.message
               for p in problems), [str(p) for p in problems]
    assert path.read_bytes() == before


def test_a_pack_cannot_take_over_a_bundled_point(tmp_path):
    """After refused BL023/UB23, --select BL23 and UB23 still resolve to the bundled BL23."""
    from viewer.atlas.codes import resolve_code

    write_pack(tmp_path, '[pack]\nname = "P"\n' + point(code='"BL023"') + point(code='"UB23"'))
    content = load_content(data_dir=tmp_path, use_cache=False)
    for text in ("BL23", "bl 23", "UB23", "BL023"):
        assert resolve_code(content.atlas, text) == "BL23"
    assert content.atlas.points["BL23"].source.startswith("meridians/")


def test_a_pack_file_with_a_byte_order_mark_loads(tmp_path):
    """Windows editors write a UTF-8 byte-order mark; the pack loads as if it were not there."""
    path = write_pack(tmp_path, '\ufeff[pack]\nname = "P"\n' + point())
    assert pack_problems(tmp_path) == []
    assert "X-T1" in load_content(data_dir=tmp_path, use_cache=False).atlas.points
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_pack_file_linked_from_outside_the_data_folder_is_refused(tmp_path):
    """packs/p/pack.toml -> /elsewhere/pack.toml is reported and not read."""
    outside = tmp_path / "elsewhere.toml"
    outside.write_text('[pack]\nname = "Outside"\n' + point(), encoding="utf-8")
    (tmp_path / "data" / "packs" / "p").mkdir(parents=True)
    (tmp_path / "data" / "packs" / "p" / "pack.toml").symlink_to(outside)
    content = load_content(data_dir=tmp_path / "data", use_cache=False)
    assert "X-T1" not in content.atlas.points
    assert any(p.file == "packs/p/pack.toml" and "outside" in p.message for p in content.problems)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_as_pack_file_does_not_block(tmp_path):
    """A FIFO named pack.toml is skipped at once (reading it would wait for ever)."""
    (tmp_path / "packs" / "p").mkdir(parents=True)
    os.mkfifo(tmp_path / "packs" / "p" / "pack.toml")
    started = time.perf_counter()
    content = load_content(data_dir=tmp_path, use_cache=False)
    assert time.perf_counter() - started < 30 and "ST36" in content.atlas.points


def test_a_huge_pack_is_refused_by_its_size(tmp_path):
    """A pack file over the size limit is not parsed; the message gives its size and the limit."""
    write_pack(tmp_path, '[pack]\nname = "P"\n' + "# filler\n" * (limits.MAX_TOML_BYTES // 9 + 1))
    (problem,) = pack_problems(tmp_path)
    assert "over the limit" in problem.message and "MB" in problem.message


def test_notes_per_point_are_limited_and_loading_stays_linear(tmp_path):
    """100,000 notes on ST36 (under the size limit) keep only the first few, named, in a bounded time."""
    notes = '[[note]]\ncode = "ST36"\ntext = "n"\n' * 20_000  # ~0.7 MB
    write_pack(tmp_path, '[pack]\nname = "P"\n' + notes)
    started = time.perf_counter()
    content = load_content(data_dir=tmp_path, use_cache=False)
    assert time.perf_counter() - started < 30
    assert len(content.atlas.points["ST36"].notes) == limits.MAX_NOTES_PER_POINT
    refused = [p for p in content.problems if p.entry == "note ST36"]
    assert len(refused) == 20_000 - limits.MAX_NOTES_PER_POINT and "limit per point" in refused[0].message


# --- bundled content ----------------------------------------------------------------------------------

def test_an_unknown_channel_file_is_not_a_sixteenth_channel(tmp_path):
    """XX.toml among the bundled channels is reported, not loaded."""
    folder = tmp_path / "meridians"
    shutil.copytree(asset_path("atlas/meridians"), folder)
    (folder / "XX.toml").write_text((folder / "LU.toml").read_text(encoding="utf-8").replace('"LU', '"XX'),
                                    encoding="utf-8")
    atlas = load_bundled(folder)
    assert "XX" not in atlas.meridians and len(atlas.meridians) == 15
    assert any(p.file == "meridians/XX.toml" and p.field == "code" for p in atlas.problems)


BUNDLED = {
    "byte-order mark": (lambda t: "\ufeff" + t, None),
    "[meridian] of the wrong type": (lambda t: t.replace("[meridian]", "meridian = 3\n[x]", 1),
                                     ("meridian", "", "must be a [meridian] table")),
    "single [point] table": (lambda t: t.replace("[[point]]", "[point]", 1) if t.count("[[point]]") == 1 else
                             t.split("[[point]]")[0] + "[point]" + t.split("[[point]]")[1],
                             ("point", "", "[[point]]")),
    "deep nesting": (lambda t: t + "\nx = " + nested(5000) + "\n", ("", "", "nested too deeply")),
}


@pytest.mark.parametrize("change,expected", list(BUNDLED.values()), ids=list(BUNDLED))
def test_a_damaged_bundled_file_is_named_and_the_rest_loads(tmp_path, change, expected):
    """LU.toml damaged: named problem (or clean load for a BOM); the other 14 channels still load."""
    folder = tmp_path / "meridians"
    shutil.copytree(asset_path("atlas/meridians"), folder)
    lu = folder / "LU.toml"
    lu.write_text(change(lu.read_text(encoding="utf-8")), encoding="utf-8")
    atlas = load_bundled(folder)
    assert "ST36" in atlas.points
    if expected is None:
        assert [p for p in atlas.problems if p.file == "meridians/LU.toml"] == [] and "LU1" in atlas.points
    else:
        entry, field, words = expected
        assert any(p.file == "meridians/LU.toml" and p.entry == entry and p.field == field and words in p.message
                   for p in atlas.problems), [str(p) for p in atlas.problems]


# --- plans ------------------------------------------------------------------------------------------

def plan_json(**changes) -> str:
    data = {"format": "meridian-viewer-plan", "version": 1, "title": "T", "note": "",
            "items": [{"kind": "point", "ref": "ST36", "note": ""}]}
    data.update(changes)
    return json.dumps(data)


PLANS = {
    "empty file": ("", "not a plan file"),
    "not JSON": ("{", "invalid JSON"),
    "a list": ("[]", "not a Meridian Viewer plan"),
    "deeply nested": ('{"format": "meridian-viewer-plan", "version": 1, "items": ' + nested(100_000) + "}",
                      "nested too deeply"),
    "newer version": (plan_json(version=99), "newer version"),
    "version as text": (plan_json(version="1"), "version"),
    "items not a list": (plan_json(items={}), "items must be a list"),
    "item of the wrong kind": (plan_json(items=[{"kind": "x", "ref": "ST36"}]), "item 1.kind"),
    "unknown point": (plan_json(items=[{"kind": "point", "ref": "ZZ9"}]), "item 1.ref"),
    "note not text": (plan_json(items=[{"kind": "point", "ref": "ST36", "note": 3}]), "item 1.note"),
    "too many items": (plan_json(items=[{"kind": "point", "ref": "ST36"}] * (limits.MAX_PLAN_ITEMS + 1)),
                       "over the limit"),
    "title too long": (plan_json(title="x" * (limits.MAX_TEXT + 1)), "title"),
    "not UTF-8": (b"\xff\xfe{".decode("latin-1"), "not UTF-8"),
}


@pytest.mark.parametrize("text,words", list(PLANS.values()), ids=list(PLANS))
def test_a_bad_plan_is_refused_by_name_and_left_untouched(tmp_path, content, text, words):
    """The error names the plan file (and item and field where there is one); the file keeps its bytes."""
    path = tmp_path / "bad.mvplan"
    path.write_bytes(text.encode("latin-1") if words == "not UTF-8" else text.encode("utf-8"))
    before = path.read_bytes()
    with pytest.raises(PlanError) as error:
        load_plan(path, set(content.atlas.points), set(content.muscles.trigger_points))
    assert str(error.value).startswith("bad.mvplan") and words in str(error.value)
    assert path.read_bytes() == before


def test_a_plan_with_a_byte_order_mark_opens(tmp_path, content):
    path = tmp_path / "bom.mvplan"
    path.write_bytes(b"\xef\xbb\xbf" + plan_json().encode())
    assert load_plan(path, set(content.atlas.points)).keys() == ["ST36"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_as_plan_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe.mvplan")
    with pytest.raises(PlanError, match="not a regular file"):
        load_plan(tmp_path / "pipe.mvplan")


def test_a_folder_as_plan_is_refused(tmp_path):
    (tmp_path / "dir.mvplan").mkdir()
    with pytest.raises(PlanError, match=r"dir\.mvplan"):
        load_plan(tmp_path / "dir.mvplan")


# --- favourites ------------------------------------------------------------------------------------------

FAVOURITES = {
    # name: (file text, codes kept in memory, whether the original is kept aside)
    "good": ('{"points": ["ST36", "LI4"]}', ["ST36", "LI4"], False),
    "bare list": ('["ST36", "LI4"]', ["ST36", "LI4"], True),
    "points as text": ('{"points": "ST36"}', [], True),
    "non-text entries": ('{"points": ["ST36", 4, null, {"x": 1}]}', ["ST36"], True),
    "unknown key": ('{"points": ["ST36"], "other": 1}', [], True),
    "a number": ("3", [], True),
    "not JSON": ("{", [], True),
    "deeply nested": (nested(100_000), [], True),
    "byte-order mark": ('\ufeff{"points": ["LI4"]}', ["LI4"], False),
}


@pytest.mark.parametrize("text,codes,aside", list(FAVOURITES.values()), ids=list(FAVOURITES))
def test_favourites_of_any_shape_lose_nothing(tmp_path, text, codes, aside):
    """Understood codes are kept; an unexpected file is kept aside before anything is written."""
    path = tmp_path / "favourites.json"
    path.write_text(text, encoding="utf-8")
    favourites = Favourites(tmp_path)
    assert favourites.codes == codes
    kept = sorted(tmp_path.glob("favourites.json.corrupt-*"))
    assert bool(kept) == aside
    if aside:
        assert kept[0].read_text(encoding="utf-8") == text and "favourites.json" in favourites.note
    favourites.toggle("BL23")
    assert json.loads(path.read_text(encoding="utf-8")) == {"points": [*codes, "BL23"]}


def test_a_corrupt_favourites_file_in_a_read_only_folder_is_left_alone(tmp_path, monkeypatch):
    """The file cannot be moved aside: the app starts, says so, and never writes over it."""
    path = tmp_path / "favourites.json"
    path.write_text("{", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", denied)
    favourites = Favourites(tmp_path)
    assert favourites.codes == [] and "left unchanged" in favourites.note
    with pytest.raises(OSError):
        favourites.toggle("ST36")
    assert path.read_text(encoding="utf-8") == "{"


# --- files left by killed saves ------------------------------------------------------------------------

def test_stale_temporary_files_of_killed_saves_are_removed(tmp_path):
    """Old .name.XXXXXXXX.tmp files go; a fresh one (a save in progress) and other files stay."""
    old = tmp_path / ".favourites.json.ab12cd_9.tmp"
    fresh = tmp_path / ".plan.mvplan.zz99yy88.tmp"
    other = tmp_path / "notes.tmp"
    for path in (old, fresh, other):
        path.write_text("x")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    os.utime(other, (time.time() - 7200, time.time() - 7200))
    assert remove_stale_temps(tmp_path) == [old]
    assert fresh.exists() and other.exists() and not old.exists()


# --- every other bundled file: damaged in the same ways, each named ----------------------------------------

def _load_muscles(path):
    from viewer.atlas.muscles import load_muscles

    return load_muscles(path.parent).problems


def _load_overview(path):
    from viewer.atlas.compare import load_overview

    return load_overview(path).problems


def _load_cautions(path):
    from viewer.atlas.cautions import load_vocabulary

    return load_vocabulary(path).problems


def _load_indications(path):
    from viewer.atlas.indications import load_aliases

    return load_aliases(path).problems


BUNDLED_FILES = {"muscles/back.toml": _load_muscles, "content/compare.toml": _load_overview,
                 "atlas/cautions.toml": _load_cautions, "atlas/indications.toml": _load_indications}
DAMAGE = {
    "empty": lambda path: path.write_bytes(b""),
    "not UTF-8": lambda path: path.write_bytes(b"\xff\xfe\x00garbage"),
    "not TOML": lambda path: path.write_text("[[[", encoding="utf-8"),
    "deep nesting": lambda path: path.write_text("x = " + nested(5000), encoding="utf-8"),
    "a folder": lambda path: (path.unlink(), path.mkdir()),
    "wrong shapes": lambda path: path.write_text("meta = 3\nsection = 3\nreference = 3\ncaution = 3\n"
                                                 "aliases = 3\nmuscle = 3\n", encoding="utf-8"),
}


@pytest.mark.parametrize("damage", list(DAMAGE.values()), ids=list(DAMAGE))
@pytest.mark.parametrize("relative", list(BUNDLED_FILES))
def test_any_bundled_file_damaged_is_named_and_nothing_crashes(tmp_path, relative, damage):
    """Each bundled content file, emptied, garbled, nested, replaced by a folder: a named problem or a clean load."""
    source = asset_path("atlas/muscles") if relative.startswith("muscles/") else asset_path(relative).parent
    copy = tmp_path / "copy"
    shutil.copytree(source, copy)
    path = copy / relative.rsplit("/", 1)[-1]
    damage(path)
    problems = BUNDLED_FILES[relative](path)
    named = [p for p in problems if path.name in p.file]
    assert named or damage is DAMAGE["empty"], [str(p) for p in problems]
