"""`write_report`: the pages and charts it writes, what they say, and that data can neither inject markup nor
make the page reach the network."""

import re
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.report.conftest import HOSTILE_TITLE, report, warehouse_file
from warehouse.report.queries import rows

# Namespace names in the SVGs matplotlib writes: identifiers that XML requires, never fetched.
SVG_NAMESPACES = ('xmlns="http://www.w3.org/2000/svg"', 'xmlns:xlink="http://www.w3.org/1999/xlink"')
SECTIONS = ("subject", "timeline", "entities", "places", "tone", "intake", "runs", "quality")


class Page(HTMLParser):
    """The attributes that make a browser fetch something, the text of `table.weeks` rows, and the section ids."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: list[str] = []
        self.week_rows: list[list[str]] = []
        self._in_weeks = False
        self._cell: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.links += [value or "" for name, value in attrs if name in ("src", "href", "srcset", "action", "data")]
        if "id" in found:
            self.ids.append(found["id"] or "")
        if tag == "table" and found.get("class") == "weeks":
            self._in_weeks = True
        elif self._in_weeks and tag == "tr":
            self.week_rows.append([])
        elif self._in_weeks and tag == "td":
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_weeks = False
        elif tag == "td" and self._cell is not None:
            self.week_rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def written(out: Path) -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in sorted(out.rglob("*")) if path.is_file()}


def test_writes_the_index_the_quality_page_and_the_charts_they_show(filled_report: Path):
    out = filled_report.parent
    assert filled_report == out / "index.html"
    assert (out / "quality.html").is_file()
    for page in ("index.html", "quality.html"):
        images = [link for link in Page((out / page).read_text()).links if link.endswith(".svg")]
        assert images and all((out / image).is_file() for image in images)
    charts = {path.name for path in (out / "charts").iterdir()}
    assert {"articles_by_category.svg", "places_map.svg", "subject_places_by_week.svg"} <= charts


def test_text_from_the_data_is_escaped_in_every_page_and_chart(filled_report: Path):
    files = written(filled_report.parent)
    index = files[filled_report]
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Mali&#39;s &#34;army&#34;" in index
    assert "&lt;b&gt;Bamako&lt;/b&gt;" in index
    assert "&lt;i&gt;title over 300 characters&lt;/" in files[filled_report.parent / "quality.html"]
    for path, text in files.items():
        assert "<script" not in text.lower(), path  # the pages have no script of their own either
        assert "<b>Bamako" not in text and "<i>" not in text, path
    # labels from data: matplotlib draws them as glyph outlines and names them in escaped comments
    charts = filled_report.parent / "charts"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in files[charts / "articles_by_category.svg"]
    assert "&lt;b&gt;Bamako&lt;/b&gt;" in files[charts / "subject_places_by_week.svg"]


def test_pages_and_charts_load_nothing_from_the_network(filled_report: Path):
    for path, text in written(filled_report.parent).items():
        if path.suffix == ".html":
            for link in Page(text).links:
                assert link.startswith(("#", "data:")) or not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", link), link
            style = text[text.index("<style>") : text.index("</style>")]
            assert "url(" not in style and "@import" not in style
            assert "http" not in " ".join(Page(text).links)
        else:  # an SVG: no reference but in-document ones and embedded rasters
            for element in ET.fromstring(text).iter():
                for name, value in element.attrib.items():
                    if name.endswith("href"):
                        assert value.startswith(("#", "data:image/png;base64,")), value
            for namespace in SVG_NAMESPACES:
                text = text.replace(namespace, "")
            assert not re.search(r"https?://", text), path


def test_mali_by_week_counts_the_places_of_articles_about_mali(filled_warehouse: Path, filled_report: Path):
    with duckdb.connect(str(filled_warehouse), read_only=True) as con:
        found = [tuple(row.values()) for row in rows(con, "subject_places_by_week", subject="mali")]
    assert found == [
        (date(2024, 3, 4), "Mali", "ML", 1, 2),
        (date(2024, 3, 4), "<b>Bamako</b>", "ML", 1, 1),
        (date(2024, 3, 4), "Gao", "ML", 1, 1),
        (date(2024, 3, 11), "Timbuktu", "ML", 1, 2),
        (date(2024, 3, 11), "Mali", "ML", 1, 1),
        (date(2024, 3, 11), "Niamey", "NE", 1, 1),
    ]
    assert Page(filled_report.read_text()).week_rows[1:] == [
        ["Mon 11 Mar 2024", "1", "Timbuktu 1 Mali 1 Niamey 1"],
        ["Mon 4 Mar 2024", "1", "Mali 1 <b>Bamako</b> 1 Gao 1"],
    ]


def test_the_subject_is_a_bound_parameter_taken_literally(filled_warehouse: Path):
    with duckdb.connect(str(filled_warehouse), read_only=True) as con:
        for subject in ("Mali' OR 1=1 --", "Mal.", ".*", "%", "Somali"):
            assert rows(con, "subject_places_by_week", subject=subject) == [], subject


def test_sections_render_when_the_warehouse_is_empty(tmp_path: Path):
    db = warehouse_file(tmp_path / "empty.duckdb", filled=False)
    index = report(db, tmp_path / "about", about="Mali")
    html = index.read_text()
    assert set(SECTIONS) <= set(Page(html).ids)
    assert "<img" not in html and not list((tmp_path / "about" / "charts").iterdir())
    for note in (
        "No articles yet",
        "No article is about Mali yet",
        "No runs recorded yet",
        "No article has a sentiment score",
        "Nothing quarantined",
    ):
        assert note in html
    assert "has not audited a load yet" in (tmp_path / "about" / "quality.html").read_text()
    assert "broadsheet report --about Mali" in report(db, tmp_path / "plain", about=None).read_text()


def test_one_article_without_a_date_is_counted_on_its_ingestion_day(tmp_path: Path):
    db = warehouse_file(tmp_path / "one.duckdb", filled=False)
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO dim_source VALUES ('s', 'seed', 1)")
        con.execute(
            "INSERT INTO fct_article (article_key, article_id, source_uri, source_key, source_kind,"
            " ingested_date_key, ingested_at, body, word_count, paragraph_count, is_duplicate, content_hash,"
            " version, valid_from, is_current, load_id, cluster_id)"
            " VALUES ('k', 'a', '/seed.txt', 's', 'text', 20240320, ?, 'Body.', 1, 1, false, 'h', 1, ?, true, 1, 'a')",
            [date(2024, 3, 20), date(2024, 3, 20)],
        )
    html = report(db, tmp_path / "out").read_text()
    assert "per day on Wed 20 Mar 2024, dated by publication, or by ingestion for the 1 without" in html
    assert (tmp_path / "out" / "charts" / "articles_by_source.svg").is_file()


def test_a_new_report_removes_the_charts_of_the_last_one(filled_warehouse: Path, tmp_path: Path):
    report(filled_warehouse, tmp_path)
    assert list((tmp_path / "charts").glob("*.svg"))
    report(warehouse_file(tmp_path / "empty.duckdb", filled=False), tmp_path)
    assert not list((tmp_path / "charts").glob("*.svg"))


def test_quality_page_shows_the_latest_run_and_the_trend(filled_report: Path):
    html = (filled_report.parent / "quality.html").read_text()
    assert "Latest audited load: load 2" in html
    assert 'fct_article <span class="muted">· 1 of 2 failed</span>' in html
    assert "charts/failures_by_run.svg" in html
    assert HOSTILE_TITLE not in html  # payloads are not shown, and would be escaped if they were


@pytest.mark.parametrize("page", ["index.html", "quality.html"])
def test_generated_at_is_the_time_given(filled_report: Path, page: str):
    assert "2024-03-21 12:00 UTC" in (filled_report.parent / page).read_text()
