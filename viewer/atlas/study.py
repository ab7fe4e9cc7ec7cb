"""Study: quiz cards with FSRS spaced repetition, stored in SQLite, and 'locate the point' scoring.

Qt-free. The scheduler is the maintained ``fsrs`` package; reviews are written in transactions, so a
crash loses at most the answer being written, and a damaged database is detected and kept aside.
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import os
import random
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from fsrs import Card, Rating, Scheduler, State

from . import categories as point_categories
from . import safety as beneath
from .categories import CATEGORY_KINDS
from .describe import describe_placement
from .describe import landmark_words as landmark_name
from .i18n import N_, _, contract, join_and, ngettext
from .keys import parse as parse_key
from .locate import Miss, measure_miss
from .plates import from_whole_figure, magnification, whole_figure_spot
from .store import quarantine
from .translations import region_words

DB_NAME = "study.sqlite3"
SCHEMA_VERSION = 1
KINDS = ("code_to_name", "name_to_code", "point_to_meridian", "hanzi_to_point", "muscle_to_referral",
         "referral_to_muscle") + CATEGORY_KINDS + beneath.SAFETY_KINDS
POINT_KINDS = KINDS[:4]
MUSCLE_KINDS = KINDS[4:6]


def now_utc() -> datetime:
    return datetime.now(UTC)


# --- questions ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Question:
    card_id: str  # "<kind>:<ref>"
    kind: str
    ref: str
    prompt: str
    options: tuple[str, ...]
    answer: int  # index into options
    explanation: str


@dataclass(frozen=True)
class Deck:
    id: str  # "meridian:LU", "region:knee", "custom:LI4,ST36", "muscles:all", "muscles:lower_back"
    title: str
    refs: tuple[str, ...]
    kinds: tuple[str, ...]

    def card_ids(self) -> list[str]:
        """All cards of the deck, one kind after another, so one point is not asked four ways in a row."""
        return [f"{kind}:{ref}" for kind in self.kinds for ref in self.refs]


def decks(content) -> list[Deck]:
    """The decks offered: one per channel, one per region, the muscles (all and per region)."""
    atlas, muscles = content.atlas, content.muscles
    result = [Deck(f"meridian:{code}", f"{code} {m.name}", m.points, POINT_KINDS)
              for code, m in atlas.meridians.items() if m.points and not code.startswith("PACK:")]
    regions = sorted({p.region for p in atlas.points.values()})
    for region in regions:
        refs = tuple(c for c, p in atlas.points.items() if p.region == region)
        title = _("Points of the {region}").format(region=region_words(region))
        result.append(Deck(f"region:{region}", title, refs, POINT_KINDS))
    if muscles.muscles:
        result.append(Deck("muscles:all", _("Trigger-point muscles"), tuple(muscles.muscles), MUSCLE_KINDS))
    refs = tuple(m.ref for m in content.categories.memberships)
    if refs:
        result.append(Deck("categories:all", _("Point categories (source, luo, shu, mu ...)"), refs,
                           CATEGORY_KINDS))
    refs = beneath.card_refs(content.safety)
    if refs:
        result.append(Deck("safety:all", _("What lies beneath: safe needling"), refs, beneath.SAFETY_KINDS))
    return result


def custom_deck(content, codes, name: str = N_("My selection")) -> Deck:
    """A deck of the student's own choosing (favourites, the points of a plan ...).

    ``name`` is an English name marked with ``N_``: the title shows its translation, the deck's id
    keeps the English, so the study history of the deck does not depend on the language.
    """
    refs = tuple(dict.fromkeys(c for c in codes if c in content.atlas.points))
    slug = name.lower().replace(" ", "-")
    title = ngettext("{name} ({n} point)", "{name} ({n} points)", len(refs)).format(name=_(name), n=len(refs))
    return Deck(f"custom:{slug}", title, refs, POINT_KINDS)


def pack_decks(content) -> list[Deck]:
    """The study decks teachers ship in their data packs."""
    return [Deck(f"pack:{pack.folder}:{deck.name}", f"{pack.name}: {deck.name}", deck.points, POINT_KINDS)
            for pack in content.packs for deck in pack.decks]


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[:end + 1]


def _point_label(point) -> str:
    return f"{point.pinyin} · {point.english}"


def make_question(content, card_id: str, pool: tuple[str, ...], seed: int = 0) -> Question:
    """A four-option question for a card; distractors come from the deck, chosen reproducibly."""
    kind, ref = card_id.split(":", 1)
    rng = random.Random(f"{card_id}/{seed}")
    atlas, muscles = content.atlas, content.muscles

    def options(right: str, candidates: list[str]) -> tuple[tuple[str, ...], int]:
        others = sorted({c for c in candidates if c != right})
        picks = rng.sample(others, min(3, len(others)))
        choices = picks + [right]
        rng.shuffle(choices)
        return tuple(choices), choices.index(right)

    if kind in beneath.SAFETY_KINDS:
        parsed = parse_key(ref)
        tp = muscles.trigger_points.get(parsed.ref) if parsed.is_trigger_point else None
        # Translators: names the trigger point a "what lies beneath" card asks about.
        name = (_("trigger point {id} of the {muscle}").format(id=tp.id, muscle=muscles.muscles[tp.muscle].name.lower())
                if tp else f"{ref} {atlas.points[ref].pinyin}")
        return Question(card_id, kind, ref, *beneath.card(content.safety, ref, name, rng))
    if kind in CATEGORY_KINDS:
        def label(code: str) -> str:
            return f"{code} {atlas.points[code].pinyin}"

        prompt, right, candidates, explanation = point_categories.card(content.categories, kind, ref, label)
        opts, answer = options(right, candidates)
        return Question(card_id, kind, ref, prompt, opts, answer, explanation)
    if kind in POINT_KINDS:
        point = atlas.points[ref]
        others = [c for c in pool if c != ref] or [c for c in atlas.points if c != ref]
        if kind == "code_to_name":
            opts, answer = options(_point_label(point), [_point_label(atlas.points[c]) for c in others])
            prompt = _("What is {code} called?").format(code=ref)
        elif kind == "name_to_code":
            opts, answer = options(ref, others)
            prompt = _("Which point is {name}?").format(name=_point_label(point))
        elif kind == "point_to_meridian":
            names = [m.full_name for m in atlas.meridians.values()]
            opts, answer = options(atlas.meridians[point.meridian].full_name, names)
            prompt = _("On which channel does {name} lie?").format(name=_point_label(point))
        else:
            opts, answer = options(ref, others)
            prompt = _("Which point is written {hanzi} ({pinyin})?").format(hanzi=point.hanzi, pinyin=point.pinyin)
        explanation = f"{ref} {_point_label(point)}: {point.location}"
    else:
        muscle = muscles.muscles[ref]
        others = [m for m in pool if m != ref] or [m for m in muscles.muscles if m != ref]
        if kind == "muscle_to_referral":
            opts, answer = options(_first_sentence(muscle.symptoms),
                                   [_first_sentence(muscles.muscles[m].symptoms) for m in others])
            prompt = _("Where is pain from {muscle} trigger points usually felt?").format(muscle=muscle.name)
        else:
            opts, answer = options(muscle.name, [muscles.muscles[m].name for m in others])
            prompt = _("Which muscle refers pain like this? {symptoms}").format(
                symptoms=_first_sentence(muscle.symptoms))
        explanation = f"{muscle.name}: {muscle.symptoms}"
    return Question(card_id, kind, ref, prompt, opts, answer, explanation)


# --- storage --------------------------------------------------------------------------------------

class StudyUnavailable(Exception):
    """The history exists but this app must not use it (newer version, other layout); left untouched."""


_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_TABLES = {"cards": {"card_id", "state", "due"},
           "reviews": {"id", "card_id", "deck", "rating", "correct", "reviewed_at"}}


class _Damaged(sqlite3.DatabaseError):
    """``PRAGMA quick_check`` found damage."""


def _is_damaged(exc: sqlite3.DatabaseError) -> bool:
    """Only real corruption counts: a busy, locked, read-only or newer database is never moved aside."""
    return isinstance(exc, _Damaged) or getattr(exc, "sqlite_errorname", "") in _DAMAGED


def _create_schema(conn: sqlite3.Connection) -> None:
    with conn:
        conn.execute("BEGIN")
        conn.execute("CREATE TABLE IF NOT EXISTS cards (card_id TEXT PRIMARY KEY, state TEXT NOT NULL, "
                     "due TEXT NOT NULL)")
        conn.execute("CREATE TABLE IF NOT EXISTS reviews (id INTEGER PRIMARY KEY, card_id TEXT NOT NULL, "
                     "deck TEXT NOT NULL, rating INTEGER NOT NULL, correct INTEGER NOT NULL, "
                     "reviewed_at TEXT NOT NULL)")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


_SIDE_FILES = ("-wal", "-shm", "-journal")


def _hold_side_files(path: Path) -> dict[str, Path]:
    """Hard links to the database's -wal/-shm/-journal as they are before SQLite opens (and may tidy) them."""
    held = {}
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        hold = path.with_name(f".{path.name}{suffix}.held")
        try:
            hold.unlink(missing_ok=True)
            os.link(side, hold)
            held[suffix] = hold
        except OSError:
            continue
    return held


