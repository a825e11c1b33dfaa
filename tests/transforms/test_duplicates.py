import polars as pl
from polars.testing import assert_frame_equal

from transforms.duplicates import PUBLISHED_STATE, split_duplicates


def staged(rows: list[tuple[str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_id": [a for a, _ in rows],
            "source_uri": [f"/{a}" for a, _ in rows],
            "content_hash": [h for _, h in rows],
        }
    )


def test_copies_within_a_batch_keep_the_first():
    new, duplicates = split_duplicates(
        staged([("a", "h1"), ("b", "h2"), ("c", "h1")]), pl.DataFrame(schema=PUBLISHED_STATE)
    )
    assert new["article_id"].to_list() == ["a", "b"]
    assert_frame_equal(
        duplicates.select("article_id", "duplicate_of", "kind"),
        pl.DataFrame({"article_id": ["c"], "duplicate_of": ["a"], "kind": ["copy"]}),
    )


def test_published_content_is_unchanged_or_a_copy_and_changed_content_is_new():
    published = pl.DataFrame({"article_id": ["a", "x"], "content_hash": ["h1", "hx"]}, schema=PUBLISHED_STATE)
    new, duplicates = split_duplicates(staged([("a", "h1"), ("b", "hx"), ("x", "h9")]), published)
    assert new["article_id"].to_list() == ["x"]  # a new version of x
    assert_frame_equal(
        duplicates.select("article_id", "duplicate_of", "kind"),
        pl.DataFrame({"article_id": ["a", "b"], "duplicate_of": ["a", "x"], "kind": ["unchanged", "copy"]}),
    )


def test_empty_input():
    new, duplicates = split_duplicates(
        staged([]).cast({"article_id": pl.String, "source_uri": pl.String, "content_hash": pl.String}),
        pl.DataFrame(schema=PUBLISHED_STATE),
    )
    assert new.height == 0 and duplicates.height == 0
