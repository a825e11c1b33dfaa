"""raw records → `stg_articles`: one row per readable article, typed, repaired and keyed.

Records that are not articles (unreadable, empty, no body, a key seen twice in the batch with other content)
come back as quarantine rows with the stage and the reason, never dropped.
"""

import polars as pl

from transforms.dateline import split_dateline
from transforms.keys import content_hash, key_expr
from transforms.repair import repair_text
from transforms.schema import QUARANTINE
from transforms.titles import derived_title

STG_ARTICLES: dict[str, pl.DataType | type[pl.DataType]] = {
    "article_id": pl.String,
    "source_uri": pl.String,
    "source_name": pl.String,
    "source_kind": pl.String,
    "url": pl.String,
    # The source's title, or one derived from the body's first sentence when the source gave none.
    "title": pl.String,
    # source | derived
    "title_source": pl.String,
    "body": pl.String,
    # A wire story's opening place (and agency or date), split from the body: `BAMAKO Mali`.
    "dateline": pl.String,
    "category": pl.String,
    "published_raw": pl.String,
    "authors": pl.String,
    "external_id": pl.String,
    "paragraph_count": pl.Int32,
    "word_count": pl.Int32,
    # SHA-256 of the title and body as read (before repair), so a change of repair rules is not a new version.
    "content_hash": pl.String,
    "payload": pl.String,
}

# About 150,000 words, far beyond any news article; entity recognition refuses longer texts (spaCy's max_length).
MAX_BODY_CHARS = 1_000_000

# A word is a whitespace-separated token with at least one letter or digit: stray punctuation left by
# scraping (`France , Africa`) does not count.
_WORD = r"\S*[\p{L}\p{N}]\S*"


def stg_articles(raw: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split raw records into staged articles and quarantine rows (stage `read` or `stage`)."""
    unreadable = raw.filter(pl.col("read_error").is_not_null())
    readable = raw.filter(pl.col("read_error").is_null()).with_columns(
        pl.col("title").map_elements(repair_text, return_dtype=pl.String).replace("", None),
        pl.col("body").map_elements(repair_text, return_dtype=pl.String).replace("", None),
        pl.col("category").str.strip_chars().str.to_lowercase().replace("", None),
        content_hash=_content_hash(),
    )
    readable = readable.with_columns(
        pl.col("body")
        .map_elements(_split_dateline, return_dtype=pl.Struct({"dateline": pl.String, "body": pl.String}))
        .struct.unnest()
    ).with_columns(pl.col("body").replace("", None))
    no_text = readable.filter(pl.col("body").is_null())
    oversize = readable.filter(pl.col("body").str.len_chars() > MAX_BODY_CHARS)
    articles = readable.filter(pl.col("body").is_not_null() & (pl.col("body").str.len_chars() <= MAX_BODY_CHARS))
    # A key seen twice in one batch (an updated feed item, a re-exported row): the last record is the current one.
    last_of_key = articles.select(pl.col("source_uri").is_last_distinct()).to_series()
    same_key_twice = articles.filter(~last_of_key)
    articles = articles.filter(last_of_key)
    staged = articles.with_columns(
        title_source=pl.when(pl.col("title").is_null()).then(pl.lit("derived")).otherwise(pl.lit("source")),
        title=pl.coalesce("title", pl.col("body").map_elements(derived_title, return_dtype=pl.String)),
        article_id=_article_id(),
        paragraph_count=(pl.col("body").str.count_matches("\n\n") + 1).cast(pl.Int32),
        word_count=pl.col("body").str.count_matches(_WORD).cast(pl.Int32),
    ).select(STG_ARTICLES.keys())
    quarantined = pl.concat(
        [
            _quarantine(unreadable, "read", pl.col("read_error")),
            _quarantine(
                no_text,
                "stage",
                pl.when(pl.col("title").is_null())
                .then(pl.lit("no title and no body"))
                .otherwise(pl.lit("no body: the record has a title but no text")),
            ),
            _quarantine(
                oversize,
                "stage",
                pl.lit(f"body longer than {MAX_BODY_CHARS:,} characters: not one article (a whole site or a dump?)"),
            ),
            _quarantine(
                same_key_twice,
                "stage",
                pl.lit("superseded in batch: a later record has the same source_uri"),
            ),
        ]
    )
    return staged, quarantined


def article_versions(raw: pl.DataFrame) -> pl.DataFrame:
    """(article_id, content_hash) of each readable raw record: the article version staging will make of it.

    Cheap (no repair, no parsing), so a whole read can be looked over before its chunks are staged one by one.
    """
    has_body = pl.col("body").str.strip_chars().str.len_chars() > 0
    readable = raw.filter(pl.col("read_error").is_null() & has_body)
    return readable.select(article_id=_article_id(), content_hash=_content_hash())


def _article_id() -> pl.Expr:
    """The article's key: its natural key, the record's `source_uri` (URL, `path`, `path#N` or `path#id=…`)."""
    return key_expr(pl.lit("article"), "source_uri")


def _content_hash() -> pl.Expr:
    """SHA-256 of the title and body as read."""
    return pl.concat_str(
        [pl.col("title").fill_null("").str.strip_chars(), pl.col("body").fill_null("").str.strip_chars()],
        separator="\n\n",
    ).map_elements(content_hash, return_dtype=pl.String)


def _quarantine(frame: pl.DataFrame, stage: str, reason: pl.Expr) -> pl.DataFrame:
    return frame.select(
        pl.col("source_uri"),
        article_id=pl.lit(None, dtype=pl.String),
        stage=pl.lit(stage),
        reason=reason,
        payload=pl.col("payload"),
    ).cast(QUARANTINE)  # type: ignore[arg-type]


def _split_dateline(body: str) -> dict[str, str | None]:
    dateline, rest = split_dateline(body)
    return {"dateline": dateline, "body": rest.strip()}
