"""User files are written atomically and a corrupt one is kept aside, never overwritten."""
from __future__ import annotations

import os

import pytest

from viewer.atlas import store


def test_atomic_write_replaces_content_and_leaves_no_temp_files(tmp_path):
    """After a write the file holds the new text and no temporary file is left behind."""
    target = tmp_path / "favourites.json"
    store.save_json(target, ["LU1"])
    store.save_json(target, ["LU1", "ST36"])
    assert store.load_json(target, []) == (["LU1", "ST36"], "", True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["favourites.json"]


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    """If replacing fails midway, the previous content survives and the temp file is removed."""
    target = tmp_path / "favourites.json"
    store.save_json(target, ["LU1"])

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        store.save_json(target, ["broken"])
    monkeypatch.undo()
    assert store.load_json(target, []) == (["LU1"], "", True)
    assert [p.name for p in tmp_path.iterdir()] == ["favourites.json"]


def test_corrupt_file_is_quarantined_with_a_message(tmp_path):
    """A corrupt JSON file is renamed aside, its bytes intact, and the default is returned."""
    target = tmp_path / "favourites.json"
    target.write_text("{not json", encoding="utf-8")
    value, note, _ = store.load_json(target, [])
    assert value == []
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("favourites.json.corrupt-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"
    assert "could not be read" in note and kept[0].name in note
    assert not target.exists()
