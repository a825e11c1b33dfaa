"""The expectation suites, one per published table.

A table's structural expectations follow from its declaration (`transforms.published`): its columns, NOT NULL for
every column that may not be null, a unique key, and each relationship to the table whose key a column holds. Its
rules about values (ranges, sets, lengths, patterns) are kept as Great Expectations suite JSON in `suites/`.

Each expectation's `meta.level` says what a failure means: `row` quarantines the failing rows' articles (and blocks
the batch only when more than the tolerated share fails), `batch` blocks the whole batch.
"""

import json
from functools import cache
from importlib.resources import files
from typing import Any

import polars as pl

from transforms.published import BY_NAME, Table, keys_parameter

_ROOT = files("expectations") / "suites"

# Columns the gate adds before validating, for checks across rows that GX has no expectation for.
DERIVED: dict[str, dict[str, pl.Expr]] = {
    "fct_entity_mention": {"article_weight_sum": pl.col("weight").sum().over("article_key")},
    # A title derived from the body is held to a headline's length; a source's own title to the general limit.
    "fct_article": {
        "derived_title_length": pl.when(pl.col("title_source") == "derived").then(pl.col("title").str.len_chars())
    },
    # A country read from the text places an entity no gazetteer knows: it has a country, and no coordinates or
    # gazetteer id (true when one of those is wrong; null for the gazetteers' own entities).
    "dim_entity": {
        "inferred_country_misplaced": pl.when(pl.col("country_inferred")).then(
            pl.col("country_code").is_null()
            | pl.col("latitude").is_not_null()
            | pl.col("longitude").is_not_null()
            | pl.col("gazetteer_id").is_not_null()
        )
    },
}


def reference_column(column: str, target: str) -> str:
    """The column the gate adds to say whether `column` holds a key of `target`: `entity_id_in_dim_entity`."""
    return f"{column}_in_{target}"


def reference_flags(table: str, parameters: dict[str, Any]) -> dict[str, pl.Expr]:
    """One column per relationship of `table`: true where the row's key is one `parameters` lists for the target
    (the batch's own and the published ones), null where the row holds no key.

    Great Expectations re-serialises an expectation's arguments for every metric it resolves, so a value set of
    every dimension key (12,000 entity ids for the BBC folder) cost 2.7 s of a 3.8 s audit; the membership is
    computed here once and the suite expects it true.
    """
    return {
        reference_column(column, target): pl.col(column).is_in(parameters[keys_parameter(target)])
        for column, target in BY_NAME[table].references.items()
    }


@cache
def suite_definition(table: str) -> dict[str, Any]:
    """The suite of one published table: its structural expectations, then its value rules."""
    rules = value_rules(table)
    return rules | {"expectations": structural_expectations(BY_NAME[table]) + rules["expectations"]}


@cache
def value_rules(table: str) -> dict[str, Any]:
    """The suite JSON kept for one published table: its rules about values."""
    return json.loads((_ROOT / f"{table}.json").read_text(encoding="utf-8"))


def structural_expectations(table: Table) -> list[dict[str, Any]]:
    """Columns, not-null, unique key and relationships of `table`, as expectation configurations."""
    batch = {"level": "batch"}
    references = {column: reference_column(column, target) for column, target in table.references.items()}
    columns = [*table.columns, *DERIVED.get(table.name, {}), *references.values()]
    expectations: list[dict[str, Any]] = [
        {"type": "expect_table_columns_to_match_set", "kwargs": {"column_set": columns, "exact_match": True}}
    ]
    expectations += [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": column}}
        for column in table.columns
        if column not in table.nullable
    ]
    if len(table.key) == 1:
        expectations.append({"type": "expect_column_values_to_be_unique", "kwargs": {"column": table.key[0]}})
    else:
        unique = {"column_list": list(table.key)}
        expectations.append({"type": "expect_compound_columns_to_be_unique", "kwargs": unique})
    expectations += [
        {
            "type": "expect_column_values_to_be_in_set",
            "kwargs": {"column": references[column], "value_set": [True]},
            "meta": batch | {"reason": f"{column} refers to no {target} row published or in the batch"},
        }
        for column, target in table.references.items()
    ]
    return [{"meta": batch} | expectation for expectation in expectations]


def suite_tables() -> list[str]:
    """Every table that has a suite."""
    return sorted(entry.name.removesuffix(".json") for entry in _ROOT.iterdir() if entry.name.endswith(".json"))
