"""Stable surrogate keys: the same natural key gives the same key on every run and machine.

polars' own `hash` is seeded per version and platform, so keys are SHA-256 digests of the natural key's parts,
joined by the unit separator, truncated to 64 bits (16 hex digits): collisions are negligible below billions of rows.
"""

import hashlib

import polars as pl

_SEPARATOR = "\x1f"


def stable_key(*parts: str | int | None) -> str:
    """The surrogate key of one natural key; None parts hash as the empty string."""
    text = _SEPARATOR.join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def content_hash(text: str) -> str:
    """Full SHA-256 of a text: detects a changed article under the same natural key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def key_expr(*columns: str | pl.Expr) -> pl.Expr:
    """A polars expression computing `stable_key` over columns, row by row (null for a row of all nulls)."""
    exprs = [pl.col(c) if isinstance(c, str) else c for c in columns]
    joined = pl.concat_str([e.cast(pl.String).fill_null("") for e in exprs], separator=_SEPARATOR)
    return joined.map_batches(
        lambda s: pl.Series([hashlib.sha256(v.encode("utf-8")).hexdigest()[:16] for v in s.to_list()], dtype=pl.String),
        return_dtype=pl.String,
    )
