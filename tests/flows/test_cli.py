"""The command line as scripts use it: exit codes, stdout formats, messages on stderr."""

import csv
import io
import json
import re
import subprocess
import sys

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from flows.cli import app
from tests.conftest import REPO

runner = CliRunner()
GROUPS = get_command(app).commands  # type: ignore[attr-defined]
# Every command, a group's as `group sub` (`lake expire`).
COMMANDS = sorted(
    f"{name} {sub}" if sub else name
    for name, command in GROUPS.items()
    for sub in (sorted(command.commands) if hasattr(command, "commands") else [None])
)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, prefect_harness):
    """A warehouse holding the bundled sample."""
    warehouse = tmp_path_factory.mktemp("cli") / "w.duckdb"
    result = runner.invoke(app, ["run", "--warehouse", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert "Load 1 published: read 1, published 1, duplicates 0, quarantined 0" in result.stdout
    return warehouse


def test_sql_csv_has_a_header_row(loaded):
    result = runner.invoke(app, ["sql", "SELECT title, word_count FROM v_articles", "-w", str(loaded), "-f", "csv"])
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["title", "word_count"] and rows[1][0].startswith("Mali's president")


def test_sql_json_is_an_array_of_objects(loaded):
    result = runner.invoke(app, ["sql", "SELECT * FROM v_runs", "-w", str(loaded), "--format", "json"])
    [run] = json.loads(result.stdout)
    assert run["status"] == "published" and run["records_read"] == 1
    assert re.match(r"\d{4}-\d\d-\d\dT", run["started_at"])


def test_sql_cannot_change_the_warehouse(loaded):
    result = runner.invoke(app, ["sql", "DROP VIEW v_articles", "-w", str(loaded)])
    assert result.exit_code == 1 and "read-only" in result.stderr
    again = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM v_articles", "-w", str(loaded), "-f", "json"])
    assert json.loads(again.stdout) == [{"n": 1}]


def test_the_readmes_mali_by_week_query_answers_on_the_sample(loaded):
    readme = (REPO / "README.md").read_text()
    section = readme[readme.index("### Which places did coverage of Mali mention most, by week?") :]
    query = section[section.index("```sql\n") + 7 : section.index("\n```", section.index("```sql"))]
    result = runner.invoke(app, ["sql", query, "-w", str(loaded), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    places = {row["place"]: (row["country_code"], row["mentions"]) for row in json.loads(result.stdout)}
    assert places["Mali"] == ("ML", 8) and places["Bamako"] == ("ML", 1)
    assert "Somalia" not in places and len({row["week"] for row in json.loads(result.stdout)}) == 1


def test_runs_and_quarantine_list_the_audit_trail(loaded):
    runs = runner.invoke(app, ["runs", "-w", str(loaded), "-f", "json"])
    assert [r["load_id"] for r in json.loads(runs.stdout)] == [1]
    quarantine = runner.invoke(app, ["quarantine", "-w", str(loaded), "-f", "csv"])
    assert quarantine.stdout.splitlines() == ["load_id,source_uri,stage,reason,payload_start"]


def test_reading_a_missing_warehouse_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["sql", "SELECT 1", "-w", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no warehouse at" in result.stderr


def test_a_missing_source_is_a_usage_error(tmp_path, prefect_harness):
    result = runner.invoke(app, ["run", str(tmp_path / "nowhere"), "-w", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2 and "no such file or folder" in result.stderr


def test_a_blocked_batch_exits_3_with_the_reason(tmp_path, prefect_harness):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.json").write_text(json.dumps({"title": "word " * 80, "body": "body text here"}))
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "-w", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 3
    assert "Blocked:" in result.stderr and "title is longer than 300" in result.stderr


def test_input_that_is_all_quarantined_exits_5_and_the_log_counts_what_it_does_not_name(
    tmp_path, prefect_harness, caplog
):
    # An export whose rows have a title but no text.
    export = tmp_path / "export.csv"
    export.write_text("title,text\n" + "".join(f"Story {n},\n" for n in range(25)))
    result = runner.invoke(app, ["run", str(export), "-w", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 5, result.output
    assert "Load 1 published: read 25, published 0, duplicates 0, quarantined 25" in result.stdout
    assert "every record read was quarantined" in result.stderr
    # The run's log (Prefect's logger) names ten of them and counts the rest by the kind of reason.
    assert sum(message.startswith("Quarantined ") for message in caplog.messages) == 10
    assert any(message.startswith("… and 15 more quarantined (no body ×15)") for message in caplog.messages)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_or_description(command):
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0 and "--warehouse" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_the_readme_documents_every_command(command):
    assert f"broadsheet {command}" in (REPO / "README.md").read_text()


def test_the_installed_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "flows.cli", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "run" in result.stdout


def test_report_writes_an_offline_page_with_escaped_text(tmp_path, prefect_harness):
    hostile = '<script>alert("x")</script>'
    folder = tmp_path / "in" / "<b>world</b>"  # the folder's name becomes the category
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(f"{hostile} in Mali\n\nSoldiers in Mali and Niger were attacked.\n")
    warehouse = tmp_path / "w.duckdb"
    loaded = runner.invoke(app, ["run", str(tmp_path / "in"), "-w", str(warehouse), "--source-name", hostile])
    assert loaded.exit_code == 0, loaded.stderr
    result = runner.invoke(app, ["report", "-w", str(warehouse), "--out", str(tmp_path / "r"), "--about", "Mali"])
    assert result.exit_code == 0, result.stderr
    written = [p.read_text() for p in (tmp_path / "r").rglob("*") if p.suffix in (".html", ".svg")]
    assert written and not [text for text in written if "<script" in text or "<b>world" in text]
    assert any("&lt;script&gt;alert" in text for text in written)
    assert any("&lt;b&gt;world" in text for text in written)
    page = (tmp_path / "r" / "index.html").read_text()
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert (tmp_path / "r" / "quality.html").exists()


def test_validate_passes_on_a_loaded_warehouse(loaded):
    result = runner.invoke(app, ["validate", "-w", str(loaded), "--format", "json"])
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout) == [] and "all passed" in result.stderr
    # In a terminal, nothing failed is said once, without an empty table.
    table = runner.invoke(app, ["validate", "-w", str(loaded)])
    assert table.exit_code == 0 and table.stdout == "" and "all passed" in table.stderr


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["sql", "  "], "the query is empty"),
        (["runs", "--format", "xml"], "--format must be one of"),
        (["quarantine", "--format", "xml"], "--format must be one of"),
        (["validate", "--format", "xml"], "--format must be one of"),
    ],
)
def test_usage_errors_exit_2_with_a_message(loaded, arguments, message):
    result = runner.invoke(app, [*arguments, "-w", str(loaded)])
    assert result.exit_code == 2 and message in result.stderr


def test_json_keeps_columns_that_share_a_name(loaded):
    result = runner.invoke(app, ["sql", "SELECT 1 AS a, 2 AS a, 3 AS b", "-w", str(loaded), "-f", "json"])
    assert json.loads(result.stdout) == [{"a": 1, "a_1": 2, "b": 3}]


def test_the_command_leaves_its_objects_to_the_process_exit(monkeypatch):
    """`broadsheet` (the console script) exits with its command's code and freezes what the command made, so that
    Python's shutdown does not walk it with the garbage collector."""
    import gc
    import tomllib

    from flows.cli import main

    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["broadsheet"] == "flows.cli:main"
    monkeypatch.setattr(sys, "argv", ["broadsheet", "sql", "--help"])
    gc.unfreeze()
    try:
        with pytest.raises(SystemExit) as exited:
            main()
        assert exited.value.code == 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
