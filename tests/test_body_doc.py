"""docs/body-model.md's scale table and landmark index are generated from the registry and the drawings
(tools/body_doc.py): the test fails when the document is stale."""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import body_doc  # noqa: E402

from viewer.atlas.body import build_body  # noqa: E402


def test_the_generated_parts_of_the_body_model_doc_are_current():
    """If this fails, run: python tools/body_doc.py"""
    assert body_doc.stale(body_doc.DOC.read_text(encoding="utf-8"), build_body()) == []


def test_a_stale_document_is_found_and_rewritten(tmp_path, monkeypatch, capsys):
    """A scale row edited by hand and a landmark missing from the index are both caught by --check;
    a plain run restores the generated text and leaves the rest of the document as it was."""
    text = body_doc.DOC.read_text(encoding="utf-8")
    edited = text.replace("| `chest` | `nipple` |", "| `chest` | `navel` |").replace("`sole_heel`, ", "")
    assert edited.count("\n") == text.count("\n") and edited != text
    doc = tmp_path / "body-model.md"
    doc.write_text(edited, encoding="utf-8")
    monkeypatch.setattr(body_doc, "DOC", doc)
    assert body_doc.main(["--check"]) == 1
    assert "scales part is stale" in capsys.readouterr().out
    assert body_doc.stale(edited, build_body()) == ["scales", "landmarks"]
    assert body_doc.main([]) == 0
    assert doc.read_text(encoding="utf-8") == text
    assert body_doc.main(["--check"]) == 0


def test_every_scale_and_landmark_of_the_model_is_in_the_doc():
    """The generated table names every scale of every whole figure with its computed size (in cm on the
    standing figure's views, in its own units on an own projection); the index every landmark (a regional
    plate takes its parent's, magnified: docs/views.md)."""
    text = body_doc.DOC.read_text(encoding="utf-8")
    model = build_body()
    for name, view in model.views.items():
        if model.spec(name).is_plate:
            continue
        for scale, size in view.scales.items():
            row = next(line for line in text.splitlines() if line.startswith(f"| {name} | `{scale}` |"))
            if body_doc.standing(view):
                assert row.endswith(f"| {size * body_doc.CM_PER_UNIT:.2f} cm |"), row
            else:  # an own projection: its units are not the 170 cm figure's
                assert row.endswith(f"| {size:.4f} of its own units |"), row
        index = text.split(f"- **{name}** ", 1)[1].split("\n", 1)[0]
        assert all(f"`{landmark}`" in index for landmark in view.landmarks)


def test_every_cun_given_in_centimetres_is_a_human_one():
    """A cun is about 2 to 2.5 cm on an adult (less where a view foreshortens it): no row of the table may
    give more. The own projections' units are not the 170 cm figure's (read as cm they gave 10.54 and
    7.25 cm), so they must not be read as centimetres."""
    text = body_doc.DOC.read_text(encoding="utf-8")
    sizes = [float(cm) for cm in re.findall(r"\| ([0-9.]+) cm \|", text)]
    assert len(sizes) > 20
    assert all(0.3 < cm < 3.5 for cm in sizes), sorted(sizes)[-3:]
