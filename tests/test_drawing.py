"""The SVG drawing reader (viewer/atlas/drawing.py): the format of docs/body-model.md, what Inkscape
writes, and every kind of bad file reported by file, element and attribute without a crash."""
from __future__ import annotations

import pytest

from viewer.atlas import geometry as geo
from viewer.atlas import limits
from viewer.atlas.body import ROLES
from viewer.atlas.drawing import parse_drawing, path_data, read_drawing

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-0.3 0 0.6 1">'


def svg(body: str, head: str = HEAD) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{head}\n{body}\n</svg>\n'.encode()


def read(body: str, head: str = HEAD):
    return parse_drawing(svg(body, head), "test.svg")


def close(a, b, tol=1e-12):
    assert len(a) == len(b)
    for ca, cb in zip(a, b, strict=True):
        assert ca[0] == cb[0] and len(ca) == len(cb)
        assert all(abs(x - y) <= tol for x, y in zip(ca[1:], cb[1:], strict=True)), (ca, cb)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_round_trips_exactly(role):
    """Commands written as path data with their role class come back with the role, in order, bit for bit."""
    shapes = [geo.smooth_open([(0.01, 0.2), (0.05, 0.25), (0.03, 0.31)]),
              geo.ellipse(0.1234567, 0.5, 0.01, 0.02, 0.3),
              (("M", -0.1, 0.9), ("L", -0.05, 0.95))]
    body = "\n".join(f'<path class="{role}" d="{path_data(c)}"/>' for c in shapes)
    drawing = read(body)
    assert not drawing.problems
    assert [p.role for p in drawing.paths] == [role] * 3
    assert [p.commands for p in drawing.paths] == shapes
    assert [p.closed for p in drawing.paths] == [False, True, False]


def test_landmarks_insets_and_bounds():
    """Landmarks by name from lm-<name> circles, insets by landmark name, bounds from the viewBox."""
    drawing = read('<circle class="landmark" id="lm-nipple" cx="0.058" cy="0.27" r="0.002"/>'
                   '<circle class="landmark" id="lm-T12" cx="0" cy="0.37" r="0.002"/>'
                   '<rect class="inset" id="inset-nipple" x="0.05" y="0.26" width="0.02" height="0.03"/>')
    assert not drawing.problems
    assert drawing.landmarks == {"nipple": (0.058, 0.27), "T12": (0.0, 0.37)}
    assert drawing.insets["nipple"] == pytest.approx((0.05, 0.26, 0.07, 0.29))
    assert drawing.bounds == (-0.3, 0.0, 0.3, 1.0)
    assert drawing.paths == ()


