"""CSV rows: each one record, malformed rows quarantined alone, hostile and empty files never raising."""

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.transforms.parse.csv_samples import parse, readable
from transforms.schema import RAW_ARTICLES


def test_multi_line_fields_are_one_record():
    records = parse(b'title,body\nA,"line one\nline two"\nB,b\n')
    assert [r["body"] for r in records] == ["line one\nline two", "b"]
    assert [r["source_uri"] for r in records] == ["/in/export.csv#2", "/in/export.csv#4"]


@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        (b'"bad"quote,x', "malformed CSV row"),  # text after a closing quote
        (b"one,two,three", "3 fields where the header has 2"),  # a shifted row
        (b"alone", "1 fields where the header has 2"),
        (b'x,"unclosed quote', "malformed CSV row"),  # would swallow every row after it
        (b"a\x00b,c", "NUL"),  # a NUL byte
    ],
)
def test_malformed_row_is_quarantined_alone(bad_row, reason):
    records = parse(b"title,body\nA,a\n" + bad_row + b"\nC,c\nD,d\n")
    assert [r["title"] for r in readable(records)] == ["A", "C", "D"]
    (bad,) = [r for r in records if r["read_error"]]
    assert reason in bad["read_error"]
    assert bad["source_uri"] == "/in/export.csv#3"
    assert bad["payload"] == bad_row.decode()


def test_trailing_delimiter_is_not_a_malformed_row():
    assert readable(parse(b"title,body\nA,a,\n"))[0]["body"] == "a"


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        (b"", ["empty file"]),  # a 0-byte export
        (b"\n\n", ["empty file"]),  # blank lines
        (b"\xef\xbb\xbf \r\n", ["empty file"]),  # a spreadsheet's byte-order mark and nothing else
        (b"title,body\n", []),  # a header and no rows: an export of nothing, which is no error
    ],
)
def test_files_without_rows(data, errors):
    records = parse(data)
    assert [r["read_error"] for r in records] == errors
    assert all(r["source_uri"] == "/in/export.csv" for r in records)


def test_binary_file_is_one_unreadable_record():
    (record,) = parse(b"\x00\xff\xfe\x00" * 10)
    assert "NUL" in record["read_error"]


def test_emoji_right_to_left_and_duplicate_ids():
    data = "id,title,body\n1,مرحبا 🎉,שלום\n1,مرحبا 🎉,שלום\n".encode()
    records = parse(data)
    assert [(r["external_id"], r["title"], r["body"]) for r in records] == [("1", "مرحبا 🎉", "שלום")] * 2


def test_a_50_mb_field_is_read():
    body = "word " * 10_000_000
    (record,) = parse(b"title,body\nlong," + body.encode() + b"\n")
    assert len(record["body"]) == len(body.strip())


@settings(deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_never_raise_and_give_records_of_the_contract(data):
    for record in parse(data):
        assert set(record) == set(RAW_ARTICLES)
        assert record["payload"] is not None


cells = st.text(alphabet=st.characters(blacklist_categories=["Cs"]) | st.sampled_from('",\n\r'), max_size=12)


@settings(deadline=None)
@given(st.lists(st.lists(cells, min_size=1, max_size=4), max_size=8))
def test_every_row_is_accounted_for(rows):
    # Every non-blank line after the header ends in exactly one record's payload: nothing is dropped.
    text = "title,body\n" + "\n".join(",".join(row) for row in rows)
    records = parse(text.encode("utf-8"))
    lines = list(io.StringIO(text, newline=""))[1:]
    # A line of nothing but delimiters and quotes is an empty row (spreadsheets end with them): skipped.
    expected = [line.rstrip("\r\n") for line in lines if line.replace(",", "").replace('"', "").strip()]
    payload_lines = "\n".join(r["payload"] for r in records)
    for line in expected:
        assert line in payload_lines
