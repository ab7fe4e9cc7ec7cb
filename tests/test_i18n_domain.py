"""The Qt-free domain's texts and the command line in other languages: every message of real content
comes out translated and whole (pseudo-locale), Spanish and Chinese read right, and every catalogue
entry keeps its placeholders."""
from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

import pytest

from viewer.atlas import i18n
from viewer.atlas.describe import describe_placement
from viewer.atlas.study import custom_deck, decks, make_question, score_locate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import i18n as i18n_tool  # noqa: E402  (tools/i18n.py)

FIELD = re.compile(r"\{[^{}]*\}|%\([^)]*\)[sdf]")


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.set_language("en")


def unmarked(text: str) -> str:
    """What lies outside every ⟦…⟧ of the pseudo-locale (marks nested inside a message count as inside)."""
    depth, outside = 0, []
    for char in text:
        if char == "⟦":
            depth += 1
        elif char == "⟧":
            depth -= 1
        elif depth == 0:
            outside.append(char)
    return "".join(outside)


def assert_whole(text: str) -> None:
    """One translated message (or several whole sentences side by side), nothing glued on outside."""
    assert text.startswith("⟦") and text.endswith("⟧"), f"not translated: {text!r}"
    assert not unmarked(text).strip(), f"untranslated text glued to a message: {unmarked(text)!r} in {text!r}"


@pytest.mark.parametrize("lang", i18n_tool.languages())
def test_every_translation_keeps_the_placeholders_of_its_message_and_none_is_fuzzy(lang):
    catalog = i18n_tool.read(i18n_tool.po_path(lang), lang)
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, f"{lang}: fuzzy entry {message.id!r}"
        ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        expected = sorted(FIELD.findall(ids[-1]))
        for string in strings:
            if string:  # an empty one is untranslated (English is shown), counted by tools/i18n.py stats
                assert sorted(FIELD.findall(string)) == expected, f"{lang}: {message.id!r} -> {string!r}"


def test_study_prompts_are_whole_translated_messages(content):
    """Every kind of question, for real points and muscles, asks in one translated sentence."""
    with i18n.language(i18n.PSEUDO):
        for deck in decks(content):
            if deck.id in ("meridian:LU", "muscles:all", "categories:all"):
                for kind in deck.kinds:
                    question = make_question(content, f"{kind}:{deck.refs[0]}", deck.refs)
                    assert_whole(question.prompt)
        assert all(deck.title.startswith("⟦") for deck in decks(content) if deck.id.startswith("region:"))
        assert_whole(custom_deck(content, ["LI4", "ST36"], i18n.N_("My favourites")).title)


def test_placement_descriptions_and_locate_steps_are_whole_translated_messages(content):
    with i18n.language(i18n.PSEUDO):
        for point in content.atlas.points.values():
            for place in point.places:
                assert_whole(describe_placement(place))
        result = score_locate(content, "KI14", "front", 0.0, 0.5)
        for step in result.steps[:2]:
            assert_whole(step)
        assert result.steps[2].startswith("⟦")  # then the point's location text (content, not interface)
        assert_whole(result.miss_words())


def test_a_placement_reads_in_spanish_and_in_chinese(content):
    pc6 = content.atlas.points["PC6"].places[0]
    with i18n.language("es"):
        spanish = describe_placement(pc6)
    with i18n.language("zh_CN"):
        chinese = describe_placement(pc6)
    assert spanish.startswith("A 2 cun del punto medio del pliegue de la muñeca hacia ")  # "de el" contracted
    assert "(esa línea mide 12 cun)" in spanish
    assert chinese.startswith("从") and "2寸" in chinese and "12寸" in chinese and chinese.endswith("。")


def test_landmarks_are_named_in_the_interface_language(content):
    st36 = content.atlas.points["ST36"].places[0]
    english = describe_placement(st36)
    assert "lateral knee eye" in english
    with i18n.language("es"):
        spanish = describe_placement(st36)
    with i18n.language("zh_CN"):
        chinese = describe_placement(st36)
    assert "ojo lateral de la rodilla" in spanish and "犊鼻" in chinese
    for text in (spanish, chinese):
        assert not re.search(r"\b(lateral knee eye|knee|eye|ankle|front)\b", text), text
    assert re.search(r"[a-z]", chinese.replace("cun", "")) is None, chinese


def test_comparison_names_region_tags_and_angle_in_the_interface_language(content):
    from viewer.atlas.compare import context_for

    with i18n.language("es"):
        student = " ".join(context_for(content, "ST36").acupuncture)
        patient = " ".join(context_for(content, "ST36", voice="patient").acupuncture)
        deck_titles = [d.title for d in decks(content)]
    assert "perpendicular" in student and "náuseas" in student and "dolor de rodilla" in student
    assert "pierna" in patient
    for text in (student, patient):
        assert not re.search(r"\b(leg|knee pain|nausea|stomach pain)\b", text), text
    assert any("parte alta de la espalda" in title for title in deck_titles)


