"""docs/body-model.md's scale table and landmark index are generated from the registry and the drawings
(tools/body_doc.py): the test fails when the document is stale."""
from __future__ import annotations

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
    """The generated table names every scale of every whole figure with its computed size; the index every
    landmark (a regional plate takes its parent's, magnified: docs/views.md)."""
    text = body_doc.DOC.read_text(encoding="utf-8")
    model = build_body()
    for name, view in model.views.items():
        if model.spec(name).is_plate:
            continue
        for scale, size in view.scales.items():
            assert f"| {name} | `{scale}` |" in text and f"{size * body_doc.CM_PER_UNIT:.2f} cm |" in text
        index = text.split(f"- **{name}** ", 1)[1].split("\n", 1)[0]
        assert all(f"`{landmark}`" in index for landmark in view.landmarks)
