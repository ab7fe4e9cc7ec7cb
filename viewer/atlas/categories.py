"""Classical point categories (assets/atlas/categories.toml): which points are well, source, back-shu ...

Each membership says what the point relates to: a channel, an organ, a tissue or an extraordinary
vessel. The file is checked on load against the atlas; every mistake names file, table and key.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import Atlas, Problem

TRANSPORT = ("well", "spring", "stream", "river", "sea")
# The words of the export's `categories` column, in teaching order.
WORDS = TRANSPORT + ("source", "connecting", "cleft", "back-shu", "front-mu", "influential", "confluent",
                     "lower-sea")
# Names a student may also know a category by (searchable).
OTHER_NAMES = {
    "well": "jing-well", "spring": "ying-spring", "stream": "shu-stream", "river": "jing-river", "sea": "he-sea",
    "source": "yuan-source", "connecting": "luo-connecting", "cleft": "xi-cleft", "back-shu": "back transporting",
    "front-mu": "front collecting alarm", "influential": "hui-meeting gathering", "confluent": "opening master",
    "lower-sea": "lower he-sea",
}
ROLE = {  # how the category is said in a sentence
    "source": "source (yuan) point", "connecting": "connecting (luo) point", "cleft": "cleft (xi) point",
}
ORGANS = {
    "lung": "Lung", "pericardium": "Pericardium", "heart": "Heart", "liver": "Liver", "gallbladder": "Gallbladder",
    "spleen": "Spleen", "stomach": "Stomach", "triple_energizer": "Triple Energizer", "kidney": "Kidney",
    "large_intestine": "Large Intestine", "small_intestine": "Small Intestine", "bladder": "Bladder",
}
FU_ORGANS = ("stomach", "large_intestine", "small_intestine", "triple_energizer", "bladder", "gallbladder")
TISSUES = {
    "zang_organs": "the zang organs", "fu_organs": "the fu organs", "qi": "qi", "blood": "blood",
    "sinews": "the sinews", "vessels": "the vessels", "bones": "the bones", "marrow": "the marrow",
}
VESSELS = {
    "penetrating": "Chong Mai (Penetrating Vessel)", "yin_linking": "Yin Wei Mai (Yin Linking Vessel)",
    "governor": "Du Mai (Governor Vessel)", "yang_heel": "Yang Qiao Mai (Yang Heel Vessel)",
    "girdle": "Dai Mai (Girdle Vessel)", "yang_linking": "Yang Wei Mai (Yang Linking Vessel)",
    "conception": "Ren Mai (Conception Vessel)", "yin_heel": "Yin Qiao Mai (Yin Heel Vessel)",
}
TWELVE = ("LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR")
_HEEL_LINKING = ("yin_heel", "yang_heel", "yin_linking", "yang_linking")
# table -> (category word or None for the transport table, the keys it accepts, what a key names)
TABLES = {
    "transport": (None, TWELVE, "channel"),
    "source": ("source", TWELVE, "channel"),
    "connecting": ("connecting", TWELVE + ("GV", "CV", "spleen_great"), "channel"),
    "cleft": ("cleft", TWELVE + _HEEL_LINKING, "channel"),
    "back_shu": ("back-shu", tuple(ORGANS), "organ"),
    "front_mu": ("front-mu", tuple(ORGANS), "organ"),
    "influential": ("influential", tuple(TISSUES), "tissue"),
    "confluent": ("confluent", tuple(VESSELS), "vessel"),
    "lower_sea": ("lower-sea", FU_ORGANS, "fu organ"),
}


@dataclass(frozen=True)
class Membership:
    """One category of one point and what it relates to."""

    word: str  # one of WORDS
    key: str  # the relation's key in the file: "LU", "lung", "vessels", "penetrating" ...
    relation: str  # said in words: "the Lung channel", "the Lung", "the vessels", "Chong Mai (...)"
    point: str

    @property
    def ref(self) -> str:
        return f"{self.word}/{self.key}"

    def role(self) -> str:
        """'source (yuan) point of the Lung channel', 'confluent point of Chong Mai (Penetrating Vessel)'."""
        if self.key == "spleen_great":
            return "great connecting (luo) point of the Spleen"
        return f"{ROLE.get(self.word, self.word + ' point')} of {self.relation}"

    def describe(self) -> str:
        if self.word == "confluent":
            return f"confluent point: opens {self.relation}"
        return self.role()


@dataclass
class PointCategories:
    memberships: list[Membership] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def of(self, code: str) -> list[Membership]:
        """The point's categories in teaching order."""
        return sorted((m for m in self.memberships if m.point == code), key=lambda m: WORDS.index(m.word))

    def words(self, code: str) -> list[str]:
        return list(dict.fromkeys(m.word for m in self.of(code)))

    def points(self, word: str) -> list[str]:
        return list(dict.fromkeys(m.point for m in self.memberships if m.word == word))

    def get(self, ref: str) -> Membership | None:
        return next((m for m in self.memberships if m.ref == ref), None)


