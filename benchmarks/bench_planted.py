"""Planted contradictions in real news: are the two articles of each planted pair in one story?

Runs `../shared/tools/plant_contradictions.py` (one changed casualty count or weekday per
Gun Violence Archive incident, all incidents mixed in one folder) for each seed, checks
the folder through the real reader, extraction and `check`, and prints the tool's own
score (share of planted contradictions found, cross-incident alarms) together with the
share of planted pairs whose two articles land in one story: a pair split across stories
is never compared, so this share bounds what any detector can find.

Usage: python benchmarks/bench_planted.py [--n 60] [--seeds 7,11,13] [--jobs J]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import runpy
import tempfile
import time
from pathlib import Path

from _common import ROOT, SHARED_DATA, data_path, pct

CACHE_DIR = ROOT / "benchmarks" / "out" / "cache"
TOOL = SHARED_DATA.parent / "tools" / "plant_contradictions.py"


def pairs_in_one_story(planted: list[dict], stories: dict[str, list[str]]) -> int:
    """How many planted pairs have both articles in one story (`stories`: the JSON report's story → paths)."""
    story_of = {Path(p).name: s for s, paths in stories.items() for p in paths}
    return sum(1 for p in planted if story_of.get(p["a"]) is not None and story_of.get(p["a"]) == story_of.get(p["b"]))


def other_findings(planted: list[dict], findings: list[dict]) -> tuple[int, int]:
    """(medium+ findings that are not a planted contradiction, of which not caused by a plant).

    A planted value in article B also clashes with every third article of the incident that
    states the original value; the tool's score counts those as "other" findings. The second
    figure leaves out every medium+ finding that cites a planted value in its B article."""
    def cites_a_plant(finding: dict, pair: dict) -> bool:
        return any(
            Path(e["path"]).name == pair["b"] and pair["new"].lower() in json.dumps(e).lower() for e in finding["evidence"]
        )

    def is_the_plant(finding: dict, pair: dict) -> bool:
        return finding["kind"] == pair["finding_kind"] and {pair["a"], pair["b"]} <= {Path(e["path"]).name for e in finding["evidence"]} and cites_a_plant(finding, pair)

    medium = [f for f in findings if f["severity"] in ("medium", "high")]
    other = [f for f in medium if not any(is_the_plant(f, p) for p in planted)]
    unrelated = [f for f in other if not any(cites_a_plant(f, p) for p in planted)]
    return len(other), len(unrelated)


def run_seed(tool: dict, gva: Path, n: int, seed: int, jobs: int) -> tuple[int, int, str]:
    from factcheck.pipeline import RunOptions, check
    from factcheck.report import render

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "in"
        with contextlib.redirect_stdout(io.StringIO()):
            tool["write"](str(gva), str(folder), n, seed)
        report = check([folder], RunOptions(jobs=jobs, cache=True, cache_dir=str(CACHE_DIR)))
        report_path = Path(work) / "r.json"
        report_path.write_text(render(report, "json"), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            tool["score"](str(folder), str(report_path))
        key = json.loads((Path(work) / "planted.json").read_text(encoding="utf-8"))
        data = json.loads(report_path.read_text(encoding="utf-8"))
    planted = key["planted"]
    other, unrelated = other_findings(planted, data["findings"])
    scored = out.getvalue().strip() + (
        f"; of the other medium+, {other - unrelated} cite a planted value against a third article, "
        f"{unrelated} do not ({unrelated / max(len(planted), 1):.2f} per incident)"
    )
    return pairs_in_one_story(planted, data["stories"]), len(planted), scored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60, help="contradictions planted per seed (one per incident)")
    parser.add_argument("--seeds", default="7,11,13")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    gva = data_path("gva/articles.jsonl")
    if gva is None:
        return
    if not TOOL.is_file():
        print(f"skipped: {TOOL} not found")
        return
    tool = runpy.run_path(str(TOOL))
    together = total = 0
    for seed in (int(s) for s in args.seeds.split(",")):
        start = time.perf_counter()
        grouped, planted, scored = run_seed(tool, gva.parent, args.n, seed, args.jobs)
        together += grouped
        total += planted
        print(f"seed {seed}: planted pairs in one story {grouped}/{planted} ({pct(grouped, planted)}); "
              f"{scored} [{time.perf_counter() - start:.0f}s]")
    print(f"all seeds: planted pairs in one story {together}/{total} ({pct(together, total)})")


if __name__ == "__main__":
    main()
