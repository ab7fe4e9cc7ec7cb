"""One search over everything: points, muscles, trigger points, indications; ranked; forgiving; fast."""
from __future__ import annotations

import pytest

from viewer.atlas.finder import SOURCES, Entry, Finder, term


@pytest.fixture(scope="module")
def finder(content):
    return Finder.build(content)


@pytest.mark.parametrize("query, key", [
    ("ST36", "ST36"), ("st 36", "ST36"), ("足三里", "ST36"), ("Zú Sān Lǐ", "ST36"),
    ("zusanly", "ST36"),  # one letter wrong
    ("zusnali", "ST36"),  # two letters swapped
    ("tsusanli", "ST36"),  # an older romanisation
    ("hoku", "LI4"),  # Hegu as older Western books wrote it
    ("piriformis", "m:piriformis"), ("pirifromis", "m:piriformis"), ("quadratus lumborum", "m:quadratus_lumborum"),
    ("QL1", "tp:QL1"), ("ql 1", "tp:QL1"),
])
def test_best_match_comes_first(finder, query, key):
    """Each query's first result is the entry meant, whatever its kind."""
    assert finder.search(query)[0].entry.key == key


def test_a_symptom_finds_its_indication_with_every_point(finder, content):
    """'sciatica' finds the indication, which gathers every point the atlas uses for it."""
    first = finder.search("sciatica")[0].entry
    assert first.kind == "indication" and first.title == "sciatica"
    expected = {c for c, p in content.atlas.points.items() if "sciatica" in p.tags}
    assert expected and set(first.members) == expected


def test_results_are_ranked_best_first(finder):
    """Scores never rise down the list; an exact name beats a word of a longer name."""
    for query in ("back pain", "lumbar", "heart", "gluteus", "li"):
        scores = [f.score for f in finder.search(query)]
        assert scores == sorted(scores, reverse=True), query
    keys = [f.entry.key for f in finder.search("gluteus medius")]
    assert keys[0] == "m:gluteus_medius" and keys.index("m:gluteus_medius") < keys.index("tp:GMED1")


def test_every_point_muscle_and_trigger_point_is_found_by_its_names(finder, content):
    """Code, pinyin, hanzi, English; muscle and Latin names; trigger-point ids: each is among the top hits."""
    missing = []
    for code, point in content.atlas.points.items():
        for query in (code, point.pinyin, point.hanzi, point.english):
            if code not in [f.entry.key for f in finder.search(query)[:12]]:
                missing.append(f"{code} by {query!r}")
    for muscle_id, muscle in content.muscles.muscles.items():
        for query in (muscle.name, muscle.latin):
            if finder.search(query)[0].entry.key != f"m:{muscle_id}":
                missing.append(f"{muscle_id} by {query!r}")
    for tp_id in content.muscles.trigger_points:
        if finder.search(tp_id)[0].entry.key != f"tp:{tp_id}":
            missing.append(tp_id)
    assert missing == []


def test_nonsense_finds_nothing(finder):
    """A typo is forgiven, gibberish is not."""
    assert finder.search("xqzvw") == [] and finder.search("   ") == []


def test_a_new_kind_of_entry_is_one_function(content):
    """A source function is all it takes: its entries are found like the others."""
    def schools(_content):
        yield Entry("category", "", "Four command points", (term("category", "Four command points"),),
                    ("ST36", "BL40", "LU7", "LI4"))

    finder = Finder.build(content, [*SOURCES, schools])
    first = finder.search("command points")[0].entry
    assert first.title == "Four command points" and "LI4" in first.members


@pytest.mark.parametrize("query, title", [("renzhong", "GV26"), ("人中", "GV26"), ("piles", "haemorrhoids"),
                                          ("hypertension", "high blood pressure")])
def test_other_names_of_points_and_indications_are_found(finder, query, title):
    """A point's other names (Rénzhōng for GV26) and an indication's other spellings lead to it."""
    first = finder.search(query)[0].entry
    assert (first.key or first.title) == title


def test_classical_categories_are_found_as_groups_and_on_their_points(finder):
    """'back-shu' lists the category with BL23 among its points; 'source point lung' finds LU9."""
    first = finder.search("back-shu")[0].entry
    assert first.kind == "category" and "BL23" in first.members
    assert finder.search("source point lung")[0].entry.key == "LU9"


def test_a_code_s_start_counts_from_a_digit_or_four_characters(finder):
    """'st' is no code's start (it would list 45 points); 'st3' and 'ex-hn' are."""
    assert not [f for f in finder.search("st") if f.field == "code"]
    assert {f.entry.key for f in finder.search("st3") if f.field == "code"} >= {"ST3", "ST36"}
    assert {f.entry.key for f in finder.search("ex-hn") if f.field == "code"} >= {"EX-HN3"}
