"""Sources as people have them: one article per line, texts without a title line, category codes with names."""

import csv
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.pipeline import run_pipeline
from tests.conftest import corpus

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]
runner = CliRunner()

LINES = [
    "Shares in the carmaker rose 5% on Monday after it raised its forecast for the year, citing strong demand in "
    "Asia and a recovery in European sales that analysts had not expected until the spring. " * 2,
    "",
    "The national team won its opening match 2-0 in front of a home crowd.",
    "Parliament passed the budget late on Thursday. Opposition members walked out before the vote.",
]


def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_one_article_per_line_is_read_with_input_format_lines(tmp_path, warehouse):
    source = tmp_path / "collection.cor"
    source.write_text("\n".join(LINES) + "\n")
    summary = run_pipeline([str(source)], str(warehouse), read_options={"input_format": "lines"})
    assert (summary.records_read, summary.published, summary.quarantined) == (3, 3, 0)  # every line accounted for
    titles = rows(warehouse, "SELECT title, title_source, source_uri FROM v_articles ORDER BY source_uri")
    assert [uri.rpartition("#")[2] for _, _, uri in titles] == ["1", "3", "4"]
    assert all(kind == "derived" and 0 < len(title) <= 120 for title, kind, _ in titles)
    assert titles[2][0] == "Parliament passed the budget late on Thursday"
    assert titles[0][0].endswith("…")  # a first sentence longer than a headline, cut at a word boundary


def test_a_text_without_a_title_line_is_published_not_blocked(tmp_path, warehouse):
    root = tmp_path / "pages"
    root.mkdir()
    (root / "untitled.txt").write_text(LINES[0] + "\nA second paragraph follows on the next line.\n")
    (root / "titled.txt").write_text("Budget passed\n\n" + LINES[3] + "\n")
    summary = run_pipeline([str(root)], str(warehouse))
    assert (summary.status, summary.published) == ("published", 2)
    assert rows(warehouse, "SELECT title_source, length(title) <= 120 FROM v_articles ORDER BY source_uri") == [
        ("source", True),
        ("derived", True),
    ]
    assert rows(warehouse, "SELECT title FROM v_articles WHERE title_source = 'source'") == [("Budget passed",)]


def test_a_file_of_no_known_kind_names_the_option_and_loads_with_it(tmp_path, prefect_harness):
    source = tmp_path / "collection.dat"
    source.write_text("\n".join(LINES) + "\n")
    warehouse = str(tmp_path / "w.duckdb")
    refused = runner.invoke(app, ["run", str(source), "-w", warehouse])
    assert refused.exit_code == 2 and "--input-format" in refused.stderr
    loaded = runner.invoke(app, ["run", str(source), "-w", warehouse, "--input-format", "lines"])
    assert loaded.exit_code == 0, loaded.stderr
    assert "read 3, published 3" in loaded.stdout
    wrong = runner.invoke(app, ["run", str(source), "-w", warehouse, "--input-format", "docx"])
    assert wrong.exit_code == 2 and "must be one of" in wrong.stderr


def test_category_codes_are_named_from_a_classes_file(tmp_path, warehouse):
    export = tmp_path / "export"
    export.mkdir()
    with (export / "test.csv").open("w", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow(["3", "Wall St. climbs", "Stocks rose on Friday as oil prices fell."])
        writer.writerow(["2", "Cup final tonight", "The two clubs meet at Wembley tonight."])
        writer.writerow(["9", "Odd one", "A category no names file knows stays as it was given."])
    (export / "classes.txt").write_text("World\nSports\nBusiness\nSci/Tech\n")
    options = {"columns": ["category", "title", "body"]}
    names = {"1": "World", "2": "Sports", "3": "Business", "4": "Sci/Tech"}
    run_pipeline([str(export / "test.csv")], str(warehouse), read_options=options | {"category_names": names})
    assert rows(warehouse, "SELECT title, category FROM v_articles ORDER BY title") == [
        ("Cup final tonight", "sports"),
        ("Odd one", "9"),
        ("Wall St. climbs", "business"),
    ]


def test_the_cli_reads_a_names_file_and_hints_at_one_beside_a_csv(tmp_path, prefect_harness):
    export = tmp_path / "export"
    export.mkdir()
    (export / "test.csv").write_text('"2","Cup final tonight","The two clubs meet at Wembley tonight."\n')
    (export / "classes.txt").write_text("World\nSports\n")
    warehouse = str(tmp_path / "w.duckdb")
    args = ["run", str(export / "test.csv"), "-w", warehouse, "--columns", "category,title,body"]
    result = runner.invoke(app, [*args, "--category-names", str(export / "classes.txt")])
    assert result.exit_code == 0, result.stderr
    sql = runner.invoke(app, ["sql", "SELECT category FROM v_articles", "-w", warehouse, "-f", "json"])
    assert json.loads(sql.stdout) == [{"category": "sports"}]
    broken = tmp_path / "broken.txt"
    broken.write_text("1,World\nSports\n")
    refused = runner.invoke(app, [*args, "--category-names", str(broken)])
    assert refused.exit_code == 2 and "code,name" in refused.stderr and "line 2" in refused.stderr


@pytest.mark.corpus
def test_ag_news_categories_by_name(tmp_path, warehouse):
    agnews = corpus("agnews")
    sample = tmp_path / "agnews" / "test.csv"
    sample.parent.mkdir()
    with (agnews / "test.csv").open(newline="") as given, sample.open("w", newline="") as out:
        rows_ = [row for _, row in zip(range(40), csv.reader(given), strict=False)]
        csv.writer(out, quoting=csv.QUOTE_ALL).writerows(rows_)
    from transforms.parse.category_names import category_names

    names = category_names((agnews / "classes.txt").read_text())
    options = {"columns": ["category", "title", "body"], "category_names": names}
    summary = run_pipeline([str(sample)], str(warehouse), read_options=options)
    assert summary.records_read == 40 and summary.published + summary.duplicates == 40
    categories = {c for (c,) in rows(warehouse, "SELECT DISTINCT category FROM v_articles")}
    assert categories <= {"world", "sports", "business", "sci/tech"} and len(categories) >= 3
