"""A cache of extracted claims, one SQLite file per project, safe to share between processes.

Extraction is the slow stage, and an article that has not changed gives the same
claims as long as the extractor, the spaCy model, the rule packs and the dateline
are the same. `cache_key` hashes exactly those; `ClaimCache` maps a key to the
article's `DocumentClaims`, stored as JSON (never pickle: a cache file is data a
run reads back, and pickle would let a tampered file run code).

The cache is an optimisation and never a reason for a run to fail. A file that is
not a database is renamed aside and rebuilt; a locked database, an unwritable
folder or a stored entry that no longer validates is skipped. Each such event
adds one line to `ClaimCache.warnings` for the caller to show (the library does
not print).

SQLite runs in WAL mode with a busy timeout, so several processes (parallel CI
jobs, `nlp.pipe` workers, a pre-commit hook next to an editor) can read and write
the same file at once: readers never wait for writers, writers queue.
See https://www.sqlite.org/wal.html.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType

from pydantic import BaseModel, ConfigDict, ValidationError

from .models import DocumentClaims

__all__ = [
    "CACHE_DIR_NAME",
    "CACHE_DB_NAME",
    "CacheStats",
    "cache_key",
    "default_cache_dir",
    "ClaimCache",
]

CACHE_DIR_NAME = ".factcheck_cache"
CACHE_DB_NAME = "claims.sqlite3"
_ENV_VAR = "FACTCHECK_CACHE_DIR"
# Part of every key: bump when the stored layout changes so old rows are never read.
_LAYOUT_VERSION = "1"
_SCHEMA = "CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, payload TEXT NOT NULL, created REAL NOT NULL)"


class CacheStats(BaseModel):
    """How the cache did in this run."""

    model_config = ConfigDict(frozen=True)

    hits: int = 0
    misses: int = 0
    writes: int = 0


def cache_key(
    content_hash: str,
    extractor_version: str,
    model_identity: str,
    rules_hash: str,
    dateline: dt.date | str | None,
) -> str:
    """The key of one article's extracted claims.

    Args:
        content_hash: Hash of the article's file content (`Article.content_hash`).
        extractor_version: `factcheck.extract.claims.EXTRACTOR_VERSION`.
        model_identity: The spaCy model's name and version, e.g. `"en_core_web_sm-3.8.0"`.
        rules_hash: `factcheck.rulepacks.rules_hash(...)` of the packs in use.
        dateline: The dateline forced with `--dateline`, if any (it changes how
            relative dates resolve).

    Returns:
        64 hex digits; any change in any argument gives a different key.
    """
    if isinstance(dateline, dt.date):
        dateline = dateline.isoformat()
    # JSON of a list keeps ("a", "bc") and ("ab", "c") apart.
    parts = [_LAYOUT_VERSION, content_hash, extractor_version, model_identity, rules_hash, dateline]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


def default_cache_dir(env: Mapping[str, str] | None = None, cwd: Path | None = None) -> Path:
    """`FACTCHECK_CACHE_DIR` when set, else `.factcheck_cache` in the working folder."""
    env = os.environ if env is None else env
    if env.get(_ENV_VAR):
        return Path(env[_ENV_VAR]).expanduser()
    return (cwd or Path.cwd()) / CACHE_DIR_NAME


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


class ClaimCache:
    """Extracted claims by `cache_key`, in `<cache_dir>/claims.sqlite3`.

    Use it as a context manager, or call `close()`. Nothing it does raises for
    cache trouble: see `warnings`.

    Args:
        cache_dir: The cache folder; `default_cache_dir()` when `None`. Created if missing.
        timeout: Seconds a write waits for another process holding the database
            before it gives up and skips the write.

    Attributes:
        cache_dir: The folder in use.
        path: The database file.
        warnings: One-line descriptions of cache trouble met in this run, each once.
    """

    def __init__(self, cache_dir: Path | None = None, *, timeout: float = 10.0) -> None:
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.path = self.cache_dir / CACHE_DB_NAME
        self.timeout = timeout
        self.warnings: list[str] = []
        self._conn: sqlite3.Connection | None = None
        self._hits = 0
        self._misses = 0
        self._writes = 0
        self._rebuilt = False
        self._read_only = False
        self._open()

    # -- public -----------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """Whether the database is open; `False` after trouble made the cache step aside."""
        return self._conn is not None

    @property
    def stats(self) -> CacheStats:
        """Hits, misses and writes so far."""
        return CacheStats(hits=self._hits, misses=self._misses, writes=self._writes)

    def get(self, key: str) -> DocumentClaims | None:
        """The claims stored under `key`, or `None` (a miss) when absent or unusable."""
        if self._conn is None:
            self._misses += 1
            return None
        try:
            row = self._conn.execute("SELECT payload FROM claims WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError as e:
            self._warn(f"cache read skipped: {_one_line(e)} ({self.path})")
            row = None
        except sqlite3.DatabaseError as e:
            self._rebuild(e)
            row = None
        if row is None:
            self._misses += 1
            return None
        try:
            doc = DocumentClaims.model_validate_json(row[0])
        except (ValidationError, ValueError, TypeError):
            # Written by another version of factcheck or damaged: recompute and overwrite.
            self._warn(f"cache entry {key[:12]} no longer matches the claim format; recomputing")
            self._delete(key)
            self._misses += 1
            return None
        self._hits += 1
        return doc

    def put(self, key: str, doc: DocumentClaims) -> None:
        """Store one article's claims under `key`, replacing what was there."""
        self.put_many([(key, doc)])

    def put_many(self, items: Iterable[tuple[str, DocumentClaims]]) -> None:
        """Store several articles' claims in one transaction (much faster than one `put` each)."""
        rows = [(key, doc.model_dump_json(), time.time()) for key, doc in items]
        if not rows or self._conn is None or self._read_only:
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany("INSERT OR REPLACE INTO claims (key, payload, created) VALUES (?, ?, ?)", rows)
                self._conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
        except sqlite3.OperationalError as e:
            self._warn(f"cache write skipped: {_one_line(e)} ({self.path})")
            return
        except sqlite3.DatabaseError as e:
            self._rebuild(e)
            return
        self._writes += len(rows)

    def close(self) -> None:
        """Close the database; later `get` calls miss and `put` calls do nothing."""
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def __enter__(self) -> ClaimCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ClaimCache({str(self.path)!r}, enabled={self.enabled})"

    # -- opening and recovery -----------------------------------------------------

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def _open(self) -> None:
        try:
            created = not self.cache_dir.exists()
            self.cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            self._warn(f"cache disabled: cannot create {self.cache_dir} ({e.strerror or _one_line(e)})")
            return
        if created:
            self._mark_folder()
        try:
            self._conn = self._connect_retrying()
        except sqlite3.OperationalError as e:
            # Unwritable (a cache restored read-only in CI, a shared folder): still worth reading.
            self._conn = self._connect_read_only() if self.path.exists() else None
            if self._conn is not None:
                self._read_only = True
                self._warn(f"cache is read-only: reading it, not storing new claims ({_one_line(e)}; {self.path})")
            else:
                # Locked or unopenable: run without the cache rather than fail.
                self._warn(f"cache disabled: {_one_line(e)} ({self.path})")
        except sqlite3.DatabaseError as e:
            self._rebuild(e)

    def _connect_read_only(self) -> sqlite3.Connection | None:
        """A read-only connection, or `None` when the file cannot be read either.

        `mode=ro` still needs to create the WAL index file beside the database; in a
        folder that is not writable, `immutable=1` reads the file as it is
        (https://www.sqlite.org/uri.html#uriimmutable).
        """
        for query in ("mode=ro", "immutable=1"):
            try:
                conn = sqlite3.connect(f"{self.path.absolute().as_uri()}?{query}", uri=True, check_same_thread=False)
                conn.execute("SELECT 1 FROM claims LIMIT 1").fetchall()
            except sqlite3.Error:
                continue
            return conn
        return None

    def _connect_retrying(self) -> sqlite3.Connection:
        # Switching a new file to WAL takes an exclusive lock and SQLite reports SQLITE_BUSY
        # at once, without its busy handler, when another process is opening the same new
        # file: retry here until the timeout.
        deadline = time.monotonic() + self.timeout
        pause = 0.005
        while True:
            try:
                return self._connect()
            except sqlite3.OperationalError as e:
                busy = "locked" in str(e) or "busy" in str(e)
                if not busy or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: no implicit transactions; writes use BEGIN IMMEDIATE so a
        # busy writer waits on the busy timeout up front instead of failing mid-transaction.
        conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claims'").fetchone()
            if exists is None:
                conn.execute(_SCHEMA)
        except BaseException:
            conn.close()
            raise
        return conn

    def _mark_folder(self) -> None:
        """Keep the folder out of version control and backups, as ruff and pytest do."""
        try:
            (self.cache_dir / ".gitignore").write_text("# Created by factcheck.\n*\n", encoding="utf-8")
            (self.cache_dir / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by factcheck.\n"
                "# See https://bford.info/cachedir/\n",
                encoding="utf-8",
            )
        except OSError:
            pass  # the markers are a courtesy

    def _rebuild(self, error: sqlite3.DatabaseError) -> None:
        """Move a damaged database aside and start an empty one; step aside if that fails too."""
        self.close()
        if self._rebuilt:
            self._warn(f"cache disabled: {_one_line(error)} ({self.path})")
            return
        self._rebuilt = True
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}-{os.getpid()}")
        try:
            os.replace(self.path, aside)
        except FileNotFoundError:
            aside = None  # another process moved it first
        except OSError as e:
            self._warn(
                f"cache disabled: {self.path} is damaged ({_one_line(error)}) and cannot be moved ({e.strerror})"
            )
            return
        for suffix in ("-wal", "-shm"):
            # The journal files belong to the damaged database; a new one must not replay them.
            try:
                self.path.with_name(self.path.name + suffix).unlink()
            except OSError:
                pass
        moved = f"; the old file is {aside.name}" if aside else ""
        self._warn(f"cache rebuilt: {self.path} was damaged ({_one_line(error)}){moved}")
        try:
            self._conn = self._connect_retrying()
        except sqlite3.DatabaseError as e:
            self._warn(f"cache disabled: {_one_line(e)} ({self.path})")

    def _rollback(self) -> None:
        assert self._conn is not None
        try:
            self._conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # nothing to roll back

    def _delete(self, key: str) -> None:
        if self._conn is None or self._read_only:
            return
        try:
            self._conn.execute("DELETE FROM claims WHERE key = ?", (key,))
        except sqlite3.Error:
            pass  # the entry is overwritten by the next put anyway
