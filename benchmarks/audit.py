"""Precision audit on real news: a fixed-seed sample of medium+ findings, printed for reading by hand.

The run compares the articles of each Gun Violence Archive incident (or, with `--corpus ecb`,
of each ECB+ event) as one story, so the audit judges the comparison, not the grouping,
through the real reader and extraction.
For each sampled finding it prints the rule, the message, the normalized values, and
both clashing sentences with the sentence before and after each, so a reader can label it:

  TRUE        the reports disagree on the same fact
  UPDATE      a later report revises it (a toll that rises)
  DIFFERENT   not the same fact (another event, a part against the whole, another scope)
  EXTRACTION  a value read wrongly

Labelled tables live in benchmarks/audits/ (one per audit, with the date and the commit judged);
`--score FILE` counts the labels of one.

With `--min-severity low` and `--match TEXT` it reads the leads of one check instead (the
findings at or above that severity whose message contains TEXT), to judge a check that reports
below medium.

Usage: python benchmarks/audit.py [--corpus gva|ecb] [--incidents N] [--sample 40] [--seed 7] [--jobs 2]
                                  [--min-severity low|medium] [--match TEXT]
       python benchmarks/audit.py --score benchmarks/audits/FILE.md
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from _common import ROOT, data_path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_gva import CACHE_DIR, extract_all, load  # noqa: E402

LABELS = ("TRUE", "UPDATE", "DIFFERENT", "EXTRACTION")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?[\"”']?")


def context(text: str, sentence: str) -> tuple[str, str]:
    """The sentences just before and after `sentence` in the article text ('' where none)."""
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    probe = sentence.strip()[:60]
    at = text.find(probe) if probe else -1
    if at < 0:
        return "", ""
    index = next((i for i, (s, e) in enumerate(spans) if s <= at < e), None)
    if index is None:
        return "", ""
    end = at + len(sentence.strip())
    after = next((i for i in range(index, len(spans)) if spans[i][0] >= end), None)
    before = text[spans[index - 1][0] : spans[index - 1][1]].strip() if index > 0 else ""
    return before, text[spans[after][0] : spans[after][1]].strip() if after is not None else ""


def _gva_stories(args: argparse.Namespace) -> tuple[list[tuple[str, list]], dict[str, str]] | None:
    """(incident id, its extracted articles) for `--incidents` GVA incidents drawn at random, and the texts."""
    articles_path = data_path("gva/articles.jsonl")
    incidents_path = data_path("gva/incidents.jsonl")
    if articles_path is None or incidents_path is None:
        return None
    records, incidents = load(articles_path, incidents_path, 0)
    chosen = sorted(random.Random(args.seed).sample(sorted(incidents), min(args.incidents, len(incidents))))
    wanted = {d for i in chosen for d in incidents[i]["doc_ids"]}
    records = [r for r in records if r["doc_id"] in wanted]
    extracted = extract_all(records, args.jobs)
    stories = [(i, [extracted[d] for d in incidents[i]["doc_ids"] if d in extracted]) for i in chosen]
    return stories, {r["doc_id"]: r["text"] for r in records}


def _ecb_stories(args: argparse.Namespace) -> tuple[list[tuple[str, list]], dict[str, str]] | None:
    """(event id, its extracted articles) for every ECB+ event (`cluster_id`), and the texts.

    ECB+ covers other kinds of news than shootings (awards, arrests, earthquakes, product
    launches, sports), so its findings test the rules where they were never tuned."""
    path = data_path("ecbplus/even_topics.jsonl")
    if path is None:
        return None
    import json
    import tempfile

    from factcheck.pipeline import RunOptions, extract

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "ecb"
        feed.mkdir()
        for r in records:
            (feed / f"{r['doc_id']}.txt").write_text(r["text"], encoding="utf-8")
        run = extract([feed], RunOptions(jobs=args.jobs, cache=True, cache_dir=str(CACHE_DIR)))
    by_stem = {Path(d.path).stem: d for d in run.documents}
    events: dict[str, list] = {}
    for r in records:
        if r["doc_id"] in by_stem:
            events.setdefault(r["cluster_id"], []).append(by_stem[r["doc_id"]])
    return sorted(events.items()), {r["doc_id"]: r["text"] for r in records}


def run(args: argparse.Namespace) -> None:
    found = _ecb_stories(args) if args.corpus == "ecb" else _gva_stories(args)
    if found is None:
        return
    stories, texts = found
    from factcheck.comparison import compare_documents, load_detectors
    from factcheck.comparison.merge import merge_story_findings

    detectors = load_detectors()
    shown = ("low", "medium", "high") if args.min_severity == "low" else ("medium", "high")
    findings = []
    for story_id, docs in stories:
        if len(docs) < 2:
            continue
        story = {story_id: sorted(d.path for d in docs)}
        comparison = compare_documents(docs, detectors, stories=story)
        # As a run reports them: one finding per disagreement, however many reports take part.
        merged = merge_story_findings(comparison.findings, story)
        findings.extend((story_id, f) for f in merged if f.severity in shown and args.match in f.message)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    per = Counter(f"{f.rule}/{f.severity}" for _, f in findings)
    what = "events" if args.corpus == "ecb" else f"incidents (seed {args.seed})"
    which = ("medium+" if args.min_severity == "medium" else "low+") + (f" \"{args.match}\"" if args.match else "")
    print(f"commit {commit}; {args.corpus} {what} {len(stories)}; {which} findings {len(findings)} "
          f"({len(findings) / max(len(stories), 1):.2f} per story): " + ", ".join(f"{k} {v}" for k, v in sorted(per.items())))
    sample = random.Random(args.seed).sample(findings, min(args.sample, len(findings)))
    for n, (story_id, f) in enumerate(sample, 1):
        print(f"\n## {n}. {f.rule} {f.severity} ({'event' if args.corpus == 'ecb' else 'incident'} {story_id}) — label: ?")
        print(f"{f.message}")
        for ev in f.evidence:
            before, after = context(texts.get(Path(ev.path).stem, ""), ev.text)
            print(f"- `{Path(ev.path).name}` value `{ev.value}` span «{ev.span}»")
            print(f"  - before: {before[:300]}")
            print(f"  - **{ev.text.strip()[:500]}**")
            print(f"  - after: {after[:300]}")


def score(path: Path) -> None:
    labels = re.findall(r"label:\s*(\w+)", path.read_text(encoding="utf-8"))
    counts = Counter(label.upper() for label in labels)
    total = sum(counts[k] for k in LABELS)
    good = counts["TRUE"] + counts["UPDATE"]
    print(f"{path.name}: {total} labelled; " + ", ".join(f"{k} {counts[k]}" for k in LABELS)
          + f"; TRUE or UPDATE {good}/{total} ({100 * good / max(total, 1):.0f}%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("gva", "ecb"), default="gva", help="GVA incidents or ECB+ events as the stories")
    parser.add_argument("--incidents", type=int, default=300, help="GVA incidents with 2+ articles drawn at random")
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--score", type=Path, help="count the labels of a labelled audit table")
    parser.add_argument("--min-severity", choices=("low", "medium"), default="medium", help="the least severity read")
    parser.add_argument("--match", default="", help="only findings whose message contains this text")
    args = parser.parse_args()
    if args.score:
        score(args.score)
    else:
        run(args)


if __name__ == "__main__":
    main()
