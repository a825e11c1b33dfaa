"""The quality gate: run each table's suite over a staged batch and say what to quarantine and whether to block.

Great Expectations validates pandas frames in an ephemeral context (no files, no network); row-level failures are
read from `unexpected_index_list` (result format COMPLETE) and traced to the articles they belong to.
"""

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import polars as pl

from expectations.suites import DERIVED, reference_flags, suite_definition
from transforms.published import BY_NAME, dimensions, keys_parameter, referring_columns

VALIDATIONS: dict[str, pl.DataType | type[pl.DataType]] = {
    "suite": pl.String,
    "expectation": pl.String,
    "column_name": pl.String,
    "level": pl.String,
    "success": pl.Boolean,
    "element_count": pl.Int64,
    "unexpected_count": pl.Int64,
    "observed_value": pl.String,
    "kwargs": pl.String,
}

QUARANTINED: dict[str, pl.DataType | type[pl.DataType]] = {"article_id": pl.String, "reason": pl.String}


@dataclass
class GateResult:
    """What the gate decided about one batch."""

    blocked_by: list[str] = field(default_factory=list)
    quarantined: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=QUARANTINED))
    validations: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=VALIDATIONS))

    @property
    def passed(self) -> bool:
        return not self.blocked_by


def preload_audit() -> None:
    """Import Great Expectations now (about 3 s, once a process), while the process would only wait, so that the
    first `audit` does not pay for it."""
    import great_expectations  # noqa: F401


def audit(batch: dict[str, pl.DataFrame], parameters: dict[str, Any]) -> GateResult:
    """Validate every table of `batch` against its suite; `parameters` fill the suites' `$PARAMETER`s."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    # GX announces the temporary folder of its unused Data Docs site at INFO on every context.
    logging.getLogger("great_expectations.data_context.types.base").setLevel(logging.WARNING)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("staged")
    validation_rows: list[dict[str, Any]] = []
    failing: list[pl.DataFrame] = []
    blocked_by: list[str] = []
    for table, frame in batch.items():
        suite = _suite(gx, table)
        definition = source.add_dataframe_asset(table).add_batch_definition_whole_dataframe(table)
        frame = frame.with_columns(**DERIVED.get(table, {}), **reference_flags(table, parameters))
        result = definition.get_batch(batch_parameters={"dataframe": frame.to_pandas()}).validate(
            suite, expectation_parameters=parameters, result_format="COMPLETE"
        )
        for outcome in result.results:
            config = outcome.expectation_config
            level = config.meta.get("level", "batch")
            column = config.kwargs.get("column")
            described = _describe(table, config.type, column, config.meta.get("reason"))
            validation_rows.append(_validation_row(table, outcome, level, column))
            if outcome.exception_info and outcome.exception_info.get("raised_exception"):
                blocked_by.append(f"{described}: {outcome.exception_info.get('exception_message')}")
                continue
            rows = outcome.result.get("unexpected_index_list") or []
            if level == "row" and rows:
                failing.append(_owners(batch, table, frame[list(rows)], described))
            if not outcome.success:
                share = outcome.result.get("unexpected_percent")
                blocked_by.append(
                    described + (f": {share:.0f}% of rows fail" if level == "row" and share is not None else "")
                )
    quarantined = (
        pl.concat(failing).group_by("article_id", maintain_order=True).agg(pl.col("reason").unique().str.join("; "))
        if failing
        else pl.DataFrame(schema=QUARANTINED)
    )
    return GateResult(blocked_by, quarantined, pl.DataFrame(validation_rows, schema=VALIDATIONS))


def parameters(
    batch: dict[str, pl.DataFrame],
    published_keys: dict[str, list[Any]],
    *,
    max_failing_share: float,
    now: datetime,
) -> dict[str, Any]:
    """The values suites take at run time: keys a fact may refer to, the tolerated failing share, today."""

    def keys(table: str) -> list[Any]:
        (key,) = BY_NAME[table].key
        staged = batch[table][key].to_list() if table in batch else []
        return sorted(set(staged) | set(published_keys.get(table, [])))

    return {
        # Keys a fact may refer to: the batch's own and the published ones it refers to.
        **{keys_parameter(t.name): keys(t.name) for t in dimensions()},
        # Facts below the article refer to article versions of the same batch.
        keys_parameter("fct_article"): batch["fct_article"]["article_key"].to_list() if "fct_article" in batch else [],
        "country_codes": _country_codes(),
        "row_mostly": 1.0 - max_failing_share,
        "earliest_published": "1800-01-01T00:00:00+00:00",
        "latest_published": now.replace(microsecond=0).isoformat(),
    }


def _country_codes() -> list[str]:
    """ISO 3166-1 alpha-2, and XK: Kosovo's user-assigned code, which GeoNames, the EU and most data sets use."""
    import pycountry

    return sorted({country.alpha_2 for country in pycountry.countries} | {"XK"})


def _suite(gx: Any, table: str) -> Any:
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    definition = suite_definition(table)
    expectations = [
        ExpectationConfiguration(type=e["type"], kwargs=e["kwargs"], meta=e.get("meta", {})).to_domain_obj()
        for e in definition["expectations"]
    ]
    return gx.ExpectationSuite(name=definition["name"], expectations=expectations, meta=definition.get("meta"))


def _owners(batch: dict[str, pl.DataFrame], table: str, rows: pl.DataFrame, reason: str) -> pl.DataFrame:
    """The articles that the failing `rows` of `table` belong to, each with the reason."""
    if "article_id" in rows.columns:
        owners = rows.select("article_id")
    else:
        owners = pl.concat(
            [
                batch[fact].join(rows.select(pl.col(rows.columns[0]).alias(column)), on=column).select("article_id")
                for fact, column in referring_columns(table)
            ]
        )
    return owners.unique().with_columns(reason=pl.lit(reason))


def _describe(table: str, expectation: str, column: str | None, reason: str | None) -> str:
    where = f"{table}.{column}" if column else table
    return f"{reason} ({where}: {expectation})" if reason else f"{where}: {expectation}"


def _validation_row(table: str, outcome: Any, level: str, column: str | None) -> dict[str, Any]:
    config = outcome.expectation_config
    observed = outcome.result.get("observed_value")
    # A long value set (the country codes) is recorded by its size, not its members.
    kwargs = {
        k: {"values": len(v)} if isinstance(v, list | set | tuple) and len(v) > 20 else v
        for k, v in config.kwargs.items()
        if k not in ("batch_id", "column")
    }
    return {
        "suite": table,
        "expectation": config.type,
        "column_name": column,
        "level": level,
        "success": bool(outcome.success),
        "element_count": outcome.result.get("element_count"),
        "unexpected_count": outcome.result.get("unexpected_count"),
        "observed_value": None if observed is None else json.dumps(observed, default=str)[:1000],
        "kwargs": json.dumps(kwargs, default=str),
    }
