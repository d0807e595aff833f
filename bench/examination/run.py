"""Examination benchmark: accuracy of the factor detector and its speed.

    .venv/bin/python bench/examination/run.py                  # evaluation split v2 (the reported figures)
    .venv/bin/python bench/examination/run.py --split frozen-v3  # held-out split v3 (session 5, see README)
    .venv/bin/python bench/examination/run.py --split frozen-v4  # held-out split v4 (session 6, see README)
    .venv/bin/python bench/examination/run.py --split frozen-v1  # the first evaluation split (see README)
    .venv/bin/python bench/examination/run.py --split dev        # the development set (rules are tuned on it)
    .venv/bin/python bench/examination/run.py --errors     # also list every wrong provision

Accuracy is per (provision, factor): precision, recall and F1 per factor, micro and macro over factors;
"any factor" precision and recall (is the provision flagged at all); the share of clean provisions
flagged; the same by language. Speed: provisions per second on one core, and a generated 100-page
contract (DOCX) read, split and examined. The reference measured in the same run is the cheapest
possible check: razdel tokenisation plus one keyword regex per provision.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parents[1]))

from senim.examination.engine import CODES, examine_file, examine_provision  # noqa: E402

# Evaluation splits: file and the SHA-256 recorded in README.md when the split was committed.
FROZEN = {
    "frozen": ("frozen-v2.txt", "2ffc2afad0116b3aa05e62475011816b34d4eadf8a81e0a55963a8e274e77575"),
    "frozen-v3": ("frozen-v3.txt", "35ee1b9552251ebe5ad03fec64ee3d32e3313c5a51e05ef6c827b75bf3824e5f"),
    "frozen-v4": ("frozen-v4.txt", "0d8d7eb9d76752b9a0dd08587672b9fef4896c8bd77ec8401109b51083a06abf"),
    "frozen-v1": ("frozen.txt", "26a49cbcc6e6de50addcb1309c2da73229d6c2dde957b682d7091136614136d1"),
}


def load(split: str) -> list[tuple[set[str], str, str]]:
    name, checksum = FROZEN.get(split, ("dev.txt", None))
    data = (ROOT / name).read_bytes()
    if checksum and hashlib.sha256(data).hexdigest() != checksum:
        sys.exit(f"{name} has changed: its checksum no longer matches README.md; the split is not scored")
    rows = []
    for line in data.decode().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        labels, lang, text = line.split("|", 2)
        rows.append((set() if labels == "-" else set(labels.split(";")), lang, text))
    return rows


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(rows, predictions) -> dict:
    per = {c: [0, 0, 0] for c in CODES}
    any_tp = any_fp = any_fn = clean = clean_flagged = 0
    for (gold, _lang, _text), pred in zip(rows, predictions, strict=True):
        for c in CODES:
            if c in gold and c in pred:
                per[c][0] += 1
            elif c in pred:
                per[c][1] += 1
            elif c in gold:
                per[c][2] += 1
        if gold and pred:
            any_tp += 1
        elif pred:
            any_fp += 1
        elif gold:
            any_fn += 1
        if not gold:
            clean += 1
            clean_flagged += bool(pred)
    tp, fp, fn = (sum(v[i] for v in per.values()) for i in range(3))
    present = [c for c in CODES if per[c][0] + per[c][2] > 0]
    macro = [prf(*per[c]) for c in present]
    return {
        "per": per,
        "micro": prf(tp, fp, fn),
        "macro": tuple(sum(m[i] for m in macro) / max(1, len(macro)) for i in range(3)),
        "any": prf(any_tp, any_fp, any_fn),
        "clean_flagged": clean_flagged / clean if clean else 0.0,
        "n": len(rows),
        "clean": clean,
    }


def _generated_contract(rows, pages: int = 100) -> bytes:
    """A DOCX of about `pages` pages (≈ 15 provisions of ≈ 200 characters a page) built from the set's
    Russian provisions, with Word-style typed numbering."""
    import docx

    rnd = random.Random(7)
    ru = [t for _g, lang, t in rows if lang == "ru"]
    document = docx.Document()
    document.add_heading("ДОГОВОР ПОСТАВКИ № 17", level=1)
    n = 0
    for section in range(1, pages + 1):
        document.add_heading(f"{section}. РАЗДЕЛ {section}", level=2)
        for item in range(1, 16):
            n += 1
            text = rnd.choice(ru)
            document.add_paragraph(f"{section}.{item}. {text} Стороны руководствуются условиями настоящего договора.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _reference(texts: list[str]) -> float:
    from razdel import tokenize

    keyword = re.compile(r"усмотрени|discretion|қалау", re.IGNORECASE)
    start = time.process_time()
    for t in texts:
        list(tokenize(t))
        keyword.search(t)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=["frozen", "frozen-v3", "frozen-v4", "frozen-v1", "dev"], default="frozen")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--no-speed", action="store_true", help="accuracy only")
    args = parser.parse_args()
    rows = load(args.split)
    examine_provision("прогрев", "ru")  # load the morphology dictionaries outside the timing
    predictions = [set(examine_provision(text, lang).codes) for _g, lang, text in rows]
    result = score(rows, predictions)
    label_counts = Counter(c for g, _l, _t in rows for c in g)

    print(f"# Examination benchmark — {args.split} split: {result['n']} provisions, {result['clean']} clean\n")
    print("| factor | n | P | R | F1 |\n|---|---:|---:|---:|---:|")
    for c in CODES:
        p, r, f = prf(*result["per"][c])
        print(f"| {c} | {label_counts[c]} | {p:.2f} | {r:.2f} | {f:.2f} |")
    mp, mr, mf = result["micro"]
    ap, ar, af = result["macro"]
    print(f"| **micro** | {sum(label_counts.values())} | {mp:.3f} | {mr:.3f} | {mf:.3f} |")
    print(f"| **macro** | | {ap:.3f} | {ar:.3f} | {af:.3f} |\n")
    anp, anr, _ = result["any"]
    print(
        f"any factor: precision {anp:.3f}, recall {anr:.3f}; clean provisions flagged {result['clean_flagged']:.1%}\n"
    )
    print(
        "| language | n | micro P | micro R | micro F1 | any R | clean flagged |\n|---|---:|---:|---:|---:|---:|---:|"
    )
    by_lang = defaultdict(list)
    for i, (_g, lang, _t) in enumerate(rows):
        by_lang[lang].append(i)
    for lang in sorted(by_lang):
        idx = by_lang[lang]
        s = score([rows[i] for i in idx], [predictions[i] for i in idx])
        print(
            f"| {lang} | {len(idx)} | {s['micro'][0]:.3f} | {s['micro'][1]:.3f} | {s['micro'][2]:.3f} | "
            f"{s['any'][1]:.3f} | {s['clean_flagged']:.1%} |"
        )

    if args.no_speed:
        _errors(args, rows, predictions)
        return
    # Speed, one core (process time).
    texts = [t for _g, _l, t in rows]
    langs = [lang for _g, lang, _t in rows]
    repeat = max(1, 2000 // len(texts))
    start = time.process_time()
    for _ in range(repeat):
        for text in texts:
            examine_provision(text)  # language detected, as for a document
    seconds = time.process_time() - start
    count = repeat * len(texts)
    reference = sum(_reference(texts) for _ in range(repeat))
    data = _generated_contract(rows)
    start = time.process_time()
    report = examine_file(data, "generated.docx")
    contract_seconds = time.process_time() - start
    print("\n| speed (one core) | value |\n|---|---:|")
    print(f"| provisions per second (language detected) | {count / seconds:,.0f} |")
    print(f"| reference: razdel tokens + one regex, provisions per second | {count / max(reference, 1e-9):,.0f} |")
    print(f"| ratio examination / reference (time) | {seconds / max(reference, 1e-9):.1f}× |")
    print(
        f"| generated 100-page contract ({len(report.provisions):,} provisions, {len(data) // 1024} KiB DOCX), s | "
        f"{contract_seconds:.2f} |"
    )
    del langs
    _errors(args, rows, predictions)


def _errors(args, rows, predictions) -> None:
    if args.errors:
        print("\n## Errors\n")
        for (gold, lang, text), pred in zip(rows, predictions, strict=True):
            if gold != pred:
                print(f"- [{lang}] gold={';'.join(sorted(gold)) or '-'} pred={';'.join(sorted(pred)) or '-'}: {text}")


if __name__ == "__main__":
    main()
