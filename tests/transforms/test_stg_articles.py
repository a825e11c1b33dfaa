import polars as pl
from polars.testing import assert_frame_equal

from transforms.keys import content_hash, stable_key
from transforms.schema import raw_articles
from transforms.stg_articles import stg_articles


def record(uri: str, title: str | None, body: str | None, **extra: str | None) -> dict:
    return {
        "source_uri": uri,
        "source_name": "s",
        "source_kind": "text",
        "title": title,
        "body": body,
        "payload": f"{title}\n\n{body}",
    } | extra


def test_articles_are_keyed_counted_and_hashed():
    staged, quarantined = stg_articles(raw_articles([record("/a.txt", "T", "One two, three.\n\nFour — 5")]))
    assert quarantined.height == 0
    assert_frame_equal(
        staged.select("article_id", "title", "body", "paragraph_count", "word_count", "content_hash"),
        pl.DataFrame(
            {
                "article_id": [stable_key("article", "/a.txt")],
                "title": ["T"],
                "body": ["One two, three.\n\nFour — 5"],
                "paragraph_count": [2],
                # a dash standing alone is punctuation, not a word
                "word_count": [5],
                "content_hash": [content_hash("T\n\nOne two, three.\n\nFour — 5")],
            },
            schema_overrides={"paragraph_count": pl.Int32, "word_count": pl.Int32},
        ),
    )


def test_whitespace_is_repaired_and_category_normalised():
    staged, _ = stg_articles(
        raw_articles([record("/a.txt", "  Spaced   title ", "a  b\nc\n\n\n\nd", category=" Business ")])
    )
    row = staged.row(0, named=True)
    assert (row["title"], row["body"], row["category"]) == ("Spaced title", "a b c\n\nd", "business")


def test_every_record_is_staged_or_quarantined_with_a_reason():
    raw = raw_articles(
        [
            record("/ok.txt", "T", "body"),
            record("/bad.bin", None, None, read_error="binary content: NUL bytes are not text"),
            record("/title.txt", "Only a title", ""),
            record("/none.txt", "", "  "),
            record("/ok.txt", "T2", "other body"),  # the same natural key twice in one batch
        ]
    )
    staged, quarantined = stg_articles(raw)
    assert staged.select("source_uri", "title").rows() == [("/ok.txt", "T2")]  # the last record with a key wins
    assert_frame_equal(
        quarantined.select("source_uri", "stage", "reason"),
        pl.DataFrame(
            {
                "source_uri": ["/bad.bin", "/title.txt", "/none.txt", "/ok.txt"],
                "stage": ["read", "stage", "stage", "stage"],
                "reason": [
                    "binary content: NUL bytes are not text",
                    "no body: the record has a title but no text",
                    "no title and no body",
                    "superseded in batch: a later record has the same source_uri",
                ],
            }
        ),
    )


def test_empty_input():
    staged, quarantined = stg_articles(raw_articles([]))
    assert staged.height == 0 and quarantined.height == 0


def test_an_article_without_a_title_gets_its_first_sentence_as_one():
    raw = raw_articles(
        [
            record("/a.txt", None, "Shares rose on Monday. Analysts agreed."),
            record("/b.txt", "Markets rally", "Shares rose on Monday."),
        ]
    )
    staged, quarantined = stg_articles(raw)
    assert quarantined.height == 0
    assert staged.select("title", "title_source").rows() == [
        ("Shares rose on Monday", "derived"),
        ("Markets rally", "source"),
    ]
    # The version is of the text as read: deriving a title does not change the content hash.
    assert staged["content_hash"][0] == content_hash("\n\nShares rose on Monday. Analysts agreed.")
