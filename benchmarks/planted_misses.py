"""Why planted contradictions are missed: each planted pair with what each report's slots hold.

For one seed of `../shared/tools/plant_contradictions.py`, checks the planted folder and
prints every planted pair as FOUND, SPLIT (its two articles are in different stories, so
never compared) or MISSED, and for a missed pair the day each article gives for the story's
main event and its count per casualty role: the slot that stayed empty, or the value read
from another sentence, says where the comparison lost it.

With `--others`, also prints the medium+ findings that are not a planted contradiction (the
tool's "other medium+" figure), to be read as in the precision audit.

Usage: python benchmarks/planted_misses.py [--seed 7] [--n 60] [--jobs 2] [--all] [--others]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import runpy
import tempfile
from collections import Counter
from pathlib import Path

from _common import SHARED_DATA, data_path

from bench_planted import CACHE_DIR, TOOL


def _slots_of(docs, lexicon) -> dict[str, str]:
    """Path → "day …; killed …, injured …" for the story made of `docs`."""
    from factcheck.detect.slots import count_slots, date_slots

    claims = {d.path: d.claims for d in docs}
    published = {d.path: d.published for d in docs}
    days = date_slots(claims, published, lexicon)
    out = {}
    for path in claims:
        day = days.get(path)
        main_day = day.time.range_start if day else None
        counts = count_slots(claims[path], published[path], main_day, words=lexicon.casualties)
        day_text = f"{day.time.text!r}={day.time.value} ({day.lemma})" if day else "no day"
        count_text = ", ".join(f"{role} {fill.casualty.count} ({fill.casualty.text!r})" for role, fill in sorted(counts.items()))
        out[Path(path).name] = f"{day_text}; {count_text or 'no count'}"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--all", action="store_true", help="also print the pairs that were found")
    parser.add_argument("--others", action="store_true", help="also print the other medium+ findings")
    args = parser.parse_args()
    gva = data_path("gva/articles.jsonl")
    if gva is None or not TOOL.is_file():
        print(f"skipped: {SHARED_DATA} or {TOOL} not found")
        return
    from factcheck.extract.lexicon import load_lexicon
    from factcheck.pipeline import RunOptions, check, extract
    from factcheck.report import render

    tool = runpy.run_path(str(TOOL))
    lexicon = load_lexicon()
    options = RunOptions(jobs=args.jobs, cache=True, cache_dir=str(CACHE_DIR))
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "in"
        with contextlib.redirect_stdout(io.StringIO()):
            tool["write"](str(gva.parent), str(folder), args.n, args.seed)
        report = json.loads(render(check([folder], options), "json"))
        planted = json.loads((Path(work) / "planted.json").read_text(encoding="utf-8"))["planted"]
        story_of = {Path(p).name: s for s, paths in report["stories"].items() for p in paths}
        docs = {Path(d.path).name: d for d in extract([folder], options).documents}
        tally: Counter[str] = Counter()
        hits: set[int] = set()
        for p in planted:
            a, b = p["a"], p["b"]
            matching = [
                i
                for i, f in enumerate(report["findings"])
                if f["kind"] == p["finding_kind"]
                and {a, b} <= {Path(e["path"]).name for e in f["evidence"]}
                and any(p["new"].lower() in json.dumps(e).lower() for e in f["evidence"] if Path(e["path"]).name == b)
            ]
            hits.update(matching)
            found = bool(matching)
            status = "FOUND" if found else ("MISSED" if story_of.get(a) == story_of.get(b) else "SPLIT")
            tally[(p["kind"], status)] += 1
            if status == "FOUND" and not args.all:
                continue
            print(f"{status} {p['kind']} incident {p['incident']}: {p['old']!r} -> {p['new']!r} in {b}")
            print(f"    B: {p['b_sentence'].strip()[:220]}")
            if status != "SPLIT":
                slots = _slots_of([docs[a], docs[b]], lexicon)
                print(f"    slots A: {slots.get(a)}")
                print(f"    slots B: {slots.get(b)}")
        print("; ".join(f"{kind} {status} {n}" for (kind, status), n in sorted(tally.items())))
        if args.others:
            for i, f in enumerate(report["findings"]):
                if i in hits or f["severity"] not in ("medium", "high"):
                    continue
                print(f"OTHER {f['rule']} {f['severity']}: {f['message'][:300]}")
                for e in f["evidence"]:
                    print(f"    {Path(e['path']).name}: {e['text'][:220]}")


if __name__ == "__main__":
    main()
