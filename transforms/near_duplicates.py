"""Near-duplicate clusters: syndicated copies of one wire story, a retitled copy with a line added.

Bodies are compared by the Jaccard similarity of their word 3-shingles, estimated with MinHash (128
permutations) and searched with LSH: two bodies sharing at least 80 % of their shingles are near copies.
The 1,781 BBC News articles (100 pairs of copies: 66 byte-identical, 34 near-identical) take about a second
and form 1,680 clusters.

Signatures are stored in the warehouse (`minhash`, `pl.List(pl.UInt64)`, 128 values; DuckDB `UBIGINT[]`), so
an article published in an earlier run is still found as the original of a copy that arrives later. They are
only comparable with the same permutations: `NUM_PERM`, `SEED` and `SCHEME` must never change once stored.

The warehouse, not memory, holds the index: LSH cuts a signature into `BANDS` bands of `ROWS` values, and two
articles are candidates when one band is equal. The warehouse keeps each current article's band hashes
(`etl_article_band`, `warehouse/article_bands.py`) and returns the stored articles that share a band with a chunk's
new ones (`warehouse/sql/runs/near_duplicate_candidates.sql`), so memory follows the chunk, not the warehouse; the
estimated Jaccard similarity then decides among the candidates here. Changing `BANDS` or `ROWS` rebuilds that
index when the warehouse is next migrated.
"""

import re
from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:  # datasketch imports numpy and scipy (half a second): only when signatures are made or compared
    from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
# datasketch 2.0's 64-bit scheme, named rather than left to the default: the default changed in 2.0, and a
# signature made under one scheme is meaningless under another.
SCHEME = "affine64"
SHINGLE_WORDS = 3
THRESHOLD = 0.8
# LSH banding: 21 bands of 6 values make candidates of 99.8 % of pairs at Jaccard 0.8 and 98 % at 0.75, so neither
# banding nor an estimate's noise (±0.035 at 128 values) hides a copy; the estimated Jaccard then decides. (The
# banding datasketch picks for 0.8, 9 × 13, finds only 40 % of the pairs at 0.8 and 69 % at 0.85.)
BANDS, ROWS = 21, 6
SIGNATURE = pl.List(pl.UInt64)

NEAR_DUPLICATES: dict[str, pl.DataType | type[pl.DataType]] = {
    "article_id": pl.String,
    # The article_id of the cluster's first member: the stored original, else the chunk's first.
    "cluster_id": pl.String,
    # False for the first member of a cluster (and every article with no near copy), true for later copies.
    "is_duplicate": pl.Boolean,
    # The body's MinHash signature, NULL for a body with no words.
    "minhash": SIGNATURE,
}

_WORD = re.compile(r"\w+")


def with_minhash(articles: pl.DataFrame) -> pl.DataFrame:
    """The articles with `minhash`, the MinHash signature of their `body` (NULL for a body with no words)."""
    values = [None if s is None else s.hashvalues.tolist() for s in map(minhash_signature, articles["body"])]
    return articles.with_columns(minhash=pl.Series(values, dtype=SIGNATURE))


def near_duplicate_clusters(new: pl.DataFrame, candidates: pl.DataFrame) -> pl.DataFrame:
    """One row per article of `new` (`article_id, minhash`), in order, placed in a cluster (`NEAR_DUPLICATES`).

    `candidates` (`article_id, cluster_id, minhash`, earliest first) are the stored articles that may be near
    copies: those sharing an LSH band with a new one, and earlier versions of the new ones. A new article joins
    the cluster of its earliest near copy, stored ones first; an article already stored (a new version of it)
    keeps its cluster. Chains join: if B copies A and C copies B, all three are A's. An article that is a near
    copy of two clusters joins them: the later one, if it was formed in this chunk, moves into the earlier one
    (a stored cluster is published and stays as it is).
    """
    from datasketch import MinHashLSH

    lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
    signatures: dict[int, MinHash] = {}
    cluster_of: dict[int, str] = {}
    # The earliest key of each cluster: a cluster first seen among the new articles was formed in this chunk.
    first_key: dict[str, int] = {}
    stored_key: dict[str, int] = {}
    # Keys are positions, stored articles first: a smaller key is an earlier article.
    for key, (article_id, cluster_id, values) in enumerate(
        candidates.select("article_id", "cluster_id", "minhash").iter_rows()
    ):
        stored_key[article_id] = key
        cluster_of[key] = cluster_id or article_id
        first_key.setdefault(cluster_of[key], key)
        if values is not None:
            signatures[key] = _from_values(values)
            lsh.insert(key, signatures[key])
    stored = candidates.height
    for offset, (article_id, values) in enumerate(new.select("article_id", "minhash").iter_rows()):
        key = stored + offset
        signature = None if values is None else _from_values(values)
        old_key = stored_key.get(article_id)
        if old_key is not None and old_key in signatures:
            lsh.remove(old_key)  # the version being replaced is no original of its successor
            del signatures[old_key]
        if old_key is not None:
            cluster_of[key] = cluster_of[old_key]
        else:
            copied = sorted(
                {cluster_of[k] for k in _near_copies(signature, lsh, signatures)},
                key=lambda cluster: first_key[cluster],
            )
            cluster_of[key] = copied[0] if copied else article_id
            for later in copied[1:]:
                if first_key[later] >= stored:  # formed in this chunk: not yet written, so it can still move
                    for member, cluster in cluster_of.items():
                        if cluster == later:
                            cluster_of[member] = copied[0]
        first_key.setdefault(cluster_of[key], key)
        if signature is not None:
            signatures[key] = signature
            lsh.insert(key, signature)
    rows = [
        (article_id, cluster_of[stored + offset], cluster_of[stored + offset] != article_id, values)
        for offset, (article_id, values) in enumerate(new.select("article_id", "minhash").iter_rows())
    ]
    return pl.DataFrame(rows, schema=NEAR_DUPLICATES, orient="row")


def minhash_signature(body: str | None) -> "MinHash | None":
    """MinHash of the body's lower-cased word 3-shingles (fewer words: one shingle); None without words."""
    words = _WORD.findall(body.lower()) if body else []
    if not words:
        return None
    width = min(SHINGLE_WORDS, len(words))
    shingles = {" ".join(words[i : i + width]) for i in range(len(words) - width + 1)}
    from datasketch import MinHash

    signature = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    signature.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return signature


def _near_copies(signature: "MinHash | None", lsh: "MinHashLSH", signatures: "dict[int, MinHash]") -> list[int]:
    """Keys of the indexed articles the signature is a near copy of."""
    if signature is None:
        return []
    # LSH proposes candidates with some false positives; the estimated Jaccard similarity decides.
    return [k for k in lsh.query(signature) if signature.jaccard(signatures[k]) >= THRESHOLD]


def _from_values(values: list[int]) -> "MinHash":
    if len(values) != NUM_PERM:
        raise ValueError(f"stored minhash has {len(values)} values, expected {NUM_PERM}: made with other settings")
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=np.array(values, dtype=np.uint64))
