"""Classical point categories: the facts students learn, shown, searched, filtered, drilled and exported."""
from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import Qt

from viewer.atlas.categories import load_categories
from viewer.atlas.export import export_points
from viewer.atlas.model import Atlas
from viewer.atlas.resources import asset_path
from viewer.atlas.study import decks, make_question


def roles(content, code):
    return [m.describe() for m in content.categories.of(code)]


def test_categories_load_without_problems(content):
    """The bundled category file agrees with the atlas."""
    assert content.categories.problems == []


@pytest.mark.parametrize("code, fact", [
    ("LU9", "source (yuan) point of the Lung channel"),
    ("LU9", "influential point of the vessels"),
    ("LU9", "stream point of the Lung channel"),
    ("LU11", "well point of the Lung channel"),
    ("ST36", "sea point of the Stomach channel"),
    ("ST36", "lower-sea point of the Stomach"),
    ("BL40", "lower-sea point of the Bladder"),
    ("BL39", "lower-sea point of the Triple Energizer"),
    ("SP4", "connecting (luo) point of the Spleen channel"),
    ("SP4", "confluent point: opens Chong Mai (Penetrating Vessel)"),
    ("PC6", "confluent point: opens Yin Wei Mai (Yin Linking Vessel)"),
    ("SI3", "confluent point: opens Du Mai (Governor Vessel)"),
    ("LU7", "confluent point: opens Ren Mai (Conception Vessel)"),
    ("SP21", "great connecting (luo) point of the Spleen"),
    ("GV1", "connecting (luo) point of the Governor Vessel"),
    ("CV15", "connecting (luo) point of the Conception Vessel"),
    ("KI8", "cleft (xi) point of Yin Qiao Mai (Yin Heel Vessel)"),
    ("BL59", "cleft (xi) point of Yang Qiao Mai (Yang Heel Vessel)"),
    ("KI9", "cleft (xi) point of Yin Wei Mai (Yin Linking Vessel)"),
    ("GB35", "cleft (xi) point of Yang Wei Mai (Yang Linking Vessel)"),
    ("BL13", "back-shu point of the Lung"),
    ("BL22", "back-shu point of the Triple Energizer"),
    ("CV17", "front-mu point of the Pericardium"),
    ("CV17", "influential point of qi"),
    ("LR13", "front-mu point of the Spleen"),
    ("LR13", "influential point of the zang organs"),
    ("GB25", "front-mu point of the Kidney"),
    ("CV12", "influential point of the fu organs"),
    ("GB34", "influential point of the sinews"),
    ("GB39", "influential point of the marrow"),
    ("BL11", "influential point of the bones"),
    ("BL17", "influential point of blood"),
])
def test_classical_facts(content, code, fact):
    """Each fact as a textbook states it."""
    assert fact in roles(content, code)


def test_every_channel_has_five_transport_points_a_source_a_connecting_and_a_cleft_point(content):
    """Twelve channels: five transport points each, and one source, luo and xi point each."""
    cats = content.categories
    for word in ("well", "spring", "stream", "river", "sea", "source", "cleft"):
        assert len(cats.points(word)) == 12 + (4 if word == "cleft" else 0), word
    assert len(cats.points("connecting")) == 15  # 12 + GV1, CV15 and the great luo SP21
    for word, count in (("back-shu", 12), ("front-mu", 12), ("influential", 8), ("confluent", 8), ("lower-sea", 6)):
        assert len(cats.points(word)) == count, word


def test_yin_channels_use_their_stream_point_as_source(content):
    """On the yin channels the source point is the stream point (LU9, SP3, HT7, KI3, PC7, LR3)."""
    cats = content.categories
    for code in ("LU9", "SP3", "HT7", "KI3", "PC7", "LR3"):
        assert {"stream", "source"} <= set(cats.words(code)), code


def test_details_panel_lists_the_categories(window):
    """LU9's panel names its source and influential roles."""
    window.select("LU9")
    text = window.details.toPlainText()
    assert "Classical categories" in text and "influential point of the vessels" in text


def test_search_finds_points_by_category(content):
    """'source point lung' finds LU9 first; 'chong mai' finds SP4."""
    assert content.search.search("source point lung")[0].code == "LU9"
    assert content.search.search("chong mai")[0].code == "SP4"
    assert {h.code for h in content.search.search("back-shu")} >= {"BL13", "BL23", "BL28"}


def test_export_has_a_categories_column_with_the_agreed_words(content):
    """`export points` CSV: a `categories` column, ';'-separated words from the fixed list."""
    rows = list(csv.DictReader(io.StringIO(export_points(content, "csv"))))
    by_code = {r["code"]: r["categories"] for r in rows}
    assert set(by_code["LU9"].split(";")) == {"stream", "source", "influential"}
    assert set(by_code["GB34"].split(";")) == {"sea", "influential", "lower-sea"}
    assert by_code["LU2"] == ""
    allowed = {"well", "spring", "stream", "river", "sea", "source", "connecting", "cleft", "back-shu",
               "front-mu", "influential", "confluent", "lower-sea"}
    assert {w for v in by_code.values() for w in v.split(";") if w} == allowed


