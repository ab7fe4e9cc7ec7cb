"""Search finds every point by each of its names; filters, history and favourites behave."""
from __future__ import annotations

import pytest

from viewer.atlas.favourites import Favourites
from viewer.atlas.history import History
from viewer.atlas.search import Filters, SearchIndex, fold


@pytest.fixture(scope="module")
def index(content):
    return SearchIndex(content.atlas)


def top(index, query, **filters):
    hits = index.search(query, Filters(**{k: frozenset(v) for k, v in filters.items()}))
    return hits[0].code if hits else None


@pytest.mark.parametrize("query", ["BL23", "bl 23", "UB23", "bl023", "Bl-23"])
def test_code_in_any_spelling(index, query):
    """Codes match with any alias, case, space, dash or leading zero."""
    assert top(index, query) == "BL23"


@pytest.mark.parametrize("query, code", [("sj5", "TE5"), ("TB5", "TE5"), ("lv3", "LR3"), ("du20", "GV20"),
                                         ("ren12", "CV12"), ("ex-hn3", "EX-HN3")])
def test_alias_families(index, query, code):
    """SJ/TB, LV, Du and Ren aliases and extra-point codes resolve."""
    assert top(index, query) == code


@pytest.mark.parametrize("query", ["zusanli", "Zú Sān Lǐ", "zu san li", "Zúsānlǐ", "足三里"])
def test_pinyin_with_or_without_tones_and_hanzi(index, query):
    """ST36 is found by pinyin with/without tones and spaces, and by hanzi."""
    assert top(index, query) == "ST36"


def test_every_point_is_found_by_each_of_its_names(content, index):
    """Code, pinyin, folded pinyin, hanzi and English name each put the point among the results."""
    missing = []
    for code, point in content.atlas.points.items():
        for query in (code, point.pinyin, fold(point.pinyin), point.hanzi, point.english):
            if code not in [h.code for h in index.search(query)]:
                missing.append(f"{code} by {query!r}")
    assert missing == []


def test_filters_narrow_results(index, content):
    """The back-pain tag filter and the meridian/view filters restrict the list."""
    back_pain = {h.code for h in index.search("", Filters(tags=frozenset({"back pain"})))}
    assert "BL23" in back_pain and "LU7" not in back_pain
    bl_back = index.search("", Filters(meridians=frozenset({"BL"}), views=frozenset({"back"})))
    assert {h.code for h in bl_back} <= set(content.atlas.meridians["BL"].points)
    assert "BL40" in {h.code for h in bl_back}


def test_region_and_tag_queries(index):
    """Typing a region or an indication finds points with it."""
    assert "BL23" in {h.code for h in index.search("back pain")}
    assert all(index.atlas.points[h.code].region == "knee" for h in index.search("knee") if h.field == "region")


def test_history_back_and_forward():
    """Back and forward move through visits; a new visit drops the forward part."""
    h = History()
    for code in ("LU1", "LU2", "LU3"):
        h.visit(code)
    assert h.back() == "LU2" and h.back() == "LU1" and not h.can_go_back()
    assert h.forward() == "LU2"
    h.visit("ST36")
    assert not h.can_go_forward() and h.back() == "LU2"


def test_favourites_persist_and_survive_a_corrupt_file(tmp_path):
    """Favourites are saved at once, reloaded, and a corrupt file is kept aside."""
    fav = Favourites(tmp_path)
    assert fav.toggle("ST36") is True
    assert Favourites(tmp_path).codes == ["ST36"]
    assert fav.toggle("ST36") is False
    (tmp_path / "favourites.json").write_text("[[[", encoding="utf-8")
    again = Favourites(tmp_path)
    assert again.codes == [] and "kept as favourites.json.corrupt-" in again.note
    assert any(p.name.startswith("favourites.json.corrupt-") for p in tmp_path.iterdir())


def test_placement_descriptions_read_as_words(content):
    """The 'placed on the diagram' sentence names landmarks in words and gives the cun."""
    from viewer.atlas.describe import describe_placement

    pc6 = describe_placement(content.atlas.points["PC6"].places[0])
    assert "2 cun from the middle of the wrist crease" in pc6 and "12 cun" in pc6
    bl23 = describe_placement(content.atlas.points["BL23"].places[0])
    assert bl23 == "At L2, 1.5 cun lateral."
