"""The README pictures every view of the registry, and each picture has its view's proportions (a plate whose
crop changed without `python tools/plate_gallery.py` being run again fails here)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from viewer.atlas.views import registry

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_gallery_shows_every_view_in_its_proportions(content):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    gallery = readme[readme.index("<!-- VIEWS:START -->"):readme.index("<!-- VIEWS:END -->")]
    for name in registry().names:
        picture = f"docs/screenshots/views/{name}.png"
        assert f"({picture})" in gallery, f"README's gallery lacks {name}"
        image = QImage(str(ROOT / picture))
        assert not image.isNull(), picture
        x0, y0, x1, y1 = content.body.view(name).bounds
        assert image.width() / image.height() == pytest.approx((x1 - x0) / (y1 - y0), rel=0.02), name