def test_counted_titles_follow_each_languages_plural_rules(content):
    with i18n.language("es"):
        assert custom_deck(content, ["LI4"], i18n.N_("My favourites")).title == "Mis favoritos (1 punto)"
        assert custom_deck(content, ["LI4", "ST36", "PC6"], i18n.N_("My favourites")).title == \
            "Mis favoritos (3 puntos)"
    with i18n.language("zh_CN"):
        assert custom_deck(content, ["LI4"], i18n.N_("My favourites")).title == "我的收藏（1 个穴位）"
    assert custom_deck(content, ["LI4"], i18n.N_("My favourites")).title == "My favourites (1 point)"


def test_a_study_deck_keeps_its_id_whatever_the_language(content):
    """The study history is stored by deck id: the same deck in Chinese is the same deck."""
    english = custom_deck(content, ["LI4"], i18n.N_("My favourites"))
    with i18n.language("zh_CN"):
        chinese = custom_deck(content, ["LI4"], i18n.N_("My favourites"))
    assert chinese.id == english.id == "custom:my-favourites" and chinese.title != english.title


def test_locate_feedback_in_spanish_names_the_distance_and_direction(content):
    with i18n.language("es"):
        result = score_locate(content, "KI14", "front", 0.0, 0.5)
        words = result.miss_words()
    assert "cun demasiado" in words or "fuera de la línea media" in words
    assert result.steps[0].startswith("Primero localice ")


def test_pack_validation_speaks_the_systems_language_with_plurals(tmp_path, capsys, monkeypatch):
    """`meridian-viewer pack validate` in a Spanish session: the summary line is Spanish, plural right."""
    from viewer.__main__ import main

    monkeypatch.setenv("LANGUAGE", "es")
    assert main(["pack", "validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"1 problema en {tmp_path}" in out
    main(["pack", "new", str(tmp_path / "week")])
    assert main(["pack", "validate", str(tmp_path / "week")]) == 0
    out = capsys.readouterr().out
    assert f"0 problemas en {tmp_path / 'week'}" in out and "1 punto, 1 mazo, 1 plan" in out


def test_command_line_help_is_in_the_language_asked_for(capsys):
    from viewer.__main__ import main

    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "--help"])
    assert "显示激痛点图层" in capsys.readouterr().out


COMPARE_KEYS = ("BL23", "LI4", "CV17", "m:quadratus_lumborum", "tp:QL1", "m:trapezius")


@pytest.mark.parametrize("voice", ["student", "patient"])
def test_comparison_sentences_are_whole_translated_messages_in_both_voices(content, voice):
    """Every in-context line for points, muscles, trigger points and bare spots is one translated message."""
    from viewer.atlas.compare import context_for

    with i18n.language(i18n.PSEUDO):
        contexts = [context_for(content, key, voice=voice) for key in COMPARE_KEYS
                    if key in content.atlas.points or key.split(":")[-1] in content.muscles.muscles
                    or key.split(":")[-1] in content.muscles.trigger_points]
        contexts += [context_for(content, spot=spot, voice=voice)
                     for spot in (("back", 0.05, 0.42), ("front", 0.0, 0.35), ("back", 0.12, 0.2))]
    assert len(contexts) >= 7
    for ctx in contexts:
        for line in ctx.acupuncture + ctx.dry_needling + ctx.shared:
            assert_whole(line)


def test_a_comparison_reads_in_spanish_and_chinese(content):
    from viewer.atlas.compare import context_for

    with i18n.language("es"):
        spanish = context_for(content, "BL23", voice="patient")
    with i18n.language("zh_CN"):
        chinese = context_for(content, "BL23", voice="student")
    assert spanish.shared[0].startswith("Las dos usan las mismas agujas muy finas")
    assert chinese.shared[0] == "两者都使用同样细的实心毫针，目的都是缓解疼痛。"




def _broken_atlas(tmp_path, lang):
    from tests.test_loader import HEAD, POINT
    from viewer.atlas.loader import load_bundled

    text = HEAD.format(count=1) + POINT.format(code="LU1", region="elsewhere")
    (tmp_path / "LU.toml").write_text(textwrap.dedent(text), encoding="utf-8")
    with i18n.language(lang):
        return load_bundled(tmp_path)


def test_load_problems_are_whole_translated_messages(tmp_path):
    problems = [p for p in _broken_atlas(tmp_path, i18n.PSEUDO).problems if p.file == "meridians/LU.toml"]
    assert problems and all(p.message.startswith("⟦") and not unmarked(p.message).strip() for p in problems)