def test_inkscape_layers_transforms_relative_commands_and_units():
    """A file as Inkscape saves it (page size in mm, a layer group with a transform, relative and
    shorthand commands, a rotated group, quadratic and arc segments, circle and ellipse elements)
    reads in model units as absolute M/L/C/Z."""
    head = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
            ' xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" width="60mm" height="100mm"'
            ' viewBox="-0.3 0 0.6 1">')
    body = ('<sodipodi:namedview id="namedview1" inkscape:zoom="2"/>'
            '<g inkscape:groupmode="layer" inkscape:label="Layer 1" id="layer1" transform="translate(0.1,0.2)">'
            '<path class="contour" id="p1" style="stroke:#000;stroke-width:0.001" d="m 0,0 h 0.1 v 0.1 l -0.1,0 z"/>'
            '<path class="crease" d="m 0,0 c 0.1,0 0.1,0.1 0,0.1 s -0.1,0.1 0,0.2"/>'
            '<g transform="rotate(90)"><circle class="landmark" id="lm-turned" cx="0.01" cy="0.02" r="0.002"/></g>'
            '<path class="bone" d="M 0 0 Q 0.1 0.1 0.2 0"/>'
            '<path class="feature" d="M 0 0 A 0.1 0.1 0 0 1 0.2 0"/>'
            '<ellipse class="feature" cx="0" cy="0" rx="0.02" ry="0.01"/>'
            '</g>')
    drawing = read(body, head)
    assert not drawing.problems
    square, curve, quad, arc, oval = drawing.paths
    close(square.commands, (("M", 0.1, 0.2), ("L", 0.2, 0.2), ("L", 0.2, 0.3), ("L", 0.1, 0.3), ("Z",)))
    assert square.closed and not curve.closed
    close(curve.commands, (("M", 0.1, 0.2), ("C", 0.2, 0.2, 0.2, 0.3, 0.1, 0.3), ("C", 0.0, 0.3, 0.0, 0.4, 0.1, 0.5)))
    close(quad.commands, (("M", 0.1, 0.2), ("C", 0.1 + 0.2 / 3, 0.2 + 0.2 / 3, 0.3 - 0.2 / 3, 0.2 + 0.2 / 3, 0.3, 0.2)))
    assert all(c[0] in "MLCZ" for p in drawing.paths for c in p.commands)
    # the arc: a half circle of radius 0.1 about (0.2, 0.2), above it (y grows downwards)
    for x, y in geo.flatten(arc.commands, 16):
        assert abs(((x - 0.2) ** 2 + (y - 0.2) ** 2) ** 0.5 - 0.1) < 1e-4 and y <= 0.2 + 1e-9
    assert oval.closed
    assert geo.bounding_box(geo.flatten(oval.commands, 16)) == pytest.approx((0.08, 0.19, 0.12, 0.21), abs=1e-4)
    assert drawing.landmarks["turned"] == pytest.approx((0.08, 0.21))  # rotated, then moved with the layer


def test_unclassed_elements_that_are_not_shapes_are_ignored_quietly():
    """Metadata, titles, text and definitions are not drawing errors."""
    drawing = read('<title>Front</title><metadata id="m"/><defs><path id="template" d="M0 0 L1 1"/></defs>'
                   '<text x="0" y="0">a note</text><path class="skin" d="M0 0 L0.1 0 L0.1 0.1 Z"/>')
    assert not drawing.problems and len(drawing.paths) == 1


def test_hidden_layers_and_templates_are_not_drawn():
    """What the editor does not show is not drawn: a hidden layer, a hidden shape, shapes inside <defs>."""
    drawing = read('<g id="sketch" style="display:none"><path class="skin" d="M0 0 L1 0 Z"/></g>'
                   '<path class="contour" display="none" d="M0 0 L1 1"/>'
                   '<defs><g><path class="skin" d="M0 0 L1 0 Z"/></g></defs>'
                   '<g style="opacity:0.5; display : none ;"><circle class="landmark" id="lm-x" cx="0" cy="0"/></g>'
                   '<g style="display:inline"><path class="crease" d="M 0 0 L 0.1 0.1"/></g>')
    assert not drawing.problems and drawing.landmarks == {}
    assert [p.role for p in drawing.paths] == ["crease"]


