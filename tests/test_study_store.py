"""The study history is never moved aside unless it is really damaged, and never written on open."""
from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime

import pytest
from fsrs import Card, Rating

from viewer.atlas.study import DB_NAME, StudyStore

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def make_history(folder, reviews=1) -> bytes:
    store = StudyStore(folder)
    for n in range(reviews):
        assert store.record(f"code_to_name:LU{n + 1}", "d", Card(), Rating.Good, True, WHEN)
    store.close()
    return (folder / DB_NAME).read_bytes()


def aside(folder):
    return sorted(p.name for p in folder.iterdir() if ".corrupt-" in p.name)


def test_opening_never_writes_to_the_database(tmp_path):
    """Open, read progress, close: the database file keeps its bytes and its time stamp."""
    before = make_history(tmp_path)
    stamp = os.stat(tmp_path / DB_NAME).st_mtime_ns
    store = StudyStore(tmp_path)
    assert len(store.reviews()) == 1
    store.close()
    assert (tmp_path / DB_NAME).read_bytes() == before and os.stat(tmp_path / DB_NAME).st_mtime_ns == stamp


def test_a_busy_database_is_waited_for_and_never_moved_aside(tmp_path):
    """Another process holds the write lock: the answer is not saved, said so; nothing is renamed."""
    make_history(tmp_path)
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    store = StudyStore(tmp_path, timeout=0.2)
    assert len(store.reviews()) == 1  # reading works while the other window writes (WAL)
    assert not store.record("code_to_name:LU2", "d", Card(), Rating.Good, True, WHEN)
    assert "could not be saved" in store.note and aside(tmp_path) == []
    other.execute("COMMIT")
    assert store.record("code_to_name:LU2", "d", Card(), Rating.Good, True, WHEN)  # the lock is gone
    other.close()
    store.close()
    assert len(StudyStore(tmp_path).reviews()) == 2


def test_a_database_locked_for_reading_is_left_alone_with_a_message(tmp_path):
    """A rollback-journal database locked exclusively cannot even be read: message, memory, no rename."""
    conn = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    conn.execute("CREATE TABLE cards (card_id TEXT PRIMARY KEY, state TEXT NOT NULL, due TEXT NOT NULL)")
    conn.execute("CREATE TABLE reviews (id INTEGER PRIMARY KEY, card_id TEXT NOT NULL, deck TEXT NOT NULL, "
                 "rating INTEGER NOT NULL, correct INTEGER NOT NULL, reviewed_at TEXT NOT NULL)")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("INSERT INTO reviews (card_id, deck, rating, correct, reviewed_at) VALUES ('a', 'b', 3, 1, 'x')")
    store = StudyStore(tmp_path, timeout=0.2)
    assert not store.saving and "left exactly as it is" in store.note and aside(tmp_path) == []
    assert store.record("code_to_name:LU1", "d", Card(), Rating.Good, True, WHEN)  # in memory: the tab works
    conn.execute("COMMIT")
    conn.close()
    assert len(StudyStore(tmp_path).reviews()) == 1


def test_two_windows_both_keep_their_answers(tmp_path):
    """Two stores on one file, answering in turn: every review is in the file afterwards."""
    first, second = StudyStore(tmp_path), StudyStore(tmp_path)
    for n in range(5):
        assert first.record(f"code_to_name:LU{n + 1}", "d", Card(), Rating.Good, True, WHEN)
        assert second.record(f"code_to_name:ST{n + 1}", "d", Card(), Rating.Good, True, WHEN)
    first.close()
    second.close()
    assert len(StudyStore(tmp_path).reviews()) == 10


def test_a_newer_schema_is_refused_untouched(tmp_path):
    make_history(tmp_path)
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = (tmp_path / DB_NAME).read_bytes()
    store = StudyStore(tmp_path)
    assert "newer version" in store.note and not store.saving
    store.close()
    assert (tmp_path / DB_NAME).read_bytes() == before and aside(tmp_path) == []


def test_a_changed_layout_is_a_message_not_an_empty_tab(tmp_path):
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("CREATE TABLE cards (card_id TEXT)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = (tmp_path / DB_NAME).read_bytes()
    store = StudyStore(tmp_path)
    assert "different layout" in store.note and "cards" in store.note
    assert (tmp_path / DB_NAME).read_bytes() == before and aside(tmp_path) == []


def test_a_broken_row_is_named_and_that_card_starts_afresh(tmp_path):
    make_history(tmp_path)
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("UPDATE cards SET state = 'not json'")
    conn.commit()
    conn.close()
    store = StudyStore(tmp_path)
    assert store.card("code_to_name:LU1") is None and "code_to_name:LU1" in store.note


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_database_is_read_not_moved(tmp_path):
    make_history(tmp_path)
    os.chmod(tmp_path / DB_NAME, 0o444)
    store = StudyStore(tmp_path)
    assert len(store.reviews()) == 1 and aside(tmp_path) == []


def test_only_real_damage_is_moved_aside_and_wal_and_shm_go_with_it(tmp_path):
    """Garbage in the file: it goes aside together with its -wal and -shm, and a new history starts."""
    (tmp_path / DB_NAME).write_bytes(b"this is not a database" * 100)
    (tmp_path / f"{DB_NAME}-wal").write_bytes(b"wal")
    (tmp_path / f"{DB_NAME}-shm").write_bytes(b"shm")
    store = StudyStore(tmp_path)
    assert "damaged" in store.note and store.saving
    kept = aside(tmp_path)
    assert len(kept) == 3 and {k.rsplit("-", 1)[-1] for k in kept if k.endswith(("-wal", "-shm"))} == {"wal", "shm"}
    wal = next(k for k in kept if k.endswith("-wal"))
    assert (tmp_path / wal).read_bytes() == b"wal"


def test_the_study_tab_says_why_answers_are_not_saved(window, qtbot, tmp_path):
    """A newer-version history: the Study tab opens with its cards and the message, not an empty tab."""
    import sqlite3 as sq

    data = window.data_dir
    data.mkdir(parents=True, exist_ok=True)
    conn = sq.connect(data / DB_NAME)
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    window.raise_panel("study")
    qtbot.waitUntil(lambda: window.study.panel is not None)
    cards = window.study.panel.cards
    assert cards.deck.count() > 0
    assert "newer version" in cards.progress.text()
