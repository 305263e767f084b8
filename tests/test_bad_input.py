"""No file can stop a run, exhaust the machine, or write into a CI log: the command line and the API.

The adversarial files sit beside the `ai-order` sample articles, whose findings must
survive every one of them.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck
from factcheck.cli import app
from factcheck.errors import FactcheckError

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GOOD = sorted(p.name for p in (CORPUS / "ai-order").iterdir() if p.suffix in (".txt", ".md", ".json", ".html"))
runner = CliRunner()
_ESC = "\x1b]0;owned\x07\x1b[2J"


def _bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    return "---\n" + "\n".join(lines) + "\ntitle: *i\n---\nBody.\n"


# name → (content, what its problem line says; None when the file is read as an article)
BAD: dict[str, tuple[bytes, str | None]] = {
    "bomb.md": (_bomb().encode(), "aliases"),
    "bad-date.md": (b"---\ntitle: Bad date\ndate: 2026-02-30\n---\nThe mayor met the council.\n", "not a valid date"),
    "zero-date.md": (b"---\ndate: 0000-00-00\n---\nThe mayor met the council.\n", "not a valid date"),
    "deep.json": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "surrogate.json": (b'{"title": "x\\udc80", "text": "The mayor\\udc80 met the council on Friday."}', None),
    "digits.json": (b'{"id": ' + b"7" * 5_000 + b', "text": "The mayor met the council on Friday."}', None),
    "crlf.md": (b"---\r\ntitle: Line endings\r\n---\r\nThe mayor met the council on Friday.\r\n", None),
    "utf16.txt": ("The mayor met the council on Friday.\n".encode("utf-16-le"), "decoded as UTF-16-LE"),
    "binary.txt": (b"\x00\x01\x02\xff" * 64, "binary file"),
    "inject\n::add-mask::secret.txt": (b"\x00\x01binary", "binary file"),
    "injected-text.txt": (f"The mayor said so on Friday.\n::warning::owned {_ESC}\n".encode(), None),
    b"caf\xe9-\xff.txt": (b"The mayor met the council on Friday.\n", None),
}


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    shutil.copytree(CORPUS / "ai-order", folder)
    for name, (content, _) in BAD.items():
        with open(os.path.join(os.fsencode(folder), os.fsencode(name)), "wb") as handle:
            handle.write(content)
    return folder


def _check(*args: str):
    return runner.invoke(app, ["check", *args, "--no-progress", "-j", "1"])


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _folder(tmp_path_factory.mktemp("bad"))


@pytest.fixture(scope="module")
def json_run(bad_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict, str]:
    cache = tmp_path_factory.mktemp("cache")
    result = _check(str(bad_folder), "--format", "json", "--cache-dir", str(cache))
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_bad_input_never_stops_the_run_and_the_good_articles_are_compared(json_run) -> None:
    code, data, _ = json_run
    assert code == 1  # the sample articles still contradict each other
    paths = {d["path"] for d in data["documents"]}
    assert set(GOOD) <= paths
    assert {"date_conflict", "modality_conflict"} <= {f["kind"] for f in data["findings"]}


@pytest.mark.parametrize("name", [n if isinstance(n, str) else n.decode("utf-8", "backslashreplace") for n in BAD])
def test_bad_input_each_case_is_an_article_or_one_problem_line(json_run, name: str) -> None:
    _, data, stderr = json_run
    content, expected = next(v for k, v in BAD.items() if (k if isinstance(k, str) else k.decode("utf-8", "backslashreplace")) == name)
    problems = [p for p in data["problems"] if p["path"] == name]
    read = [d for d in data["documents"] if d["path"] == name]
    if expected is None:
        assert read and not [p for p in problems if p["level"] == "error"], problems
    else:
        assert len(problems) == 1 and expected in problems[0]["message"], problems
        shown = name.replace("\n", " ")
        assert any(line.endswith(problems[0]["message"]) and shown in line for line in stderr.splitlines())
    assert "Traceback" not in stderr


def test_bad_input_dates_that_are_not_dates_leave_published_empty(json_run) -> None:
    _, data, _ = json_run
    documents = {d["path"]: d for d in data["documents"]}
    assert documents["bad-date.md"]["published"] is None and documents["zero-date.md"]["published"] is None
    notes = {p["path"]: p["level"] for p in data["problems"] if "not a valid date" in p["message"]}
    assert notes == {"bad-date.md": "note", "zero-date.md": "note"}


def test_bad_input_stderr_and_every_human_format_are_inert(bad_folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for fmt in ("terminal", "markdown", "html", "github"):
        result = _check(str(bad_folder), "--format", fmt, "--cache-dir", str(cache), "--summary", str(tmp_path / "summary.md"))
        assert result.exit_code == 1, result.stderr
        streams = {"stdout": result.stdout, "stderr": result.stderr, "summary": (tmp_path / "summary.md").read_text(encoding="utf-8")}
        for name, stream in streams.items():
            assert "\x1b" not in stream and "\x07" not in stream
            for line in stream.splitlines():
                stripped = line.strip()
                assert not stripped.startswith(("::add-mask::", "::warning::")), (fmt, name, line)
                if stripped.startswith("::"):
                    assert (fmt, name) == ("github", "stdout") and stripped.startswith(("::error ", "::warning ", "::notice ")), line


def test_bad_input_debug_shows_the_traceback(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (tmp_path / "a.txt").write_text("The mayor met the council on Friday.\n", encoding="utf-8")
    quiet = _check(str(tmp_path), "--no-cache", "--format", "json")
    loud = _check(str(tmp_path), "--no-cache", "--format", "json", "--debug")
    assert "Traceback" not in quiet.stderr and "RecursionError" in loud.stderr and "Traceback" in loud.stderr
    assert json.loads(loud.stdout)["problems"][0]["path"] == "deep.json"


def test_bad_input_long_article_over_the_model_limit(nlp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paragraph = "The council said on Thursday, May 21, 2026, that the bridge would reopen in June.\n\n"
    text = "May 22, 2026 · Harbor Times\n\n" + paragraph * 60 + "The mayor said 40 people attended on Friday.\n"
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(nlp, "max_length", 1_000)  # what E088 enforces, small enough for a quick test
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json", "-j", "1", "--no-progress"])
    assert result.exit_code == 0, result.stderr
    (doc,) = json.loads(result.stdout)["documents"]
    assert len(doc["claims"]) >= 60
    lines = text.split("\n")
    for claim in doc["claims"]:
        assert " ".join(text[claim["start"] : claim["end"]].split()) == " ".join(claim["text"].split())
        assert lines[claim["line"] - 1][claim["column"] - 1 :].startswith(claim["text"][:20])
    assert len({c["id"] for c in doc["claims"]}) == len(doc["claims"])
    assert doc["claims"][-1]["text"].startswith("40 people attended")


def test_bad_input_same_folder_twice_is_read_once(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    shutil.copytree(CORPUS / "ai-order", folder)
    cache = str(tmp_path / "cache")
    once = json.loads(_check(str(folder), "--format", "json", "--cache-dir", cache).stdout)
    twice = _check(str(folder), str(folder), str(folder / GOOD[0]), "--format", "json", "--cache-dir", cache)
    assert twice.exit_code == 1
    data = json.loads(twice.stdout)
    assert [d["path"] for d in data["documents"]] == [d["path"] for d in once["documents"]]
    assert len(data["findings"]) == len(once["findings"])


def test_bad_input_two_files_with_one_name_stay_two_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for folder, day in (("east", "Thursday, May 21"), ("west", "Friday, May 22")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.md").write_text(
            f"---\ntitle: Harbor Bridge reopens\ndate: 2026-05-23\nsource: {folder.title()} Post\n---\n"
            f"The Harbor Bridge in Millbrook reopened on {day}, Mayor Ana Ruiz said.\n\n"
            "The Millbrook Transit Authority said the Harbor Bridge repairs cost $4 million.\n",
            encoding="utf-8",
        )
    for args in ((), ("--no-cache",)):
        data = json.loads(_check("east", "west", "--format", "json", "--cache-dir", "cache", *args).stdout)
        assert [d["path"] for d in data["documents"]] == ["east/story.md", "west/story.md"]
        story = next(iter(data["stories"].values()))
        assert sorted(story) == ["east/story.md", "west/story.md"]
        assert any(f["kind"] == "date_conflict" for f in data["findings"])
    claims = json.loads(runner.invoke(app, ["extract", "east", "west", "--format", "json", "-j", "1"]).stdout)
    ids = [c["id"] for d in claims["documents"] for c in d["claims"]]
    assert len(ids) == len(set(ids)) >= 4


def test_bad_input_empty_folder_fails_the_gate_with_strict(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("not an article\n", encoding="utf-8")
    assert _check(str(tmp_path), "--no-cache").exit_code == 0
    strict = _check(str(tmp_path), "--no-cache", "--strict")
    assert strict.exit_code == 2 and "no articles found" in " ".join((strict.stdout + strict.stderr).split())


def test_bad_input_notes_do_not_fail_strict(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("The mayor met the council on Friday.\n".encode("utf-16-le"))
    result = _check(str(tmp_path), "--no-cache", "--strict", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "Note: a.txt: no byte-order mark; decoded as UTF-16-LE" in result.stderr and "Error" not in result.stderr


def test_bad_input_api_takes_one_path_as_a_string_or_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(CORPUS / "ai-order", tmp_path / "drafts")
    monkeypatch.chdir(tmp_path)
    for given in ("drafts/", Path("drafts"), ["drafts"]):
        report = factcheck.check(given)
        assert sorted(d.path for d in report.documents) == GOOD
        assert report.findings
    extracted = factcheck.extract("drafts")
    assert sorted(d.path for d in extracted.documents) == GOOD


def test_bad_input_api_missing_path_raises_what_the_cli_reports(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope")
    with pytest.raises(FactcheckError) as raised:
        factcheck.check(missing)
    with pytest.raises(FactcheckError):
        factcheck.extract([missing])
    cli = _check(missing)
    assert cli.exit_code == 2 and cli.stderr.strip() == f"Error: {raised.value}"


# -- worker processes: subprocesses, since they are what is being tested ---------------------


def _factcheck(*args: str) -> list[str]:
    return [sys.executable, "-c", "from factcheck.cli import main; main()", *args]


def test_bad_input_missing_model_with_workers_is_one_line(tmp_path: Path) -> None:
    shutil.copytree(CORPUS / "ai-order", tmp_path / "drafts")
    result = subprocess.run(
        _factcheck("check", str(tmp_path / "drafts"), "--model", "nonexistent", "-j", "2", "--no-cache", "--no-progress"),
        capture_output=True, text=True, timeout=300, env={**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "c")},
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("Error: cannot load spaCy model 'nonexistent'")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
# SIGKILL leaves the main process no chance to clean up (SIGTERM, without a handler, ends
# it the same way): the workers must notice on their own.
@pytest.mark.parametrize("sig", [signal.SIGKILL])
def test_bad_input_workers_exit_when_the_main_process_dies(tmp_path: Path, sig: signal.Signals) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    paragraph = "The council said on Thursday that the bridge would reopen in June, officials said.\n\n"
    for i in range(8):
        (folder / f"a{i}.txt").write_text(paragraph * 400, encoding="utf-8")
    main = subprocess.Popen(
        _factcheck("check", str(folder), "-j", "2", "--no-cache", "--no-progress"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            workers = [pid for pid in _children(main.pid) if "python" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")]
            time.sleep(0.2)
        assert workers, "the pool never started"
        time.sleep(1.0)  # the workers are loading the model or parsing
        main.send_signal(sig)
        main.wait(timeout=30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)], "orphaned workers are still running"
    finally:
        if main.poll() is None:
            main.kill()
        for pid in _children(main.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