BAD_ELEMENTS = [
    ('<path class="wrinkle" id="w1" d="M0 0 L1 1"/>', "w1", "class", "wrinkle"),
    ('<path class="skin contour" id="w2" d="M0 0 L1 1"/>', "w2", "class", "not one of"),
    ('<path id="w3" d="M0 0 L1 1"/>', "w3", "class", "missing"),
    ('<g class="skin" id="w4"/>', "w4", "class", "cannot carry"),
    ('<path class="contour" id="nod"/>', "nod", "d", "missing"),
    ('<path class="contour" id="empty" d="  "/>', "empty", "d", "missing"),
    ('<path class="contour" id="junk" d="M0 0 K 1 1"/>', "junk", "d", "'K'"),
    ('<path class="contour" id="nan" d="M nan 0 L 1 1"/>', "nan", "d", "not finite"),
    ('<path class="contour" id="nan2" d="M0,0 Lnan,1"/>', "nan2", "d", "not valid"),
    ('<path class="contour" id="far" d="M 1e300 0 L 1 1"/>', "far", "d", "not finite or beyond"),
    ('<g transform="scale(1e308)"><path class="contour" id="blown" d="M 10 0 L 1 1"/></g>', "blown", "transform",
     "not finite"),
    ('<circle class="landmark" id="lm-nocx" cy="0.2" r="0.002"/>', "lm-nocx", "cx", "missing"),
    ('<circle class="landmark" id="lm-nocy" cx="0.2" r="0.002"/>', "lm-nocy", "cy", "missing"),
    ('<circle class="landmark" id="lm-nan" cx="NaN" cy="0.2"/>', "lm-nan", "cx", "finite"),
    ('<circle class="landmark" id="lm-inf" cx="0" cy="inf"/>', "lm-inf", "cy", "finite"),
    ('<circle class="landmark" id="nipple" cx="0" cy="0.2"/>', "nipple", "id", "lm-<name>"),
    ('<circle class="landmark" id="lm-bad name" cx="0" cy="0.2"/>', "lm-bad name", "id", "lm-<name>"),
    ('<rect class="landmark" id="lm-box" x="0" y="0" width="1" height="1"/>', "lm-box", "id", "<circle>"),
    ('<rect class="inset" id="inset-x" x="0" y="0" height="0.1"/>', "inset-x", "width", "missing"),
    ('<rect class="inset" id="inset-y" x="0" y="0" width="0" height="0.1"/>', "inset-y", "width", "positive"),
    ('<circle class="inset" id="inset-z" cx="0" cy="0" r="1"/>', "inset-z", "id", "<rect>"),
    ('<rect class="inset" id="inset-ghost" x="0" y="0" width="0.1" height="0.1"/>', "inset-ghost", "id",
     "no landmark"),
    ('<circle class="feature" id="c1" cx="0" cy="0" r="oops"/>', "c1", "r", "finite"),
]


@pytest.mark.parametrize(("element", "entry", "attr", "words"), BAD_ELEMENTS,
                         ids=[b[1] for b in BAD_ELEMENTS])
def test_a_bad_element_is_reported_by_id_and_attribute_and_the_rest_is_read(element, entry, attr, words):
    """One bad element is left out and named (file, element id, attribute); the good ones around it stay."""
    good = ('<path class="skin" id="ok" d="M0 0 L0.1 0 L0.1 0.1 Z"/>'
            '<circle class="landmark" id="lm-here" cx="0.05" cy="0.05" r="0.002"/>')
    drawing = read(good + element + good.replace("lm-here", "lm-there"))
    assert len(drawing.problems) == 1, drawing.problems
    problem = drawing.problems[0]
    assert (problem.file, problem.entry, problem.field) == ("test.svg", entry, attr)
    assert words in problem.message
    assert len(drawing.paths) == 2 and {"here", "there"} <= set(drawing.landmarks)


def test_an_element_without_id_is_named_by_kind_and_position():
    drawing = read('<path class="skin" d="M0 0 L1 0 Z"/><path class="wrinkle" d="M0 0 L1 1"/>')
    assert drawing.problems[0].entry == "<path> element 3"


def test_a_landmark_given_twice_keeps_the_first():
    drawing = read('<circle class="landmark" id="lm-a" cx="0.1" cy="0.2"/>'
                   '<circle class="landmark" id="lm-a" cx="0.3" cy="0.4"/>')
    assert drawing.landmarks == {"a": (0.1, 0.2)}
    assert [(p.entry, p.field) for p in drawing.problems] == [("lm-a", "id")]


@pytest.mark.parametrize(("data", "words"), [
    (b"", "not well-formed"),
    (b"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'><path class='skin' d='M0 0'", "not well-formed"),
    (b"\xff\xfe<svg/>", "not well-formed"),
    (b"<html><body/></html>", "not an SVG"),
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>&b;</title></svg>', "entities"),
])
def test_a_file_that_is_no_drawing_is_reported_not_raised(data, words):
    drawing = parse_drawing(data, "bad.svg")
    assert drawing.paths == () and drawing.landmarks == {}
    assert len(drawing.problems) == 1 and drawing.problems[0].file == "bad.svg"
    assert words in drawing.problems[0].message


@pytest.mark.parametrize("box", ['', 'viewBox="0 0 1"', 'viewBox="0 0 0 1"', 'viewBox="0 0 nan 1"',
                                 'viewBox="a b c d"'])
