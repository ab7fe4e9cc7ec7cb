"""The start-up cache returns the same content, follows every file edit, and survives damage."""
from __future__ import annotations

import shutil

from viewer.atlas import cache
from viewer.atlas.content import Content, load_content
from viewer.atlas.resources import asset_path


def copy_atlas(tmp_path):
    folder = tmp_path / "meridians"
    shutil.copytree(asset_path("atlas/meridians"), folder)
    return folder


def test_second_load_comes_from_the_cache_and_equals_a_fresh_load(tmp_path, monkeypatch):
    """A cached load holds the same points and marker positions as an uncached one."""
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    folder = copy_atlas(tmp_path)
    first = load_content(folder)
    assert len(list((tmp_path / "cache").glob("content-*.pickle"))) == 1
    second = load_content(folder)
    fresh = load_content(folder, use_cache=False)
    assert isinstance(second, Content)
    assert second.atlas.points == fresh.atlas.points == first.atlas.points
    assert second.layout.by_point == fresh.layout.by_point


def test_editing_a_data_file_invalidates_the_cache(tmp_path, monkeypatch):
    """Changing one point's English name shows up at the next load."""
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    folder = copy_atlas(tmp_path)
    load_content(folder)
    lu = folder / "LU.toml"
    lu.write_text(lu.read_text(encoding="utf-8").replace('english = "Cloud Gate"', 'english = "Edited Gate"'),
                  encoding="utf-8")
    assert load_content(folder).atlas.points["LU2"].english == "Edited Gate"


def test_damaged_cache_file_is_ignored_and_rebuilt(tmp_path, monkeypatch):
    """Garbage in the cache file never breaks start-up."""
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    folder = copy_atlas(tmp_path)
    load_content(folder)
    (cached,) = (tmp_path / "cache").glob("content-*.pickle")
    cached.write_bytes(b"not a pickle")
    content = load_content(folder)
    assert "ST36" in content.atlas.points
    assert cached.read_bytes() != b"not a pickle"


def test_cache_can_be_switched_off(tmp_path, monkeypatch):
    """MERIDIAN_VIEWER_CACHE=off writes nothing."""
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.cache_dir() is None
    load_content(copy_atlas(tmp_path))
    assert not (tmp_path / "cache").exists()
