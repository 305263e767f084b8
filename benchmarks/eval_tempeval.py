"""Measure date extraction and normalization against TempEval-3 (TimeBank + AQUAINT) gold.

Usage:
    python benchmarks/eval_tempeval.py [PATH] [--errors N] [--limit DOCS]

PATH defaults to ../shared/data/tempeval3/timebank_aquaint.jsonl (relative to the
repository root). Each record is ``{doc_id, corpus, dct, text, timexes: [...]}`` with
offsets into ``text``; the document creation time (``dct``) is the dateline.

Scored: gold DATE timexes whose value is a calendar date, an ISO week, a month or a
year. A gold timex is *found* when a factcheck time expression overlaps it, and
*exact* when that expression's value equals the gold value; one that is not found
counts as wrong. Exits 0, with a "skipped" line, when the data is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "tempeval3" / "timebank_aquaint.jsonl"

_SCORED = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "week": re.compile(r"^\d{4}-W\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
# A gold expression that names its own year (or is fully numeric) is absolute; the rest
# need the document creation time.
_ABSOLUTE = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b|\b(?:nineteen|two thousand)\b|\d{1,2}/\d{1,2}/\d{2}", re.I)


@dataclass
class _Outcome:
    doc_id: str
    dct: str
    gold_text: str
    gold_value: str
    granularity: str
    kind: str
    found_text: str | None
    found_value: str | None
    context: str

    @property
    def exact(self) -> bool:
        return self.found_value == self.gold_value


def _granularity(value: str) -> str | None:
    for name, pattern in _SCORED.items():
        if pattern.match(value):
            return name
    return None


def _dateline(dct: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(dct[:10])
    except ValueError:
        return None


@dataclass
class _Run:
    outcomes: list[_Outcome]
    seconds: float
    chars: int
    emitted: int
    unmatched: list[str]
    """Expressions factcheck emitted that overlap no gold timex of any type."""


def evaluate(path: Path, limit: int | None = None) -> _Run:
    """Run the extractor over every document; return one outcome per scored gold timex."""
    from factcheck.extract.time import time_expressions
    from factcheck.nlp import load_model

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit is not None:
        records = records[:limit]
    nlp = load_model()
    started = time.perf_counter()
    outcomes: list[_Outcome] = []
    chars = 0
    emitted = 0
    unmatched: list[str] = []
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=16)):
        chars += len(record["text"])
        found = time_expressions(doc, dateline=_dateline(record["dct"]))
        emitted += len(found)
        unmatched += [
            t.text
            for t in found
            if not any(t.start < g["end"] and g["start"] < t.end for g in record["timexes"])
        ]
        for timex in record["timexes"]:
            value = timex.get("value") or ""
            granularity = _granularity(value)
            if timex.get("type") != "DATE" or granularity is None:
                continue
            hits = [t for t in found if t.start < timex["end"] and timex["start"] < t.end]
            best = next((t for t in hits if t.value == value), hits[0] if hits else None)
            text = record["text"]
            context = text[max(0, timex["start"] - 60) : timex["end"] + 60].replace("\n", " ")
            outcomes.append(
                _Outcome(
                    doc_id=record["doc_id"],
                    dct=record["dct"],
                    gold_text=timex["text"],
                    gold_value=value,
                    granularity=granularity,
                    kind="absolute" if _ABSOLUTE.search(timex["text"]) else "relative",
                    found_text=best.text if best else None,
                    found_value=best.value if best else None,
                    context=context,
                )
            )
    return _Run(outcomes, time.perf_counter() - started, chars, emitted, unmatched)


def _line(label: str, items: list[_Outcome]) -> str:
    total = len(items)
    found = sum(o.found_text is not None for o in items)
    exact = sum(o.exact for o in items)
    pct = 100.0 * exact / total if total else 0.0
    return f"{label:<12} gold {total:5d}  found {found:5d}  exact {exact:5d}  ({pct:5.1f}%)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", type=int, default=0, help="print this many misses")
    parser.add_argument("--limit", type=int, default=None, help="only the first DOCS documents")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"skipped: data not found at {args.path}")
        return 0
    run = evaluate(args.path, args.limit)
    outcomes = run.outcomes
    print(f"TempEval-3 DATE timexes (day/week/month/year values) in {args.path.name}")
    for name in _SCORED:
        print(_line(name, [o for o in outcomes if o.granularity == name]))
    for kind in ("absolute", "relative"):
        print(_line(kind, [o for o in outcomes if o.kind == kind]))
    if args.errors:
        misses = [o for o in outcomes if not o.exact]
        print(f"\nmisses ({min(args.errors, len(misses))} of {len(misses)}):")
        for o in misses[: args.errors]:
            print(
                f"  {o.doc_id} dct={o.dct} gold={o.gold_text!r}→{o.gold_value} "
                f"found={o.found_text!r}→{o.found_value}  …{o.context}…"
            )
        shapes = Counter(o.gold_text.lower() for o in misses)
        print("most missed texts:", ", ".join(f"{t!r}×{n}" for t, n in shapes.most_common(15)))
    unmatched = Counter(t.lower() for t in run.unmatched)
    print(
        f"emitted {run.emitted} expressions; {len(run.unmatched)} overlap no gold timex "
        f"(gold TimeBank leaves some dates unmarked), most common: "
        + ", ".join(f"{t!r}×{n}" for t, n in unmatched.most_common(12))
    )
    print(f"time: {run.seconds:.1f}s for {run.chars} characters (parse + extraction)")
    print(_line("total", outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