def test_a_missing_or_bad_view_box_is_named(box):
    drawing = read('<path class="skin" d="M0 0 L1 0 Z"/>', f'<svg xmlns="http://www.w3.org/2000/svg" {box}>')
    assert [(p.entry, p.field) for p in drawing.problems] == [("svg", "viewBox")]
    assert drawing.bounds is None and len(drawing.paths) == 1


def test_files_beyond_the_limits_are_refused_by_name(tmp_path, monkeypatch):
    """A file over the size limit is not read at all; one with too many elements is not parsed further."""
    big = tmp_path / "big.svg"
    big.write_bytes(svg("<!--" + "x" * limits.MAX_SVG_BYTES + "-->"))
    drawing = read_drawing(big, "body/big.svg")
    assert drawing.problems[0].file == "body/big.svg" and "limit" in drawing.problems[0].message
    assert "limit" in parse_drawing(big.read_bytes(), "big.svg").problems[0].message
    many = svg('<g id="g"/>' * (limits.MAX_SVG_ELEMENTS + 1))
    problem = parse_drawing(many, "many.svg").problems[0]
    assert "elements" in problem.message and str(limits.MAX_SVG_ELEMENTS) in problem.message


def test_a_missing_file_or_a_folder_is_a_problem(tmp_path):
    for path in (tmp_path / "absent.svg", tmp_path):
        drawing = read_drawing(path)
        assert len(drawing.problems) == 1 and drawing.paths == ()


def test_every_truncation_of_a_good_file_is_read_or_reported_never_raised():
    """Cut a valid drawing anywhere: the reader returns a Drawing (possibly empty) with problems, never raises."""
    data = svg('<g transform="translate(0.01 0)"><path class="skin" id="s" d="M0 0 C 0.1 0 0.1 0.1 0 0.1 Z"/>'
               '<circle class="landmark" id="lm-a" cx="0.05" cy="0.05" r="0.002"/></g>'
               '<rect class="inset" id="inset-a" x="0" y="0" width="0.1" height="0.1"/>')
    for cut in range(0, len(data), 3):
        drawing = parse_drawing(data[:cut], "cut.svg")
        assert drawing.problems or len(drawing.paths) == 1


def test_path_data_writes_absolute_commands_in_shortest_exact_form():
    assert path_data((("M", 0.0, 1.0), ("L", -0.1, 2.5), ("C", 1, 2, 3, 4, 5, 6), ("Z",))) == \
        "M 0 1 L -0.1 2.5 C 1 2 3 4 5 6 Z"


def test_a_bundled_drawing_saved_the_way_inkscape_does_reads_the_same():
    """front.svg rewritten as Inkscape saves it (relative path commands, a page size in mm, layers inside
    a moved group that moves them back) gives the same strokes and landmarks as the file itself."""
    import re

    from svgelements import Path as SvgPath

    from viewer.atlas.body import drawing_files

    front = next(p for p in drawing_files() if p.name == "front.svg")
    text = front.read_text(encoding="utf-8")
    relative = re.sub(r' d="([^"]+)"', lambda m: f' d="{SvgPath(m.group(1)).d(relative=True)}"', text)
    assert relative != text and ' d="m ' in relative
    body_start = relative.index("<g ")
    moved = (relative[:body_start] + '<g id="moved" transform="translate(0.25,-0.5)">'
             '<g transform="matrix(1,0,0,1,-0.25,0.5)">' + relative[body_start:].replace("</svg>", "</g></g></svg>"))
    plain, inkscape = read_drawing(front), parse_drawing(moved.encode(), "front.svg")
    assert not inkscape.problems and inkscape.landmarks.keys() == plain.landmarks.keys()
    assert all(abs(a - b) < 1e-12 for name in plain.landmarks
               for a, b in zip(plain.landmarks[name], inkscape.landmarks[name], strict=True))
    assert [p.role for p in inkscape.paths] == [p.role for p in plain.paths]
    for a, b in zip(plain.paths, inkscape.paths, strict=True):
        close(a.commands, b.commands, tol=1e-9)
