"""Categories for articles whose source gives none, learnt from the categorised articles the warehouse holds.

Sources that categorise (folders, feed tags, CSV and JSON fields) keep their categories (`category_source` =
`source`). For the others a linear text classifier, trained on the current categorised articles, predicts one
(`inferred`), with its probability as `category_confidence`; below the threshold the category stays empty. The
model is a function of its training set alone (fixed order, no randomness), so the same labelled set gives the
same predictions on every run and machine, and `labelled_fingerprint` tells when the set has changed.
"""

import hashlib
from dataclasses import dataclass
from typing import Any

import polars as pl

# Too few examples make a guess, not a category: at least this many articles in each of at least two categories.
MIN_PER_CATEGORY = 5
MIN_CATEGORIES = 2
# Training reads at most this many articles a category (the same ones every time: the first by article_id).
MAX_PER_CATEGORY = 5_000
# The probability below which a prediction is not published. Measured on held-out halves (bench/categories.py):
# at 0.3, 97 % of BBC articles (99 % given one) and 88 % of AG News (all given one) get their editors' category,
# and of HuffPost's 24 short-text categories 54 % (87 % given one); at 0.5 BBC keeps only 92 %.
THRESHOLD = 0.3
# The opening of a long article says what it is about; the rest only costs time.
TEXT_CHARS = 3_000

CATEGORISED: dict[str, pl.DataType | type[pl.DataType]] = {
    "category": pl.String,
    # source: the source gave it; inferred: predicted; null: no category (none given, none predicted confidently).
    "category_source": pl.String,
    # The predicted category's probability (0–1) for an inferred one; null otherwise.
    "category_confidence": pl.Float64,
}


@dataclass(frozen=True)
class CategoryModel:
    """A classifier fitted to the labelled set identified by `fingerprint`, over `categories`."""

    pipeline: Any
    categories: tuple[str, ...]
    fingerprint: str
    trained_on: int


def labelled_fingerprint(labelled: pl.DataFrame) -> str:
    """A stable digest of a labelled set (article_id, category): it changes when any label is added, removed or
    changed."""
    rows = labelled.select("article_id", "category").sort("article_id", "category")
    digest = hashlib.sha256()
    for article_id, category in rows.iter_rows():
        digest.update(f"{article_id}\t{category}\n".encode())
    return digest.hexdigest()[:16]


def train_category_model(labelled: pl.DataFrame) -> CategoryModel | None:
    """A classifier of `labelled` (article_id, title, body, category), or None when there is too little to learn
    from: fewer than `MIN_CATEGORIES` categories with `MIN_PER_CATEGORY` articles each."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    rows = labelled.filter(pl.col("category").is_not_null()).sort("article_id")
    counts = rows.group_by("category").len().filter(pl.col("len") >= MIN_PER_CATEGORY)
    if counts.height < MIN_CATEGORIES:
        return None
    rows = rows.join(counts.select("category"), on="category", how="semi")
    rows = rows.filter(pl.int_range(pl.len()).over("category") < MAX_PER_CATEGORY)
    pipeline = make_pipeline(
        TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2, max_features=200_000, strip_accents="unicode"),
        LogisticRegression(C=10.0, max_iter=1_000),
    )
    pipeline.fit(_texts(rows), rows["category"].to_list())
    categories = tuple(str(c) for c in pipeline.classes_)
    return CategoryModel(pipeline, categories, labelled_fingerprint(labelled), rows.height)


def infer_categories(
    articles: pl.DataFrame, model: CategoryModel | None, *, threshold: float = THRESHOLD
) -> pl.DataFrame:
    """`articles` (title, body, category) with `CATEGORISED`: a source's category kept, a missing one predicted
    when the model is at least `threshold` sure, else left empty."""
    given = pl.col("category").is_not_null()
    frame = articles.with_row_index("_row")
    missing = frame.filter(~given)
    if model is None or missing.is_empty():
        predicted = pl.DataFrame(schema={"_row": pl.UInt32, "_category": pl.String, "_confidence": pl.Float64})
    else:
        probabilities = model.pipeline.predict_proba(_texts(missing))
        predicted = pl.DataFrame(
            {
                "_row": missing["_row"],
                "_category": [model.categories[i] for i in probabilities.argmax(axis=1)],
                "_confidence": probabilities.max(axis=1).astype(float),
            }
        )
    confident = pl.col("_confidence") >= threshold
    return (
        frame.join(predicted, on="_row", how="left")
        .with_columns(
            category=pl.when(given).then("category").when(confident).then("_category"),
            category_source=pl.when(given).then(pl.lit("source")).when(confident).then(pl.lit("inferred")),
            category_confidence=pl.when(~given & confident).then("_confidence"),
        )
        .sort("_row")
        .select(*[c for c in articles.columns if c not in CATEGORISED], *CATEGORISED)
    )


def _texts(frame: pl.DataFrame) -> list[str]:
    text = pl.concat_str([pl.col("title").fill_null(""), pl.col("body").fill_null("")], separator="\n")
    return frame.select(text.str.slice(0, TEXT_CHARS)).to_series().to_list()
