"""`check` on real local news about shootings (Gun Violence Archive), against gold incident data.

(a) incident by incident, for incidents with 2+ articles; (b) one folder mixing 50+
incidents. Prints findings per kind; findings that link articles of different
incidents (each one a false positive); how well articles are grouped into stories;
and, for date and casualty findings, how many cited values match the gold date or counts.

Usage: python benchmarks/bench_gva.py [--incidents N] [--mixed M] [--jobs J] [--seed S] [--only a|b]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from _common import ROOT, SHARED_DATA, data_path, pct

CACHE_DIR = ROOT / "benchmarks" / "out" / "cache"


def load(articles_path: Path, incidents_path: Path, n_incidents: int) -> tuple[list[dict], dict[str, dict]]:
    incidents = [json.loads(line) for line in incidents_path.read_text(encoding="utf-8").splitlines()]
    multi = [i for i in incidents if i["n_docs"] >= 2]
    multi.sort(key=lambda i: i["incident_id"])
    if n_incidents:
        multi = multi[:n_incidents]
    wanted = {doc_id: inc for inc in multi for doc_id in inc["doc_ids"]}
    records = []
    for line in articles_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["doc_id"] in wanted:
            records.append(record)
    return records, {i["incident_id"]: i for i in multi}


def extract_all(records: list[dict], jobs: int) -> dict[str, object]:
    """doc_id → DocumentClaims, through the real JSON reader and extraction pipeline."""
    from factcheck.ingest import read_corpus
    from factcheck.models import InputProblem
    from factcheck.pipeline import RunOptions, extract_articles

    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "gva"
        feed.mkdir()
        for record in records:
            (feed / f"{record['doc_id']}.json").write_text(
                json.dumps({"id": record["doc_id"], "title": record["title"], "date": record["dct"], "url": record["url"], "text": record["text"]}),
                encoding="utf-8",
            )
        extracted = {}
        problems = 0
        # The claim cache makes a rerun (after a detector change) skip the parser.
        options = RunOptions(jobs=jobs, cache=True, cache_dir=str(CACHE_DIR))
        for item in extract_articles(read_corpus([feed]), options):
            if isinstance(item, InputProblem):
                problems += 1
                continue
            extracted[Path(item.path).stem] = item
    print(f"articles extracted: {len(extracted)}, unreadable: {problems}")
    return extracted


def casualty_values(finding) -> list[tuple[str, float]]:
    out = []
    for ev in finding.evidence:
        if not ev.value:
            continue
        parts = ev.value.lstrip("~≥≤").split(" ", 1)
        try:
            number = float(parts[0].split("..")[0].replace(",", ""))
        except ValueError:
            continue
        out.append((parts[1] if len(parts) > 1 else "", number))
    return out


def score(findings, doc_incident: dict[str, str], incidents: dict[str, dict], label: str, *, show_cross: bool = False) -> None:
    from factcheck.detect.base import registry

    kinds = Counter(f"{f.kind}/{f.severity}" for f in findings)
    cross = [f for f in findings if len({doc_incident[Path(ev.path).stem] for ev in f.evidence}) > 1]
    print(f"\n[{label}] findings: {len(findings)}")
    for key, count in sorted(kinds.items()):
        print(f"  {key:<32}{count:>6}")
    cross_kinds = Counter(f"{f.kind}/{f.severity}" for f in cross)
    print(f"  findings linking different incidents: {len(cross)}" + (f" ({', '.join(f'{k} {n}' for k, n in sorted(cross_kinds.items()))})" if cross else ""))
    if show_cross:
        for f in cross:
            if f.severity in ("medium", "high"):
                print(f"    {f.rule} {f.severity}: {f.message}")
                for ev in f.evidence:
                    where = f"{Path(ev.path).stem[:10]} (incident {doc_incident[Path(ev.path).stem]}, {ev.published or 'no date'})"
                    print(f"      {where}: {' '.join(ev.text.split())[:220]}")
    date_values = date_match = 0
    count_values = count_match = 0
    for f in findings:
        incident = incidents[doc_incident[Path(f.evidence[0].path).stem]]
        if f.kind == "date_conflict":
            for ev in f.evidence:
                if ev.value and len(ev.value) == 10 and ev.value[4] == "-":
                    date_values += 1
                    date_match += ev.value == incident.get("date")
        if f.kind == "quantity_conflict" and ("kill" in f.message or "injure" in f.message or "dead" in f.message):
            for _, number in casualty_values(f):
                count_values += 1
                count_match += number in (incident.get("num_killed"), incident.get("num_injured"))
    print(f"  date findings: cited day values {date_values}, matching the gold incident date {date_match} ({pct(date_match, date_values)})")
    print(f"  casualty findings: cited counts {count_values}, matching a gold count {count_match} ({pct(count_match, count_values)})")
    _ = registry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=0, help="only the first N incidents with 2+ articles (0: all)")
    parser.add_argument("--mixed", type=int, default=60, help="incidents mixed into one folder for (b)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--show-cross", action="store_true", help="print the medium+ findings of (b) that link different incidents")
    parser.add_argument("--only", choices=("a", "b"), default=None, help="run only (a) or only (b) (which extracts just its incidents)")
    args = parser.parse_args()
    articles_path = data_path("gva/articles.jsonl")
    incidents_path = data_path("gva/incidents.jsonl")
    if articles_path is None or incidents_path is None:
        return
    from factcheck.comparison import load_detectors

    records, incidents = load(articles_path, incidents_path, args.incidents)
    rng = random.Random(args.seed)
    chosen = rng.sample(sorted(incidents), min(args.mixed, len(incidents)))
    if args.only == "b":
        wanted = {d for i in chosen for d in incidents[i]["doc_ids"]}
        records = [r for r in records if r["doc_id"] in wanted]
    doc_incident = {r["doc_id"]: r["incident_id"] for r in records}
    print(f"incidents with 2+ articles: {len(incidents)}, articles: {len(records)} (data: {SHARED_DATA / 'gva'})")
    start = time.perf_counter()
    extracted = extract_all(records, args.jobs)
    print(f"extraction: {time.perf_counter() - start:.1f}s")
    detectors = load_detectors()

    if args.only != "b":
        run_per_incident(extracted, incidents, doc_incident, detectors, args.examples)
    if args.only != "a":
        run_mixed(extracted, incidents, doc_incident, detectors, chosen, args.examples, args.show_cross)


def run_per_incident(extracted, incidents, doc_incident, detectors, examples: int) -> None:
    """(a) incident by incident: each incident's articles as their own folder."""
    from factcheck.comparison import compare_documents

    per_incident = []
    grouped_together = 0
    for incident_id, incident in incidents.items():
        docs = [extracted[d] for d in incident["doc_ids"] if d in extracted]
        if len(docs) < 2:
            continue
        comparison = compare_documents(docs, detectors)
        grouped_together += len(comparison.stories) == 1
        per_incident.extend(comparison.findings)
    if examples:
        for f in [f for f in per_incident if f.severity == "high"][:examples]:
            print(f"\n{f.rule} {f.severity} {f.message}")
            for ev in f.evidence:
                print(f"   {ev.path}:{ev.line} [{ev.value}] {ev.text[:160]}")
    print(f"\n(a) incidents compared: {len(incidents)}; grouped into one story: {grouped_together} ({pct(grouped_together, len(incidents))})")
    score(per_incident, doc_incident, incidents, "a: incident by incident")


