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
    published = pl.DataFrame(
        {"article_id": ["a", "x", "y"], "content_hash": ["h1", "hx", "hy"]}, schema=PUBLISHED_STATE
    )
    new, duplicates = split_duplicates(staged([("a", "h1"), ("b", "hx"), ("y", "h9")]), published)
    assert new["article_id"].to_list() == ["y"]  # a new version of y
    assert_frame_equal(
        duplicates.select("article_id", "duplicate_of", "kind"),
        pl.DataFrame({"article_id": ["a", "b"], "duplicate_of": ["a", "x"], "kind": ["unchanged", "copy"]}),
    )


def test_content_of_an_article_that_gets_new_content_is_no_copy():
    # x is edited in this batch while b repeats x's old text: b is the only place that text stays current.
    published = pl.DataFrame({"article_id": ["x"], "content_hash": ["hx"]}, schema=PUBLISHED_STATE)
    new, duplicates = split_duplicates(staged([("b", "hx"), ("x", "h9")]), published)
    assert new["article_id"].to_list() == ["b", "x"]
    assert duplicates.height == 0


def test_a_row_inserted_into_an_export_keyed_by_position_loses_no_article():
    # A CSV with neither URLs nor ids: a row inserted at the top moves every text to the next key.
    published = pl.DataFrame(
        {"article_id": ["#1", "#2", "#3"], "content_hash": ["A", "B", "C"]}, schema=PUBLISHED_STATE
    )
    rows = [("#1", "new"), ("#2", "A"), ("#3", "B"), ("#4", "C")]
    # The whole read is staged in slices of two; each slice is told what the whole read brings.
    incoming = staged(rows).select("article_id", "content_hash")
    first, first_duplicates = split_duplicates(staged(rows[:2]), published, incoming)
    current = pl.concat([published.filter(~pl.col("article_id").is_in(["#1", "#2"])), first.select(published.columns)])
    second, second_duplicates = split_duplicates(staged(rows[2:]), current, incoming)
    assert first_duplicates.height == 0 and second_duplicates.height == 0
    loaded = pl.concat([first, second])
    assert sorted(loaded["content_hash"]) == ["A", "B", "C", "new"]


def test_a_row_deleted_from_an_export_keyed_by_position_loses_no_article():
    # The first row deleted: every text moves to the previous key, across the slices the read is staged in.
    published = pl.DataFrame(
        {"article_id": ["#1", "#2", "#3"], "content_hash": ["A", "B", "C"]}, schema=PUBLISHED_STATE
    )
    rows = [("#1", "B"), ("#2", "C")]
    incoming = staged(rows).select("article_id", "content_hash")
    first, first_duplicates = split_duplicates(staged(rows[:1]), published, incoming)
    assert first_duplicates.height == 0  # without `incoming`, B would be a copy of #2 and #1 would keep A
    assert first["content_hash"].to_list() == ["B"]


def test_empty_input():
    new, duplicates = split_duplicates(
        staged([]).cast({"article_id": pl.String, "source_uri": pl.String, "content_hash": pl.String}),
        pl.DataFrame(schema=PUBLISHED_STATE),
    )
    assert new.height == 0 and duplicates.height == 0
