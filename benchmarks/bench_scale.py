"""How factcheck scales: cost over the bare parser, comparison growth, jobs, cache, memory, throughput.

Real local news (Gun Violence Archive articles) are used as they are; larger sizes are
made by replicating extracted claims under new paths, with every entity key suffixed
by the replica number, so replicas form stories of their own instead of piling into
the stories of the original articles (comparison work then grows as a larger folder
of similar news would). Figures are printed, never asserted.

Usage: python benchmarks/bench_scale.py [--quick] [--sizes 1000,10000] [--ratio-n N]
       [--jobs-n N] [--cache-n N] [--data PATH] [--only ratio,memory,compare,jobs,cache]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import article_from_text, data_path, flush, parse_date

STEPS = ("ratio", "memory", "compare", "jobs", "cache")
FULL = {"ratio_n": 400, "jobs_n": 2000, "cache_n": 300, "sizes": (1000, 10000), "base_n": 0}
QUICK = {"ratio_n": 60, "jobs_n": 200, "cache_n": 60, "sizes": (200, 2000), "base_n": 600}


def load_records(path: Path, limit: int = 0) -> list[dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return records[:limit] if limit else records


def to_articles(records: list[dict]) -> list:
    return [article_from_text(f"{r['doc_id']}.txt", r["text"], parse_date(r["dct"]), title=r["title"]) for r in records]


def write_folder(records: list[dict], folder: Path) -> Path:
    """The articles as JSON files, the way a user's feed would look."""
    folder.mkdir(parents=True, exist_ok=True)
    for r in records:
        (folder / f"{r['doc_id']}.json").write_text(
            json.dumps({"id": r["doc_id"], "title": r["title"], "date": r["dct"], "url": r["url"], "text": r["text"]}),
            encoding="utf-8",
        )
    return folder


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def replica(doc, k: int):
    """Copy `k` of a document: a new path, and entity keys, content terms and names of its own (suffix `~k`)."""
    if k == 0:
        return doc
    path = f"replica-{k}/{doc.path}"

    def keys(entities):
        return tuple(e.model_copy(update={"key": f"{e.key}~{k}"}) for e in entities)

    claims = tuple(c.model_copy(update={"path": path, "entities": keys(c.entities)}) for c in doc.claims)
    terms = tuple((f"{term}~{k}", count, zipf) for term, count, zipf in doc.terms)
    names = tuple((label, f"{key}~{k}", count, zipf) for label, key, count, zipf in doc.names)
    return doc.model_copy(
        update={"path": path, "claims": claims, "entities": keys(doc.entities), "terms": terms, "names": names}
    )


