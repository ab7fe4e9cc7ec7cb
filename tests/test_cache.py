"""The start-up cache returns the same content, follows every input, survives damage and runs no code."""
from __future__ import annotations

import os
import pickle
import re
import shutil
import stat

import pytest

from viewer.atlas import cache
from viewer.atlas.content import Content, load_content
from viewer.atlas.resources import asset_path


def copy_atlas(tmp_path):
    folder = tmp_path / "meridians"
    shutil.copytree(asset_path("atlas/meridians"), folder)
    return folder


@pytest.fixture()
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    return folder


def cache_files(folder):
    return sorted(p for p in folder.iterdir() if p.name.startswith("content-"))


def test_second_load_comes_from_the_cache_and_equals_a_fresh_load(tmp_path, cache_folder):
    """A cached load holds the same points, marker positions, muscles and search as an uncached one."""
    folder = copy_atlas(tmp_path)
    first = load_content(folder)
    assert len(cache_files(cache_folder)) == 1
    second = load_content(folder)
    fresh = load_content(folder, use_cache=False)
    assert isinstance(second, Content)
    assert second.atlas.points == fresh.atlas.points == first.atlas.points
    assert second.layout.by_point == fresh.layout.by_point
    assert second.muscles == fresh.muscles
    assert second.correspondence == fresh.correspondence
    assert [h.code for h in second.search_index().search("zusanli")] == \
        [h.code for h in fresh.search_index().search("zusanli")]


def test_the_cache_file_is_plain_data_a_planted_pickle_runs_nothing(tmp_path, cache_folder):
    """A file planted under any cache name (old pickle or new) is never executed; start-up still works."""
    folder = copy_atlas(tmp_path)
    load_content(folder)
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    evil = pickle.dumps(Payload())
    (real,) = cache_files(cache_folder)
    assert not real.read_bytes().startswith(b"\x80")  # not a pickle stream
    real.write_bytes(evil)
    (cache_folder / real.name.replace(real.suffix, ".pickle")).write_bytes(evil)
    content = load_content(folder)
    assert "ST36" in content.atlas.points
    assert not marker.exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_cache_folder_is_created_private(tmp_path, cache_folder):
    """The cache folder is created 0700, so another user cannot plant or read a file in it."""
    load_content(copy_atlas(tmp_path))
    assert stat.S_IMODE(cache_folder.stat().st_mode) == 0o700


def test_editing_a_data_file_invalidates_the_cache(tmp_path, cache_folder):
    """Changing one point's English name shows up at the next load."""
    folder = copy_atlas(tmp_path)
    load_content(folder)
    lu = folder / "LU.toml"
    lu.write_text(lu.read_text(encoding="utf-8").replace('english = "Cloud Gate"', 'english = "Edited Gate"'),
                  encoding="utf-8")
    assert load_content(folder).atlas.points["LU2"].english == "Edited Gate"


def test_renaming_a_pack_folder_invalidates_the_cache(tmp_path, cache_folder):
    """The pack's folder name is part of what is shown (its channel), so it is part of the key."""
    data = tmp_path / "data"
    pack = data / "packs" / "first"
    pack.mkdir(parents=True)
    (pack / "pack.toml").write_text('[pack]\nname = "P"\n[[note]]\ncode = "ST36"\ntext = "n"\n', encoding="utf-8")
    folder = copy_atlas(tmp_path)
    assert [p.folder for p in load_content(folder, data_dir=data).packs] == ["first"]
    pack.rename(data / "packs" / "second")
    assert [p.folder for p in load_content(folder, data_dir=data).packs] == ["second"]


