"""Small literal warehouses for the report, written with parameterised INSERTs (no Prefect flow: too slow here)."""

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

import duckdb
import pytest

from warehouse.migrate import migrate
from warehouse.report import write_report

NOW = datetime(2024, 3, 21, 12, 0, tzinfo=UTC)
HOSTILE_TITLE = '<script>alert("x")</script> & Mali\'s "army"'
HOSTILE_LABEL = "<script>alert(1)</script>"  # a category and a place name: both end up as chart labels

SOURCES = [("s-wire", "wire"), ("s-bbc", "bbc")]
CATEGORIES = [("c-world", "world"), ("c-hostile", HOSTILE_LABEL)]
# entity_id: (name, type, country, latitude, longitude)
ENTITIES = {
    "e-mali": ("Mali", "location", "ML", 17.57, -3.99),
    "e-bamako": ("<b>Bamako</b>", "location", "ML", 12.65, -8.0),
    "e-gao": ("Gao", "location", "ML", 16.27, -0.04),
    "e-timbuktu": ("Timbuktu", "location", "ML", 16.77, -3.01),
    "e-niamey": ("Niamey", "location", "NE", 13.51, 2.11),
    "e-london": ("London", "location", "GB", 51.51, -0.13),
    "e-hostile": (HOSTILE_LABEL, "location", "GB", 53.48, -2.24),
    "e-goita": ("Assimi Goïta", "person", None, None, None),
    "e-un": ("United Nations", "organization", None, None, None),
}


class Article(NamedTuple):
    """One version of an article and the entities it mentions, each with its surfaces as written."""

    article_id: str
    title: str
    body: str
    published: datetime | None
    ingested: datetime
    source: str
    category: str
    sentiment: float
    current: bool
    mentions: dict[str, list[str]]


WIRE = ("s-wire", "c-world")
# fmt: off
ARTICLES = {
    # the current version of a1: about Mali by its title ("Mali's" is the word Mali)
    "a1v2": Article(
        "a1", HOSTILE_TITLE, "BAMAKO Soldiers left Gao on Monday; Mali said.", datetime(2024, 3, 5, 9, tzinfo=UTC),
        datetime(2024, 3, 21, 8, tzinfo=UTC), *WIRE, -0.6, True,
        {"e-mali": ["Mali", "Mali"], "e-bamako": ["BAMAKO"], "e-gao": ["Gao"], "e-un": ["UN"]},
    ),
    # its earlier version, no longer current: must count nowhere
    "a1v1": Article(
        "a1", "Mali army", "Mali and Gao.", datetime(2024, 2, 27, 9, tzinfo=UTC),
        datetime(2024, 3, 1, 8, tzinfo=UTC), *WIRE, -0.9, False, {"e-mali": ["Mali"]},
    ),
    # about Mali only through the entity: "Malian" is not the word Mali
    "a2": Article(
        "a2", "Sahel talks in Niamey", "Malian delegates met in Niamey, then Timbuktu. Timbuktu was calm.",
        datetime(2024, 3, 12, 15, tzinfo=UTC), datetime(2024, 3, 21, 8, tzinfo=UTC), *WIRE, -0.2, True,
        {"e-mali": ["Malian"], "e-timbuktu": ["Timbuktu", "Timbuktu"], "e-niamey": ["Niamey"], "e-goita": ["Goïta"]},
    ),
    # not about Mali ("Somalia" contains the letters, not the word), and without a publication date
    "a3": Article(
        "a3", "Markets rally", "Shipping off Somalia resumed; shares rose in London.", None,
        datetime(2024, 3, 20, 8, tzinfo=UTC), "s-bbc", "c-hostile", 0.4, True,
        {"e-london": ["London"], "e-hostile": ["Manchester"]},
    ),
}
# fmt: on
RUNS = [
    (1, "published", datetime(2024, 3, 21, 8, tzinfo=UTC), 5, 3, 1, 1, 0, "Load 1 published"),
    (2, "blocked", datetime(2024, 3, 21, 9, tzinfo=UTC), 1, 0, 0, 1, 1, "<i>blocked</i> by the gate"),
]
QUARANTINE = [
    (1, "/data/wire/empty.txt", "read", "empty file", ""),
    (2, "https://news.example/story?id=<x>", "audit", "<i>title over 300 characters</i>", HOSTILE_TITLE),
]
VALIDATIONS = [
    (1, "fct_article", "expect_column_values_to_not_be_null", "article_key", "batch", True, 3, 0, None),
    (1, "fct_article", "expect_column_value_lengths_to_be_between", "title", "row", True, 3, 0, None),
    (2, "fct_article", "expect_column_values_to_not_be_null", "article_key", "batch", True, 1, 0, None),
    (
        2,
        "fct_article",
        "expect_column_value_lengths_to_be_between",
        "title",
        "row",
        False,
        1,
        1,
        '{"partial_unexpected_list": ["<script>alert(1)</script>"]}',
    ),
]


