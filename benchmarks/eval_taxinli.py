"""Precision and recall of findings on TaxiNLI pairs, each pair read as two one-sentence reports.

For the negation, quantifier and temporal categories: a contradiction pair in the
category with a finding is a true positive; a non-contradiction pair (entailment or
neutral) in the category with a finding is a false positive. The two sentences are
compared as one story (the pair says they are about the same thing).

Usage: python benchmarks/eval_taxinli.py [--data FILE] [--limit N] [--examples K]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from _common import article_from_text, data_path, pct

CATEGORIES = {"negation": "negation_logic", "quantifier": "quantifier_logic", "temporal": "temporal_reasoning"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pairs of interest")
    parser.add_argument("--examples", type=int, default=0, help="print K false positives and K misses")
    args = parser.parse_args()
    path = data_path("contradictions/taxinli_pairs.jsonl", args.data)
    if path is None:
        return
    import json

    from factcheck.comparison import compare_documents, load_detectors
    from factcheck.extract.claims import extract_document
    from factcheck.extract.lexicon import load_lexicon
    from factcheck.nlp import load_model

    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        types = set(record.get("type") or [])
        if types & set(CATEGORIES.values()):
            pairs.append(record)
    if args.limit:
        pairs = pairs[: args.limit]
    nlp = load_model()
    lexicon = load_lexicon()
    detectors = load_detectors()
    texts = [t for p in pairs for t in (p["text_a"], p["text_b"])]
    docs = list(nlp.pipe(texts, batch_size=256))
    outcome: dict[str, Counter[str]] = defaultdict(Counter)
    by_kind: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for i, pair in enumerate(pairs):
        a = article_from_text("a", pair["text_a"], None)
        b = article_from_text("b", pair["text_b"], None)
        extracted = [
            extract_document(a, docs[2 * i], lexicon=lexicon),
            extract_document(b, docs[2 * i + 1], lexicon=lexicon),
        ]
        findings = compare_documents(extracted, detectors, stories={"pair": ["a", "b"]}).findings
        conflicts = [f for f in findings if f.kind != "single_source"]
        flagged = bool(conflicts)
        by_kind.update(f.kind for f in conflicts)
        is_contradiction = pair["label"] == "contradiction"
        for name, category in CATEGORIES.items():
            if category not in pair["type"]:
                continue
            cell = ("tp" if flagged else "fn") if is_contradiction else ("fp" if flagged else "tn")
            outcome[name][cell] += 1
            if cell in ("fp", "fn") and len(examples[f"{name}-{cell}"]) < args.examples:
                examples[f"{name}-{cell}"].append(
                    f"  A: {pair['text_a'][:150]}\n  B: {pair['text_b'][:150]}\n  -> {[f.message for f in conflicts][:2]}"
                )
    print(f"TaxiNLI pairs read: {len(pairs)} (negation, quantifier, temporal categories)")
    print(f"{'category':<11}{'contra':>8}{'other':>8}{'TP':>6}{'FP':>6}{'precision':>11}{'recall':>9}")
    for name in CATEGORIES:
        c = outcome[name]
        contra, other = c["tp"] + c["fn"], c["fp"] + c["tn"]
        precision = pct(c["tp"], c["tp"] + c["fp"])
        recall = pct(c["tp"], contra)
        print(f"{name:<11}{contra:>8}{other:>8}{c['tp']:>6}{c['fp']:>6}{precision:>11}{recall:>9}")
    print("findings by kind:", dict(by_kind))
    for key, lines in examples.items():
        print(f"\n{key}:")
        for line in lines:
            print(line)


if __name__ == "__main__":
    main()
