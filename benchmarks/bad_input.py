"""Adversarial input beside good articles: does any file stop the run, fill memory or write into a log?

Builds, in a temporary folder, one copy of the `corpus/ai-order` sample articles per case
with one adversarial file (or way of giving paths) added, runs the real command line on
it (`factcheck check … --format json -o report.json --no-cache -j 2`) and prints per case:
the exit code, the number of articles reported, the problem line factcheck printed for the
file, whether every good article
was reported with the findings it has on its own, whether the JSON report parses, whether
stdout and stderr are free of workflow commands and escape sequences, and the peak
resident memory of any process of the run (the main process or a worker).

Targets: no case aborts the run, peak memory under 1 GB, every good article reported,
the JSON valid.

Usage: python benchmarks/bad_input.py [--only NAME,...] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD_DIR = ROOT / "corpus" / "ai-order"
_ESC = "\x1b]0;owned\x07\x1b[2J"


def _bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    return ("---\n" + "\n".join(lines) + "\ntitle: *i\n---\nThe mayor met the council.\n").encode()


def _long_article() -> bytes:
    """1.2 MB of real prose (the sample corpus, repeated) under the 5 MB limit."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").rglob("*.txt"))]
    body, out = "\n\n".join(texts), "May 21, 2026 · Long Herald\n\n"
    while len(out) < 1_200_000:
        out += body + "\n\n"
    return out.encode()


@dataclass
class Case:
    name: str
    files: dict[str | bytes, bytes] = field(default_factory=dict)
    """Adversarial files added to the folder of good articles."""
    args: tuple[str, ...] = ()
    """Extra paths or flags; `{dir}` is the folder."""
    paths: tuple[str, ...] = ("{dir}",)
    expect_exit: tuple[int, ...] = (1,)
    good_in_folder: bool = True


def cases() -> list[Case]:
    simple = "The mayor met the council on Friday.\n"
    return [
        Case("good articles only"),
        Case("long article (1.2 MB)", {"long.txt": _long_article()}),
        Case("YAML alias bomb", {"bomb.md": _bomb()}),
        Case("date 2026-02-30", {"bad-date.md": b"---\ndate: 2026-02-30\n---\n" + simple.encode()}),
        Case("date 0000-00-00", {"zero-date.md": b"---\ndate: 0000-00-00\n---\n" + simple.encode()}),
        Case("JSON nested 100,000 deep", {"deep.json": b"[" * 100_000 + b"]" * 100_000}),
        Case("JSON lone surrogate", {"surrogate.json": b'{"title": "x\\udc80", "text": "The mayor\\udc80 met the council."}'}),
        Case("JSON 5,000-digit integer", {"digits.json": b'{"id": ' + b"7" * 5_000 + b', "text": "' + simple.strip().encode() + b'"}'}),
        Case("Markdown CRLF + front matter", {"crlf.md": b"---\r\ntitle: CRLF\r\n---\r\n" + simple.replace("\n", "\r\n").encode()}),
        Case("file name not UTF-8", {b"caf\xe9-\xff.txt": simple.encode()}),
        Case("same folder twice", paths=("{dir}", "{dir}")),
        Case("two story.md in two folders", {"east/story.md": simple.encode(), "west/story.md": simple.encode()}),
        Case("file name with newline + ::add-mask::", {"x\n::add-mask::secret.txt": b"\x00\x01binary"}, args=("--format", "github")),
        Case("text with ::warning:: and ANSI escapes", {"inject.txt": f"The mayor said so on Friday.\n::warning::owned {_ESC}\n".encode()}, args=("--format", "github")),
        Case("UTF-16 without BOM", {"utf16.txt": simple.encode("utf-16-le")}),
        Case("binary file", {"binary.txt": b"\x00\x01\x02\xff" * 64}),
        Case("empty folder, --strict", args=("--strict",), expect_exit=(2,), good_in_folder=False),
        Case("--model nonexistent, 2 workers", args=("--model", "nonexistent"), expect_exit=(2,)),
    ]


def _build(case: Case, folder: Path) -> None:
    if case.good_in_folder:
        shutil.copytree(GOOD_DIR, folder)
    else:
        folder.mkdir(parents=True)
    for name, content in case.files.items():
        path = os.path.join(os.fsencode(folder), os.fsencode(name))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(content)