def _release(held: dict[str, Path]) -> None:
    for hold in held.values():
        with contextlib.suppress(OSError):
            hold.unlink(missing_ok=True)


def quarantine_database(path: Path, held: dict[str, Path] | None = None) -> Path:
    """Move a damaged database aside together with its -wal and -shm files (they belong to it)."""
    kept = quarantine(path)
    for suffix in _SIDE_FILES:
        side = (held or {}).get(suffix) or path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return kept


class StudyStore:
    """FSRS card states and the review history in one SQLite file in the user data folder.

    Opening never writes to an existing database. Only real corruption (SQLITE_CORRUPT, SQLITE_NOTADB,
    a failed quick check) moves the file aside (with its -wal/-shm); a database that is busy waits up
    to ``timeout`` seconds; one that is still locked, read-only, from a newer version or laid out
    differently is left exactly as it is and this session works in memory, with ``note`` saying so.
    Two windows share the file safely (WAL mode, waiting on each other's writes).
    """

    def __init__(self, data_dir: Path, timeout: float = 5.0):
        self.path = Path(data_dir) / DB_NAME
        self.note = ""
        self.saving = True  # False: answers of this session are kept in memory only
        self.timeout = timeout
        held = _hold_side_files(self.path)
        try:
            self.conn = self._open()
        except sqlite3.DatabaseError as exc:
            if _is_damaged(exc):
                self.conn = self._replace_damaged(exc, held)
            else:
                self.conn = self._in_memory(_("The study history {name} could not be opened ({error}).").format(
                    name=self.path.name, error=exc))
        except StudyUnavailable as exc:
            self.conn = self._in_memory(str(exc))
        except OSError as exc:
            self.conn = self._in_memory(_("The study history {name} could not be opened ({error}).").format(
                name=self.path.name, error=exc.strerror or exc))
        finally:
            _release(held)

    def _replace_damaged(self, exc, held) -> sqlite3.Connection:
        try:
            kept = quarantine_database(self.path, held)
            conn = self._open()
        except (OSError, sqlite3.Error, StudyUnavailable) as again:
            return self._in_memory(
                _("The study history {name} is damaged ({error}) and could not be replaced ({again}).").format(
                    name=self.path.name, error=exc, again=again))
        self.note = _("The study database was damaged ({error}); it was kept as {kept} and a new one "
                      "started.").format(error=exc, kept=kept.name)
        return conn

    def _in_memory(self, why: str) -> sqlite3.Connection:
        """Work in memory; ``why`` is a whole sentence naming the file."""
        self.saving = False
        self.note = _("{why} It is left exactly as it is; answers in this session are not saved.").format(why=why)
        conn = sqlite3.connect(":memory:", isolation_level=None)
        _create_schema(conn)
        return conn

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        new = not self.path.exists() or self.path.stat().st_size == 0
        conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)  # transactions below
        try:
            if new:
                conn.execute("PRAGMA journal_mode=WAL")  # two windows can read while one writes
                _create_schema(conn)
                return conn
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise _Damaged(ok)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StudyUnavailable(_("The study history {name} was made by a newer version of the app "
                                         "(schema {version}; this app reads up to {supported}).").format(
                    name=self.path.name, version=version, supported=SCHEMA_VERSION))
            for table, columns in _TABLES.items():
                found = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
                if not columns <= found:
                    raise StudyUnavailable(_("The study history {name} has a different layout (table {table} "
                                             "lacks {columns}).").format(
                        name=self.path.name, table=repr(table), columns=", ".join(sorted(columns - found))))
        except BaseException:
            conn.close()
            raise
        return conn

    def card(self, card_id: str) -> Card | None:
        row = self.conn.execute("SELECT state FROM cards WHERE card_id = ?", (card_id,)).fetchone()
        if not row:
            return None
        try:
            return Card.from_dict(json.loads(row[0]))
        except (ValueError, KeyError, TypeError) as exc:  # one broken row: that card starts afresh
            self.note = _("The saved state of card {card} could not be read ({error}); it starts afresh.").format(
                card=card_id, error=exc)
            return None

    def record(self, card_id: str, deck: str, card: Card, rating: Rating, correct: bool, when: datetime) -> bool:
        """Store the new card state and the review together: both or neither. False (with ``note``) if not."""
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")  # waits (timeout) for another window's write
                self.conn.execute("INSERT INTO cards (card_id, state, due) VALUES (?, ?, ?) ON CONFLICT(card_id) "
                                  "DO UPDATE SET state = excluded.state, due = excluded.due",
                                  (card_id, json.dumps(card.to_dict()), card.due.isoformat()))
                self.conn.execute("INSERT INTO reviews (card_id, deck, rating, correct, reviewed_at) "
                                  "VALUES (?, ?, ?, ?, ?)",
                                  (card_id, deck, int(rating), int(correct), when.isoformat()))
        except sqlite3.Error as exc:
            self.note = _("This answer could not be saved in the study history ({error}); the file is "
                          "unchanged.").format(error=exc)
            return False
        return True

    def reviews(self, deck: str | None = None) -> list[tuple]:
        query = "SELECT card_id, rating, correct, reviewed_at FROM reviews"
        args: tuple = ()
        if deck:
            query, args = query + " WHERE deck = ?", (deck,)
        return self.conn.execute(query + " ORDER BY id", args).fetchall()

    def progress(self, deck: Deck, when: datetime | None = None) -> dict[str, int]:
        """How many of the deck's cards are new, due now, learning, and in long-term review."""
        when = when or now_utc()
        counts = {"total": 0, "new": 0, "due": 0, "learning": 0, "review": 0}
        for card_id in deck.card_ids():
            counts["total"] += 1
            card = self.card(card_id)
            if card is None:
                counts["new"] += 1
                continue
            if card.due <= when:
                counts["due"] += 1
            counts["review" if card.state == State.Review else "learning"] += 1
        return counts

    def close(self) -> None:
        self.conn.close()