def _relation(atlas: Atlas, kind: str, key: str) -> str:
    if kind == "channel":
        if key == "spleen_great":
            return "the Spleen (its great connecting point)"
        if key in VESSELS:
            return VESSELS[key]
        meridian = atlas.meridians.get(key)
        name = meridian.name if meridian else key
        return f"the {name}" if key in ("GV", "CV") else f"the {name} channel"
    if kind in ("organ", "fu organ"):
        return f"the {ORGANS[key]}"
    if kind == "tissue":
        return TISSUES[key]
    return VESSELS[key]


def load_categories(path: Path, atlas: Atlas, name: str = "categories.toml") -> PointCategories:
    """Read and check the categories against the atlas; a bad entry is named and skipped."""
    import tomllib

    result = PointCategories()

    def problem(table: str, key: str, message: str) -> None:
        result.problems.append(Problem(name, table, key, message))

    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        problem("", "", f"cannot be read: {exc}")
        return result
    skipped = {p.entry for p in atlas.problems} | {
        f"{channel}{n}" for channel in TWELVE + ("GV", "CV") if channel not in atlas.meridians for n in range(1, 68)}
    for table, entries in data.items():
        if table not in TABLES:
            problem(table, "", f"is not a known category table (known: {', '.join(TABLES)})")
            continue
        word, keys, kind = TABLES[table]
        if not isinstance(entries, dict):
            problem(table, "", "must be a table of key = point code")
            continue
        for key, value in entries.items():
            if key not in keys:
                problem(table, key, f"is not a known {kind} here (known: {', '.join(keys)})")
                continue
            if word is None:  # the transport table: one inline table of five points per channel
                if not isinstance(value, dict) or set(value) != set(TRANSPORT):
                    problem(table, key, f"must give exactly {', '.join(TRANSPORT)}")
                    continue
                pairs = [(w, value[w]) for w in TRANSPORT]
            else:
                pairs = [(word, value)]
            for word_, code in pairs:
                if isinstance(code, str) and code in skipped:
                    continue  # its own file or entry did not load, and says so already
                if not isinstance(code, str) or code not in atlas.points:
                    problem(table, key, f"{code!r} is not a point of the atlas")
                    continue
                result.memberships.append(Membership(word_, key, _relation(atlas, kind, key), code))
    return result


# --- study cards -----------------------------------------------------------------------------------

CATEGORY_KINDS = ("category_to_point", "point_to_relation")
_ASK_RELATION = {
    "confluent": "Which extraordinary vessel does {code} open?",
    "influential": "{code} is the influential point of which tissue?",
    "back-shu": "{code} is the back-shu point of which organ?",
    "front-mu": "{code} is the front-mu point of which organ?",
    "lower-sea": "{code} is the lower-sea point of which fu organ?",
}


def card(categories: PointCategories, kind: str, ref: str, label) -> tuple[str, str, list[str], str]:
    """A category card: (prompt, right answer, candidate answers, explanation).

    ``label(code)`` names a point ('LU9 Tàiyuān'); candidates come from the same category.
    """
    member = categories.get(ref)
    if member is None:
        raise KeyError(ref)
    same = [m for m in categories.memberships if m.word == member.word]
    explanation = f"{label(member.point)} is the {member.role()}."
    if kind == "category_to_point":
        return (f"Which point is the {member.role()}?", label(member.point), [label(m.point) for m in same],
                explanation)
    ask = _ASK_RELATION.get(member.word, "{code} is the " + ROLE.get(member.word, member.word + " point")
                            + " of which channel?")
    others = [m.relation for m in same if m.point != member.point]
    return ask.format(code=label(member.point)), member.relation, others, explanation
