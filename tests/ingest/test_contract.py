"""The reading contract: every input becomes an article or one problem naming the file, never an exception.

Each case here is a file that once stopped a run, filled memory or broke a report.
The fuzz tests at the end throw random bytes, JSON, front matter and file names at
the readers.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.ingest import read_corpus, read_file, require_paths, supported_extensions
from factcheck.ingest.offsets import OffsetMapper
from factcheck.models import Article, InputProblem

BODY = "WASHINGTON, May 21, 2026 - The council said on Thursday that the bridge would reopen in June.\n"


def _read(*paths: str | Path) -> tuple[list[Article], list[InputProblem]]:
    items = list(read_corpus(list(paths)))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputProblem)]


def _one_problem(problems: list[InputProblem], path: str) -> InputProblem:
    errors = [p for p in problems if p.level == "error"]
    assert len(errors) == 1, problems
    assert errors[0].path == path
    assert "\n" not in errors[0].message
    return errors[0]


def _billion_laughs(levels: int) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        prev, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append(f"title: *{chr(ord('a') + levels - 1)}")
    return "---\n" + "\n".join(lines) + "\n---\n" + BODY


def test_contract_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    (tmp_path / "bomb.md").write_text(_billion_laughs(9), encoding="utf-8")
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    started = time.monotonic()
    articles, problems = _read(tmp_path)
    assert time.monotonic() - started < 5
    assert [a.path for a in articles] == ["good.txt"]
    problem = _one_problem(problems, "bomb.md")
    assert "aliases" in problem.message or "anchors" in problem.message


def test_contract_yaml_anchor_alone_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: &t Bridge\n---\n" + BODY, encoding="utf-8")
    _, problems = _read(tmp_path)
    assert "anchors" in _one_problem(problems, "a.md").message


def test_contract_front_matter_size_is_capped(tmp_path: Path) -> None:
    (tmp_path / "big.md").write_text("---\ntitle: " + "x" * 70_000 + "\n---\n" + BODY, encoding="utf-8")
    _, problems = _read(tmp_path)
    assert "front matter too large" in _one_problem(problems, "big.md").message


def test_contract_long_title_is_cut(tmp_path: Path) -> None:
    (tmp_path / "t.md").write_text("---\ntitle: " + "y" * 5_000 + "\n---\n" + BODY, encoding="utf-8")
    (article,), _ = _read(tmp_path)
    assert article.title is not None and len(article.title) == 1_000


@pytest.mark.parametrize("date", ["2026-02-30", "0000-00-00", "2026-13-45"])
def test_contract_impossible_date_is_a_note_and_no_date(tmp_path: Path, date: str) -> None:
    (tmp_path / "d.md").write_text(f"---\ntitle: Bridge\ndate: {date}\n---\nThe council met.\n", encoding="utf-8")
    (article,), problems = _read(tmp_path)
    assert article.published is None
    (note,) = problems
    assert note.level == "note" and note.path == "d.md" and date in note.message


def test_contract_json_nested_100000_deep(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp_path / "deep.jsonl").write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    articles, problems = _read(tmp_path)
    assert articles == []
    assert {p.path: "nested too deeply" in p.message for p in problems} == {"deep.json": True, "deep.jsonl": True}


def test_contract_json_lone_surrogate_becomes_a_replacement_character(tmp_path: Path) -> None:
    (tmp_path / "s.json").write_text('{"title": "T\\udc80", "text": "The mayor\\udc80 said so on Monday."}', encoding="utf-8")
    (article,), problems = _read(tmp_path)
    assert problems == []
    assert article.text == "The mayor\ufffd said so on Monday." and article.title == "T\ufffd"
    article.model_dump_json().encode("utf-8")  # would raise on a lone surrogate
    mapper = OffsetMapper(article.offset_map)
    start = article.text.index("said")
    assert article.original[mapper(start) : mapper(start + 4, end=True)] == "said"


def test_contract_json_5000_digit_integer_keeps_the_article(tmp_path: Path) -> None:
    digits = "9" * 5_000
    (tmp_path / "n.json").write_text(f'{{"id": {digits}, "count": [{digits}], "text": "The mayor spoke."}}', encoding="utf-8")
    (tmp_path / "n.jsonl").write_text(f'{{"id": {digits}, "text": "The mayor spoke."}}\n', encoding="utf-8")
    articles, problems = _read(tmp_path)
    assert [a.path for a in articles] == ["n.json", "n.jsonl#1"] and problems == []


def test_contract_markdown_with_crlf_and_front_matter(tmp_path: Path) -> None:
    text = "---\r\ntitle: Bridge reopens\r\ndate: 2026-05-21\r\n---\r\n\r\nThe council said on Thursday.\r\n"
    (tmp_path / "crlf.md").write_bytes(text.encode("utf-8"))
    (article,), problems = _read(tmp_path)
    assert problems == []
    assert article.title == "Bridge reopens" and str(article.published) == "2026-05-21"
    start = article.text.index("Thursday")
    mapper = OffsetMapper(article.offset_map)
    assert article.original[mapper(start) : mapper(start + 8, end=True)] == "Thursday"


def test_contract_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9-\xff.txt"
    with open(raw, "wb") as handle:
        handle.write(BODY.encode("utf-8"))
    (article,), problems = _read(tmp_path)
    assert problems == []
    assert article.path == "caf\\xe9-\\xff.txt"
    json.loads(article.model_dump_json())


def test_contract_same_folder_twice_and_file_beside_its_folder_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY.replace("June", "July"), encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    articles, problems = _read(tmp_path, tmp_path, tmp_path / "a.txt")
    assert sorted(a.path for a in articles) == ["a.txt", "b.txt"] and problems == []


def test_contract_two_files_with_one_name_stay_two_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for folder in ("east", "west"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.md").write_text(f"# {folder}\n\n" + BODY, encoding="utf-8")
    articles, _ = _read("east", "west")
    assert [a.path for a in articles] == ["east/story.md", "west/story.md"]
    alone, _ = _read("east")
    assert [a.path for a in alone] == ["story.md"]  # one folder: named relative to it, as before


def test_contract_unreadable_subfolder_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: object = "."):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)  # a chmod does not stop root, who runs CI containers
    articles, problems = _read(tmp_path)
    assert [a.path for a in articles] == ["open/a.txt"]
    (problem,) = problems
    assert problem.path.endswith("locked") and problem.message == "cannot read folder: permission denied"


def test_contract_empty_folder_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("not an article", encoding="utf-8")
    _, problems = _read(tmp_path)
    assert problems[0].level == "error" and problems[0].message.startswith("no articles found")


def test_contract_utf16_without_bom_is_text(tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_bytes(BODY.encode("utf-16-le"))
    (article,), (note,) = _read(tmp_path)
    assert article.text.startswith("The council said")
    assert note.level == "note" and note.message == "no byte-order mark; decoded as UTF-16-LE"


def test_contract_a_string_is_one_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    articles, problems = _read(str(tmp_path))
    assert len(articles) == 1 and problems == []
    assert len([i for i in read_corpus(str(tmp_path)) if isinstance(i, Article)]) == 1


def test_contract_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(FactcheckError, match="nope: no such file or folder"):
        require_paths([tmp_path, tmp_path / "nope"])


def test_contract_unexpected_failure_is_one_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.ingest import txt

    def explode(self, text, display):  # type: ignore[no-untyped-def]
        raise KeyError("surprise")

    monkeypatch.setattr(txt.TextReader, "read", explode)
    articles, problems = read_file(_write(tmp_path, "a.txt", BODY.encode()), root=tmp_path)
    assert articles == [] and [str(p) for p in problems] == ["a.txt: cannot read (KeyError: 'surprise')"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("brackets.md", "[" * 200_000 + "\n"),
        ("links.md", "[a](" * 50_000 + "\n"),
        ("images.md", "![" * 100_000 + "\n"),
        ("comments.md", "<!--" * 50_000 + "\n"),
        ("comments.html", "<p>The mayor spoke.</p>" + "<!--" * 50_000 + "text"),
    ],
)
def test_contract_unclosed_markup_reads_in_linear_time(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    articles, problems = read_file(path, root=tmp_path)
    assert time.monotonic() - started < 10  # was minutes: every `[` or `<!--` rescanned the rest
    assert len(articles) + len(problems) == 1


# -- fuzzing ---------------------------------------------------------------------------------

_FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_SINGLE = (".txt", ".md", ".html")


def _write(folder: Path, name: str | bytes, data: bytes) -> Path:
    path = os.path.join(os.fsencode(folder), os.fsencode(name))
    with open(path, "wb") as handle:
        handle.write(data)
    return Path(os.fsdecode(path))


def _check_contract(path: Path, root: Path) -> None:
    articles, problems = read_file(path, root=root)
    errors = [p for p in problems if not p.problem.startswith("note:")]
    assert articles or errors, "neither an article nor a problem"
    if path.suffix in _SINGLE:
        assert len(articles) + len(errors) == 1
    for article in articles:
        json.loads(article.model_dump_json())
    for problem in problems:
        assert "\n" not in problem.problem and len(problem.problem) < 500
        json.loads(InputProblem(path=problem.path, message=problem.problem).model_dump_json())


@_FUZZ
@given(data=st.binary(max_size=2_000), suffix=st.sampled_from(supported_extensions()))
def test_fuzz_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    _check_contract(_write(tmp_path, "f" + suffix, data), tmp_path)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["text", "body", "title", "date", "id", "articles", "x"]) | st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@_FUZZ
@given(value=_JSON, suffix=st.sampled_from([".json", ".jsonl"]), ascii_only=st.booleans())
def test_fuzz_random_json(tmp_path: Path, value: object, suffix: str, ascii_only: bool) -> None:
    _check_contract(_write(tmp_path, "f" + suffix, json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")), tmp_path)


_YAML_BITS = st.sampled_from(["title", "date", ":", " ", "\n", "- ", "&a", "*a", "[", "]", "{", "}", "!!python/object", "'", '"', "2026-02-30", "9" * 30, "\t", "<<", "|", ">"])


@_FUZZ
@given(front=st.lists(_YAML_BITS | st.text(max_size=10), max_size=30).map("".join), crlf=st.booleans())
def test_fuzz_random_front_matter(tmp_path: Path, front: str, crlf: bool) -> None:
    text = f"---\n{front}\n---\n{BODY}"
    _check_contract(_write(tmp_path, "f.md", (text.replace("\n", "\r\n") if crlf else text).encode("utf-8", "surrogatepass")), tmp_path)


@_FUZZ
@given(name=st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")))
def test_fuzz_random_file_names(tmp_path: Path, name: bytes) -> None:
    path = _write(tmp_path, name + b".txt", BODY.encode("utf-8"))
    articles, problems = read_file(path, root=tmp_path)
    assert len(articles) == 1 and problems == []
    json.loads(articles[0].model_dump_json())
    path.unlink()
