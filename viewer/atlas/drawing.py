"""Drawing files: the SVG drawing of one view read into strokes, landmarks and insets (Qt-free).

The format (docs/body-model.md, "Drawing files") is plain SVG in model units: ``<path class="<role>">``
for the line work, ``<circle class="landmark" id="lm-<name>">`` for a landmark and
``<rect class="inset" id="inset-<landmark>">`` for an inset box; the root's ``viewBox`` is the view's
bounds. What Inkscape writes is accepted too — groups with transforms, relative commands, arcs,
circles and ellipses — and turned into absolute M/L/C/Z commands by svgelements, which is imported only
when a file is actually read (a warm start reads the body model from the start-up cache).

A bad file or element never stops the app: it is left out and reported as a ``Problem`` naming the
file, the element (its id, else its kind and position) and the attribute.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from .body import ROLES, Stroke
from .limits import MAX_SVG_BYTES, MAX_SVG_COORD, MAX_SVG_ELEMENTS
from .model import Problem

LANDMARK, INSET = "landmark", "inset"
LANDMARK_PREFIX, INSET_PREFIX = "lm-", "inset-"
SVG_NS = "http://www.w3.org/2000/svg"
_SHAPES = {"path", "circle", "ellipse", "rect", "line", "polyline", "polygon"}
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_NUMBER = re.compile(r"^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$")
_NUMERIC = {"circle": ("cx", "cy", "r"), "ellipse": ("cx", "cy", "rx", "ry"),
            "rect": ("x", "y", "width", "height", "rx", "ry"), "line": ("x1", "y1", "x2", "y2")}
_BAD_PATH_CHARS = re.compile(r"[^MmLlHhVvCcSsQqTtAaZz0-9eE.,+\-\s]")
_KEY = "data-meridian-k"  # marks the elements handed to svgelements, to find them again

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Drawing:
    """What one drawing file holds: strokes in document order, landmarks by name, inset boxes by landmark
    name (x0, y0, x1, y1), the viewBox as (x0, y0, x1, y1), and what was wrong with the file."""

    paths: tuple[Stroke, ...] = ()
    landmarks: dict[str, tuple[float, float]] = field(default_factory=dict)
    insets: dict[str, Box] = field(default_factory=dict)
    bounds: Box | None = None
    problems: tuple[Problem, ...] = ()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _number(text: str | None) -> float | None:
    """A plain finite number within the coordinate limit, else None."""
    if text is None or not _NUMBER.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) and abs(value) <= MAX_SVG_COORD else None


class _Reader:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, entry: str, attr: str, message: str) -> None:
        self.problems.append(Problem(self.file, entry, attr, message))

    def done(self, **parts) -> Drawing:
        return Drawing(**parts, problems=tuple(self.problems))

    # -- the XML, checked element by element -------------------------------------------------------------

    def parse(self, data: bytes) -> Drawing:
        if b"<!ENTITY" in data:
            self.problem("", "", "declares XML entities, which drawing files must not use; it was not read")
            return self.done()
        try:
            root = ET.fromstring(data)
        except ET.ParseError as exc:
            self.problem("", "", f"is not well-formed XML ({exc}); it was not read")
            return self.done()
        if _local(root.tag) != "svg":
            self.problem("", "", f"is not an SVG file (its root element is <{_local(root.tag)}>); it was not read")
            return self.done()
        count = sum(1 for _ in root.iter())
        if count > MAX_SVG_ELEMENTS:
            self.problem("", "", f"has {count} elements, over the limit of {MAX_SVG_ELEMENTS}; it was not read")
            return self.done()
        bounds = self._view_box(root)
        kept = self._check_elements(root)
        for attr in ("width", "height", "viewBox", "preserveAspectRatio"):
            root.attrib.pop(attr, None)  # read in user units: no viewport transform
        paths, landmarks, insets = self._geometry(root, kept)
        return self.done(paths=paths, landmarks=landmarks, insets=insets, bounds=bounds)

    def _view_box(self, root) -> Box | None:
        text = root.get("viewBox")
        parts = (text or "").replace(",", " ").split()
        values = [v for v in (_number(p) for p in parts) if v is not None]
        if len(parts) != 4 or len(values) != 4 or values[2] <= 0 or values[3] <= 0:
            self.problem("svg", "viewBox", f"must be four finite numbers with a positive width and height, "
                         f"not {text!r}")
            return None
        x, y, w, h = values
        return (x, y, x + w, y + h)

    def _check_elements(self, root) -> list[_Item]:
        """Check every classed element; drop the bad ones and return the others in document order."""
        kept: list[_Item] = []
        parents = {child: parent for parent in root.iter() for child in parent}
        landmark_names: set[str] = set()
        for n, el in enumerate(list(root.iter()), 1):
            tag = _local(el.tag)
            entry = el.get("id") or f"<{tag}> element {n}"
            classes = (el.get("class") or "").split()
            if tag not in _SHAPES:
                if classes:
                    self.problem(entry, "class", f"a <{tag}> cannot carry a drawing class; only shapes can")
                continue
            if any(_local(e.tag) in _NOT_DRAWN or _hidden(e) for e in _ancestry(el, parents)):
                continue  # a template, a clip path or a layer hidden in the editor: not part of the picture
            plain = _plain_path(el.get("d")) if tag == "path" else None
            problem = self._element_problem(el, tag, classes, landmark_names, plain is not None)
            if problem:
                self.problem(entry, *problem)
                parents[el].remove(el)
                continue
            kind = classes[0]
            name = ""
            if kind == LANDMARK:
                name = el.get("id", "")[len(LANDMARK_PREFIX):]
                landmark_names.add(name)
            elif kind == INSET:
                name = el.get("id", "")[len(INSET_PREFIX):]
            transformed = any(e.get("transform") for e in _ancestry(el, parents))
            item = _Item(str(n), kind, name, entry, transformed=transformed)
            if not transformed:  # read directly: the form the bundled files are written in
                item.commands = plain if kind in ROLES else None
                if kind == LANDMARK:
                    item.commands = (("M", float(el.get("cx")), float(el.get("cy"))),)
                elif kind == INSET:
                    x, y = float(el.get("x")), float(el.get("y"))
                    item.commands = (("M", x, y), ("L", x + float(el.get("width")), y + float(el.get("height"))))
            if item.commands is None:
                el.set(_KEY, item.key)
            kept.append(item)
        return kept

    def _element_problem(self, el, tag: str, classes: list[str], landmarks: set[str],
                         plain: bool) -> tuple[str, str] | None:
        """(attribute, message) of what is wrong with a shape, or None."""
        known = (*ROLES, LANDMARK, INSET)
        if not classes:
            return "class", f"is missing: a shape needs one of {', '.join(known)}; it is not drawn"
        if len(classes) != 1 or classes[0] not in known:
            return "class", f"{' '.join(classes)!r} is not one of {', '.join(known)}; the shape is not drawn"
        kind = classes[0]
        for attr in _NUMERIC.get(tag, ()):
            if el.get(attr) is not None and _number(el.get(attr)) is None:
                return attr, f"must be a plain finite number within ±{MAX_SVG_COORD:g}, not {el.get(attr)!r}"
        if kind == LANDMARK:
            name = (el.get("id") or "").removeprefix(LANDMARK_PREFIX)
            if tag != "circle" or not (el.get("id") or "").startswith(LANDMARK_PREFIX) or not _NAME.match(name):
                return "id", "a landmark is a <circle> with id 'lm-<name>' (letters, digits, _)"
            if name in landmarks:
                return "id", f"landmark {name!r} is given twice"
            for attr in ("cx", "cy"):
                if el.get(attr) is None:
                    return attr, "is missing: a landmark needs its centre"
        elif kind == INSET:
            name = (el.get("id") or "").removeprefix(INSET_PREFIX)
            if tag != "rect" or not (el.get("id") or "").startswith(INSET_PREFIX) or not _NAME.match(name):
                return "id", "an inset is a <rect> with id 'inset-<landmark name>'"
            for attr in ("x", "y", "width", "height"):
                if el.get(attr) is None:
                    return attr, "is missing: an inset needs its box"
            if (_number(el.get("width")) or 0) <= 0 or (_number(el.get("height")) or 0) <= 0:
                return "width", "an inset's width and height must be positive"
        elif tag == "path" and not plain:
            return self._path_data_problem(el.get("d"))
        return None

    @staticmethod
    def _path_data_problem(d: str | None) -> tuple[str, str] | None:
        if not d or not d.strip():
            return "d", "is missing: a path needs its path data"
        bad = _BAD_PATH_CHARS.search(d)
        if bad:
            return "d", f"is not valid path data ({bad.group()!r} is no path command)"
        from svgelements import Path as SvgPath

        try:
            path = SvgPath(d)
        except Exception as exc:  # svgelements raises several kinds on bad path data
            return "d", f"is not valid path data ({type(exc).__name__}: {exc})"
        if not any(True for _ in path):
            return "d", "has no drawing commands"
        return None

    # -- geometry ------------------------------------------------------------------------------------------

    def _geometry(self, root, items: list[_Item]):
        """Strokes, landmarks and insets of the checked items; svgelements works out the transformed ones
        (and any path data that is not plain absolute M/L/C/Z)."""
        pending = {item.key: item for item in items if item.commands is None}
        if pending:
            self._by_svgelements(root, pending)
        paths: list[Stroke] = []
        landmarks: dict[str, tuple[float, float]] = {}
        insets: dict[str, Box] = {}
        for item in items:
            commands = item.commands
            if commands is None:
                continue  # reported by _by_svgelements
            coords = [v for c in commands for v in c[1:]]
            if not coords or not all(math.isfinite(v) and abs(v) <= MAX_SVG_COORD for v in coords):
                self.problem(item.entry, "transform" if item.transformed else "d",
                             f"gives coordinates that are not finite or beyond ±{MAX_SVG_COORD:g}; it is not drawn")
                continue
            xs, ys = coords[0::2], coords[1::2]
            if item.kind == LANDMARK:
                landmarks.setdefault(item.name, (xs[0], ys[0]))
            elif item.kind == INSET:
                insets[item.name] = (min(xs), min(ys), max(xs), max(ys))
            else:
                paths.append(Stroke(item.kind, commands, commands[-1] == ("Z",)))
        for name in insets:
            if name not in landmarks:
                self.problem(INSET_PREFIX + name, "id", f"names no landmark of this drawing ({name!r})")
        return tuple(paths), landmarks, insets

    def _by_svgelements(self, root, pending: dict[str, _Item]) -> None:
        import io

        from svgelements import SVG, Point, Shape

        try:
            svg = SVG.parse(io.BytesIO(ET.tostring(root)), reify=True)
            elements = [(e, pending[e.values[_KEY]]) for e in svg.elements()
                        if isinstance(e, Shape) and e.values.get(_KEY) in pending]
        except Exception as exc:  # a malformed transform or style svgelements cannot take
            self.problem("", "", f"could not be read as SVG ({type(exc).__name__}: {exc})")
            return
        for element, item in elements:
            if item.commands is not None:
                continue  # a <use> clone of an element already read
            try:
                if item.kind == LANDMARK:  # the centre of the circle, transformed
                    centre = Point(element.cx, element.cy) * element.transform
                    item.commands = (("M", float(centre.x), float(centre.y)),)
                else:
                    item.commands = _commands(element)
            except (ValueError, ArithmeticError) as exc:
                self.problem(item.entry, "", f"could not be turned into path commands ({exc}); it is not drawn")


@dataclass
class _Item:
    """A checked element of the file: what it is and, once known, its geometry (absolute commands; a
    landmark is one M at its centre, an inset an M and an L at opposite corners)."""

    key: str
    kind: str
    name: str
    entry: str
    transformed: bool = False
    commands: tuple[tuple, ...] | None = None


_NOT_DRAWN = {"defs", "clipPath", "mask", "symbol", "pattern", "marker"}
_DISPLAY_NONE = re.compile(r"(^|;)\s*display\s*:\s*none\s*(;|$)")


def _hidden(el) -> bool:
    """Hidden in the editor (Inkscape hides a layer with style="display:none")."""
    return el.get("display") == "none" or bool(_DISPLAY_NONE.search(el.get("style") or ""))


def _ancestry(el, parents):
    while el is not None:
        yield el
        el = parents.get(el)


_ARITY = {"M": 2, "L": 2, "C": 6, "Z": 0}


def _plain_path(d: str | None) -> tuple[tuple, ...] | None:
    """The commands of path data in the plain form the bundled files use (absolute M, L, C and Z, each
    command letter and number separated by spaces), or None for anything else (left to svgelements)."""
    out: list[tuple] = []
    tokens = (d or "").replace(",", " ").split()
    i = 0
    try:
        while i < len(tokens):
            op = tokens[i]
            n = _ARITY[op]
            out.append((op, *(float(t) for t in tokens[i + 1:i + 1 + n])))
            if len(out[-1]) != n + 1:
                return None
            i += n + 1
    except (KeyError, ValueError):
        return None
    return tuple(out) if out and out[0][0] == "M" else None


def _commands(element) -> tuple[tuple, ...]:
    """The element's outline (transforms applied) as absolute M/L/C/Z commands."""
    from svgelements import Arc, Close, CubicBezier, Line, Move, QuadraticBezier
    from svgelements import Path as SvgPath

    path = element if isinstance(element, SvgPath) else SvgPath(element)
    out: list[tuple] = []

    def cubic(seg) -> None:
        out.append(("C", seg.control1.x, seg.control1.y, seg.control2.x, seg.control2.y, seg.end.x, seg.end.y))

    for seg in path.segments(transformed=True):
        if isinstance(seg, Move):
            out.append(("M", seg.end.x, seg.end.y))
        elif isinstance(seg, Close):
            out.append(("Z",))
        elif isinstance(seg, Line):
            out.append(("L", seg.end.x, seg.end.y))
        elif isinstance(seg, CubicBezier):
            cubic(seg)
        elif isinstance(seg, QuadraticBezier):
            s, q, e = seg.start, seg.control, seg.end
            out.append(("C", s.x + 2 / 3 * (q.x - s.x), s.y + 2 / 3 * (q.y - s.y),
                        e.x + 2 / 3 * (q.x - e.x), e.y + 2 / 3 * (q.y - e.y), e.x, e.y))
        elif isinstance(seg, Arc):
            for part in seg.as_cubic_curves():
                cubic(part)
    return tuple((c[0], *(float(v) for v in c[1:])) for c in out)


