"""`dim_date`: the conformed calendar, one row per day that any fact refers to."""

import polars as pl

from transforms.published import DIM_DATE


def date_key(column: str | pl.Expr) -> pl.Expr:
    """The yyyymmdd integer key of a date or datetime column (null stays null)."""
    expr = pl.col(column) if isinstance(column, str) else column
    return expr.dt.strftime("%Y%m%d").cast(pl.Int32)


def dim_date(days: pl.Series, load_id: int) -> pl.DataFrame:
    """One row per distinct non-null day in `days`, with the calendar attributes reports group by."""
    frame = pl.DataFrame({"date": days.cast(pl.Date).drop_nulls().unique().sort()}, schema={"date": pl.Date})
    return frame.select(
        date_key=date_key("date"),
        date=pl.col("date"),
        year=pl.col("date").dt.year(),
        quarter=pl.col("date").dt.quarter(),
        month=pl.col("date").dt.month(),
        month_name=pl.col("date").dt.strftime("%B"),
        day=pl.col("date").dt.day(),
        day_of_week=pl.col("date").dt.weekday(),
        day_name=pl.col("date").dt.strftime("%A"),
        iso_year=pl.col("date").dt.iso_year(),
        iso_week=pl.col("date").dt.week(),
        week_start=pl.col("date") - pl.duration(days=pl.col("date").dt.weekday() - 1),
        is_weekend=pl.col("date").dt.weekday() >= 6,
        load_id=pl.lit(load_id),
    ).cast(DIM_DATE.columns)  # type: ignore[arg-type]
