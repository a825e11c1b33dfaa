"""Held-out accuracy of inferred categories: categorised articles learnt from, others of the same kinds predicted.

For each corpus, articles are split in two by a stable hash of their path (half learnt from, half held out with
their category hidden); an article left without a category counts as a miss. Reported at several confidence
thresholds, with coverage (the share given a category), the training time, and, for comparison, the accuracy of
the logistic regression alone (no naive Bayes vote) at `THRESHOLD`. `--learning-curve` adds AG News's accuracy
against the number of articles learnt from: whether more labelled articles would help.

Run: `.venv/bin/python bench/categories.py [--learning-curve]`
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
from transforms.categories import THRESHOLD, category_probabilities, infer_categories, train_category_model

THRESHOLDS = tuple(sorted({0.0, THRESHOLD, 0.3, 0.5}))
CURVE_SIZES = (250, 500, 1_000, 2_000)


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


def share(mask: pl.Series) -> float:
    """The share of true values in `mask`, a null counting as false."""
    return int(mask.fill_null(False).sum()) / max(mask.len(), 1)


def accuracy(train: pl.DataFrame, test: pl.DataFrame) -> float:
    """The share of `test` given its own category at `THRESHOLD` by a model learnt from `train`."""
    predicted = infer_categories(test.with_columns(category=pl.lit(None, pl.String)), train_category_model(train))
    return share(predicted["category"] == test["category"])


def compare() -> None:
    print(
        f"{'corpus':<10}{'classes':>8}{'train':>7}{'test':>6}{'fit s':>7}  "
        + "  ".join(f"acc@{t:.1f} cover" for t in THRESHOLDS)
        + f"  lr alone@{THRESHOLD:.1f}"
    )
    for name, load in (("bbc", bbc), ("agnews", agnews), ("huffpost", huffpost)):
        frame = load()
        train, test = held_out(frame)
        started = time.perf_counter()
        model = train_category_model(train)
        fitted = time.perf_counter() - started
        assert model is not None
        truth = test["category"]
        cells = []
        for threshold in THRESHOLDS:
            predicted = infer_categories(
                test.with_columns(category=pl.lit(None, pl.String)), model, threshold=threshold
            )
            right = share(predicted["category"] == truth)
            cover = share(predicted["category"].is_not_null())
            cells.append(f"{right:>7.1%} {cover:>5.0%}")
        regression, _ = category_probabilities(model, test)
        best = pl.Series([model.categories[i] for i in regression.argmax(axis=1)], dtype=pl.String)
        lr_right = share((best == truth) & pl.Series(regression.max(axis=1) >= THRESHOLD))
        print(
            f"{name:<10}{frame['category'].n_unique():>8}{train.height:>7}{test.height:>6}{fitted:>7.1f}  "
            + "  ".join(cells)
            + f"  {lr_right:>13.1%}"
        )


def learning_curve() -> None:
    """AG News's held-out accuracy at `THRESHOLD` when learning from the first n of its training half (by a stable
    hash of the article id), n doubling up to the whole half."""
    train, test = held_out(agnews())
    ordered = train.sort(pl.col("article_id").map_elements(lambda k: hashlib.sha256(k.encode()).hexdigest(), pl.String))
    print(f"\nAG News, learnt from n articles (held out: {test.height})")
    for n in (*CURVE_SIZES, train.height):
        print(f"{n:>6}  {accuracy(ordered.head(n), test):.1%}")


if __name__ == "__main__":
    compare()
    if "--learning-curve" in sys.argv[1:]:
        learning_curve()