# --- a session --------------------------------------------------------------------------------------

@dataclass
class SessionSummary:
    answered: int = 0
    correct: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [answered, correct]

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


class StudySession:
    """Due cards first (earliest first), then new cards up to ``new_limit``."""

    def __init__(self, content, store: StudyStore, deck: Deck, new_limit: int = 15, clock=now_utc):
        self.content = content
        self.store = store
        self.deck = deck
        self.clock = clock
        self.scheduler = Scheduler(enable_fuzzing=False)
        self.summary = SessionSummary()
        self.new_left = new_limit
        self.seen: set[str] = set()

    def next_question(self) -> Question | None:
        when = self.clock()
        due, new = [], []
        for card_id in self.deck.card_ids():
            card = self.store.card(card_id)
            if card is None:
                if card_id not in self.seen:
                    new.append(card_id)
            elif card.due <= when:
                due.append((card.due, card_id))
        if due:
            card_id = min(due)[1]
        elif new and self.new_left > 0:
            card_id = new[0]
        else:
            return None
        return make_question(self.content, card_id, self.deck.refs, seed=self.summary.answered)

    def answer(self, question: Question, choice: int, rating: Rating | None = None) -> Rating:
        """Grade an answer (wrong -> Again, right -> Good unless the student says Hard/Easy) and store it."""
        correct = choice == question.answer
        rating = Rating.Again if not correct else (rating or Rating.Good)
        when = self.clock()
        card = self.store.card(question.card_id)
        if card is None:
            card = Card(due=when)
            self.new_left -= 1
        card, _log = self.scheduler.review_card(card, rating, review_datetime=when)
        self.store.record(question.card_id, self.deck.id, card, rating, correct, when)
        self.seen.add(question.card_id)
        self.summary.answered += 1
        self.summary.correct += int(correct)
        stats = self.summary.by_kind.setdefault(question.kind, [0, 0])
        stats[0] += 1
        stats[1] += int(correct)
        return rating


