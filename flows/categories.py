"""The task that gives articles without a category one learnt from those that have one."""

from typing import TYPE_CHECKING

import polars as pl
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from warehouse import load
from warehouse.connection import Warehouse

if TYPE_CHECKING:
    from transforms.categories import CategoryModel

# Per process, the category model of the last labelled set seen: (warehouse, fingerprint) → model (None: too few
# categorised articles to learn from). A load's batches reuse it until the labelled set changes.
_CATEGORY_MODELS: dict[tuple[str, str], "CategoryModel | None"] = {}


@task(cache_policy=NO_CACHE)
def categorise(warehouse: Warehouse, articles: pl.DataFrame) -> pl.DataFrame:
    """Articles with `category_source` and `category_confidence`: a category their source gave kept, a missing one
    inferred from the categorised articles the warehouse holds (`transforms.categories`)."""
    from transforms.categories import (
        MAX_PER_CATEGORY,
        MIN_CATEGORIES,
        MIN_PER_CATEGORY,
        infer_categories,
        train_category_model,
    )

    uncategorised = articles.filter(pl.col("category").is_null()).height
    if not uncategorised:
        return infer_categories(articles, None)
    logger = get_run_logger()
    with warehouse.connect() as con:
        key = (str(warehouse), load.labelled_fingerprint(con))
        if int(key[1].partition(":")[0]) < MIN_CATEGORIES * MIN_PER_CATEGORY:
            _CATEGORY_MODELS[key] = None  # too few to learn from, whatever their categories: nothing to read
        if key not in _CATEGORY_MODELS:
            labelled = load.labelled_articles(con, MAX_PER_CATEGORY)
            _CATEGORY_MODELS.clear()
            _CATEGORY_MODELS[key] = trained = train_category_model(labelled)
            if trained is None:
                logger.info("Too few categorised articles (%d) to learn categories from", labelled.height)
            else:
                logger.info(
                    "Learnt %d categories from %d categorised articles", len(trained.categories), trained.trained_on
                )
    categorised = infer_categories(articles, _CATEGORY_MODELS[key])
    inferred = categorised.filter(pl.col("category_source") == "inferred").height
    if _CATEGORY_MODELS[key] is not None:
        logger.info("Inferred the category of %d of %d articles without one", inferred, uncategorised)
    return categorised
