"""The textbook chapter each muscle names (Travell & Simons): one edition throughout, the manual's own
grouping of muscles into chapters, and the table in docs/trigger-points-schema.md kept true."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "trigger-points-schema.md"


def _chapter(source: str) -> tuple[int, int]:
    volume, chapter = re.fullmatch(r"T&S vol\. (\d), ch\. (\d+)", source).groups()
    return int(volume), int(chapter)


def _documented() -> dict[str, str]:
    """Muscle id -> source, read from the chapter table of the schema document."""
    table = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        row = re.fullmatch(r"\| (vol\. \d, ch\. \d+) \| (.+) \|", line.strip())
        if row:
            for muscle in re.findall(r"`([a-z0-9_]+)`", row.group(2)):
                assert muscle not in table, f"{muscle} is listed twice in the chapter table"
                table[muscle] = "T&S " + row.group(1)
    return table


def test_the_chapter_table_in_the_docs_matches_the_data(content):
    """Every muscle is in the documented table once, with the chapter its data names."""
    documented = _documented()
    actual = {m.id: m.source for m in content.muscles.muscles.values()}
    assert documented == actual


# The order in which the manuals treat these muscles (volume 1 from the head down to the trunk,
# volume 2 from the low back down to the foot). Muscles on one line share a chapter.
TEXTBOOK_ORDER = [
    ("upper_trapezius", "middle_trapezius", "lower_trapezius"), ("sternocleidomastoid",), ("masseter",),
    ("temporalis",), ("medial_pterygoid",), ("lateral_pterygoid",), ("digastric",),
    ("orbicularis_oculi", "zygomaticus_major", "platysma"),
    ("occipitofrontalis_frontal", "occipitofrontalis_occipital"),
    ("splenius_capitis", "splenius_cervicis"), ("semispinalis_capitis",), ("suboccipitals",),
    ("levator_scapulae",), ("scalenes",), ("supraspinatus",), ("infraspinatus",), ("teres_minor",),
    ("latissimus_dorsi",), ("teres_major",), ("subscapularis",), ("rhomboids",), ("deltoid",),
    ("coracobrachialis",), ("biceps_brachii",), ("brachialis",), ("triceps_brachii", "anconeus"),
    ("extensor_carpi_radialis_longus", "brachioradialis"), ("extensor_digitorum", "extensor_indicis"),
    ("supinator",), ("palmaris_longus",), ("flexor_carpi_radialis", "pronator_teres"),
    ("adductor_pollicis", "opponens_pollicis"), ("first_dorsal_interosseous", "hand_interossei"),
    ("pectoralis_major", "subclavius"), ("pectoralis_minor",), ("sternalis",), ("intercostals", "diaphragm"),
    ("serratus_anterior",), ("serratus_posterior_superior",), ("serratus_posterior_inferior",),
    ("iliocostalis_thoracis", "longissimus_thoracis", "multifidi"),
    ("rectus_abdominis", "external_oblique", "internal_oblique_transversus", "pyramidalis"),
]
TEXTBOOK_ORDER_VOL2 = [
    ("quadratus_lumborum",), ("iliopsoas",), ("levator_ani", "coccygeus", "sphincter_ani"), ("gluteus_maximus",),
    ("gluteus_medius",), ("gluteus_minimus",), ("piriformis", "gemelli", "quadratus_femoris"),
    ("tensor_fasciae_latae", "sartorius"), ("pectineus",), ("rectus_femoris", "vastus_lateralis", "vastus_intermedius"),
    ("adductor_longus_brevis", "adductor_magnus", "gracilis"), ("hamstrings",), ("popliteus",),
    ("tibialis_anterior",), ("fibularis_longus", "fibularis_brevis", "fibularis_tertius"), ("gastrocnemius",),
    ("soleus", "plantaris"), ("tibialis_posterior",), ("extensor_digitorum_longus", "extensor_hallucis_longus"),
    ("flexor_digitorum_longus", "flexor_hallucis_longus"),
    ("extensor_digitorum_brevis", "abductor_hallucis", "flexor_digitorum_brevis"),
    ("quadratus_plantae", "flexor_hallucis_brevis", "adductor_hallucis", "dorsal_interossei_pedis"),
]


@pytest.mark.parametrize(("order", "volume"), [(TEXTBOOK_ORDER, 1), (TEXTBOOK_ORDER_VOL2, 2)])
def test_chapters_follow_the_manual_order_and_grouping(content, order, volume):
    """Muscles the manual treats together share a chapter; each next group has a later chapter."""
    muscles = content.muscles.muscles
    previous = 0
    for group in order:
        chapters = {_chapter(muscles[m].source) for m in group}
        assert len(chapters) == 1, f"{group} should share one chapter, got {chapters}"
        (vol, chapter), = chapters
        assert vol == volume, group
        assert chapter > previous, f"{group} (ch. {chapter}) should come after ch. {previous}"
        previous = chapter


def test_serratus_posterior_inferior_and_the_paraspinals_have_chapters_of_their_own(content):
    """The 2nd edition of volume 1 gives the serratus posterior inferior, the thoracolumbar paraspinal
    muscles and the abdominal muscles three successive chapters, after the intercostals and diaphragm."""
    muscles = content.muscles.muscles
    chapter = {m: _chapter(muscles[m].source)[1] for m in
               ("intercostals", "serratus_posterior_inferior", "iliocostalis_lumborum", "rectus_abdominis")}
    assert chapter["intercostals"] < chapter["serratus_posterior_inferior"]
    assert chapter["serratus_posterior_inferior"] + 1 == chapter["iliocostalis_lumborum"]
    assert chapter["iliocostalis_lumborum"] + 1 == chapter["rectus_abdominis"]
    # no other muscle is filed in the serratus posterior inferior's chapter
    spi = muscles["serratus_posterior_inferior"].source
    assert [m.id for m in muscles.values() if m.source == spi] == ["serratus_posterior_inferior"]


def test_zones_name_a_chapter_of_the_same_numbering(content):
    """A zone that cites another chapter cites one that some muscle of the atlas is filed under."""
    known = {m.source for m in content.muscles.muscles.values()}
    for regions in content.muscles.regions.values():
        for region in regions:
            assert region.source in known, (region.muscle, region.source)
