"""Story grouping on look-alike events (ECB+): all articles in one folder, scored against the events.

ECB+ (Cybulska & Vossen, LREC 2014) holds topics of two similar but different events (two
earthquakes, two fights of one boxer). Every article is written as a plain-text file into
one folder, with no dateline, and goes through the real reader, extraction and `check`.
Printed: pairwise precision and recall of the grouping against the gold event
(`cluster_id`), stories that mix events, stories that mix topics, and medium+ findings
whose evidence comes from articles of different events (each one a false alarm).

Usage: python benchmarks/bench_ecb.py [--data PATH] [--jobs J] [--examples N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

from _common import ROOT, data_path, pct

CACHE_DIR = ROOT / "benchmarks" / "out" / "cache"


def pair_scores(story_of: dict[str, str], event_of: dict[str, str]) -> tuple[int, int, int]:
    """(pairs grouped and of one event, pairs grouped, pairs of one event) over all article pairs."""
    both = grouped = same = 0
    for a, b in itertools.combinations(sorted(story_of), 2):
        together = story_of[a] == story_of[b]
        one_event = event_of[a] == event_of[b]
        grouped += together
        same += one_event
        both += together and one_event
    return both, grouped, same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="path of even_topics.jsonl (default: ../shared/data/ecbplus/)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--examples", type=int, default=0, help="print N mixed stories and N cross-event findings")
    args = parser.parse_args()
    path = data_path("ecbplus/even_topics.jsonl", args.data)
    if path is None:
        return
    from factcheck.pipeline import RunOptions, check

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    event_of = {r["doc_id"]: r["cluster_id"] for r in records}
    topic_of = {r["doc_id"]: str(r["topic"]) for r in records}
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "ecb"
        feed.mkdir()
        for r in records:
            (feed / f"{r['doc_id']}.txt").write_text(r["text"], encoding="utf-8")
        start = time.perf_counter()
        report = check([feed], RunOptions(jobs=args.jobs, cache=True, cache_dir=str(CACHE_DIR)))
        elapsed = time.perf_counter() - start
    dated = sum(1 for d in report.documents if d.published is not None)
    print(f"articles: {len(records)}, read: {len(report.documents)} ({dated} with a date found in the text), "
          f"events: {len(set(event_of.values()))}, topics: {len(set(topic_of.values()))}; check {elapsed:.1f}s")
    story_of = {Path(p).stem: story for story, paths in report.stories.items() for p in paths}
    both, grouped, same = pair_scores(story_of, event_of)
    print(f"pairwise precision: {pct(both, grouped)} ({both}/{grouped}); recall: {pct(both, same)} ({both}/{same})")
    sizes = Counter(len(paths) for paths in report.stories.values())
    multi = {s: [Path(p).stem for p in paths] for s, paths in report.stories.items() if len(paths) > 1}
    mixed = {s: stems for s, stems in multi.items() if len({event_of[x] for x in stems}) > 1}
    mixed_topics = sum(1 for stems in multi.values() if len({topic_of[x] for x in stems}) > 1)
    print(f"stories: {len(report.stories)} ({len(multi)} of 2+ articles, {sizes[1]} single); "
          f"stories mixing events: {mixed and len(mixed) or 0}; mixing topics: {mixed_topics}")
    medium_up = [f for f in report.findings if f.severity in ("medium", "high")]
    cross = [f for f in medium_up if len({event_of[Path(ev.path).stem] for ev in f.evidence}) > 1]
    print(f"medium+ findings: {len(medium_up)}; between different events: {len(cross)}")
    if args.examples:
        for story, stems in list(mixed.items())[: args.examples]:
            print(f"\n{story}: " + ", ".join(f"{x} ({event_of[x]})" for x in sorted(stems)))
        for f in cross[: args.examples]:
            print(f"\n{f.rule} {f.severity} {f.message}")
            for ev in f.evidence:
                print(f"   {Path(ev.path).stem} ({event_of[Path(ev.path).stem]}) {ev.text[:140]}")


if __name__ == "__main__":
    main()
