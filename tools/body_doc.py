"""Write the generated parts of docs/body-model.md: the scale table and the landmark index.

Both come from the data the app uses — the scale definitions of the view registry and the landmarks of
the drawing files — so the document cannot drift from them. Each part sits between a pair of markers
(``<!-- body_doc: NAME -->`` ... ``<!-- /body_doc: NAME -->``); text outside the markers is left alone.

Usage:  python tools/body_doc.py            rewrite docs/body-model.md
        python tools/body_doc.py --check    exit 1 (and say which part) if the document is stale
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer.atlas.body import build_body, scale_definitions  # noqa: E402

DOC = ROOT / "docs" / "body-model.md"
CM_PER_UNIT = 170.0  # the figure stands 170 cm tall


def _names(names) -> str:
    return ", ".join(f"`{n}`" for n in names)


def standing(view) -> bool:
    """Is ``view`` drawn at the standing figure's scale (vertex at the top, y = 0; soles at y = 1)? An own
    projection (the top of the head, the medial leg) has units of its own, which are no centimetres."""
    vertex = view.landmarks.get("vertex")
    return vertex is not None and abs(vertex[1]) < 0.02 and view.bounds[3] > 0.95


def scale_table(model) -> str:
    rows = ["| view | scale | from | to | cun | one cun |", "|---|---|---|---|---|---|"]
    for view, scales in scale_definitions().items():
        drawn = model.view(view) if view in model.views else None
        computed = drawn.scales if drawn is not None else {}
        for name, (start, end, cun, across) in scales.items():
            to = "its mirror image (across the midline)" if across else f"`{end}`"
            if name not in computed:
                size = "—"
            elif standing(drawn):
                size = f"{computed[name] * CM_PER_UNIT:.2f} cm"
            else:
                size = f"{computed[name]:.4f} of its own units"
            rows.append(f"| {view} | `{name}` | `{start}` | {to} | {cun:g} | {size} |")
    return "\n".join(rows)


def landmark_index(model) -> str:
    parts = []
    for name, view in model.views.items():
        if model.spec(name).is_plate:  # a plate's landmarks are its parent's (docs/views.md)
            continue
        line = f"- **{name}** ({len(view.landmarks)}): {_names(sorted(view.landmarks, key=str.lower))}"
        if view.insets:
            line += f"; on an inset: {_names(sorted(view.insets))}"
        parts.append(line)
    return "\n".join(parts)


def parts(model) -> dict[str, str]:
    return {"scales": scale_table(model), "landmarks": landmark_index(model)}


def _block(name: str) -> re.Pattern:
    return re.compile(rf"(<!-- body_doc: {name} -->\n)(?:.*?\n)?(<!-- /body_doc: {name} -->)", re.S)


def render(text: str, model) -> str:
    """``text`` with every generated part replaced by its current content; ValueError if a marker is missing."""
    for name, body in parts(model).items():
        pattern = _block(name)
        if not pattern.search(text):
            raise ValueError(f"docs/body-model.md has no '<!-- body_doc: {name} -->' block")
        text = pattern.sub(lambda m, body=body: m.group(1) + body + "\n" + m.group(2), text)
    return text


def stale(text: str, model) -> list[str]:
    """Names of the generated parts whose text differs from the data."""
    fresh = render(text, model)
    return [name for name in parts(model) if _block(name).search(text).group(0) != _block(name).search(fresh).group(0)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check; exit 1 if the document is stale")
    args = ap.parse_args(argv)
    text = DOC.read_text(encoding="utf-8")
    model = build_body()
    if args.check:
        old = stale(text, model)
        for name in old:
            print(f"docs/body-model.md: the {name} part is stale; run python tools/body_doc.py")
        return 1 if old else 0
    new = render(text, model)
    if new != text:
        DOC.write_text(new, encoding="utf-8")
        print("docs/body-model.md updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
