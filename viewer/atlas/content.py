"""Everything the app shows, loaded once: atlas, body model, computed layout and problems."""
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from .body import BodyModel, View, build_body, drawing_files
from .categories import PointCategories, load_categories
from .compare import Overview, load_overview
from .loader import load_bundled
from .model import Atlas, Problem, replace
from .muscles import (
    Correspondence,
    MuscleAtlas,
    correspondences,
    load_muscles,
    place_muscles,
)
from .packs import Pack
from .placement import Layout, layout_points
from .safety import SafetyAtlas, link_points, load_safety, place_safety
from .search import SearchIndex

# WHO standard point counts per channel: checked by the tests and by tools/check_atlas.py.
WHO_COUNTS = {
    "LU": 11, "LI": 20, "ST": 45, "SP": 21, "HT": 9, "SI": 19, "BL": 67, "KI": 27,
    "PC": 9, "TE": 23, "GB": 44, "LR": 14, "GV": 28, "CV": 24,
}


# Decoded from the start-up cache when first read, but for the fields named here, decoded at once: the
# first picture needs only their load problems and which muscle each trigger point belongs to.
DEFERRED = {"muscles": ("problems", "trigger_points"), "safety": ("problems",)}


@dataclass
class Content:
    atlas: Atlas
    body: BodyModel
    layout: Layout
    packs: list[Pack] = field(default_factory=list)
    search: SearchIndex | None = field(default=None, compare=False)  # rebuilt, never cached
    muscles: MuscleAtlas = field(default_factory=MuscleAtlas)
    overview: Overview = field(default_factory=Overview)
    correspondence: list[Correspondence] = field(default_factory=list)  # trigger point -> nearest acupoint
    misplaced: list = field(default_factory=list)  # pack files in the wrong place: looked up every start
    categories: PointCategories = field(default_factory=PointCategories)  # well, source, back-shu ...
    safety: SafetyAtlas = field(default_factory=SafetyAtlas)  # what lies under the skin (lung, vessels, nerves)


    def search_index(self) -> SearchIndex:
        """The search index, built when first needed (the window asks after its first paint)."""
        if self.search is None:
            self.search = SearchIndex(self.atlas, self.categories, self.layout)
        return self.search

    @property
    def problems(self) -> list[Problem]:
        return (self.body.problems + self.atlas.problems + self.layout.problems + self.muscles.problems
                + self.overview.problems + self.categories.problems + self.safety.problems + self.misplaced)


def load_content(folder: Path | None = None, data_dir: Path | None = None, use_cache: bool = True,
                 body_folder: Path | None = None) -> Content:
    """Load the bundled atlas (and the user's data packs, if a data folder is given) and place it.

    ``body_folder`` holds the drawing files of the views (default: the bundled ones).

    The validated result is cached under a hash of every input file's path, size and time (see ``cache.py``).
    """
    from . import cache
    from .loader import meridian_files
    from .packs import load_packs, misplaced_packs, pack_dirs
    from .resources import asset_path

    folder = folder or asset_path("atlas/meridians")
    muscle_folder = folder.parent / "muscles"
    compare_file = asset_path("content/compare.toml")
    safety_file = asset_path("atlas/safety.toml")
    inputs = (meridian_files(folder) + sorted(muscle_folder.glob("*.toml"))
              + [compare_file, asset_path("atlas/cautions.toml"), asset_path("atlas/indications.toml"),
                 asset_path("atlas/categories.toml"), safety_file, asset_path("atlas/views.toml")]
              + drawing_files(body_folder))
    if data_dir is not None:
        inputs += [d / "pack.toml" for d in pack_dirs(data_dir)]
    key = cache.content_key(inputs) if use_cache else ""
    cached = _from_cache(key, folder, data_dir) if use_cache else None
    if cached is not None:
        from .views import adopt

        adopt(cached.body.registry)  # the registry the cached body was built with: no TOML read
        cached.misplaced = misplaced_packs(data_dir) if data_dir is not None else []
        return cached
    atlas = load_bundled(folder)
    muscles = load_muscles(muscle_folder)
    packs = load_packs(data_dir, atlas, set(muscles.trigger_points)) if data_dir is not None else []
    body = build_body(body_folder)
    layout = layout_points(atlas, body)
    muscles = place_muscles(muscles, atlas, body)
    categories = load_categories(asset_path("atlas/categories.toml"), atlas)
    safety = link_points(place_safety(load_safety(safety_file), atlas, body), layout, muscles)
    content = Content(atlas, body, layout, packs, None, muscles,  # search: built on first use (search_index())
                      load_overview(compare_file), correspondences(muscles, layout, body), categories=categories,
                      safety=safety)
    if use_cache:
        cache.save(key, _for_cache(content))
    content.misplaced = misplaced_packs(data_dir) if data_dir is not None else []
    return content


def _for_cache(content: Content) -> tuple:
    """What the cache file holds: the content without the DEFERRED parts and without the drawings of the
    views; each part encoded on its own; each part with only the fields that are decoded at once; and each
    view's drawing encoded on its own (the first picture needs one view of 26, and the drawings are most of
    the file). A part is stored as bytes, a length-prefixed "bin" that reading the file steps over without
    parsing it (3.4 of its 4 MB), and is decoded when first used."""
    import msgspec

    encode = msgspec.msgpack.encode  # bytes: a "bin" in the file, which reading skips by its length, unparsed

    parts = {name: encode(getattr(content, name)) for name in DEFERRED}
    at_once = {name: encode(type(getattr(content, name))(**{f: getattr(getattr(content, name), f) for f in fields}))
               for name, fields in DEFERRED.items()}
    empty = {name: type(getattr(content, name))() for name in DEFERRED}
    views = {name: encode(view) for name, view in content.body.views.items()}
    body = replace(content.body, views={})
    return dataclasses.replace(content, search=None, body=body, **empty), parts, at_once, views


def _from_cache(key: str, folder: Path, data_dir: Path | None) -> Content | None:
    import msgspec

    from . import cache

    cached = cache.load(key, tuple[Content, dict[str, memoryview], dict[str, memoryview], dict[str, memoryview]])
    if cached is None or set(cached[1]) != set(DEFERRED) or set(cached[2]) != set(DEFERRED):
        return None
    content, parts, at_once, views = cached

    def rebuild_view(name):  # a damaged drawing: the whole file goes, the data files are read again
        cache.discard(key)
        return load_content(folder, data_dir).body.views[name]

    content.body = replace(content.body, views={
        name: cache.deferred(raw, View, lambda name=name: rebuild_view(name), name=name)
        for name, raw in views.items()})
    for name, fields in DEFERRED.items():
        def rebuild(name=name):  # the part was damaged: the whole file goes, the data files are read again
            cache.discard(key)
            return getattr(load_content(folder, data_dir), name)

        kind = type(getattr(content, name))
        try:
            known = msgspec.msgpack.Decoder(kind).decode(at_once[name])
        except (ValueError, RecursionError, MemoryError):
            cache.discard(key)
            return None
        setattr(content, name, cache.deferred(parts[name], kind, rebuild, **{f: getattr(known, f) for f in fields}))
    return content
