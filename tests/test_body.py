"""Tests of the Qt-free body model (viewer/atlas/body.py) against docs/body-model.md."""
from __future__ import annotations

import re
import sys
from itertools import pairwise
from pathlib import Path as FsPath

import pytest

ROOT = FsPath(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer.atlas import body as bm  # noqa: E402
from viewer.atlas import geometry as geo  # noqa: E402
from viewer.atlas.body import ROLES  # noqa: E402

DOC = ROOT / "docs" / "body-model.md"


def _doc_landmarks() -> dict[str, set[str]]:
    """Landmark names per view, parsed from the '### <view>' sections of the contract."""
    text = DOC.read_text(encoding="utf-8")
    part = text.split("## Landmarks per view", 1)[1].split("## Scales", 1)[0]
    out: dict[str, set[str]] = {}
    for sec in re.split(r"^### ", part, flags=re.M)[1:]:
        view, body = sec.split("\n", 1)
        names: set[str] = set()
        # ranges like `C1` .. `C7`, `sternum_ics1` .. `sternum_ics6`, `sacral_foramen_1` .. `_4`
        for m in re.finditer(r"`([A-Za-z_]*?)(\d+)`\s*\.\.\s*`([A-Za-z_]*?)(\d+)`", body):
            prefix, lo, _p2, hi = m.group(1), int(m.group(2)), m.group(3), int(m.group(4))
            names.update(f"{prefix}{i}" for i in range(lo, hi + 1))
        names.update(re.findall(r"`([A-Za-z][A-Za-z0-9_]*)`", body))
        out[view.strip()] = names
    return out


def _doc_scales() -> dict[str, set[str]]:
    """Scale names per view, parsed from the scales table of the contract."""
    text = DOC.read_text(encoding="utf-8").split("## Scales", 1)[1]
    out: dict[str, set[str]] = {}
    for view, scale in re.findall(r"^\|\s*(front|back|side|soles)\s*\|\s*`([a-z_]+)`", text, re.M):
        out.setdefault(view, set()).add(scale)
    return out


MODEL = bm.build_body()
DOC_LM = _doc_landmarks()
DOC_SC = _doc_scales()
MIRRORED = ("front", "back", "soles")
MIDLINE = {
    "front": ["vertex", "anterior_hairline", "glabella", "nose_tip", "subnasale", "philtrum_mid",
              "mentolabial_groove", "chin", "laryngeal_prominence", "suprasternal_notch",
              *[f"sternum_ics{i}" for i in range(1, 7)], "xiphisternal_junction", "umbilicus",
              "pubic_symphysis", "perineum"],
    "back": ["vertex", "posterior_hairline", "external_occipital_protuberance",
             *[f"C{i}" for i in range(1, 8)], *[f"T{i}" for i in range(1, 13)],
             *[f"L{i}" for i in range(1, 6)], "sacral_hiatus", "coccyx_tip"],
}
VERTEBRAE = [f"C{i}" for i in range(1, 8)] + [f"T{i}" for i in range(1, 13)] + [f"L{i}" for i in range(1, 6)]


def test_contract_parsed():
    """The contract parser finds the four views and a sensible number of names."""
    assert set(DOC_LM) == {"front", "back", "side", "soles"}
    assert len(DOC_LM["front"]) > 80 and "sternum_ics6" in DOC_LM["front"]
    assert {"C1", "T12", "L5", "sacral_foramen_4"} <= DOC_LM["back"]
    assert sum(len(v) for v in DOC_SC.values()) >= 20 and "head_back" in DOC_SC["back"]


FULL = [v for name, v in MODEL.views.items() if not MODEL.spec(name).is_plate]  # the whole figures


def test_views_present():
    """The whole figures are the four views of the contract and own projections with a drawing of their own
    (the vertex); the others are plates of them; each is reachable by name."""
    assert {v.name for v in FULL} >= {"front", "back", "side", "soles"}
    assert all(MODEL.spec(v.name).drawing for v in FULL)
    assert all(MODEL.spec(name).parent in {v.name for v in FULL} for name in MODEL.views if name not in
               {v.name for v in FULL})
    for name in MODEL.views:
        assert MODEL.view(name).name == name
    with pytest.raises(KeyError):
        MODEL.view("top")


@pytest.mark.parametrize("view", ["front", "back", "side", "soles"])
def test_every_contract_landmark_exists(view):
    """Every landmark named in docs/body-model.md exists in its view under exactly that name."""
    missing = sorted(DOC_LM[view] - set(MODEL.view(view).landmarks))
    assert not missing, f"{view}: missing {missing}"


@pytest.mark.parametrize("view", ["front", "back", "side", "soles"])
def test_every_contract_scale_exists(view):
    """Every scale of the contract table exists in its view."""
    missing = sorted(DOC_SC.get(view, set()) - set(MODEL.view(view).scales))
    assert not missing, f"{view}: missing scales {missing}"


@pytest.mark.parametrize("view", ["front", "back", "side", "soles"])
def test_landmarks_inside_skin(view):
    """Every landmark (and its mirror image on mirrored views) lies inside the drawn skin."""
    v = MODEL.view(view)
    outside = [k for k, (x, y) in v.landmarks.items() if not v.contains(x, y)]
    if view in MIRRORED:  # an inset beside the figure is drawn on one side only
        outside += [k + " (mirror)" for k, (x, y) in v.landmarks.items()
                    if not v.contains(-x, y) and k not in v.insets]
    assert not outside, f"{view}: outside the skin: {outside}"


@pytest.mark.parametrize("view", MIRRORED)
def test_bilateral_landmarks_on_positive_side(view):
    """Bilateral landmarks are stored once, on the x >= 0 side."""
    v = MODEL.view(view)
    assert all(x >= 0 for (x, _y) in v.landmarks.values())


@pytest.mark.parametrize("view", ["front", "back"])
def test_midline_landmarks_on_midline(view):
    """Midline landmarks of the front and back views have x == 0."""
    v = MODEL.view(view)
    for name in MIDLINE[view]:
        assert v.landmark(name)[0] == 0.0, name


@pytest.mark.parametrize("view", ["front", "back", "soles"])
def test_skin_is_mirror_symmetric(view):
    """The skin of the symmetric views is its own mirror image (x -> -x), insets beside it apart."""
    v = MODEL.view(view)
    for x in [i / 160 + 0.0013 for i in range(40)]:
        for y in [j / 130 + 0.0007 for j in range(-10, 131)]:
            if _on_inset(v, x, y) or _on_inset(v, -x, y):
                continue
            assert v.contains(x, y) == v.contains(-x, y), (view, x, y)


def _on_inset(v, x, y, margin=0.0):
    return any(x0 - margin <= x <= x1 + margin and y0 - margin <= y <= y1 + margin
               for x0, y0, x1, y1 in v.insets.values())


def _pointset(commands):
    return frozenset((round(x, 5) + 0.0, round(y, 5) + 0.0) for x, y in geo.flatten(commands, 8))


@pytest.mark.parametrize("view", MIRRORED)
def test_detail_strokes_mirrored(view):
    """Every stroke of a mirrored view has its mirror image drawn too (or is symmetric), insets apart."""
    v = MODEL.view(view)
    sets = {(p.role, _pointset(p.commands)) for p in v.paths}
    for p in v.paths:
        if _on_inset(v, p.commands[0][1], p.commands[0][2], 0.001):  # an inset and its leader: one side
            continue
        mirrored = _pointset(geo.mirror(p.commands))
        assert (p.role, mirrored) in sets, (view, p.role, p.commands[0])


def test_scales_positive_and_plausible():
    """Scales are positive, of a plausible size, and the regions roughly agree (on a plate, once its
    magnification is taken out)."""
    for v in MODEL.views.values():
        spec = MODEL.spec(v.name)
        magnification = 1.0 if spec.crop is None else 1.0 / (spec.crop[3] - spec.crop[1])
        root = v.name
        while MODEL.spec(root).parent:
            root = MODEL.spec(root).parent
        if root not in {"front", "back", "side", "soles"}:  # an own projection (or a plate of one): own units
            assert all(val > 0 for val in v.scales.values()), v.name
            continue
        for k, val in v.scales.items():
            low = 0.0035 if (spec.parent or v.name, k) == ("front", "head_front") else 0.005  # the foreshortened scalp
            assert low < val / magnification < 0.03, (v.name, k, val)
    f = MODEL.view("front").scales
    assert 1 / 1.6 < f["chest"] / f["forearm"] < 1.6
    assert 1 / 1.6 < f["upper_arm"] / f["forearm"] < 1.6
    assert 1 / 1.6 < f["leg_front"] / f["thigh_medial"] < 1.6
    b = MODEL.view("back").scales
    assert 1 / 1.6 < b["back"] / b["forearm"] < 1.6
    assert 1 / 1.3 < b["forearm"] / f["forearm"] < 1.3


def test_scales_computed_from_landmarks():
    """A scale is the landmark distance of its definition divided by its cun count."""
    f = MODEL.view("front")
    nx = f.landmark("nipple")[0]
    assert f.scales["chest"] == pytest.approx(2 * nx / 8, rel=1e-5)
    u, x = f.landmark("umbilicus"), f.landmark("xiphisternal_junction")
    assert f.scales["abdomen_upper"] == pytest.approx((u[1] - x[1]) / 8, rel=1e-5)
    s = MODEL.view("side")
    a, r = s.landmark("axilla_apex"), s.landmark("rib11_free_end")
    assert s.scales["trunk_side"] == pytest.approx(geo.dist(a, r) / 12, rel=1e-5)


def test_vertebrae_increasing():
    """Vertebral landmarks C1..L5 descend strictly, then the sacrum and coccyx follow."""
    b = MODEL.view("back")
    ys = [b.landmark(k)[1] for k in VERTEBRAE + ["sacral_hiatus", "coccyx_tip"]]
    assert all(a < c for a, c in pairwise(ys))
    ys = [b.landmark(f"sacral_foramen_{i}")[1] for i in range(1, 5)]
    assert all(a < c for a, c in pairwise(ys))


def _level(view: str, name: str) -> float:
    return MODEL.view(view).landmark(name)[1]


def test_back_landmarks_sit_at_their_vertebral_levels():
    """Surface anatomy of the back: the root of the scapular spine is level with T3, its inferior angle
    with T7, the top of the iliac crest with L4 (Tuffier's line), the PSIS with the second sacral
    foramen; C7, the vertebra prominens, is about level with the acromion."""
    spacing = _level("back", "T8") - _level("back", "T7")  # one vertebra
    assert abs(_level("back", "scapula_spine_root") - _level("back", "T3")) < spacing / 2
    assert abs(_level("back", "scapula_inferior_angle") - _level("back", "T7")) < spacing / 2
    assert abs(_level("back", "iliac_crest_top") - _level("back", "L4")) < spacing / 2
    assert abs(_level("back", "psis") - _level("back", "sacral_foramen_2")) < spacing / 2
    assert abs(_level("back", "C7") - _level("back", "acromion")) < spacing


def test_front_landmarks_sit_where_the_standard_puts_them():
    """The nipple lies in the fourth intercostal space and on the midclavicular line; the umbilicus is
    level with L2 (CV8 faces GV4, 'below L2', across the body); the tip of the greater trochanter is level
    with the pubic symphysis; the medial malleolus stands higher than the lateral one."""
    front = MODEL.view("front")
    space = _level("front", "sternum_ics5") - _level("front", "sternum_ics4")
    assert abs(_level("front", "nipple") - _level("front", "sternum_ics4")) < space / 2
    assert abs(front.landmark("nipple")[0] - front.landmark("clavicle_mid")[0]) < 0.2 * front.landmark("nipple")[0]
    assert abs(_level("front", "umbilicus") - _level("back", "L2")) < _level("back", "L3") - _level("back", "L2")
    assert abs(_level("front", "greater_trochanter") - _level("front", "pubic_symphysis")) < 0.02
    assert _level("front", "medial_malleolus") < _level("front", "lateral_malleolus")
    assert MODEL.view("side").landmark("nose_tip")[0] < 0 < MODEL.view("side").landmark("C7")[0]  # faces left


def test_proportions_of_the_figure_are_human():
    """Proportions of an adult (as fractions of the stature, vertex 0 to soles 1): the head is 1/7 to 1/8.5
    of the height; the navel divides the body near 0.6 from the ground; the knee (patella) is 0.26-0.31 of
    the height above the ground; with the arms hanging, the elbow crease is between the xiphoid and the
    navel and the wrist crease near the level of the greater trochanter."""
    stature = 1.0 - _level("front", "vertex")
    head = _level("front", "chin") - _level("front", "vertex")
    assert 1 / 8.5 < head / stature < 1 / 7
    assert 0.57 < (1.0 - _level("front", "umbilicus")) / stature < 0.63
    assert 0.26 < (1.0 - _level("front", "patella_centre")) / stature < 0.31
    assert _level("front", "xiphisternal_junction") < _level("front", "elbow_crease_mid") < _level("front", "umbilicus")
    assert abs(_level("front", "wrist_crease_mid") - _level("front", "greater_trochanter")) < head / 4


def test_bounds_contain_landmarks_and_drawing():
    """Bounds of a whole figure enclose every landmark (with mirror images on mirrored views) and every drawn
    path (a plate shows a rectangle of its parent's drawing: tests/test_views.py)."""
    for v in FULL:
        x0, y0, x1, y1 = v.bounds
        for (x, y) in v.landmarks.values():
            assert x0 <= x <= x1 and y0 <= y <= y1
            assert not MODEL.spec(v.name).mirrored or x0 <= -x <= x1
        for p in v.paths:
            for (x, y) in geo.flatten(p.commands):
                assert x0 <= x <= x1 and y0 <= y <= y1


def test_figure_height_and_width():
    """The front figure spans vertex 0 to soles 1 and the shoulders are about 0.26 wide."""
    f = MODEL.view("front")
    skin = [q for p in f.paths if p.role == "skin" for q in geo.flatten(p.commands, 16)]
    ys = [q[1] for q in skin]
    assert abs(min(ys)) < 0.002 and abs(max(ys) - 1.0) < 0.003
    shoulder = max(abs(x) for (x, y) in skin if 0.2 < y < 0.26)
    assert 0.12 < shoulder < 0.14
    assert not f.contains(0.0, 0.6)                   # gap between the legs
    assert not f.contains(0.1, 0.36)                  # gap between arm and trunk


def test_paths_well_formed():
    """Paths use known roles and commands; skin shapes are closed."""
    for v in MODEL.views.values():
        assert any(p.role == "skin" for p in v.paths)
        for p in v.paths:
            assert p.role in ROLES
            assert p.commands[0][0] == "M"
            for c in p.commands:
                assert c[0] in "MLCZ" and len(c) == {"M": 3, "L": 3, "C": 7, "Z": 1}[c[0]]
            if p.role == "skin":
                assert p.closed and p.commands[-1] == ("Z",)


def test_soles_two_separate_shapes():
    """The soles view has two skin shapes, one on each side of x = 0."""
    v = MODEL.view("soles")
    skins = [p for p in v.paths if p.role == "skin"]
    assert len(skins) == 2
    sides = sorted(sum(x for x, _ in geo.flatten(p.commands)) > 0 for p in skins)
    assert sides == [False, True]
    assert not v.contains(0.0, 0.93)


def test_landmark_error_message():
    """An unknown landmark raises KeyError naming the view and the landmark."""
    with pytest.raises(KeyError, match=r"front.*no_such_point"):
        MODEL.view("front").landmark("no_such_point")


def test_deterministic():
    """build_body() is read once and cached; reading the drawing files again gives identical data."""
    assert bm.build_body() is MODEL
    a = {k: (v.landmarks, v.scales, v.bounds, v.paths) for k, v in MODEL.views.items()}
    fresh = bm.build_body(bm.drawing_files()[0].parent)
    assert fresh is not MODEL
    b = {k: (v.landmarks, v.scales, v.bounds, v.paths) for k, v in fresh.views.items()}
    assert a == b


def test_bundled_drawings_read_without_problems():
    """The four drawing files are well-formed, every element is understood and every scale finds its landmarks."""
    assert MODEL.problems == []


def test_a_scale_naming_a_missing_landmark_is_a_problem_not_a_crash(tmp_path):
    """An illustrator who deletes or renames a landmark gets a problem naming the file and the scale."""
    import shutil

    folder = tmp_path / "body"
    shutil.copytree(bm.drawing_files()[0].parent, folder)
    side = folder / "side.svg"
    side.write_text(side.read_text(encoding="utf-8").replace('id="lm-rib11_free_end"', 'id="lm-rib_11"'),
                    encoding="utf-8")
    model = bm.build_body(folder)
    assert "trunk_side" not in model.view("side").scales and "rib_11" in model.view("side").landmarks
    assert [(p.file, p.entry, p.field) for p in model.problems] == [("body/side.svg", "trunk_side", "landmark")]
    assert "rib11_free_end" in model.problems[0].message