# --- locate the point -------------------------------------------------------------------------------

@dataclass(frozen=True)
class LocateResult:
    code: str
    view: str
    distance_cun: float
    distance_cm: float
    grade: str  # "excellent", "good", "close", "missed"
    rating: Rating
    target: tuple[float, float]
    steps: tuple[str, ...]
    landmarks: tuple[tuple[str, tuple[float, float]], ...]
    miss: Miss = field(default_factory=lambda: Miss(()))

    def miss_words(self) -> str:
        """'1.5 cun too low, 0.5 cun too far out'."""
        return self.miss.words()


def score_locate(content, code: str, view: str, x: float, y: float) -> LocateResult:
    """Score a click against the nearest marker of ``code`` on ``view``, in the local proportional cun. On a
    regional plate the click is scored on the same spot of the whole figure (cun, centimetres and the
    words of the miss are the figure's), and the answer is shown in the plate's coordinates."""
    spec = content.body.spec(view) if view in content.body.views else None
    if spec is not None and spec.is_plate and not any(p.view == view for p in content.atlas.points[code].places):
        figure, fx, fy = whole_figure_spot(view, x, y)
        on_figure = score_locate(content, code, figure, fx, fy)
        return dataclasses.replace(
            on_figure, view=view, target=from_whole_figure(view, *on_figure.target),
            landmarks=tuple((name, from_whole_figure(view, *xy)) for name, xy in on_figure.landmarks))
    markers = content.layout.markers_of(code, view)
    if not markers:
        raise KeyError(_("{code} is not drawn on the {view} view").format(code=code, view=view))
    target = min(markers, key=lambda m: math.hypot(m.x - x, m.y - y))
    distance = math.hypot(target.x - x, target.y - y)
    miss = measure_miss(content, code, target, x, y)
    cun = miss.cun
    graded = round(cun, 3)  # a click exactly on a boundary gets the better grade
    if graded <= 0.5:
        grade, rating = "excellent", Rating.Easy
    elif graded <= 1.0:
        grade, rating = "good", Rating.Good
    elif graded <= 2.0:
        grade, rating = "close", Rating.Hard
    else:
        grade, rating = "missed", Rating.Again
    place = next(p for p in content.atlas.points[code].places if p.view == view)
    view_model = content.body.view(view)
    landmarks = []
    for ref in place.references():
        if ref in view_model.landmarks:
            lx, ly = view_model.landmarks[ref]
            landmarks.append((ref, (lx if target.x >= 0 else -lx, ly)))  # the side that was clicked
        elif content.layout.markers_of(ref, view):
            m = content.layout.markers_of(ref, view)[0]
            landmarks.append((ref, (abs(m.x) if target.x >= 0 else -abs(m.x), m.y)))
    names = join_and(landmark_name(n) for n, _xy in landmarks) or _("the nearby landmarks")
    below = content.safety.notes_for(code)[:1]
    care = "".join(" " + _("Beneath it: the {name}; safe: {safe}").format(name=n.name.lower(), safe=n.safe)
                   for n in below)
    steps = (contract(_("First find {landmarks}.").format(landmarks=names)), describe_placement(place),
             _("{code} lies here: {location}").format(code=code, location=content.atlas.points[code].location)
             + care)
    return LocateResult(code, view, cun, distance * 170.0, grade, rating, (target.x, target.y), steps,
                        tuple(landmarks), miss)


