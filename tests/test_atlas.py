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
    """Every bilateral marker on front/back has a partner at (-x, y)."""
    for markers in content.layout.markers.values():
        for m in markers:
            if m.side in ("left", "right") and m.view != "side":
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


def test_every_placement_matches_its_rule(content):
    """Each drawn point sits where its own rule puts it: landmark + cun along the stated line, plus offsets.

    The rule is re-derived here independently of the engine, for every placement of every point.
    """
    atlas, body, layout = content.atlas, content.body, content.layout
    cache = {}

    def ref(view, name):
        v = body.view(view)
        if name in v.landmarks:
            return v.landmarks[name]
        first = next(p for p in atlas.points[name].places if p.view == view)
        return base(name, first)

    def base(code, place):
        key = (code, place.view, id(place))
        if key in cache:
            return cache[key]
        v = body.view(place.view)
        if place.xy is not None:
            x, y = place.xy
        elif place.at is not None:
            x, y = ref(place.view, place.at)
            if place.lateral:
                x += place.lateral * v.scales[place.hscale]
            if place.forward:
                x -= place.forward * v.scales[place.hscale]
            if place.up:
                y -= place.up * v.scales[place.vscale]
        else:
            (ax, ay), (bx, by) = ref(place.view, place.start), ref(place.view, place.end)
            t = place.frac if place.frac is not None else place.cun / place.of
            x, y = ax + (bx - ax) * t, ay + (by - ay) * t
            offset = place.lateral or place.forward
            if offset:
                length = math.hypot(bx - ax, by - ay)
                unit = v.scales[place.hscale] if place.hscale else length / place.of
                nx, ny = -(by - ay) / length, (bx - ax) / length
                if nx * (1 if place.lateral else -1) < 0:
                    nx, ny = -nx, -ny
                x, y = x + nx * offset * unit, y + ny * offset * unit
        cache[key] = (x, y)
        return x, y

    checked = 0
    for code, point in atlas.points.items():
        per_view = {}
        for place in point.places:
            index = per_view.get(place.view, 0)
            per_view[place.view] = index + 1
            ex, ey = base(code, place)
            drawn = [m for m in layout.markers_of(code, place.view) if m.index == index]
            assert drawn, f"{code} {place.view} #{index} not drawn"
            xs = sorted(abs(m.x) for m in drawn) if point.bilateral and place.view != "side" else [m.x for m in drawn]
            want = abs(ex) if point.bilateral and place.view != "side" else ex
            assert xs[0] == pytest.approx(want, abs=1e-9), code
            assert drawn[0].y == pytest.approx(ey, abs=1e-9), code
            checked += 1
    assert checked >= 450


def test_alias_codes_are_listed_once(content):
    """CV8's other codes read 'REN8' once, not 'REN8, REN8' (the channel lists Ren and REN)."""
    atlas = content.atlas
    assert atlas.aliases_of("CV8") == ("REN8",)
    assert atlas.aliases_of("GV20") == ("DU20",)
    for code in atlas.points:
        aliases = atlas.aliases_of(code)
        assert len(aliases) == len(set(aliases)), code
