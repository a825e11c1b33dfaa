"""Held-out accuracy of inferred categories: categorised articles learnt from, others of the same kinds predicted.

For each corpus, articles are split in two by a stable hash of their path (half learnt from, half held out with
their category hidden); an article left without a category counts as a miss. Reported at several confidence
thresholds, with coverage (the share given a category) and the training time.

Run: `.venv/bin/python bench/categories.py`
"""

import csv
import hashlib
import json
import sys
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).parent))
from common import CORPORA, REPO

sys.path.insert(0, str(REPO))
from transforms.categories import THRESHOLD, infer_categories, train_category_model

THRESHOLDS = (0.0, 0.3, THRESHOLD, 0.7)


def bbc() -> pl.DataFrame:
    rows = []
    for path in sorted((CORPORA / "bbc").glob("*/*.txt")):
        title, _, body = path.read_text(encoding="latin-1").partition("\n\n")
        rows.append(
            {"article_id": str(path.relative_to(CORPORA)), "title": title, "body": body, "category": path.parent.name}
        )
    return pl.DataFrame(rows)


def agnews() -> pl.DataFrame:
    names = (CORPORA / "agnews" / "classes.txt").read_text().split()
    with (CORPORA / "agnews" / "test.csv").open(newline="", encoding="utf-8") as handle:
        rows = [
            {"article_id": f"agnews#{i}", "title": t, "body": d, "category": names[int(c) - 1].lower()}
            for i, (c, t, d) in enumerate(csv.reader(handle))
        ]
    return pl.DataFrame(rows)


def huffpost() -> pl.DataFrame:
    rows = []
    for path in sorted((CORPORA / "huffpost").glob("*.jsonl")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            record = json.loads(line)
            rows.append(
                {
                    "article_id": f"{path.name}#{i}",
                    "title": record["headline"],
                    "body": record["short_description"],
                    "category": record["category"].lower(),
                }
            )
    return pl.DataFrame(rows)


def held_out(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    half = frame["article_id"].map_elements(lambda k: hashlib.sha256(k.encode()).digest()[0] % 2, return_dtype=pl.Int32)
    return frame.filter(half == 0), frame.filter(half == 1)


def main() -> None:
    print(
        f"{'corpus':<10}{'classes':>8}{'train':>7}{'test':>6}{'fit s':>7}  "
        + "  ".join(f"acc@{t:.1f} cover" for t in THRESHOLDS)
    )
    for name, load in (("bbc", bbc), ("agnews", agnews), ("huffpost", huffpost)):
        frame = load()
        train, test = held_out(frame)
        started = time.perf_counter()
        model = train_category_model(train)
        fitted = time.perf_counter() - started
        truth = test["category"]
        cells = []
        for threshold in THRESHOLDS:
            predicted = infer_categories(
                test.with_columns(category=pl.lit(None, pl.String)), model, threshold=threshold
            )
            right = (predicted["category"] == truth).fill_null(False).mean()
            cover = predicted["category"].is_not_null().mean()
            cells.append(f"{right:>7.1%} {cover:>5.0%}")
        print(
            f"{name:<10}{frame['category'].n_unique():>8}{train.height:>7}{test.height:>6}{fitted:>7.1f}  "
            + "  ".join(cells)
        )


if __name__ == "__main__":
    main()
