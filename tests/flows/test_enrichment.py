"""How a batch is shared out among the workers that enrich it."""

import polars as pl
import pytest

from flows.enrichment import sub_batches


def articles(n: int) -> pl.DataFrame:
    return pl.DataFrame({"article_id": [f"a{i}" for i in range(n)]})


@pytest.mark.parametrize(
    ("height", "workers", "most"), [(1715, 2, 200), (888, 2, 200), (5, 2, 2), (1000, 3, 100), (7, 4, 200)]
)
def test_shares_cover_the_batch_in_order_equal_and_a_whole_number_a_worker(height, workers, most):
    shares = sub_batches(articles(height), workers, most)
    assert pl.concat(shares)["article_id"].to_list() == articles(height)["article_id"].to_list()
    sizes = [share.height for share in shares]
    assert max(sizes) <= most
    assert max(sizes) - min(sizes) <= 1  # no short share left for one worker alone
    assert len(shares) >= min(height, 2 * workers)
    if height >= 2 * workers:
        assert len(shares) % workers == 0


def test_the_bbc_batch_ends_together_on_two_workers():
    # 1,715 new BBC articles at 200 a share were 8 full shares and one of 115, enriched alone at the end.
    assert [share.height for share in sub_batches(articles(1715), 2, 200)] == [172] * 5 + [171] * 5


def test_one_share_without_workers_or_articles():
    assert [s.height for s in sub_batches(articles(10), 1, 2)] == [10]
    assert [s.height for s in sub_batches(articles(0), 2, 2)] == [0]