def replica_plan(docs: list, n: int) -> list[tuple]:
    """(document, replica number) pairs: all documents as copy 0, then copy 1, ... up to n."""
    return [(docs[i % len(docs)], i // len(docs)) for i in range(n)]


def replicate(docs: list, n: int) -> list:
    return [replica(d, k) for d, k in replica_plan(docs, n)]


def distinct_replica(doc, k: int):
    """Copy `k` with no object in common with the original, and sentences of its own:
    the memory of `k` different articles, not of shared copies."""
    from factcheck.models import DocumentClaims

    data = replica(doc, k).model_dump()
    if k:
        for claim in data["claims"]:
            claim["text"] = f"{claim['text']} [{k}]"
            claim["sentence"] = f"{claim['sentence']} [{k}]"
    return DocumentClaims.model_validate(data)


# 1) and 6): extraction against the bare parser, in one process.
def bench_ratio(records: list[dict], repeat: int = 3, chunk: int = 50) -> dict:
    """Extraction against the bare parser, timed in chunks of `chunk` articles, the two sides
    taking turns chunk by chunk, `repeat` rounds.

    On a shared machine one run of the bare parser alone varied from 29 to 53 s on the same
    400 articles, and its slow spells last minutes: whole runs of each side, a minute apart,
    made a ratio of single runs swing from 1.05 to 1.67 on the same code. Chunks of a few
    seconds, taken in turns, mostly share a spell with their pair. Two figures: the sum of
    each chunk's best time, side by side, and the median of the pairs' ratios."""
    from factcheck.nlp import load_model
    from factcheck.pipeline import RunOptions, extract_articles

    options = RunOptions(jobs=1)
    articles = to_articles(records)
    texts = [a.text for a in articles]
    nlp = load_model(options.model)
    list(nlp.pipe(texts[:4]))
    list(extract_articles(articles[:4], options))  # warm the lexicon and rule packs
    chunks = [range(i, min(i + chunk, len(articles))) for i in range(0, len(articles), chunk)]

    def bare(part: range) -> float:
        start = time.perf_counter()
        for _ in nlp.pipe([texts[i] for i in part], batch_size=options.batch_size):
            pass
        return time.perf_counter() - start

    def full(part: range) -> float:
        start = time.perf_counter()
        for _ in extract_articles([articles[i] for i in part], options):
            pass
        return time.perf_counter() - start

    bare_times = [[0.0] * repeat for _ in chunks]
    full_times = [[0.0] * repeat for _ in chunks]
    for r in range(repeat):
        for c, part in enumerate(chunks):
            # Each side goes first in turn, so neither always follows the other's garbage.
            if (r + c) % 2 == 0:
                bare_times[c][r], full_times[c][r] = bare(part), full(part)
            else:
                full_times[c][r] = full(part)
                bare_times[c][r] = bare(part)
    pairs = [f / b for c in range(len(chunks)) for b, f in zip(bare_times[c], full_times[c], strict=True)]
    return {
        "n": len(texts),
        "words": words(texts),
        "bare": sum(min(t) for t in bare_times),
        "factcheck": sum(min(t) for t in full_times),
        "bare_runs": [sum(t[r] for t in bare_times) for r in range(repeat)],
        "factcheck_runs": [sum(t[r] for t in full_times) for r in range(repeat)],
        "pairs": pairs,
    }


def bench_claim_rules(records: list[dict], repeat: int = 3) -> dict:
    """The claim rules alone, best of `repeat` runs over the same parsed documents: what
    extraction adds to parsing, without the parser's own swings (the bare parser's best and
    worst of three differ by up to a third on a shared machine, more than the rules cost)."""
    from factcheck.extract.packs import load_extraction_packs
    from factcheck.nlp import load_model, parse_pieces

    articles = to_articles(records)
    nlp = load_model(None)
    packs = load_extraction_packs(())
    start = time.perf_counter()
    parsed = [list(pieces) for pieces in parse_pieces(nlp, [a.text for a in articles])]
    parse = time.perf_counter() - start
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        extract_parsed(articles, parsed, packs)
        runs.append(time.perf_counter() - start)
    return {"parse": parse, "rules": min(runs), "runs": runs}


def extract_parsed(articles: list, parsed: list[list], packs, read=None) -> int:
    """The claim rules over already parsed articles (each a list of pieces); `read` is handed
    each piece's claims. Returns the number of claims."""
    from factcheck.engine import article_piece
    from factcheck.extract.claims import extract_document

    claims = 0
    for article, pieces in zip(articles, parsed, strict=True):
        offset = 0
        for doc in pieces:
            doc.user_data.clear()  # what extraction keeps on a document is rebuilt each run
            piece = article_piece(article, offset, offset + len(doc.text))
            found = extract_document(piece, doc, lexicon=packs.lexicon, time_lexicon=packs.time, quantity_lexicon=packs.quantities)
            if read is not None:
                read(found)
            claims += len(found.claims)
            offset += len(doc.text)
    return claims


# 3): end to end with 1 and 2 jobs.
def bench_jobs(records: list[dict], workdir: Path, jobs: int) -> dict[str, float]:
    from factcheck.pipeline import RunOptions, check

    folder = write_folder(records, workdir / "jobs")
    times = {}
    for n_jobs in (1, jobs):
        start = time.perf_counter()
        report = check([folder], RunOptions(jobs=n_jobs))
        times[n_jobs] = time.perf_counter() - start
        print(f"  jobs={n_jobs}: {times[n_jobs]:.1f}s, {len(report.documents)} documents, {len(report.findings)} findings")
        flush()
    return times


# 4): cold and warm cache.
def bench_cache(records: list[dict], workdir: Path) -> dict[str, float]:
    from factcheck.pipeline import RunOptions, check

    folder = write_folder(records, workdir / "cache-folder")
    options = RunOptions(jobs=1, cache=True, cache_dir=str(workdir / "cache"))
    times = {}
    for label in ("cold", "warm"):
        start = time.perf_counter()
        report = check([folder], options)
        times[label] = time.perf_counter() - start
        print(f"  {label}: {times[label]:.2f}s, {len(report.findings)} findings")
        flush()
    return times


# 2): comparison growth, on claims already extracted.
def bench_compare(docs: list, sizes: tuple[int, int], repeat: int = 3) -> dict[str, float]:
    """Best of `repeat` interleaved timings per size (as timeit reports: slower runs measure
    other load on the machine, not the code).

    Garbage left by building the batches is collected before each timing, so a deferred
    collection of the replicas is never billed to the comparison. Besides time, each run
    prints how many articles share a story with another: only those are compared, so that
    share (the folder's density of coverage), not the article count alone, drives the work.
    """
    from factcheck.comparison import compare_documents, load_detectors

    detectors = load_detectors()
    compare_documents(replicate(docs, 100), detectors)  # warm up: rule packs, lazy imports
    small, large = sizes
    factor = max(1, round(large / small))
    batches = {
        f"{small} real": docs[:small] if small <= len(docs) else replicate(docs, small),
        f"{large} replicated": replicate(docs, large),
        f"{small} x{factor}": [replica(d, k) for k in range(factor) for d in replicate(docs, small)],
    }
    samples: dict[str, list[float]] = {label: [] for label in batches}
    shape: dict[str, str] = {}
    for _ in range(repeat):
        for label, batch in batches.items():
            gc.collect()
            start = time.perf_counter()
            comparison = compare_documents(batch, detectors)
            samples[label].append(time.perf_counter() - start)
            sizes_desc = sorted((len(p) for p in comparison.stories.values()), reverse=True)
            in_stories = sum(n for n in sizes_desc if n > 1)
            shape[label] = (
                f"{comparison.pairs} claim pairs, {len(comparison.stories)} stories (largest {sizes_desc[:3]}), "
                f"{in_stories} articles ({100 * in_stories / len(batch):.0f}%) share a story"
            )
            del comparison
    times = {}
    for label, batch in batches.items():
        times[label] = min(samples[label])
        print(f"  {label}: {len(batch)} documents, best {times[label]:.2f}s of "
              f"{', '.join(f'{t:.2f}' for t in samples[label])}; {shape[label]}")
    flush()
    return times


# 5): peak memory of extraction + comparison at the largest size, in a child process.
def child_rss(data: Path, base_n: int, size: int, jobs: int, claims_out: Path) -> None:
    import resource

    from factcheck.comparison import compare_documents, load_detectors
    from factcheck.models import DocumentClaims
    from factcheck.pipeline import RunOptions, extract_articles
    from factcheck.sharing import SharedParts

    records = load_records(data, base_n)
    # Articles are made as the engine asks for them, as `read_corpus` streams them in a real run,
    # and their claims are kept through the same sharing as `check` keeps them.
    articles = (to_articles([r])[0] for r in records)
    shared = SharedParts()
    start = time.perf_counter()
    docs = [shared.document(d) for d in extract_articles(articles, RunOptions(jobs=jobs)) if isinstance(d, DocumentClaims)]
    del records
    extract_time = time.perf_counter() - start
    n_extracted = len(docs)
    with claims_out.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(d.model_dump_json() + "\n")
    # Replicas as a real run would hold different articles: fresh objects with sentences of their own.
    batch = [d if k == 0 else shared.document(distinct_replica(d, k)) for d, k in replica_plan(docs, size)]
    del docs, shared
    start = time.perf_counter()
    comparison = compare_documents(batch, load_detectors())
    print(json.dumps({
        "extracted": n_extracted,
        "extract_time": extract_time,
        "documents": len(batch),
        "compare_time": time.perf_counter() - start,
        "findings": len(comparison.findings),
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


def bench_claim_memory(claims_path: Path) -> dict[bool, float]:
    """Bytes per claim held in memory (tracemalloc), loaded as-is and through `SharedParts`."""
    import tracemalloc

    from factcheck.models import DocumentClaims
    from factcheck.sharing import SharedParts

    lines = claims_path.read_text(encoding="utf-8").splitlines()
    per_claim = {}
    for share in (False, True):
        gc.collect()
        tracemalloc.start()
        pool = SharedParts()
        docs = [DocumentClaims.model_validate_json(line) for line in lines]
        if share:
            docs = [pool.document(d) for d in docs]
        del pool
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        per_claim[share] = held / max(1, sum(len(d.claims) for d in docs))
        del docs
    return per_claim


def bench_rss(data: Path, base_n: int, size: int, jobs: int, claims_out: Path) -> dict:
    """Run `child_rss` and sample the resident memory of its whole process tree."""
    command = [sys.executable, __file__, "--child-rss", str(size), "--base-n", str(base_n), "--jobs", str(jobs),
               "--data", str(data), "--claims-out", str(claims_out)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parent)
    peak_tree = 0
    try:
        import psutil
    except ImportError:
        psutil = None
    if psutil is not None:
        def sample() -> None:
            nonlocal peak_tree
            try:
                root = psutil.Process(child.pid)
                while child.poll() is None:
                    total = 0
                    for p in [root, *root.children(recursive=True)]:
                        try:
                            total += p.memory_info().rss
                        except psutil.Error:
                            pass
                    peak_tree = max(peak_tree, total)
                    time.sleep(0.2)
            except psutil.Error:
                pass

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    out, _ = child.communicate()
    if child.returncode:
        raise SystemExit(f"memory run failed with exit code {child.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_tree_bytes"] = peak_tree
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (a few minutes)")
    parser.add_argument("--sizes", help="comparison sizes small,large (default 1000,10000)")
    parser.add_argument("--ratio-n", type=int)
    parser.add_argument("--jobs-n", type=int)
    parser.add_argument("--cache-n", type=int)
    parser.add_argument("--base-n", type=int, help="real articles extracted for the comparison runs (0 = all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--data")
    parser.add_argument("--only", help=f"comma-separated steps to run, of: {', '.join(STEPS)} "
                        "(compare needs the claims the memory step extracts, so it runs that too)")
    parser.add_argument("--child-rss", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--claims-out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    data = data_path("gva/articles.jsonl", args.data)
    if data is None:
        return
    if args.child_rss:
        child_rss(data, args.base_n or 0, args.child_rss, args.jobs, Path(args.claims_out))
        return
    plan = dict(QUICK if args.quick else FULL)
    for key in ("ratio_n", "jobs_n", "cache_n", "base_n"):
        if getattr(args, key) is not None:
            plan[key] = getattr(args, key)
    if args.sizes:
        plan["sizes"] = tuple(int(s) for s in args.sizes.split(","))
    steps = set(args.only.split(",")) if args.only else set(STEPS)
    if steps - set(STEPS):
        parser.error(f"unknown step(s) {', '.join(sorted(steps - set(STEPS)))}; expected: {', '.join(STEPS)}")
    if "compare" in steps:
        steps.add("memory")
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores; plan: {plan}; steps: {', '.join(s for s in STEPS if s in steps)}")
    records = load_records(data)
    summary: list[tuple[str, str, str]] = []

    if "ratio" in steps:
        print(f"1) extraction vs bare nlp.pipe, {plan['ratio_n']} articles, jobs=1")
        flush()
        r = bench_ratio(records[: plan["ratio_n"]])
        pairs = sorted(r["pairs"])
        print(
            f"  bare parser {r['bare']:.1f}s (each chunk's best; rounds {', '.join(f'{t:.1f}' for t in r['bare_runs'])}); "
            f"factcheck extraction {r['factcheck']:.1f}s (rounds {', '.join(f'{t:.1f}' for t in r['factcheck_runs'])})"
        )
        print(
            f"  {len(pairs)} chunk pairs, extraction / bare parser: median {statistics.median(pairs):.2f}, "
            f"quartiles {pairs[len(pairs) // 4]:.2f} and {pairs[(3 * len(pairs)) // 4]:.2f}, range {pairs[0]:.2f}-{pairs[-1]:.2f}"
        )
        summary.append(("extraction / bare parser (chunks' best)", f"{r['factcheck'] / r['bare']:.2f}", "<= 1.3"))
        summary.append(("extraction / bare parser (median of chunk pairs)", f"{statistics.median(pairs):.2f}", "<= 1.3"))
        summary.append(("words/s per process: factcheck", f"{r['words'] / r['factcheck']:,.0f}", ""))
        summary.append(("words/s per process: bare parser", f"{r['words'] / r['bare']:,.0f}", ""))
        rules = bench_claim_rules(records[: plan["ratio_n"]])
        print(
            f"  claim rules over the same parsed documents: best {rules['rules']:.1f}s of "
            f"{', '.join(f'{t:.1f}' for t in rules['runs'])} (parsing them once: {rules['parse']:.1f}s)"
        )
        summary.append(("claim rules / bare parser (best of each)", f"{rules['rules'] / r['bare']:.2f}", ""))

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        size_small, size_large = plan["sizes"]
        if "memory" in steps:
            print(f"5) peak memory: extract {plan['base_n'] or len(records)} articles (jobs={args.jobs}), "
                  f"replicate to {size_large}, compare (child process)")
            flush()
            claims_path = workdir / "claims.jsonl"
            rss = bench_rss(data, plan["base_n"], size_large, args.jobs, claims_path)
            print(f"  extracted {rss['extracted']} in {rss['extract_time']:.0f}s; compared {rss['documents']} in "
                  f"{rss['compare_time']:.1f}s; main process peak {rss['maxrss_kb'] / 1024:.0f} MB; "
                  f"process tree peak {rss['peak_tree_bytes'] / 2**20:.0f} MB")
            summary.append((f"peak RSS at {size_large}, main process", f"{rss['maxrss_kb'] / 1024:.0f} MB", "< 1536 MB"))
            if rss["peak_tree_bytes"]:
                summary.append((f"peak RSS at {size_large}, with workers", f"{rss['peak_tree_bytes'] / 2**20:.0f} MB", ""))

            per_claim = bench_claim_memory(claims_path)
            print(f"  claims in memory: {per_claim[False] / 1024:.1f} KB each as loaded, "
                  f"{per_claim[True] / 1024:.1f} KB with parts shared (as `check` holds them)")
            summary.append(("memory per claim, shared parts", f"{per_claim[True] / 1024:.1f} KB", ""))

        if "compare" in steps:
            print(f"2) comparison growth {size_small} → {size_large}")
            flush()
            from factcheck.models import DocumentClaims

            docs = [DocumentClaims.model_validate_json(line) for line in claims_path.read_text(encoding="utf-8").splitlines()]
            t = bench_compare(docs, (size_small, size_large))
            labels = list(t)
            summary.append((f"compare {labels[1]} / {labels[0]}", f"{t[labels[1]] / t[labels[0]]:.1f}", "<= 15"))
            summary.append((f"compare {labels[2]} / {labels[0]}", f"{t[labels[2]] / t[labels[0]]:.1f}", "<= 15"))

        if "jobs" in steps:
            print(f"3) check end to end, {plan['jobs_n']} articles, jobs 1 vs {args.jobs}")
            flush()
            j = bench_jobs(records[: plan["jobs_n"]], workdir, args.jobs)
            summary.append((f"speed-up jobs={args.jobs} vs 1 ({plan['jobs_n']} articles)", f"{j[1] / j[args.jobs]:.2f}x", ">= 1.7x"))

        if "cache" in steps:
            print(f"4) cache, {plan['cache_n']} articles, cold then warm")
            flush()
            c = bench_cache(records[: plan["cache_n"]], workdir)
            summary.append(("warm cache speed-up", f"{c['cold'] / c['warm']:.0f}x", ">= 20x"))

    print(f"\nsummary ({cores} cores)")
    width = max(len(s[0]) for s in summary)
    for name, value, target in summary:
        print(f"  {name:<{width}}  {value:>12}  {target}")


if __name__ == "__main__":
    main()