def _run_one(case: Case, workdir: Path) -> dict:
    """Runs in a fresh process, so that its children's peak memory is this case's alone."""
    folder = workdir / "drafts"
    _build(case, folder)
    report = workdir / "report.json"
    paths = [p.format(dir=folder) for p in case.paths]
    fmt = [] if "--format" in case.args else ["--format", "json", "-o", str(report)]
    command = [sys.executable, "-c", "from factcheck.cli import main; main()", "check", *paths, *fmt, "--no-cache", "-j", "2", "--no-progress", *case.args]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, cwd=workdir, timeout=3600)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    stdout, stderr = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    data = None
    text = report.read_text(encoding="utf-8") if report.exists() else None
    if text is None and "--format" in case.args:
        # The human formats checked for injection; the JSON check reads a second run's report.
        subprocess.run([*command[: command.index("check") + 1 + len(paths)], "--format", "json", "-o", str(report),
                        "--no-cache", "-j", "2", "--no-progress"], capture_output=True, cwd=workdir, timeout=3600)
        text = report.read_text(encoding="utf-8") if report.exists() else None
    try:
        data = json.loads(text) if text is not None else None
    except ValueError:
        data = None
    lines = (stdout + "\n" + stderr).splitlines()
    inert = "\x1b" not in stdout + stderr and "\x07" not in stdout + stderr and not any(
        line.strip().startswith(("::add-mask::", "::warning::")) for line in lines
    )
    problem_lines = [line for line in stderr.splitlines() if line.startswith(("Error:", "Note:"))]
    if not problem_lines and data:
        problem_lines = [f"{p['level']}: {p['path']}: {p['message']}" for p in data.get("problems", [])]
    return {
        "exit": done.returncode,
        "seconds": round(seconds, 1),
        "peak_mb": round(peak_mb),
        "json_valid": data is not None,
        "documents": sorted(d["path"] for d in data["documents"]) if data else [],
        "findings": len(data["findings"]) if data else None,
        "problem": problem_lines[0] if problem_lines else "",
        "inert": inert,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated case names (substrings)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args()
    all_cases = cases()
    if args.one is not None:
        case = next(c for c in all_cases if c.name == args.one)
        print(json.dumps(_run_one(case, Path(args.dir))))
        return 0
    chosen = [c for c in all_cases if not args.only or any(s.strip() in c.name for s in args.only.split(","))]
    good = sorted(p.name for p in GOOD_DIR.iterdir() if p.is_file() and p.suffix in (".txt", ".md", ".json", ".html"))
    base = Path(tempfile.mkdtemp(prefix="factcheck-bad-input-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    baseline_findings = None
    rows = []
    print(f"{'case':40} {'exit':>4} {'docs':>4} {'good':>5} {'json':>5} {'inert':>5} {'peak MB':>7} {'s':>6}  problem line (or the articles added)")
    for case in chosen:
        workdir = base / f"case{len(rows)}"
        workdir.mkdir()
        out = subprocess.run([sys.executable, __file__, "--one", case.name, "--dir", str(workdir)],
                             capture_output=True, text=True, env=env)
        if out.returncode != 0:
            print(f"{case.name:40} harness failed: {out.stderr.strip().splitlines()[-1:]}")
            continue
        result = json.loads(out.stdout)
        if case.name == "good articles only":
            baseline_findings = result["findings"]
        reported = all(any(d == g or d.endswith("/" + g) for d in result["documents"]) for g in good)
        same_findings = baseline_findings is None or result["findings"] is None or result["findings"] >= baseline_findings
        good_ok = "yes" if (reported and same_findings) else ("n/a" if not case.good_in_folder or case.expect_exit == (2,) else "NO")
        exit_ok = result["exit"] in case.expect_exit
        # A usage error (exit 2) writes no report, so there is no JSON to judge.
        json_shown = "yes" if result["json_valid"] else ("n/a" if result["exit"] == 2 and exit_ok else "NO")
        added = [d for d in result["documents"] if not any(d == g or d.endswith("/" + g) for g in good)]
        problem = result["problem"].replace(str(workdir), "…") or (f"read as: {', '.join(added)}" if added else "")
        problem = problem if len(problem) <= 110 else problem[:109] + "…"
        rows.append((case, result, good_ok, exit_ok))
        print(f"{case.name:40} {result['exit']:>4}{'' if exit_ok else '!'} {len(result['documents']):>4} {good_ok:>5} {json_shown:>5} "
              f"{'yes' if result['inert'] else 'NO':>5} {result['peak_mb']:>7} {result['seconds']:>6}  {problem}")
    aborted = [c.name for c, r, _, ok in rows if not ok]
    peak = max((r["peak_mb"] for _, r, _, _ in rows), default=0)
    lost = [c.name for c, _, g, _ in rows if g == "NO"]
    invalid = [c.name for c, r, _, _ in rows if not r["json_valid"] and c.expect_exit != (2,)]
    unsafe = [c.name for c, r, _, _ in rows if not r["inert"]]
    print()
    print(f"cases: {len(rows)}; unexpected exit codes: {aborted or 'none'}; peak memory: {peak} MB (target < 1024); "
          f"good articles lost: {lost or 'none'}; invalid JSON: {invalid or 'none'}; unsafe output: {unsafe or 'none'}")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 1 if aborted or lost or invalid or unsafe or peak >= 1024 else 0


if __name__ == "__main__":
    sys.exit(main())
