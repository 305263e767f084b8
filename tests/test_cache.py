"""Tests for the SQLite claim cache: hits, misses, damage, locks and concurrent processes."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3
from pathlib import Path

from factcheck.cache import CACHE_DB_NAME, ClaimCache, cache_key, default_cache_dir
from factcheck.models import Attribution, Claim, DocumentClaims, EventRef, Quantity
from factories import monday_time


def _doc(path: str = "articles/a.md", n: int = 0) -> DocumentClaims:
    time = monday_time()
    claim = Claim(
        id=f"{path}#{n}",
        path=path,
        text=f"The council will vote on Monday on {n} proposals.",
        sentence=f"The council will vote on Monday on {n} proposals, the mayor said.",
        start=0,
        end=48,
        line=3,
        column=1,
        sentence_start=0,
        sentence_end=64,
        event=EventRef(lemma="vote", event_class="vote", subject="council"),
        attribution=Attribution(speaker="the mayor", speaker_type="person", cue="said"),
        times=(time,),
        event_time=time,
        quantities=(
            Quantity(text=str(n), start=35, end=36, kind="count", unit="count", low=n, high=n, subject="proposal"),
        ),
        tense="future",
    )
    return DocumentClaims(
        path=path,
        title="Council vote",
        published=dt.date(2024, 3, 1),
        claims=(claim,),
        times=(time,),
        suppressions=(("DT01", None), ("QT01", 7)),
    )


def _key(n: int, tag: str = "") -> str:
    return cache_key(f"content-{tag}{n}", "1", "en_core_web_sm-3.8.0", "rules-abc", None)


# -- keys ----------------------------------------------------------------------------


def test_cache_key_changes_with_every_part() -> None:
    base = ("hash", "1", "model-3.8.0", "rules", dt.date(2024, 3, 1))
    key = cache_key(*base)
    assert len(key) == 64 and all(c in "0123456789abcdef" for c in key)
    assert cache_key(*base) == key
    for i in range(5):
        changed = list(base)
        changed[i] = None if i == 4 else f"{base[i]}x"
        assert cache_key(*changed) != key, f"part {i} is not in the key"
    assert cache_key("hash", "1", "model-3.8.0", "rules", "2024-03-01") == key


def test_cache_key_parts_do_not_run_together() -> None:
    assert cache_key("ab", "c", "m", "r", None) != cache_key("a", "bc", "m", "r", None)


def test_cache_default_dir(tmp_path: Path) -> None:
    assert default_cache_dir({"FACTCHECK_CACHE_DIR": str(tmp_path / "c")}) == tmp_path / "c"
    assert default_cache_dir({}, cwd=tmp_path) == tmp_path / ".factcheck_cache"


# -- hits and misses -------------------------------------------------------------------


def test_cache_miss_then_hit_round_trips_claims(tmp_path: Path) -> None:
    doc = _doc()
    with ClaimCache(tmp_path / "cache") as cache:
        assert cache.get(_key(1)) is None
        cache.put(_key(1), doc)
        assert cache.get(_key(1)) == doc
        assert cache.get(_key(2)) is None
        assert (cache.stats.hits, cache.stats.misses, cache.stats.writes) == (1, 2, 1)
        assert cache.warnings == []
    # A new run reads what the last one stored.
    with ClaimCache(tmp_path / "cache") as cache:
        got = cache.get(_key(1))
        assert got == doc
        assert got is not None and got.suppressions == (("DT01", None), ("QT01", 7))
        assert cache.stats.hits == 1


def test_cache_put_many_and_replace(tmp_path: Path) -> None:
    with ClaimCache(tmp_path) as cache:
        cache.put_many([(_key(i), _doc(n=i)) for i in range(10)])
        cache.put(_key(3), _doc(n=99))
        assert cache.get(_key(3)) == _doc(n=99)
        assert cache.get(_key(9)) == _doc(n=9)
        assert cache.stats.writes == 11


def test_cache_creates_folder_with_gitignore(tmp_path: Path) -> None:
    with ClaimCache(tmp_path / "deep" / "cache") as cache:
        assert cache.enabled
    assert (tmp_path / "deep" / "cache" / CACHE_DB_NAME).is_file()
    assert (tmp_path / "deep" / "cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_cache_uses_wal(tmp_path: Path) -> None:
    ClaimCache(tmp_path).close()
    conn = sqlite3.connect(tmp_path / CACHE_DB_NAME)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_cache_closed_cache_misses_quietly(tmp_path: Path) -> None:
    cache = ClaimCache(tmp_path)
    cache.put(_key(1), _doc())
    cache.close()
    assert cache.get(_key(1)) is None
    cache.put(_key(2), _doc())  # does nothing, raises nothing
    assert not cache.enabled


# -- trouble never fails a run ------------------------------------------------------------


def test_cache_garbage_file_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    (tmp_path / CACHE_DB_NAME).write_bytes(b"this is not a database" * 100)
    with ClaimCache(tmp_path) as cache:
        assert cache.enabled
        assert cache.get(_key(1)) is None
        cache.put(_key(1), _doc())
        assert cache.get(_key(1)) == _doc()
        assert len(cache.warnings) == 1
        assert cache.warnings[0].startswith("cache rebuilt:")
        assert "\n" not in cache.warnings[0]
    aside = list(tmp_path.glob(f"{CACHE_DB_NAME}.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes().startswith(b"this is not a database")


def test_cache_overwritten_database_is_rebuilt(tmp_path: Path) -> None:
    with ClaimCache(tmp_path) as cache:
        cache.put_many([(_key(i), _doc(n=i)) for i in range(50)])
    # Overwrite the header and the first pages of a closed, valid database.
    with (tmp_path / CACHE_DB_NAME).open("r+b") as handle:
        handle.write(b"\x00garbage" * 1000)
    with ClaimCache(tmp_path) as cache:
        assert cache.get(_key(1)) is None
        cache.put(_key(1), _doc())
        assert cache.get(_key(1)) == _doc()
        assert any(w.startswith("cache rebuilt:") for w in cache.warnings)


def test_cache_invalid_row_is_a_miss_and_removed(tmp_path: Path) -> None:
    with ClaimCache(tmp_path) as cache:
        cache.put(_key(1), _doc())
    conn = sqlite3.connect(tmp_path / CACHE_DB_NAME)
    conn.execute("UPDATE claims SET payload = ?", ('{"path": 3, "claims": "nope"}',))
    conn.commit()
    conn.close()
    with ClaimCache(tmp_path) as cache:
        assert cache.get(_key(1)) is None
        assert cache.stats.misses == 1
        assert len(cache.warnings) == 1 and "no longer matches" in cache.warnings[0]
        assert cache.get(_key(1)) is None
        cache.put(_key(1), _doc())
        assert cache.get(_key(1)) == _doc()


def test_cache_unwritable_folder_bypasses(tmp_path: Path) -> None:
    # A file where the folder should be: fails even for root, unlike chmod.
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("x")
    with ClaimCache(blocker / "cache") as cache:
        assert not cache.enabled
        cache.put(_key(1), _doc())
        assert cache.get(_key(1)) is None
        assert cache.stats.misses == 1
        assert len(cache.warnings) == 1 and cache.warnings[0].startswith("cache disabled: cannot create")


def test_cache_locked_database_skips_writes(tmp_path: Path) -> None:
    with ClaimCache(tmp_path) as cache:
        cache.put(_key(1), _doc())
    holder = sqlite3.connect(tmp_path / CACHE_DB_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("DELETE FROM claims WHERE key = 'nothing'")
    try:
        with ClaimCache(tmp_path, timeout=0.05) as cache:
            cache.put(_key(2), _doc(n=2))
            assert any("cache write skipped: database is locked" in w for w in cache.warnings)
            # WAL: reading still works while another process writes.
            assert cache.get(_key(1)) == _doc()
            assert cache.stats.writes == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with ClaimCache(tmp_path) as cache:
        cache.put(_key(2), _doc(n=2))
        assert cache.get(_key(2)) == _doc(n=2)
        assert cache.warnings == []


# -- two processes at once ------------------------------------------------------------------


def _worker(cache_dir: str, tag: str, other: str, count: int, queue: multiprocessing.Queue, barrier) -> None:
    barrier.wait(timeout=60)  # both create the database at the same moment, too
    with ClaimCache(Path(cache_dir)) as cache:
        for i in range(count):
            cache.put(_key(i, tag), _doc(path=f"{tag}.md", n=i))
            # Read our own entry back and whatever the other process has written so far.
            assert cache.get(_key(i, tag)) == _doc(path=f"{tag}.md", n=i)
            seen = cache.get(_key(i, other))
            assert seen is None or seen == _doc(path=f"{other}.md", n=i)
        mine = sum(cache.get(_key(i, tag)) is not None for i in range(count))
        queue.put((tag, mine, list(cache.warnings)))


def test_cache_two_processes_share_the_file(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    barrier = ctx.Barrier(2)
    count = 200
    procs = [
        ctx.Process(target=_worker, args=(str(tmp_path), "p1", "p2", count, queue, barrier)),
        ctx.Process(target=_worker, args=(str(tmp_path), "p2", "p1", count, queue, barrier)),
    ]
    for proc in procs:
        proc.start()
    results = sorted(queue.get(timeout=120) for _ in procs)
    for proc in procs:
        proc.join(timeout=60)
        assert proc.exitcode == 0
    assert results == [("p1", count, []), ("p2", count, [])]
    with ClaimCache(tmp_path) as cache:
        for tag in ("p1", "p2"):
            for i in range(count):
                assert cache.get(_key(i, tag)) == _doc(path=f"{tag}.md", n=i)
        assert cache.stats.hits == 2 * count
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_cache_read_only_is_still_read(tmp_path: Path, monkeypatch) -> None:
    with ClaimCache(tmp_path) as cache:
        cache.put("k1", _doc())

    def refuse(self):  # what SQLite says when the file or its folder is not writable
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(ClaimCache, "_connect", refuse)
    with ClaimCache(tmp_path, timeout=0.1) as cache:
        assert cache.enabled
        assert cache.get("k1") == _doc()
        cache.put("k2", _doc("articles/b.md"))
        assert cache.get("k2") is None
        assert any(w.startswith("cache is read-only: reading it") for w in cache.warnings)
    rows = sqlite3.connect(tmp_path / CACHE_DB_NAME).execute("SELECT count(*) FROM claims").fetchone()[0]
    assert rows == 1


def test_cache_read_only_without_a_database_is_disabled(tmp_path: Path, monkeypatch) -> None:
    def refuse(self):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(ClaimCache, "_connect", refuse)
    with ClaimCache(tmp_path / "new", timeout=0.1) as cache:
        assert not cache.enabled and cache.get("k1") is None
        assert cache.warnings and cache.warnings[0].startswith("cache disabled")
