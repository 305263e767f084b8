"""The claim rules of this checkout against those of another commit, on the same parsed articles.

A change meant only to make extraction faster must leave its claims as they were: both sides
extract claims from the same parsed documents (parsed once, kept in a temporary folder), and
each prints a digest of every claim it read; equal digests mean the same claims, byte for byte.

The two sides run in two processes that take turns, one full pass each per round. On a shared
machine the time of one pass swings by a third from one minute to the next, and its slow
spells last minutes, so a round's two passes mostly share one: the median of the rounds'
ratios is the figure to read, not either side's seconds.

Usage: python benchmarks/bench_rules.py --against REV [--n 300] [--rounds 6] [--data PATH]
       (--rounds 0: the digests only, e.g. over every article with --n 0)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def parse_once(data: Path, n: int, out: Path) -> None:
    """Parse the first `n` articles with this checkout's pipeline and keep the documents."""
    sys.path.insert(0, str(HERE))
    from bench_scale import load_records, to_articles
    from spacy.tokens import DocBin

    from factcheck.nlp import load_model, parse_pieces

    articles = to_articles(load_records(data, n))
    nlp = load_model(None)
    docs = DocBin(store_user_data=False)
    pieces_per_article = []
    for pieces in parse_pieces(nlp, [a.text for a in articles]):
        parsed = list(pieces)
        pieces_per_article.append(len(parsed))
        for doc in parsed:
            docs.add(doc)
    docs.to_disk(out / "parsed.spacy")
    (out / "pieces.json").write_text(json.dumps(pieces_per_article))


def worker(tree: Path, data: Path, n: int, parsed: Path) -> None:
    """Extract the kept documents with the factcheck of `tree`, once per line read on stdin;
    print the claims' digest first, then each pass's seconds."""
    sys.path.insert(0, str(tree))
    sys.path.insert(1, str(HERE))
    import factcheck.rulepacks as rulepacks

    if not Path(rulepacks.__file__).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"expected factcheck from {tree}, found {rulepacks.__file__}")
    # A tree taken from git has its rule packs in rules/, beside the package.
    rulepacks.builtin_rules_dir = lambda: tree / "rules"
    from bench_scale import extract_parsed, load_records, to_articles
    from spacy.tokens import DocBin

    from factcheck.extract.packs import load_extraction_packs
    from factcheck.nlp import load_model

    articles = to_articles(load_records(data, n))
    nlp = load_model(None)
    packs = load_extraction_packs(())
    docs = iter(DocBin().from_disk(parsed / "parsed.spacy").get_docs(nlp.vocab))
    counts = json.loads((parsed / "pieces.json").read_text())
    pieces = [[next(docs) for _ in range(count)] for count in counts]

    digest = hashlib.sha256()
    claims = extract_parsed(articles, pieces, packs, read=lambda found: digest.update(found.model_dump_json().encode()))
    print(f"{claims} {digest.hexdigest()}", flush=True)
    for _ in sys.stdin:
        start = time.perf_counter()
        extract_parsed(articles, pieces, packs)
        print(time.perf_counter() - start, flush=True)


def checkout(rev: str, into: Path) -> Path:
    """The package and rule packs of `rev`, written under `into`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "factcheck", "rules"], capture_output=True, check=False
    )
    if archive.returncode != 0:
        raise SystemExit(f"cannot read {rev!r} from git: {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", help="the commit to compare with (e.g. HEAD~3)")
    parser.add_argument("--n", type=int, default=300, help="articles (default 300; 0 = all)")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--data")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from _common import data_path

    data = data_path("gva/articles.jsonl", args.data)
    if data is None:
        return
    if args.worker:
        tree, parsed, n = args.worker
        worker(Path(tree), data, int(n), Path(parsed))
        return
    if not args.against:
        parser.error("name the commit to compare with: --against REV")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        parse_once(data, args.n, work)
        trees = {args.against: checkout(args.against, work / "against"), "this checkout": ROOT}
        sides = {
            name: subprocess.Popen(
                [sys.executable, __file__, "--worker", str(tree), str(work), str(args.n), *(["--data", args.data] if args.data else [])],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for name, tree in trees.items()
        }
        digests = {name: side.stdout.readline().split() for name, side in sides.items()}
        if any(len(d) != 2 for d in digests.values()):
            raise SystemExit("a side failed before its first pass (its error is above)")
        for name, (claims, digest) in digests.items():
            print(f"{name}: {claims} claims, digest {digest[:16]}")
        same = len({tuple(d) for d in digests.values()}) == 1
        print("the same claims, byte for byte" if same else "THE CLAIMS DIFFER")
        times: dict[str, list[float]] = {name: [] for name in sides}
        order = list(sides)
        for round_ in range(args.rounds):
            for name in order if round_ % 2 == 0 else order[::-1]:
                sides[name].stdin.write("go\n")
                sides[name].stdin.flush()
                times[name].append(float(sides[name].stdout.readline()))
        for side in sides.values():
            side.stdin.close()
            side.wait()
    if args.rounds < 1:
        return  # digests only
    old, new = times[args.against], times["this checkout"]
    ratios = [b / a for a, b in zip(old, new, strict=True)]
    print(f"{args.against}: {', '.join(f'{t:.2f}' for t in old)} s")
    print(f"this checkout: {', '.join(f'{t:.2f}' for t in new)} s")
    print(f"this checkout / {args.against}, each round: {', '.join(f'{r:.2f}' for r in ratios)}")
    print(f"median {statistics.median(ratios):.2f}; best against best {min(new) / min(old):.2f}")


if __name__ == "__main__":
    main()