def test_every_domain_module_is_part_of_the_key(tmp_path, monkeypatch):
    """Editing codes.py (how codes are spelt and resolved) gives a new key, like any other module."""
    code = tmp_path / "atlas"
    shutil.copytree(os.path.dirname(cache.__file__), code)
    monkeypatch.setattr(cache, "__file__", str(code / "cache.py"))
    before = cache.content_key([])
    with (code / "codes.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    assert cache.content_key([]) != before


def test_parts_decoded_on_first_use_equal_a_fresh_load_and_their_problems_are_known_at_once(tmp_path,
                                                                                            cache_folder):
    """Muscles and safety come from the cache undecoded until first read; their problems are there before."""
    from viewer.atlas.muscles import MuscleAtlas
    from viewer.atlas.safety import SafetyAtlas

    folder = copy_atlas(tmp_path)
    load_content(folder)
    second = load_content(folder)
    fresh = load_content(folder, use_cache=False)
    assert second.problems == fresh.problems
    assert isinstance(second.muscles, MuscleAtlas) and isinstance(second.safety, SafetyAtlas)
    assert second.safety.notes == fresh.safety.notes and second.safety == fresh.safety
    assert fresh.muscles == second.muscles  # compared from either side
    assert type(second.muscles) is MuscleAtlas and type(second.safety) is SafetyAtlas  # plain once read


def _damage_cache_file(folder, cache_folder, change) -> bytes:
    """Load ``folder`` (writing its cache file), then let ``change(parts, views)`` put well-formed but wrong
    data into the file's parts decoded on first use or its views' drawings; returns the bytes written."""
    import msgspec

    load_content(folder)
    (cached,) = cache_files(cache_folder)
    content, parts, problems, views = msgspec.msgpack.decode(cached.read_bytes())
    change(parts, views)
    damaged = msgspec.msgpack.encode([content, parts, problems, views])
    cached.write_bytes(damaged)
    return damaged


def test_a_damaged_part_found_on_first_use_is_rebuilt_from_the_data_files(tmp_path, cache_folder):
    """A cache file whose muscles part holds the wrong data (well-formed MessagePack) still gives the
    right muscles when they are first read, and the file is written anew."""
    folder = copy_atlas(tmp_path)
    fresh = load_content(folder, use_cache=False)
    damaged = _damage_cache_file(folder, cache_folder, lambda parts, views: parts.update(muscles={"muscles": 42}))
    second = load_content(folder)
    assert second.atlas.points == fresh.atlas.points
    assert second.muscles.muscles == fresh.muscles.muscles
    (rewritten,) = cache_files(cache_folder)
    assert rewritten.read_bytes() != damaged
    assert load_content(folder).muscles == fresh.muscles


def test_damaged_cache_file_is_ignored_and_rebuilt(tmp_path, cache_folder):
    """Garbage in the cache file never breaks start-up."""
    folder = copy_atlas(tmp_path)
    load_content(folder)
    (cached,) = cache_files(cache_folder)
    cached.write_bytes(b"not msgpack at all")
    content = load_content(folder)
    assert "ST36" in content.atlas.points
    assert cached.read_bytes() != b"not msgpack at all"


def _folder_is_a_file(folder, key):
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the folder should be")


def _entry_is_a_folder(folder, key):
    (folder / f"content-{key}.msgpack").mkdir(parents=True)


def _entry_is_a_symlink(folder, key):
    folder.mkdir(parents=True)
    (folder.parent / "elsewhere").write_bytes(b"x")
    (folder / f"content-{key}.msgpack").symlink_to(folder.parent / "elsewhere")


def _folder_unreadable(folder, key):
    folder.mkdir(parents=True)  # and every read in it denied (below): root ignores chmod


@pytest.mark.parametrize("state", [_folder_is_a_file, _entry_is_a_folder, _entry_is_a_symlink, _folder_unreadable],
                         ids=lambda f: f.__name__.strip("_"))
def test_the_app_loads_whatever_state_the_cache_is_in(tmp_path, cache_folder, monkeypatch, state):
    """A cache folder that is a file, an entry that is a folder or a link, an unreadable folder: no crash."""
    folder = copy_atlas(tmp_path)
    keys = []
    real_key = cache.content_key
    monkeypatch.setattr(cache, "content_key", lambda files: keys.append(real_key(files)) or keys[-1])
    monkeypatch.setenv(cache.ENV, str(tmp_path / "first"))
    load_content(folder)
    monkeypatch.setenv(cache.ENV, str(cache_folder))
    state(cache_folder, keys[0])
    if state is _folder_unreadable:
        path_type = type(cache_folder)
        real_glob, real_read = path_type.glob, path_type.read_bytes

        def denied(real):
            def call(self, *args):
                if cache_folder in (self, self.parent):
                    raise PermissionError(13, "Permission denied", str(self))
                return real(self, *args)
            return call

        monkeypatch.setattr(path_type, "glob", denied(real_glob))
        monkeypatch.setattr(path_type, "read_bytes", denied(real_read))
    assert "ST36" in load_content(folder).atlas.points
    assert "ST36" in load_content(folder).atlas.points
    if state is _entry_is_a_symlink:
        assert (tmp_path / "elsewhere").read_bytes() == b"x"


def test_cache_can_be_switched_off(tmp_path, monkeypatch):
    """MERIDIAN_VIEWER_CACHE=off writes nothing: neither in the platform's cache folder, where a load
    without the variable does write (so the check looks where a cache would really go), nor in the folder
    the variable named before."""
    import platformdirs

    platform_cache = tmp_path / "platform-cache"
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda *args, **kwargs: str(platform_cache))
    earlier = os.environ[cache.ENV]  # the test session's own cache folder (tests/conftest.py)
    before = sorted(os.listdir(earlier))
    folder = copy_atlas(tmp_path)
    monkeypatch.delenv(cache.ENV)
    load_content(folder)
    assert cache_files(platform_cache), "without the variable the cache goes to the platform's folder"
    shutil.rmtree(platform_cache)

    monkeypatch.setenv(cache.ENV, "off")
    assert cache.cache_dir() is None
    (folder / "LU.toml").write_bytes((folder / "LU.toml").read_bytes() + b"\n")  # new input: a new cache
    assert "ST36" in load_content(folder).atlas.points
    assert not platform_cache.exists()
    assert sorted(os.listdir(earlier)) == before


