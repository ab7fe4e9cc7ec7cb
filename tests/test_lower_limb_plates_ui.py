"""The medial ankle on screen: the crowded kidney points keep their labels apart."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("view", ["medial_leg", "foot_medial"])
def test_ki5_and_ki6_labels_are_both_shown_and_do_not_collide(window, view):
    window.set_view(view)
    window.select("KI5")
    window.zoom_to_selection(3.0)
    scene = window.scenes[view]
    labels = [scene.by_code[code][0].label for code in ("KI5", "KI6", "KI3", "KI4")]
    assert all(label is not None and label.isVisible() for label in labels)
    rects = [label.deviceTransform(window.diagram.viewportTransform()).mapRect(label.boundingRect())
             for label in labels]
    for n, a in enumerate(rects):
        for b in rects[n + 1:]:
            assert not a.adjusted(1, 1, -1, -1).intersects(b.adjusted(1, 1, -1, -1))