def test_study_deck_asks_source_and_opening_questions(content):
    """'Which point is the source point of the Lung channel?' and 'Which extraordinary vessel does SP4 open?'."""
    deck = next(d for d in decks(content) if d.id == "categories:all")
    q = make_question(content, "category_to_point:source/LU", deck.refs)
    assert "source" in q.prompt and "Lung" in q.prompt and q.options[q.answer].startswith("LU9 ")
    q = make_question(content, "point_to_relation:confluent/penetrating", deck.refs)
    assert q.prompt.startswith("Which extraordinary vessel does SP4") and "Chong Mai" in q.options[q.answer]
    assert len(set(q.options)) == 4


def test_a_bad_category_file_names_table_and_key(tmp_path, content):
    """Unknown table, unknown channel and unknown point are each reported; the good entries load."""
    path = tmp_path / "categories.toml"
    path.write_text('[source]\nLU = "LU9"\nXX = "LI4"\nHT = "HT99"\n[wells]\nLU = "LU11"\n'
                    '[transport]\nLU = { well = "LU11" }\n', encoding="utf-8")
    loaded = load_categories(path, content.atlas)
    assert [m.point for m in loaded.memberships] == ["LU9"]
    assert [(p.entry, p.field) for p in loaded.problems] == [
        ("source", "XX"), ("source", "HT"), ("wells", ""), ("transport", "LU")]


def test_browse_filters_dim_the_points_that_do_not_match(window, qtbot):
    """Choosing 'source' in Browse lists the twelve source points and dims every other marker."""
    browse = window.browse
    box = browse.category
    box.setCurrentIndex(box.findData("source"))
    scene = window.scenes[window.current_view]
    states = {item.code: item.state for item in scene.markers}
    assert states["LU9"] == "normal" and states["LU1"] == "dim"
    assert {c for c, s in states.items() if s != "dim"} <= set(content_points(window, "source"))
    assert sorted(browse.visible_codes()) == sorted(content_points(window, "source"))
    box.setCurrentIndex(0)
    assert all(item.state != "dim" for item in scene.markers)


def test_channel_filter_dims_other_channels_and_selection_rests_dimmed(window, qtbot):
    """The channel filter dims the other channels; a point chosen and then left returns to dim."""
    browse = window.browse
    browse.channel.setFocus()
    browse.channel.setCurrentIndex(browse.channel.findData("LU"))
    scene = window.scenes[window.current_view]
    assert all((item.state == "dim") == (item.meridian != "LU") for item in scene.markers)
    window.select("ST25")
    window.select("LU1")
    assert {i.state for i in scene.by_code["ST25"]} == {"dim"}
    qtbot.keyClick(browse.channel, Qt.Key.Key_Home)
    assert browse.channel.currentIndex() == 0
    assert not any(item.state == "dim" for item in scene.markers)


def content_points(window, word):
    return window.content.categories.points(word)


def test_points_of_a_channel_that_failed_to_load_are_not_reported_twice(tmp_path, content):
    """With HT.toml broken, its points' categories are skipped quietly: the broken file is the one problem."""
    atlas = Atlas(meridians={k: v for k, v in content.atlas.meridians.items() if k != "HT"},
                  points={k: v for k, v in content.atlas.points.items() if v.meridian != "HT"})
    loaded = load_categories(asset_path("atlas/categories.toml"), atlas)
    assert loaded.problems == [] and "HT7" not in {m.point for m in loaded.memberships}
    assert "LU9" in {m.point for m in loaded.memberships}


def test_category_deck_is_studied_from_the_keyboard_but_not_offered_for_locating(window, qtbot):
    """The Study panel offers the categories deck for cards (answered with number keys), not for locate."""
    window.raise_panel("study")
    qtbot.waitUntil(lambda: window.study.panel is not None and window.study.panel.isVisible(), timeout=3000)
    panel = window.study.panel
    cards = panel.cards
    cards.deck.setCurrentIndex([cards.deck.itemData(i).id for i in range(cards.deck.count())].index("categories:all"))
    cards.setFocus()
    qtbot.keyClick(cards, Qt.Key.Key_Return)
    question = cards.question
    assert question.kind in ("category_to_point", "point_to_relation") and question.prompt.endswith("?")
    qtbot.keyClick(cards, Qt.Key.Key_1 + question.answer)
    assert "Right" in cards.feedback.text()
    qtbot.keyClick(cards, Qt.Key.Key_Space)
    assert cards.session.summary.correct == 1
    assert "categories:all" not in [panel.locate.deck.itemData(i).id for i in range(panel.locate.deck.count())]
