"""Derive the Korean (hangul) readings of the point names from the Unicode Han Database.

The reading of each character is the `kHangul` field of Unihan (file Unihan_Readings.txt, shipped
by Debian's `unicode-data` package as /usr/share/unicode/Unihan_Readings.txt.bz2). Point names are
written in simplified characters, which Korean does not use, so a character without a reading of
its own is looked up through its `kTraditionalVariant`s (Unihan_Variants.txt). Where a character
has several readings, the one marked as the educational reading (source `E`) is taken.

Two rules of Korean then apply, and both are facts of the language, not choices of ours:
- the initial-sound rule (두음법칙) turns a word-initial ㄹ into ㅇ before i/y vowels and into ㄴ
  otherwise, and a word-initial ㄴ into ㅇ before i/y vowels (列缺 렬결 -> 열결, 靈道 령도 -> 영도);
- a few characters are read in acupuncture with a reading Unihan does not list first (or at all),
  given in READING_IN_ACUPUNCTURE below with the reason.

Run:  python tools/derive_hangul.py            (writes assets/atlas/i18n/ko/hangul.toml)
      python tools/derive_hangul.py --check    (exit 1 if the file differs from a fresh derivation)
"""
from __future__ import annotations

import argparse
import bz2
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNIHAN = Path("/usr/share/unicode")
OUT = ROOT / "assets" / "atlas" / "i18n" / "ko" / "hangul.toml"

# Characters whose reading in point names differs from Unihan's first educational reading.
READING_IN_ACUPUNCTURE = {
    "俞": "수",  # 兪穴/背兪穴 are read 수혈/배수혈 (transport point), not 유
    "腧": "수",  # the same word written with the flesh radical; Unihan gives no reading
    "髎": "료",  # bone hollow (次髎 차료); Unihan gives no reading
    "丰": "풍",  # in 丰隆 (ST40) 丰 stands for 豐 풍; Unihan's own reading of 丰 is 봉
    "膻": "전",  # 膻中 (CV17) is read 전중; Unihan gives no reading
    "髃": "우",  # 肩髃 (LI15) is read 견우; Unihan gives no reading
    "譩": "의",  # 譩譆 (BL45) is read 의희; Unihan gives no reading
    "譆": "희",
    "泺": "락",
    "听": "청",  # 听 stands for 聽 청 (听会 청회, 听宫 청궁); Unihan's own reading of 听 is 은
    "机": "기",  # 机 stands for 機 기 (地机 지기); Unihan's own reading of 机 is 궤
    "瘛": "계",  # 瘛脉 (TE18) is the PRC form of 瘈脈 계맥; Unihan gives no reading for 瘛
    "龈": "은",  # 齦交 (GV28) is read 은교
    "颔": "함",  # 頷厭 (GB4) is read 함염
    "滑": "활",  # 滑肉門 (ST24) is read 활육문; Unihan lists 골 first
    # 消濼 (TE12) is read 소락; Unihan gives no reading for 濼
}
# Readings that depend on the word, not the character alone: (name, position) -> reading.
READING_IN_WORD = {
    ("率谷", 0): "솔",  # GB8: 率 read 솔 (lead), not 률 (rate)
    ("仆参", 0): "복",  # BL61 僕參 복삼: 仆 stands for 僕
    ("仆参", 1): "삼",
}

_S_BASE, _L_COUNT, _V_COUNT, _T_COUNT = 0xAC00, 19, 21, 28
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11  # indexes of ㄹ, ㄴ, ㅇ among the initial consonants
_I_Y_VOWELS = {2, 3, 6, 7, 12, 17, 20}  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ


def _read_unihan(name: str, field: str, folder: Path) -> dict[str, str]:
    plain, packed = folder / name, folder / (name + ".bz2")
    if plain.exists():
        text = plain.read_text(encoding="utf-8")
    else:
        text = bz2.decompress(packed.read_bytes()).decode("utf-8")
    values: dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] == field:
            values[chr(int(parts[0][2:], 16))] = parts[2]
    return values


