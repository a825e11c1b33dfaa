import polars as pl

from transforms.keys import content_hash, key_expr, stable_key


def test_stable_key_is_the_documented_digest():
    # sha256("article\x1f/a.txt")[:16], computed independently of the code under test
    import hashlib

    assert stable_key("article", "/a.txt") == hashlib.sha256(b"article\x1f/a.txt").hexdigest()[:16]


def test_key_parts_are_separated_so_boundaries_matter():
    assert stable_key("ab", "c") != stable_key("a", "bc")


def test_key_expr_matches_stable_key_row_by_row():
    frame = pl.DataFrame({"uri": ["/a.txt", "/b.txt", None]})
    keys = frame.select(key=key_expr(pl.lit("article"), "uri"))["key"].to_list()
    assert keys == [
        stable_key("article", "/a.txt"),
        stable_key("article", "/b.txt"),
        stable_key("article", None),
    ]


def test_content_hash_is_full_sha256():
    assert len(content_hash("x")) == 64
    assert content_hash("x") != content_hash("x ")
