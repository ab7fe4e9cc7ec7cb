"""Korean readings of the point names: derived reproducibly from Unicode data, by the rules of Korean."""
from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import derive_hangul  # noqa: E402

HANGUL = tomllib.loads((ROOT / "assets/atlas/i18n/ko/hangul.toml").read_text(encoding="utf-8"))["point"]


def test_initial_sound_rule():
    """두음법칙: word-initial ㄹ becomes ㅇ before i/y vowels and ㄴ otherwise; ㄴ becomes ㅇ before i/y."""
    rule = derive_hangul.initial_sound_rule
    assert [rule(s) for s in "렬령로락녀뇌중"] == list("열영노낙여뇌중")


def test_every_bundled_point_has_a_reading(content):
    """Each point of the bundled atlas with hanzi has a Korean reading made only of hangul syllables."""
    codes = {p.code for p in content.atlas.points.values() if p.hanzi and not p.code.startswith("PACK")}
    assert codes - set(HANGUL) == set()
    assert all(all("가" <= ch <= "힣" for ch in reading) for reading in HANGUL.values())


@pytest.mark.parametrize("code, reading", [
    ("ST36", "족삼리"), ("LI4", "합곡"), ("LU7", "열결"), ("HT4", "영도"), ("GB8", "솔곡"),
    ("BL23", "신수"), ("SP6", "삼음교"), ("ST40", "풍륭"), ("KI1", "용천"), ("GV20", "백회"),
])
def test_readings_students_know(code, reading):
    """Well-known Korean point names come out as Korean textbooks write them."""
    assert HANGUL[code] == reading


@pytest.mark.skipif(not (derive_hangul.UNIHAN / "Unihan_Readings.txt.bz2").exists(),
                    reason="Unihan data not installed (Debian package unicode-data)")
def test_file_is_a_fresh_derivation():
    """The committed file is exactly what the tool derives from the Unicode Han Database."""
    text, missing = derive_hangul.derive()
    assert missing == []
    assert (ROOT / "assets/atlas/i18n/ko/hangul.toml").read_text(encoding="utf-8") == text