def _educational(value: str) -> str:
    """The reading marked as educational (source E), else the first listed."""
    readings = [item.split(":") for item in value.split()]
    for reading, sources in ((r[0], r[1] if len(r) > 1 else "") for r in readings):
        if "E" in sources:
            return reading
    return readings[0][0]


def _chars(codes: str) -> list[str]:
    """'U+9109 U+9115<kMatthews' -> ['鄉', '鄕']"""
    return [chr(int(code.split("<")[0][2:], 16)) for code in codes.split()]


def initial_sound_rule(syllable: str) -> str:
    """Apply 두음법칙 to a word-initial syllable."""
    code = ord(syllable) - _S_BASE
    if not 0 <= code < _L_COUNT * _V_COUNT * _T_COUNT:
        return syllable
    lead, rest = divmod(code, _V_COUNT * _T_COUNT)
    vowel = rest // _T_COUNT
    if lead == _RIEUL:
        lead = _IEUNG if vowel in _I_Y_VOWELS else _NIEUN
    elif lead == _NIEUN and vowel in _I_Y_VOWELS:
        lead = _IEUNG
    return chr(_S_BASE + lead * _V_COUNT * _T_COUNT + rest)


class Readings:
    def __init__(self, folder: Path = UNIHAN) -> None:
        self.hangul = _read_unihan("Unihan_Readings.txt", "kHangul", folder)
        self.traditional = _read_unihan("Unihan_Variants.txt", "kTraditionalVariant", folder)
        self.z_variants = _read_unihan("Unihan_Variants.txt", "kZVariant", folder)

    def char(self, ch: str) -> str | None:
        if ch in READING_IN_ACUPUNCTURE:
            return READING_IN_ACUPUNCTURE[ch]
        if ch in self.hangul:
            return _educational(self.hangul[ch])
        # A simplified character: read its traditional form, or that form's glyph variant (鄉 -> 鄕).
        for variant in _chars(self.traditional.get(ch, "")):
            for form in [variant, *_chars(self.z_variants.get(variant, ""))]:
                if form in self.hangul:
                    return _educational(self.hangul[form])
        return None

    def name(self, hanzi: str) -> str | None:
        syllables = []
        for i, ch in enumerate(hanzi):
            reading = READING_IN_WORD.get((hanzi, i)) or self.char(ch)
            if reading is None:
                return None
            syllables.append(reading)
        syllables[0] = initial_sound_rule(syllables[0])
        return "".join(syllables)


def _bundled_points() -> list[tuple[str, str]]:
    points = []
    for path in sorted((ROOT / "assets" / "atlas" / "meridians").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        points += [(p["code"], p["hanzi"]) for p in data.get("point", []) if p.get("hanzi")]
    return points


def derive(folder: Path = UNIHAN) -> tuple[str, list[str]]:
    readings = Readings(folder)
    lines = [
        "# Korean readings (hangul) of the point names, derived by tools/derive_hangul.py from the",
        "# Unicode Han Database (kHangul, through kTraditionalVariant for simplified characters) and the",
        "# initial-sound rule. Do not edit by hand: change the tool and run it again.",
        "",
        "[meta]",
        'language = "ko"',
        'review = "Derived from Unicode data; open to review by a Korean-speaking practitioner."',
        "",
        "[point]",
    ]
    missing = []
    for code, hanzi in _bundled_points():
        reading = readings.name(hanzi)
        if reading is None:
            missing.append(f"{code} {hanzi}")
        else:
            lines.append(f'{code} = "{reading}"')
    return "\n".join(lines) + "\n", missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the file instead of writing it")
    parser.add_argument("--unihan", type=Path, default=UNIHAN, help="folder with the Unihan text files")
    args = parser.parse_args(argv)
    if not (args.unihan / "Unihan_Readings.txt.bz2").exists() and not (args.unihan / "Unihan_Readings.txt").exists():
        print(f"no Unihan data in {args.unihan} (Debian: apt-get install unicode-data)", file=sys.stderr)
        return 2
    text, missing = derive(args.unihan)
    for item in missing:
        print(f"no reading for {item}", file=sys.stderr)
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} differs from a fresh derivation")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
