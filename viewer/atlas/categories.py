"""Classical point categories (assets/atlas/categories.toml): which points are well, source, back-shu ...

Each membership says what the point relates to: a channel, an organ, a tissue or an extraordinary
vessel. The file is checked on load against the atlas; every mistake names file, table and key.
"""
from pathlib import Path

import msgspec

from .i18n import N_, _
from .model import Atlas, Problem, Record, Table

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
# How a point of each category is said, with what it relates to ("well point of the Lung channel").
# Translators: {relation} is one of the relation texts below ("the Lung channel", "the vessels" ...).
ROLE = {
    "well": N_("well point of {relation}"), "spring": N_("spring point of {relation}"),
    "stream": N_("stream point of {relation}"), "river": N_("river point of {relation}"),
    "sea": N_("sea point of {relation}"), "source": N_("source (yuan) point of {relation}"),
    "connecting": N_("connecting (luo) point of {relation}"), "cleft": N_("cleft (xi) point of {relation}"),
    "back-shu": N_("back-shu point of {relation}"), "front-mu": N_("front-mu point of {relation}"),
    "influential": N_("influential point of {relation}"), "confluent": N_("confluent point of {relation}"),
    "lower-sea": N_("lower-sea point of {relation}"),
}
# The relations, as texts of their own (answers of the study cards and parts of the roles above).
ORGANS = {
    "lung": N_("the Lung"), "pericardium": N_("the Pericardium"), "heart": N_("the Heart"),
    "liver": N_("the Liver"), "gallbladder": N_("the Gallbladder"), "spleen": N_("the Spleen"),
    "stomach": N_("the Stomach"), "triple_energizer": N_("the Triple Energizer"), "kidney": N_("the Kidney"),
    "large_intestine": N_("the Large Intestine"), "small_intestine": N_("the Small Intestine"),
    "bladder": N_("the Bladder"),
}
FU_ORGANS = ("stomach", "large_intestine", "small_intestine", "triple_energizer", "bladder", "gallbladder")
TISSUES = {
    "zang_organs": N_("the zang organs"), "fu_organs": N_("the fu organs"), "qi": N_("qi"), "blood": N_("blood"),
    "sinews": N_("the sinews"), "vessels": N_("the vessels"), "bones": N_("the bones"), "marrow": N_("the marrow"),
}
VESSELS = {
    "penetrating": N_("Chong Mai (Penetrating Vessel)"), "yin_linking": N_("Yin Wei Mai (Yin Linking Vessel)"),
    "governor": N_("Du Mai (Governor Vessel)"), "yang_heel": N_("Yang Qiao Mai (Yang Heel Vessel)"),
    "girdle": N_("Dai Mai (Girdle Vessel)"), "yang_linking": N_("Yang Wei Mai (Yang Linking Vessel)"),
    "conception": N_("Ren Mai (Conception Vessel)"), "yin_heel": N_("Yin Qiao Mai (Yin Heel Vessel)"),
}
CHANNELS = {
    "LU": N_("the Lung channel"), "LI": N_("the Large Intestine channel"), "ST": N_("the Stomach channel"),
    "SP": N_("the Spleen channel"), "HT": N_("the Heart channel"), "SI": N_("the Small Intestine channel"),
    "BL": N_("the Bladder channel"), "KI": N_("the Kidney channel"), "PC": N_("the Pericardium channel"),
    "TE": N_("the Triple Energizer channel"), "GB": N_("the Gallbladder channel"), "LR": N_("the Liver channel"),
    "GV": N_("the Governor Vessel"), "CV": N_("the Conception Vessel"),
    "spleen_great": N_("the Spleen (its great connecting point)"),
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


class Membership(Record, frozen=True):
    """One category of one point and what it relates to."""

    word: str  # one of WORDS
    key: str  # the relation's key in the file: "LU", "lung", "vessels", "penetrating" ...
    relation: str  # in English words (a msgid): "the Lung channel", "the Lung", "the vessels", "Chong Mai (...)"
    point: str

    @property
    def ref(self) -> str:
        return f"{self.word}/{self.key}"

    def relation_text(self) -> str:
        """What the point relates to, in the active language."""
        return _(self.relation)

    def role(self) -> str:
        """'source (yuan) point of the Lung channel', 'confluent point of Chong Mai (Penetrating Vessel)'."""
        if self.key == "spleen_great":
            return _("great connecting (luo) point of the Spleen")
        return _(ROLE[self.word]).format(relation=self.relation_text())

    def describe(self) -> str:
        if self.word == "confluent":
            return _("confluent point: opens {relation}").format(relation=self.relation_text())
        return self.role()


class PointCategories(Table):
    memberships: list[Membership] = msgspec.field(default_factory=list)
    problems: list[Problem] = msgspec.field(default_factory=list)

    def of(self, code: str) -> list[Membership]:
        """The point's categories in teaching order."""
        return sorted((m for m in self.memberships if m.point == code), key=lambda m: WORDS.index(m.word))

    def words(self, code: str) -> list[str]:
        return list(dict.fromkeys(m.word for m in self.of(code)))

    def points(self, word: str) -> list[str]:
        return list(dict.fromkeys(m.point for m in self.memberships if m.word == word))

    def get(self, ref: str) -> Membership | None:
        return next((m for m in self.memberships if m.ref == ref), None)


_UNKNOWN = {
    "channel": N_("is not a known channel here (known: {known})"),
    "organ": N_("is not a known organ here (known: {known})"),
    "fu organ": N_("is not a known fu organ here (known: {known})"),
    "tissue": N_("is not a known tissue here (known: {known})"),
    "vessel": N_("is not a known vessel here (known: {known})"),
}


def _relation(kind: str, key: str) -> str:
    """The English text (a catalogue msgid) of what a category relates to."""
    if kind == "channel":
        return VESSELS[key] if key in VESSELS else CHANNELS[key]
    if kind in ("organ", "fu organ"):
        return ORGANS[key]
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
        problem("", "", _("cannot be read: {error}").format(error=exc))
        return result
    skipped = {p.entry for p in atlas.problems} | {
        f"{channel}{n}" for channel in TWELVE + ("GV", "CV") if channel not in atlas.meridians for n in range(1, 68)}
    for table, entries in data.items():
        if table not in TABLES:
            problem(table, "", _("is not a known category table (known: {known})").format(known=", ".join(TABLES)))
            continue
        word, keys, kind = TABLES[table]
        if not isinstance(entries, dict):
            problem(table, "", _("must be a table of key = point code"))
            continue
        for key, value in entries.items():
            if key not in keys:
                problem(table, key, _(_UNKNOWN[kind]).format(known=", ".join(keys)))
                continue
            if word is None:  # the transport table: one inline table of five points per channel
                if not isinstance(value, dict) or set(value) != set(TRANSPORT):
                    problem(table, key, _("must give exactly {points}").format(points=", ".join(TRANSPORT)))
                    continue
                pairs = [(w, value[w]) for w in TRANSPORT]
            else:
                pairs = [(word, value)]
            for word_, code in pairs:
                if isinstance(code, str) and code in skipped:
                    continue  # its own file or entry did not load, and says so already
                if not isinstance(code, str) or code not in atlas.points:
                    problem(table, key, _("{code} is not a point of the atlas").format(code=repr(code)))
                    continue
                result.memberships.append(Membership(word_, key, _relation(kind, key), code))
    return result


# --- study cards -----------------------------------------------------------------------------------

CATEGORY_KINDS = ("category_to_point", "point_to_relation")
_ASK_RELATION = {
    "well": N_("{code} is the well point of which channel?"),
    "spring": N_("{code} is the spring point of which channel?"),
    "stream": N_("{code} is the stream point of which channel?"),
    "river": N_("{code} is the river point of which channel?"),
    "sea": N_("{code} is the sea point of which channel?"),
    "source": N_("{code} is the source (yuan) point of which channel?"),
    "connecting": N_("{code} is the connecting (luo) point of which channel?"),
    "cleft": N_("{code} is the cleft (xi) point of which channel?"),
    "confluent": N_("Which extraordinary vessel does {code} open?"),
    "influential": N_("{code} is the influential point of which tissue?"),
    "back-shu": N_("{code} is the back-shu point of which organ?"),
    "front-mu": N_("{code} is the front-mu point of which organ?"),
    "lower-sea": N_("{code} is the lower-sea point of which fu organ?"),
}


def card(categories: PointCategories, kind: str, ref: str, label) -> tuple[str, str, list[str], str]:
    """A category card: (prompt, right answer, candidate answers, explanation).

    ``label(code)`` names a point ('LU9 Tàiyuān'); candidates come from the same category.
    """
    member = categories.get(ref)
    if member is None:
        raise KeyError(ref)
    same = [m for m in categories.memberships if m.word == member.word]
    explanation = _("{point} is the {role}.").format(point=label(member.point), role=member.role())
    if kind == "category_to_point":
        return (_("Which point is the {role}?").format(role=member.role()), label(member.point),
                [label(m.point) for m in same], explanation)
    others = [m.relation_text() for m in same if m.point != member.point]
    return (_(_ASK_RELATION[member.word]).format(code=label(member.point)), member.relation_text(), others,
            explanation)