def run_mixed(extracted, incidents, doc_incident, detectors, chosen: list[str], examples: int, show_cross: bool = False) -> None:
    """(b) one folder mixing many incidents."""
    from factcheck.comparison import compare_documents, load_alignment

    docs = [extracted[d] for i in chosen for d in incidents[i]["doc_ids"] if d in extracted]
    start = time.perf_counter()
    comparison = compare_documents(docs, detectors)
    elapsed = time.perf_counter() - start
    stories = comparison.stories
    impure = sum(1 for paths in stories.values() if len({doc_incident[Path(p).stem] for p in paths}) > 1)
    same_pairs = together = far_apart = far_together = 0
    story_of = {p: s for s, paths in stories.items() for p in paths}
    window = load_alignment().stories.max_days_apart
    for i in chosen:
        ids = [d for d in incidents[i]["doc_ids"] if d in extracted]
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                a, b = extracted[ids[x]], extracted[ids[y]]
                same_pairs += 1
                together += story_of[a.path] == story_of[b.path]
                far = bool(window and a.published and b.published and abs((a.published - b.published).days) > window)
                far_apart += far
                far_together += far and story_of[a.path] == story_of[b.path]
    print(f"\n(b) mixed folder: {len(chosen)} incidents, {len(docs)} articles, compare {elapsed:.2f}s")
    print(f"  stories: {len(stories)}; stories mixing incidents: {impure}; same-incident article pairs grouped together: {together}/{same_pairs} ({pct(together, same_pairs)})")
    print(f"  same-incident pairs published more than max_days_apart ({window}) days apart: {far_apart}, "
          f"grouped as follow-ups: {far_together}")
    score(list(comparison.findings), doc_incident, incidents, "b: mixed folder", show_cross=show_cross)
    if examples:
        for f in list(comparison.findings)[:examples]:
            print(f"\n{f.rule} {f.severity} {f.message}")
            for ev in f.evidence:
                print(f"   {ev.path}:{ev.line} [{ev.value}] {ev.text[:160]}")


if __name__ == "__main__":
    main()
