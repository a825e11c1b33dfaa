"""Categories for articles whose source gives none, learnt from the categorised articles the warehouse holds.

Sources that categorise (folders, feed tags, CSV and JSON fields) keep their categories (`category_source` =
`source`). For the others two linear text classifiers over the same TF-IDF features, trained on the current
categorised articles, vote (`inferred`): a logistic regression and a complement naive Bayes, their probabilities
averaged. The regression's probability of the category voted for is its `category_confidence`; below the threshold
the category stays empty. The model is a function of its training set alone (fixed order, no randomness), so the
same labelled set gives the same predictions on every run and machine, and `labelled_fingerprint` tells when the set
has changed.
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
# The probability below which a prediction is not published: a category is published when the regression gives it
# at least a one-in-five chance. With five categories or fewer nearly every best guess is, since one of them must be
# that probable; with more, a text that says too little to single one out stays empty. An article left empty is as
# wrong as a wrong guess by the measure, so the floor is low: measured on held-out halves
# (bench/categories.py), HuffPost's 24 short-text categories are right for 58 % at 0.2 (99 % given one, 58 % of
# those right) against 54 % at 0.3 (82 % given one, 65 % right); BBC and AG News lose nothing to either floor.
THRESHOLD = 0.2
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
    """Classifiers fitted to the labelled set identified by `fingerprint`, over `categories` (in the classifiers'
    column order): `vectoriser` turns texts into TF-IDF features, read by `regression` and `complement`."""

    vectoriser: Any
    regression: Any
    complement: Any
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
    from sklearn.naive_bayes import ComplementNB

    rows = labelled.filter(pl.col("category").is_not_null()).sort("article_id")
    counts = rows.group_by("category").len().filter(pl.col("len") >= MIN_PER_CATEGORY)
    if counts.height < MIN_CATEGORIES:
        return None
    rows = rows.join(counts.select("category"), on="category", how="semi")
    rows = rows.filter(pl.int_range(pl.len()).over("category") < MAX_PER_CATEGORY)
    vectoriser = TfidfVectorizer(
        sublinear_tf=True, ngram_range=(1, 2), min_df=2, max_features=200_000, strip_accents="unicode"
    )
    features = vectoriser.fit_transform(_texts(rows))
    labels = rows["category"].to_list()
    # Naive Bayes learns from few examples a word at a time, the regression weighs words against each other: their
    # votes together beat either alone on all three benchmark corpora (bench/categories.py).
    regression = LogisticRegression(C=10.0, max_iter=1_000).fit(features, labels)
    complement = ComplementNB(alpha=0.3).fit(features, labels)
    categories = tuple(str(c) for c in regression.classes_)
    return CategoryModel(vectoriser, regression, complement, categories, labelled_fingerprint(labelled), rows.height)


def category_probabilities(model: CategoryModel, articles: pl.DataFrame) -> tuple[Any, Any]:
    """For `articles` (title, body), one row each: the regression's probability of each of `model.categories`, and
    the vote (the average of the regression's and the complement naive Bayes's probabilities). Naive Bayes's own
    probabilities sit near an even spread, so only the regression's say how sure the model is."""
    features = model.vectoriser.transform(_texts(articles))
    regression = model.regression.predict_proba(features)
    return regression, (regression + model.complement.predict_proba(features)) / 2


def infer_categories(
    articles: pl.DataFrame, model: CategoryModel | None, *, threshold: float = THRESHOLD
) -> pl.DataFrame:
    """`articles` (title, body, category) with `CATEGORISED`: a source's category kept, a missing one the vote's
    when the regression gives it at least `threshold` probability, else left empty."""
    given = pl.col("category").is_not_null()
    frame = articles.with_row_index("_row")
    missing = frame.filter(~given)
    if model is None or missing.is_empty():
        predicted = pl.DataFrame(schema={"_row": pl.UInt32, "_category": pl.String, "_confidence": pl.Float64})
    else:
        regression, vote = category_probabilities(model, missing)
        chosen = vote.argmax(axis=1)
        predicted = pl.DataFrame(
            {
                "_row": missing["_row"],
                "_category": [model.categories[i] for i in chosen],
                "_confidence": regression[range(len(chosen)), chosen].astype(float),
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