class LocateDrill:
    """'Locate the point' as spaced repetition: each point is a card ("locate:<code>") graded by distance."""

    def __init__(self, content, store: StudyStore, deck: Deck, clock=now_utc):
        self.content = content
        self.store = store
        self.deck = deck
        self.clock = clock
        self.scheduler = Scheduler(enable_fuzzing=False)
        self.results: list[LocateResult] = []

    def next_point(self) -> tuple[str, str] | None:
        """(code, view) to find next: the most overdue card, else the first point never tried."""
        when = self.clock()
        due, new = [], []
        for code in self.deck.refs:
            # views where a miss can be measured in cun (the soles have no scale of their own)
            views = [v for v in self.content.atlas.points[code].views if self.content.body.spec(v).cun_scale]
            if not views:
                continue
            view = self._plate_for(code) or views[0]
            card = self.store.card(f"locate:{code}")
            if card is None:
                new.append((code, view))
            elif card.due <= when:
                due.append((card.due, code, view))
        if due:
            _due, code, view = min(due)
            return code, view
        return new[0] if new else None

    def _plate_for(self, code: str) -> str:
        """The most magnified regional plate that shows ``code`` (asked there: the point can be told apart from
        its neighbours), or "" if none does."""
        registry = self.content.body.registry
        shown = [name for name in registry.plates if self.content.layout.markers_of(code, name)]
        return max(shown, key=lambda name: magnification(self.content.body, name), default="")

    def answer(self, code: str, view: str, x: float, y: float) -> LocateResult:
        result = score_locate(self.content, code, view, x, y)
        when = self.clock()
        card = self.store.card(f"locate:{code}") or Card(due=when)
        card, _log = self.scheduler.review_card(card, result.rating, review_datetime=when)
        self.store.record(f"locate:{code}", self.deck.id, card, result.rating, result.grade != "missed", when)
        self.results.append(result)
        return result
