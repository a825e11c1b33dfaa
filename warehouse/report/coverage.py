"""What the warehouse covers: totals, articles over time, who and what is mentioned, where, and in what tone."""

from collections import Counter
from datetime import date
from typing import Any

import duckdb
import pycountry

from warehouse.report.charts import ChartFolder, bars_over_time, hbars, tone_line
from warehouse.report.maps import world
from warehouse.report.queries import Row, one, rows

DAILY_UP_TO_DAYS = 62  # spans longer than about two months are counted by week
SERIES = 7  # categories or sources drawn in their own colour; the rest are "other"
TOP_ENTITIES = 12
ENTITY_GROUPS = (("person", "People"), ("organization", "Organisations"), ("location", "Places"))


def totals(con: duckdb.DuckDBPyConnection) -> Row:
    """Articles, sources, categories, entities mentioned and runs in the warehouse."""
    return one(con, "totals")


def country_name(code: str) -> str:
    """`Mali` for `ML`; the code itself when ISO 3166 does not know it (`XK`)."""
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else code


def _stacked(periods: list[date], keyed: Counter) -> dict[str, list[int]]:
    """Counts per period for the largest series, then one "other" series for the rest."""
    totals_by_name: Counter[str] = Counter()
    for (_, name), count in keyed.items():
        totals_by_name[name] += count
    ranked = [name for name, _ in sorted(totals_by_name.items(), key=lambda item: (-item[1], item[0]))]
    shown = ranked if len(ranked) <= SERIES + 1 else ranked[:SERIES]
    series = {name: [keyed[(period, name)] for period in periods] for name in shown}
    rest = [name for name in ranked if name not in shown]
    if rest:
        series["other"] = [sum(keyed[(period, name)] for name in rest) for period in periods]
    return series


def articles_over_time(con: duckdb.DuckDBPyConnection, charts: ChartFolder) -> dict[str, Any]:
    """Articles per day (or per week over long spans), stacked by category and by source."""
    span = one(con, "article_span")
    if span["first_day"] is None:
        return {"span": span, "unit": None, "charts": []}
    unit = "day" if (span["last_day"] - span["first_day"]).days <= DAILY_UP_TO_DAYS else "week"
    dated = rows(con, "article_dates", unit=unit)
    periods = sorted({row["period"] for row in dated})
    drawn = []
    for key, name, what in (
        ("category", "articles_by_category", "category"),
        ("source_name", "articles_by_source", "source"),
    ):
        keyed = Counter((row["period"], row[key]) for row in dated)
        series = _stacked(periods, keyed)
        bars_over_time(charts.path(name), periods, series, unit)
        drawn.append(charts.chart(name, f"Articles per {unit} by {what}: " + ", ".join(series)))
    return {"span": span, "unit": unit, "charts": drawn}


def top_entities(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The people, organisations and places most articles mention, with article and mention counts."""
    groups = []
    for entity_type, title in ENTITY_GROUPS:
        found = rows(con, "top_entities", entity_type=entity_type, limit=TOP_ENTITIES)
        top = max((row["articles"] for row in found), default=0)
        for row in found:
            row["share"] = 100 * row["articles"] / top if top else 0
        groups.append({"title": title, "rows": found})
    return groups


def places(con: duckdb.DuckDBPyConnection, charts: ChartFolder) -> dict[str, Any]:
    """Where coverage is: mentioned places on a lon/lat grid, and mentions by country."""
    points = rows(con, "place_points")
    countries = rows(con, "places_by_country")
    for row in countries:
        row["country"] = country_name(row["country_code"])
    drawn = []
    if points:
        world(
            charts.path("places_map"),
            [p["entity_name"] for p in points],
            [p["longitude"] for p in points],
            [p["latitude"] for p in points],
            [p["mentions"] for p in points],
        )
        drawn.append(charts.chart("places_map", f"Map of the {len(points)} places mentioned, sized by mentions"))
    if countries:
        shown = countries[:15]
        hbars(
            charts.path("places_by_country"),
            [f"{c['country']} ({c['country_code']})" for c in shown],
            [c["mentions"] for c in shown],
            "mentions of places in the country",
        )
        drawn.append(charts.chart("places_by_country", "Mentions of places by country, most first"))
    top = max((row["mentions"] for row in countries), default=0)
    for row in countries:
        row["share"] = 100 * row["mentions"] / top if top else 0
    return {"points": len(points), "countries": countries[:15], "country_count": len(countries), "charts": drawn}


def tone(con: duckdb.DuckDBPyConnection, charts: ChartFolder) -> dict[str, Any]:
    """Average sentiment of each week's articles; nothing to draw when no article has a score."""
    weeks = [row for row in rows(con, "tone_by_week") if row["scored"]]
    if not weeks:
        return {"weeks": [], "chart": None}
    tone_line(charts.path("tone_by_week"), [w["week"] for w in weeks], [w["sentiment"] for w in weeks])
    chart = charts.chart("tone_by_week", f"Average tone per week over {len(weeks)} weeks")
    return {"weeks": weeks, "chart": chart}
