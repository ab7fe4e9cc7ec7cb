"""Draw every view of the atlas (whole figures, own projections and regional plates) for the README.

Usage: python tools/plate_gallery.py [--height 760]

Each view is drawn alone, in the paper theme, with every acupoint marker and, where the view is magnified
enough, every label that fits, into docs/screenshots/views/<view>.png; the README's gallery between the
VIEWS markers is rewritten to show them all, in the View menu's order.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots" / "views"
README = ROOT / "README.md"
START, END = "<!-- VIEWS:START -->", "<!-- VIEWS:END -->"
COLUMNS = 4


def gallery(names: list[str], titles: dict[str, str]) -> str:
    """The README's table of views: a picture and its title per cell."""
    rows = []
    for i in range(0, len(names), COLUMNS):
        chunk = names[i:i + COLUMNS]
        rows.append("| " + " | ".join(f"![{titles[n]}](docs/screenshots/views/{n}.png)" for n in chunk) + " |")
        rows.append("| " + " | ".join(f"**{titles[n]}** (`{n}`)" for n in chunk) + " |")
    header = "| " + " | ".join([" "] * COLUMNS) + " |\n|" + "---|" * COLUMNS
    return "\n".join([START, header, *rows, END])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--height", type=int, default=760, help="height of each picture in pixels")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from viewer.app import create_window, ensure_application
    from viewer.ui.handout import export_view_image

    app = ensure_application()
    window = create_window(size=(1600, 1000), data_dir=Path(os.environ.get("TMPDIR", "/tmp")) / "mv-gallery")
    window.show()
    app.processEvents()
    window.after_paint.finish()
    registry = window.content.body.registry
    OUT.mkdir(parents=True, exist_ok=True)
    titles = {name: registry[name].title for name in registry.names}
    for name in registry.names:
        scene = window.scene_for(name)
        scene.set_zoom(1.0, pixels_per_unit=args.height / scene.body_rect().height())
        export_view_image(scene, OUT / f"{name}.png", height_px=args.height)
        print(f"wrote {OUT / name}.png")
    text = README.read_text(encoding="utf-8")
    block = gallery(list(registry.names), titles)
    if START in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _m: block, text, flags=re.S)
    else:
        raise SystemExit(f"README.md has no {START} ... {END} block to fill")
    README.write_text(text, encoding="utf-8")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
