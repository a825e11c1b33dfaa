"""Writing the report: query the warehouse, draw the charts, render the pages with autoescaping templates."""

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

import warehouse.report.coverage as coverage
import warehouse.report.health as health
import warehouse.report.sources as sources
from warehouse.report.charts import ChartFolder
from warehouse.report.subject import subject_places

PAGES = {"index.html": "index.html.j2", "quality.html": "quality.html.j2"}


def write_report(
    con: duckdb.DuckDBPyConnection, out_dir: Path, *, about: str | None = None, now: datetime | None = None
) -> Path:
    """Write `out_dir/index.html`, `out_dir/quality.html` and their charts (`out_dir/charts/*.svg`); return the index.

    `con` may be read-only: the report only reads the published views (and `fct_article` for ingestion dates).
    `about` names the subject of the places-by-week section (`Mali`); `now` is the generated-at time shown.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    context = gather(con, ChartFolder(out_dir), about=about.strip() if about else None)
    context["generated_at"] = (now or datetime.now(UTC)).astimezone(UTC)
    env = environment()
    for page, template in PAGES.items():
        (out_dir / page).write_text(env.get_template(template).render(context), encoding="utf-8")
    return out_dir / "index.html"


def gather(con: duckdb.DuckDBPyConnection, charts: ChartFolder, *, about: str | None) -> dict[str, Any]:
    """Everything both pages show, one entry per section."""
    return {
        "about": about,
        "totals": coverage.totals(con),
        "subject": subject_places(con, charts, about),
        "timeline": coverage.articles_over_time(con, charts),
        "entities": coverage.top_entities(con),
        "places": coverage.places(con, charts),
        "tone": coverage.tone(con, charts),
        "duplicates": health.duplicates(con),
        "quarantine": health.quarantine(con),
        "runs": health.latest_runs(con),
        "quality": health.validations(con, charts),
        "scorecard": sources.source_scorecard(con, charts),
    }


def environment() -> Environment:
    """Templates from `warehouse/report/templates`, every value HTML-escaped (nothing is ever marked safe)."""
    env = Environment(
        loader=PackageLoader("warehouse.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(num=_number, when=_when, day=_day, seconds=_seconds, tail=_tail)
    return env


def _number(value: int | float | None) -> str:
    """`1,234`; a dash for no value."""
    if value is None:
        return "–"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def _when(moment: datetime | None, zone: bool = True) -> str:
    """`2024-03-05 10:00 UTC`, or without the zone where a column header names it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M" + (" UTC" if zone else "")) if moment else "–"


def _day(day: date | None) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}" if day else "–"


def _seconds(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds:.1f} s" if seconds < 120 else f"{seconds / 60:.1f} min"


def _tail(text: str | None, limit: int) -> str:
    """The end of a long path or URI, where the file name is: `…/business/007.txt`."""
    if not text:
        return ""
    return text if len(text) <= limit else "…" + text[-(limit - 1) :]
