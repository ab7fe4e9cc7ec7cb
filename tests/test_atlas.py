"""The bundled atlas: complete, valid, and every point placed where its description says."""
from __future__ import annotations

import math

import pytest

from viewer.atlas.content import WHO_COUNTS
from viewer.atlas.placement import pair_of


def dist(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


def test_bundled_atlas_loads_without_problems(content):
    """Every bundled file validates and every placement resolves."""
    assert [str(p) for p in content.problems] == []


@pytest.mark.parametrize("meridian, count", sorted(WHO_COUNTS.items()))
def test_point_counts_match_the_who_standard(content, meridian, count):
    """Each channel has exactly its WHO number of points, numbered 1..n."""
    codes = content.atlas.meridians[meridian].points
    assert codes == tuple(f"{meridian}{n}" for n in range(1, count + 1))


def test_total_is_361_plus_the_teaching_extra_points(content):
    """361 standard points, and at least the nine extra points the course relies on."""
    standard = sum(len(content.atlas.meridians[m].points) for m in WHO_COUNTS)
    assert standard == 361
    extra = set(content.atlas.meridians["EX"].points)
    assert {"EX-HN3", "EX-HN5", "EX-B2", "EX-B7", "EX-B8", "EX-UE7", "EX-LE5", "EX-LE6", "EX-LE7"} <= extra


def test_every_point_has_a_marker_inside_the_figure(content):
    """Every point is drawn somewhere, and every marker lies inside the skin of its view."""
    outside = []
    for code, markers in content.layout.by_point.items():
        assert markers, f"{code} has no marker"
        for m in markers:
            if not content.body.view(m.view).contains(m.x, m.y):
                outside.append(f"{code} {m.view} {m.side} ({m.x:.3f}, {m.y:.3f})")
    assert outside == []


def test_bilateral_markers_are_exact_mirror_images(content):
    """Every bilateral marker on a mirrored view (front, back, a plate centred on the midline) has a partner
    at (-x, y)."""
    for markers in content.layout.markers.values():
        for m in markers:
            if m.side in ("left", "right") and content.body.spec(m.view).mirrored:
                pair = pair_of(m, content.layout)
                assert pair is not None, m
                assert (pair.x, pair.y) == pytest.approx((-m.x, m.y))


def test_midline_channels_sit_on_the_midline(content):
    """GV and CV markers on front and back views have x == 0 (except on an inset drawn beside the figure)."""
    for meridian in ("GV", "CV"):
        for code in content.atlas.meridians[meridian].points:
            for m in content.layout.markers_of(code):
                view = content.body.view(m.view)
                on_inset = any((m.x, m.y) == view.landmarks[name] for name in view.insets)
                if m.view in ("front", "back") and not on_inset:
                    assert m.x == pytest.approx(0.0, abs=1e-9), code


def test_hand_typed_positions_are_rare(content):
    """Almost every position is computed from landmarks; the exceptions are counted."""
    assert len(content.layout.manual) <= 10, content.layout.manual


# --- placement checked against the described landmarks and cun -------------------------------

def test_pc6_is_two_twelfths_from_wrist_to_elbow_crease(content):
    """PC6: 2 cun above the wrist crease on a 12-cun forearm."""
    front = content.body.view("front")
    wrist, elbow = front.landmark("wrist_crease_mid"), front.landmark("elbow_crease_mid")
    pc6 = content.layout.position("PC6", "front", "left")
    assert dist(wrist, pc6) == pytest.approx(dist(wrist, elbow) * 2 / 12, rel=0.02)
    assert dist(wrist, pc6) + dist(pc6, elbow) == pytest.approx(dist(wrist, elbow), rel=0.01)


def test_bl52_is_twice_as_far_from_the_midline_as_bl23(content):
    """BL23 and BL52 share the L2 level; the outer line is at 3 cun, the inner at 1.5 cun."""
    back = content.body.view("back")
    bl23 = content.layout.position("BL23", "back", "right")
    bl52 = content.layout.position("BL52", "back", "right")
    assert bl23[1] == pytest.approx(back.landmark("L2")[1], abs=1e-6)
    assert bl52[1] == pytest.approx(bl23[1], abs=1e-6)
    assert bl52[0] == pytest.approx(2 * bl23[0], rel=1e-6)
    assert bl23[0] == pytest.approx(1.5 * back.scales["back"], rel=1e-6)


def test_cv12_is_halfway_between_umbilicus_and_xiphisternal_junction(content):
    """CV12: 4 of the 8 cun from the umbilicus to the xiphisternal junction."""
    front = content.body.view("front")
    navel, xiphoid = front.landmark("umbilicus"), front.landmark("xiphisternal_junction")
    cv12 = content.layout.position("CV12", "front")
    assert cv12[1] == pytest.approx((navel[1] + xiphoid[1]) / 2, abs=1e-6)


def test_cv4_is_three_fifths_from_umbilicus_to_pubic_symphysis(content):
    """CV4: 3 cun below the umbilicus, on the 5-cun line to the pubic symphysis."""
    front = content.body.view("front")
    navel, pubis = front.landmark("umbilicus"), front.landmark("pubic_symphysis")
    cv4 = content.layout.position("CV4", "front")
    assert cv4[1] == pytest.approx(navel[1] + (pubis[1] - navel[1]) * 3 / 5, abs=1e-6)


def test_st25_is_two_cun_lateral_to_the_umbilicus(content):
    """ST25 is level with the umbilicus, 2 cun (a quarter of the nipple distance) lateral."""
    front = content.body.view("front")
    st25 = content.layout.position("ST25", "front", "left")
    assert st25[1] == pytest.approx(front.landmark("umbilicus")[1], abs=1e-6)
    assert st25[0] == pytest.approx(front.landmark("nipple")[0] / 2, rel=1e-6)


def test_st36_is_three_sixteenths_below_st35(content):
    """ST36 lies 3 cun below ST35 on the 16-cun line from the knee to the ankle."""
    front = content.body.view("front")
    st35 = content.layout.position("ST35", "front", "left")
    ankle = front.landmark("ankle_front")
    st36 = content.layout.position("ST36", "front", "left")
    along = ((st36[0] - st35[0]) * (ankle[0] - st35[0])
             + (st36[1] - st35[1]) * (ankle[1] - st35[1])) / dist(st35, ankle)
    assert along == pytest.approx(dist(st35, ankle) * 3 / 16, rel=0.03)


def test_gv_points_on_the_back_follow_the_vertebrae(content):
    """GV4 is below L2, GV14 below C7: the same landmarks the drawing's spine is made from."""
    back = content.body.view("back")
    assert content.layout.position("GV4", "back") == pytest.approx(back.landmark("L2"))
    assert content.layout.position("GV14", "back") == pytest.approx(back.landmark("C7"))


def test_lu6_is_seven_cun_above_the_wrist_on_the_lu5_lu9_line(content):
    """LU6 is 7/12 of the way from LU9 to LU5."""
    lu9 = content.layout.position("LU9", "front", "left")
    lu5 = content.layout.position("LU5", "front", "left")
    lu6 = content.layout.position("LU6", "front", "left")
    assert dist(lu9, lu6) == pytest.approx(dist(lu9, lu5) * 7 / 12, rel=0.02)


# --- content -------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["LI4", "SP6", "BL60", "BL67", "GB21"])
def test_pregnancy_cautions(content, code):
    """The points traditionally avoided in pregnancy carry the pregnancy caution."""
    assert "pregnancy" in content.atlas.points[code].caution_tags


@pytest.mark.parametrize("code", ["LI19", "LI20", "PC8", "PC9", "GB30", "GV26"])
def test_disputed_points_are_flagged(content, code):
    """WHO-disputed points describe their alternative location."""
    assert len(content.atlas.points[code].disputed) > 20


def test_every_point_has_its_teaching_fields(content):
    """Pinyin carries tone marks, hanzi are CJK, and location/needling/tags are filled."""
    tones = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
    for point in content.atlas.points.values():
        assert any(ch in tones for ch in point.pinyin), point.code
        assert all("\u4e00" <= ch <= "\u9fff" for ch in point.hanzi), point.code
        assert len(point.location) > 20 and point.tags, point.code
        assert point.needling.depth or "no_needle" in point.caution_tags, point.code


def test_back_pain_tag_reaches_the_classic_back_points(content):
    """The 'back pain' tag is on the points the tradition uses for it."""
    tagged = {c for c, p in content.atlas.points.items() if "back pain" in p.tags}
    assert {"BL23", "BL40", "GV4", "EX-B2"} <= tagged


# Distances in cun between named points, as the WHO Standard Acupuncture Point Locations (2008) gives them,
# measured on the drawing with the WHO bone-proportional length of the segment they lie on. The table
# is typed from the standard, not from the data files or the engine: a placement engine or a data entry
# that puts a point elsewhere fails here. (view, point, from, segment end A, segment end B, segment in cun,
# distance point-from in cun); "midline" is the posterior or anterior midline at the other end's level.
FOREARM_FRONT = ("wrist_crease_mid", "elbow_crease_mid", 12)  # cubital crease to wrist crease: 12 cun
NIPPLES = ("midline", "nipple", 4)  # between the nipples: 8 cun, so 4 from the midline
WHO_DISTANCES = [
    ("front", "PC6", "PC7", *FOREARM_FRONT, 2),
    ("front", "PC5", "PC7", *FOREARM_FRONT, 3),
    ("front", "PC4", "PC7", *FOREARM_FRONT, 5),
    ("front", "LU7", "LU9", "LU9", "LU5", 12, 1.5),
    ("front", "LU6", "LU9", "LU9", "LU5", 12, 7),
    ("front", "HT5", "HT7", "HT7", "HT3", 12, 1),
    ("front", "HT4", "HT7", "HT7", "HT3", 12, 1.5),
    ("back", "LI10", "LI11", "LI11", "LI5", 12, 2),
    ("front", "CV12", "CV8", "umbilicus", "xiphisternal_junction", 8, 4),  # xiphisternal junction-navel: 8
    ("front", "CV6", "CV8", "umbilicus", "pubic_symphysis", 5, 1.5),  # navel-pubic symphysis: 5 cun
    ("front", "CV3", "CV8", "umbilicus", "pubic_symphysis", 5, 4),
    ("front", "ST25", "CV8", *NIPPLES, 2),
    ("front", "KI16", "CV8", *NIPPLES, 0.5),
    ("front", "ST21", "CV12", *NIPPLES, 2),
    ("back", "BL23", "GV4", "midline", "scapula_medial_border", 3, 1.5),  # scapula's border: 3 cun
    ("back", "BL52", "GV4", "midline", "scapula_medial_border", 3, 3),
    ("front", "ST36", "ST35", "ST35", "ankle_front", 16, 3),  # knee to ankle, lateral: 16 cun
    ("front", "ST40", "ST35", "ST35", "ankle_front", 16, 8),
    ("front", "SP6", "medial_malleolus", "medial_malleolus", "tibia_medial_condyle", 13, 3),  # 13 cun
    ("front", "LR5", "medial_malleolus", "medial_malleolus", "tibia_medial_condyle", 13, 5),
    ("front", "KI7", "KI3", "medial_malleolus", "tibia_medial_condyle", 13, 2),
    ("side", "GB39", "lateral_malleolus", "lateral_malleolus", "popliteal_crease_lateral", 16, 3),
]


def _spot(content, view: str, name: str, level: float | None = None) -> tuple[float, float]:
    """A landmark, a point's marker on the x >= 0 side of ``view``, or the midline at ``level``."""
    if name == "midline":
        return (0.0, level or 0.0)
    landmarks = content.body.view(view).landmarks
    if name in landmarks:
        return landmarks[name]
    marker = max(content.layout.markers_of(name, view), key=lambda m: m.x)
    return (marker.x, marker.y)


@pytest.mark.parametrize(("view", "code", "origin", "end_a", "end_b", "segment", "expected"), WHO_DISTANCES,
                         ids=[f"{row[1]}-{row[2]}" for row in WHO_DISTANCES])
def test_points_lie_at_the_who_distances_in_cun(content, view, code, origin, end_a, end_b, segment, expected):
    """Measured on the drawing, a point lies the WHO standard's number of cun from its neighbour."""
    b = _spot(content, view, end_b)
    unit = dist(_spot(content, view, end_a, b[1]), b) / segment
    there, start = _spot(content, view, code), _spot(content, view, origin)
    assert dist(there, start) / unit == pytest.approx(expected, abs=0.1)


def test_alias_codes_are_listed_once(content):
    """CV8's other codes read 'REN8' once, not 'REN8, REN8' (the channel lists Ren and REN)."""
    atlas = content.atlas
    assert atlas.aliases_of("CV8") == ("REN8",)
    assert atlas.aliases_of("GV20") == ("DU20",)
    for code in atlas.points:
        aliases = atlas.aliases_of(code)
        assert len(aliases) == len(set(aliases)), code
