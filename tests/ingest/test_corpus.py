"""Walking folders, naming paths, and every kind of bad input as a one-line problem."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.ingest import read_article, read_corpus
from factcheck.ingest.decode import decode_bytes, size_text
from factcheck.models import Article, InputProblem

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
BODY = "The council said the road would reopen on Monday.\n"


def _write(root: Path, name: str, content: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    return path


def _split(items: list[Article | InputProblem]) -> tuple[list[Article], list[InputProblem]]:
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputProblem)]


def test_corpus_walks_folders_in_order_and_skips_hidden(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", BODY)
    _write(tmp_path, "a/z.md", BODY)
    _write(tmp_path, "a/c.txt", BODY)
    _write(tmp_path, ".git/x.txt", BODY)
    _write(tmp_path, ".factcheck_cache/y.json", '{"text": "x"}')
    _write(tmp_path, ".hidden.txt", BODY)
    _write(tmp_path, "notes.pdf", b"%PDF-1.4")
    articles, problems = _split(list(read_corpus([tmp_path])))
    assert [a.path for a in articles] == ["a/c.txt", "a/z.md", "b.txt"]
    assert problems == []


def test_corpus_reads_fixture_folder_deterministically() -> None:
    first = [(i.path, type(i).__name__) for i in read_corpus([FIXTURES])]
    assert first == [(i.path, type(i).__name__) for i in read_corpus([FIXTURES])]
    assert ("bad_front.md", "InputProblem") in first
    assert ("feed.jsonl#3", "Article") in first


def test_corpus_single_file_path_relative_to_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "news/a.txt", BODY)
    monkeypatch.chdir(tmp_path)
    (article,) = read_corpus(["news/a.txt"])
    assert isinstance(article, Article)
    assert article.path == "news/a.txt"
    assert article.abs_path == str(tmp_path / "news" / "a.txt")


def test_corpus_dateline_fills_missing_dates(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", BODY)
    _write(tmp_path, "b.txt", "Published: 2026-01-02\n" + BODY)
    articles, _ = _split(list(read_corpus([tmp_path], dateline=dt.date(2026, 3, 1))))
    assert [a.published for a in articles] == [dt.date(2026, 3, 1), dt.date(2026, 1, 2)]


def test_corpus_unsupported_file_given_explicitly(tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.pdf", b"%PDF-1.4")
    (problem,) = read_corpus([path])
    assert isinstance(problem, InputProblem)
    assert problem.message.startswith("unsupported file type '.pdf'; expected one of: .txt")


def test_corpus_missing_path(tmp_path: Path) -> None:
    (problem,) = read_corpus([tmp_path / "nowhere.txt"])
    assert isinstance(problem, InputProblem) and problem.message == "no such file or folder"


def test_corpus_continues_after_bad_files(tmp_path: Path) -> None:
    _write(tmp_path, "a_empty.txt", "   \n\n")
    _write(tmp_path, "b_binary.txt", b"\x00\x01\x02binary")
    _write(tmp_path, "c_good.txt", BODY)
    articles, problems = _split(list(read_corpus([tmp_path])))
    assert [a.path for a in articles] == ["c_good.txt"]
    assert [p.path for p in problems] == ["a_empty.txt", "b_binary.txt"]
    assert all("\n" not in p.message for p in problems)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file (nothing but whitespace)"),
        (b"abc\x00def", "binary file (contains NUL bytes); expected a text article"),
        (bytes(range(1, 32)) * 20, "binary file (mostly control characters); expected a text article"),
        (bytes(range(0x80, 0xA0)) * 20, "binary file (mostly control characters); expected a text article"),
    ],
)
def test_decode_bad_bytes(content: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(content, "x.txt")
    assert caught.value.problem == message
    assert str(caught.value) == f"x.txt: {message}"


def test_decode_bom_is_stripped() -> None:
    decoded = decode_bytes("The mayor spoke.".encode("utf-8-sig"), "x.txt")
    assert decoded.text == "The mayor spoke." and decoded.encoding == "utf-8-sig" and decoded.note is None


def test_decode_cp1252_fallback_with_note() -> None:
    decoded = decode_bytes("The \u201cmayor\u201d spoke.".encode("cp1252"), "x.txt")
    assert decoded.text == "The \u201cmayor\u201d spoke."
    assert decoded.note == "note: invalid UTF-8 at byte 4; decoded as cp1252"


def test_decode_latin1_last_resort() -> None:
    # 0x81 is undefined in cp1252, so only latin-1 decodes it (as a C1 control character).
    decoded = decode_bytes(b"The caf\xe9 \x81 closed on Monday after the fire, its owners said.", "x.txt")
    assert decoded.encoding == "latin-1"
    assert decoded.note == "note: invalid UTF-8 at byte 7; decoded as latin-1"


def test_corpus_cp1252_file_yields_article_and_note(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "The \u201cmayor\u201d spoke on Monday.".encode("cp1252"))
    article, note = read_corpus([tmp_path])
    assert isinstance(article, Article) and article.text == "The \u201cmayor\u201d spoke on Monday."
    assert isinstance(note, InputProblem) and note.message.startswith("note: ")
    (read,) = read_article(tmp_path / "a.txt", root=tmp_path)  # a note is not an error
    assert read.path == "a.txt"


def test_corpus_too_large(tmp_path: Path) -> None:
    _write(tmp_path, "big.txt", "word " * 3000)
    (problem,) = read_corpus([tmp_path], max_bytes=10_000)
    assert isinstance(problem, InputProblem) and problem.message == "too large (15 kB > 10 kB limit)"


@pytest.mark.parametrize(("size", "text"), [(12_345_678, "12.3 MB"), (5_000_000, "5 MB"), (512, "512 B")])
def test_decode_size_text(size: int, text: str) -> None:
    assert size_text(size) == text


def test_corpus_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (problem,) = read_corpus([tmp_path])
    assert isinstance(problem, InputProblem)
    assert (problem.path, problem.message) == ("gone.txt", "cannot read: broken symbolic link")


def test_read_article_on_a_directory_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "story.txt").mkdir()
    with pytest.raises(InputError, match=r"^story\.txt: cannot read: it is a directory, not a file$"):
        read_article(tmp_path / "story.txt", root=tmp_path)


def test_corpus_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads a file whatever its mode, so the refusal is simulated where the file is opened.
    path = _write(tmp_path, "secret.txt", BODY)
    real_open = Path.open

    def refusing_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    (problem,) = read_corpus([tmp_path])
    assert isinstance(problem, InputProblem) and problem.message == "cannot read: permission denied"
    assert problem.path == "secret.txt"


def test_read_article_only_boilerplate(tmp_path: Path) -> None:
    _write(tmp_path, "ads.html", "<body><nav>Home</nav><p>Advertisement</p></body>")
    with pytest.raises(InputError, match="no article text found"):
        read_article(tmp_path / "ads.html", root=tmp_path)


def test_corpus_html_script_is_never_text(tmp_path: Path) -> None:
    _write(tmp_path, "x.html", "<body><p>Police said.</p><script>alert('x')</script><p>Done.</p></body>")
    (article,) = read_corpus([tmp_path])
    assert isinstance(article, Article) and "alert" not in article.text


def test_corpus_fixture_copy_keeps_relative_paths(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "in")
    paths = [i.path for i in read_corpus([tmp_path / "in"]) if isinstance(i, Article)]
    assert "storm.txt" in paths and "list.json#2" in paths