def _date_key(moment: datetime | None) -> int | None:
    return int(moment.strftime("%Y%m%d")) if moment else None


def _date_row(day: date) -> list:
    iso = day.isocalendar()
    return [
        int(day.strftime("%Y%m%d")),
        day,
        day.year,
        (day.month - 1) // 3 + 1,
        day.month,
        day.strftime("%B"),
        day.day,
        iso.weekday,
        day.strftime("%A"),
        iso.year,
        iso.week,
        day - timedelta(days=iso.weekday - 1),
        iso.weekday >= 6,
        1,
    ]


def fill(con: duckdb.DuckDBPyConnection) -> None:
    """The literal rows above, in every table the report reads."""
    con.executemany("INSERT INTO dim_source (source_key, source_name, load_id) VALUES (?, ?, 1)", SOURCES)
    con.executemany("INSERT INTO dim_category (category_key, category_name, load_id) VALUES (?, ?, 1)", CATEGORIES)
    days = {moment.date() for a in ARTICLES.values() for moment in (a.published, a.ingested) if moment}
    con.executemany(
        "INSERT INTO dim_date VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_date_row(day) for day in sorted(days)],
    )
    con.executemany(
        "INSERT INTO dim_entity (entity_id, entity_name, entity_type, country_code, latitude, longitude,"
        " country_inferred, load_id) VALUES (?, ?, ?, ?, ?, ?, false, 1)",
        [(key, *entity) for key, entity in ENTITIES.items()],
    )
    for key, a in ARTICLES.items():
        con.execute(
            "INSERT INTO fct_article (article_key, article_id, source_uri, source_key, source_kind, category_key,"
            " published_date_key, ingested_date_key, published_at, ingested_at, title, body, word_count,"
            " paragraph_count, sentiment, is_duplicate, content_hash, version, valid_from, is_current, load_id,"
            " cluster_id)"
            " VALUES (?, ?, ?, ?, 'text', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, false, ?, ?, ?, ?, 1, ?)",
            [key, a.article_id, f"/data/{a.article_id}.txt", a.source, a.category, _date_key(a.published),
             _date_key(a.ingested), a.published, a.ingested, a.title, a.body, len(a.body.split()), a.sentiment,
             f"hash-{key}", 2 if a.current else 1, a.ingested, a.current, a.article_id],
        )  # fmt: skip
        total = sum(len(surfaces) for surfaces in a.mentions.values())
        for offset, (entity_id, surfaces) in enumerate(a.mentions.items()):
            con.execute(
                "INSERT INTO fct_entity_mention VALUES (?, ?, ?, ?, ?, ?, 1)",
                [key, a.article_id, entity_id, len(surfaces), offset, len(surfaces) / total],
            )
            con.executemany(
                "INSERT INTO fct_entity_occurrence VALUES (?, ?, ?, ?, 'body', ?, ?, false, 1)",
                [(key, a.article_id, entity_id, s, i, i + len(s)) for i, s in enumerate(surfaces)],
            )
    con.executemany(
        "INSERT INTO etl_run (load_id, flow_run_id, started_at, finished_at, status, sources, records_read,"
        " published, duplicates, quarantined, blocked, message) VALUES (?, 'flow', ?, ?, ?, ['x'], ?, ?, ?, ?, ?, ?)",
        [(load, start, start + timedelta(seconds=42), status, *counts) for load, status, start, *counts in RUNS],
    )
    con.executemany("INSERT INTO quarantine VALUES (?, ?, ?, ?, ?, ?)", [(*q, NOW) for q in QUARANTINE])
    con.executemany("INSERT INTO etl_validation VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)", VALIDATIONS)
    con.execute("INSERT INTO etl_duplicate VALUES (1, '/data/wire/copy-of-a1.txt', 'a9', 'hash-a1v2', 'a1')")


def warehouse_file(path: Path, filled: bool = True) -> Path:
    with duckdb.connect(str(path)) as con:
        migrate(con)
        if filled:
            fill(con)
    return path


def report(db: Path, out: Path, about: str | None = "Mali") -> Path:
    """The report of the warehouse at `db`, written through a read-only connection as the CLI opens it."""
    with duckdb.connect(str(db), read_only=True) as con:
        return write_report(con, out, about=about, now=NOW)


@pytest.fixture(scope="session")
def filled_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return warehouse_file(tmp_path_factory.mktemp("report-db") / "w.duckdb")


@pytest.fixture(scope="session")
def filled_report(filled_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """index.html of the filled warehouse, about Mali."""
    return report(filled_warehouse, tmp_path_factory.mktemp("report") / "out")