def test_editing_a_drawing_file_invalidates_the_cache(tmp_path, cache_folder):
    """The drawing files are inputs like the data: a landmark moved in front.svg moves at the next load."""
    body = tmp_path / "body"
    shutil.copytree(asset_path("atlas/body"), body)
    folder = copy_atlas(tmp_path)
    before = load_content(folder, body_folder=body).body.view("front").landmark("nipple")
    front = body / "front.svg"
    text = front.read_text(encoding="utf-8")
    moved = re.sub(r'(id="lm-nipple" cx=")[^"]+', r"\g<1>0.0612", text)
    assert moved != text
    front.write_text(moved, encoding="utf-8")
    after = load_content(folder, body_folder=body)
    assert after.body.view("front").landmark("nipple") == (0.0612, before[1])
    assert len(cache_files(cache_folder)) == 2


def test_each_view_drawing_is_decoded_when_first_read_and_equals_a_fresh_load(tmp_path, cache_folder):
    """From the cache, the drawing of a view is decoded when that view is first read (the first picture
    needs one of 26); every view then equals the one built from the drawing files."""
    folder = copy_atlas(tmp_path)
    load_content(folder)
    second = load_content(folder)
    fresh = load_content(folder, use_cache=False)
    views = second.body.views
    assert list(views) == list(fresh.body.views)
    assert all(cache.pending(view) for view in views.values())
    assert second.body.view("front").landmark("nipple") == fresh.body.view("front").landmark("nipple")
    assert not cache.pending(views["front"])
    assert sum(cache.pending(view) for view in views.values()) == len(views) - 1
    for name, view in views.items():
        assert view == fresh.body.views[name], name
    assert not any(cache.pending(view) for view in views.values())


def test_a_damaged_view_drawing_is_rebuilt_from_the_drawing_files(tmp_path, cache_folder):
    """A cache file whose drawing of one view is wrong (well-formed MessagePack) still shows that view
    as drawn when it is first read, and the file is written anew."""
    folder = copy_atlas(tmp_path)
    fresh = load_content(folder, use_cache=False)
    damaged = _damage_cache_file(folder, cache_folder, lambda parts, views: views.update(back={"paths": "none"}))
    second = load_content(folder)
    assert second.body.view("back").paths == fresh.body.view("back").paths
    (rewritten,) = cache_files(cache_folder)
    assert rewritten.read_bytes() != damaged


def test_the_key_follows_a_file_that_appears_or_goes_and_a_same_size_edit(tmp_path):
    """An input that cannot be read (missing) still gives a key; the key changes when the file appears, and
    when it is rewritten to other bytes of the same size (its modification time changes)."""
    path = tmp_path / "extra.toml"
    missing = cache.content_key([path])
    path.write_text("a = 1\n", encoding="utf-8")
    present = cache.content_key([path])
    assert missing != present
    stamp = path.stat().st_mtime_ns
    path.write_text("a = 2\n", encoding="utf-8")
    os.utime(path, ns=(stamp + 1_000_000, stamp + 1_000_000))
    assert cache.content_key([path]) != present