def test_a_load_problem_in_spanish_names_file_entry_and_field(tmp_path):
    problem = next(p for p in _broken_atlas(tmp_path, "es").problems if p.file == "meridians/LU.toml")
    assert str(problem) == "meridians/LU.toml: LU1.region: 'elsewhere' no es una región conocida (entrada omitida)"


def test_a_load_problem_in_chinese_names_file_entry_and_field(tmp_path):
    problem = next(p for p in _broken_atlas(tmp_path, "zh_CN").problems if p.file == "meridians/LU.toml")
    assert str(problem) == "meridians/LU.toml: LU1.region: 'elsewhere' 不是已知部位（已跳过此条目）"


def test_a_bad_plan_is_reported_in_the_users_language(tmp_path):
    from viewer.atlas.plan import PlanError, load_plan

    path = tmp_path / "week.mvplan"
    path.write_text('{"format": "meridian-viewer-plan", "version": 99, "items": []}', encoding="utf-8")
    with i18n.language("es"), pytest.raises(PlanError) as refused:
        load_plan(path)
    assert str(refused.value).startswith("week.mvplan: ") and "versión más reciente" in str(refused.value)


def test_cached_content_is_kept_apart_per_language(tmp_path):
    """Load problems are written in the interface language, so a cache made in English never answers
    for Spanish (each language has its own cache entry)."""
    from viewer.atlas import cache

    files = [tmp_path / "a.toml"]
    files[0].write_text("x = 1", encoding="utf-8")
    english = cache.content_key(files)
    with i18n.language("es"):
        spanish = cache.content_key(files)
    assert english != spanish and cache.content_key(files) == english


def test_every_landmark_has_an_english_name_made_of_words(content):
    """A student reads landmark names inside sentences ('At web between the thumb and index finger'): no
    name keeps an id's glued or bare numbers ('metatarsal1 base', 'toe web 1 2', 'sternum ics4')."""
    from viewer.atlas.describe import english_landmark, landmark_ids

    glued = re.compile(r"[a-z]\d|\b\d+\s+\d+\b|\bics\d")
    bad = {lm: english_landmark(lm) for lm in landmark_ids() if glued.search(english_landmark(lm))}
    assert not bad, bad
    assert english_landmark("web_1_2") != "web 1 2"
    assert english_landmark("knee_eye_lateral") == "lateral knee eye"  # the word-by-word rule stays for the rest


def test_the_completeness_quoted_in_the_readme_and_the_docs_is_the_catalogues(content):
    """README.md and docs/translations.md quote each language's translated/total interface entries: the
    figures are those of the catalogues now (a new string makes the quote wrong until it is updated)."""
    quoted = {}
    for doc in ("README.md", "docs/translations.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        for lang in i18n_tool.languages():
            found = re.findall(rf"\b{lang}:? (\d+)/(\d+)", text)
            assert found, f"{doc} quotes no figure for {lang}"
            quoted[doc, lang] = set(found)
    for (doc, lang), figures in quoted.items():
        done, total = i18n_tool.completeness(i18n_tool.read(i18n_tool.po_path(lang), lang))
        assert figures == {(str(done), str(total))}, (doc, lang, figures, (done, total))


def test_landmarks_take_their_article_and_spanish_contracts_it(content):
    """A sentence names a landmark with its article ("At the centre of the palm", "En el centro de la palma");
    point codes and vertebrae take none; Spanish says "del" and "al", never "de el" or "a el"."""
    assert describe_placement(content.atlas.points["PC8"].places[0]) == "At the centre of the palm."
    assert describe_placement(content.atlas.points["BL23"].places[0]).startswith("At L2, ")
    with i18n.language("es"):
        assert describe_placement(content.atlas.points["PC8"].places[0]) == "En el centro de la palma."
    texts = {"en": [], "es": []}
    for point in content.atlas.points.values():
        for place in point.places:
            texts["en"].append(describe_placement(place))
            with i18n.language("es"):
                texts["es"].append(describe_placement(place))
    assert not [t for t in texts["en"] if re.search(r"\bthe the\b|\b(At|from|to|toward) (?!the\b)[a-z]", t)]
    assert not [t for t in texts["es"] if re.search(r"\b(de|a) el\b|\b(el|la) (el|la)\b", t, re.IGNORECASE)]
    assert sum("del " in t for t in texts["es"]) > 50 and sum(" al " in t for t in texts["es"]) > 20


def test_contract_makes_only_the_active_languages_contractions():
    with i18n.language("es"):
        assert i18n.contract("A 1 cun de el maléolo a el talón") == "A 1 cun del maléolo al talón"
        assert i18n.contract("De el pliegue; A el borde; la el") == "Del pliegue; Al borde; la el"
    assert i18n.contract("de el") == "de el"  # English makes none

