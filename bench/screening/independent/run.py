"""Score the independent evaluation set with Senim's engine at the default threshold.

    .venv/bin/python -m bench.screening.independent.run                   # frozen eval split
    .venv/bin/python -m bench.screening.independent.run --split dev       # development split
    .venv/bin/python -m bench.screening.independent.run --filler 10000    # plus 10,000 unrelated entries
    .venv/bin/python -m bench.screening.independent.run --split dev --misses   # list what fails
    .venv/bin/python -m bench.screening.independent.run --split all       # dev, eval, dev2, eval2

dev2/eval2 are the second set (published.py: Uzbek names as published, Latin vs Russian form);
dev3/eval3 the third (icu_set.py: ICU's transliterators over names written for it); eval, eval2 and
eval3 are frozen (sha256 below) and never tuned on. ``--misses`` lists failures of development
splits only: a frozen split's misses are not printed (pass ``--show-frozen-misses`` to override).

Every distinct listed name is one list entry; the pairs are scored through ``Index.search`` (so
candidate retrieval is part of it). A true pair counts as found when its entry is returned at or
above the threshold; a negative pair is a false alert when its entry is returned. ``--filler``
adds entries of the synthetic generator (bench/screening/generate.py) to the same list: the
figures must not drop (a pair's score depends on the list only through documented, bounded
effects; see docs/screening.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from senim.screening.engine import DEFAULT_THRESHOLD, Index, Query, Record

HERE = Path(__file__).resolve().parent
# Recorded when the evaluation split was frozen (README.md); the run refuses a changed file.
EVAL_SHA256 = "7de8b5915951a5240e4c7cbe01a5ceb90738d365319e4d7cdc2f74fad8da438d"
# The second frozen split (published.py: Uzbek names as published in Latin vs their Russian form).
EVAL2_SHA256 = "2017ab594f9371a6e4fd88e1e74243aadc653258f4787de39cfe4a9d7d1797ea"
# The third (icu_set.py: ICU's CLDR transforms of names written for it), frozen in session 5.
EVAL3_SHA256 = "aee57dda57361f53557b641c32bee69e89d46997d082b6ac9f128ebe7a0a8ad1"
FROZEN = {"eval": EVAL_SHA256, "eval2": EVAL2_SHA256, "eval3": EVAL3_SHA256}
SPLITS = ("dev", "eval", "dev2", "eval2", "dev3", "eval3")


def load(split: str) -> list[dict]:
    path = HERE / f"{split}.jsonl"
    data = path.read_bytes()
    if split in FROZEN:
        digest = hashlib.sha256(data).hexdigest()
        if digest != FROZEN[split]:
            sys.exit(f"{split}.jsonl changed (sha256 {digest}, frozen {FROZEN[split]}): the split is frozen")
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def filler_records(count: int) -> list[Record]:
    if not count:
        return []
    from bench.screening.generate import generate_entities

    records = []
    for _, data in generate_entities(count, seed=7):
        records.append(
            Record(
                id="filler-" + data["id"],
                schema=data["schema"],
                names=data["names"],
                identifiers=data["identifiers"],
                birth_dates=data["birth_dates"],
                countries=data["countries"],
                gender=data["gender"],
            )
        )
    return records


def evaluate(rows: list[dict], filler: int = 0, threshold: float = DEFAULT_THRESHOLD) -> dict:
    entities: dict[tuple[str, str], str] = {}
    for row in rows:
        entities.setdefault((row["schema"], row["listed"]), f"x{len(entities)}")
    records = [Record(id=i, schema=schema, names=[name]) for (schema, name), i in entities.items()]
    index = Index.build(records + filler_records(filler))
    started = time.perf_counter()
    outcomes = []
    for row in rows:
        target = entities[(row["schema"], row["listed"])]
        hits = index.search(Query(names=[row["query"]], schema=row["schema"]), limit=1000, threshold=threshold)
        score = next((h.score for h in hits if h.record_id == target), None)
        outcomes.append((row, score is not None, score))
    seconds = time.perf_counter() - started
    classes: dict[str, list[int]] = {}
    tp = fp = positives = negatives = 0
    for row, alerted, _ in outcomes:
        counts = classes.setdefault(row["class"], [0, 0])
        counts[0] += alerted
        counts[1] += 1
        if row["label"] == "match":
            positives += 1
            tp += alerted
        else:
            negatives += 1
            fp += alerted
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pairs": len(rows),
        "entries": len(records) + filler,
        "positives": positives,
        "negatives": negatives,
        "tp": tp,
        "fp": fp,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "classes": {k: tuple(v) for k, v in sorted(classes.items())},
        "seconds": seconds,
        "outcomes": outcomes,
    }


def print_table(split: str, result: dict) -> None:
    print(f"\nsplit {split}: {result['pairs']} pairs, {result['entries']:,} list entries", end="")
    print(f", threshold {DEFAULT_THRESHOLD}")
    print("| class | kind | found / alerted | rate |")
    print("|---|---|---|---|")
    for name, (hit, total) in result["classes"].items():
        kind = "false alerts" if name.startswith("neg_") else "recall"
        print(f"| {name} | {kind} | {hit} / {total} | {hit / total:.3f} |")
    print(f"| **all** | precision | {result['tp']} / {result['tp'] + result['fp']} | {result['precision']:.3f} |")
    print(f"| **all** | recall | {result['tp']} / {result['positives']} | {result['recall']:.3f} |")
    print(f"| **all** | F1 | | {result['f1']:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=(*SPLITS, "both", "all"), default="both")
    parser.add_argument("--filler", type=int, default=0, help="unrelated generator entries added to the list")
    parser.add_argument("--misses", action="store_true", help="print every miss and false alert of dev splits")
    parser.add_argument("--show-frozen-misses", action="store_true", help="also of frozen splits (spoils them)")
    args = parser.parse_args()
    chosen = {"both": ("dev", "eval"), "all": SPLITS}.get(args.split, (args.split,))
    for split in chosen:
        result = evaluate(load(split), args.filler)
        print_table(split, result)
        if args.misses and (split not in FROZEN or args.show_frozen_misses):
            for row, alerted, score in result["outcomes"]:
                if alerted != (row["label"] == "match"):
                    print(f"  {row['class']:18} {row['query']!r:55} {row['listed']!r} {score} [{row['source']}]")


if __name__ == "__main__":
    main()