def path_data(commands) -> str:
    """SVG path data (absolute M/L/C/Z) of the commands, numbers in their shortest exact form."""
    def num(v: float) -> str:
        text = repr(float(v) + 0.0)
        return text[:-2] if text.endswith(".0") else text
    return " ".join(" ".join([c[0], *(num(v) for v in c[1:])]) for c in commands)


def read_drawing(path: Path, file: str | None = None) -> Drawing:
    """The drawing in the SVG file ``path``; ``file`` is the name problems give it (default: the file name).

    Never raises for a bad file: what cannot be read is left out and reported in ``Drawing.problems``.
    """
    from .store import Refused, read_limited

    reader = _Reader(file or path.name)
    try:
        data = read_limited(path, MAX_SVG_BYTES)
    except (OSError, Refused) as exc:
        reader.problem("", "", str(exc) if isinstance(exc, Refused) else f"cannot be read ({exc.strerror or exc})")
        return reader.done()
    return reader.parse(data)


def parse_drawing(data: bytes, file: str) -> Drawing:
    """The drawing in the SVG text ``data`` (problems name it ``file``)."""
    if len(data) > MAX_SVG_BYTES:
        reader = _Reader(file)
        reader.problem("", "", f"is over the limit of {MAX_SVG_BYTES} bytes for a drawing; it was not read")
        return reader.done()
    return _Reader(file).parse(data)
