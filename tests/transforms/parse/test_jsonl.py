import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import corpus
from transforms.parse.jsonl import parse_jsonl
from transforms.schema import RAW_ARTICLES, raw_articles


def parse(data: bytes, **kw) -> list[dict]:
    return parse_jsonl(data, source_uri="/in/export.jsonl", source_name="export", **kw)


def test_each_line_is_a_record_keyed_by_its_url_else_its_line():
    data = (
        b'{"link": "https://example.com/a", "headline": "A", "short_description": "Body A"}\n'
        b"\n"
        b'{"title": "B", "text": "Body B"}\n'
    )
    records = parse(data)
    assert [r["source_uri"] for r in records] == ["https://example.com/a", "/in/export.jsonl#3"]
    assert [r["title"] for r in records] == ["A", "B"]
    assert all(r["source_kind"] == "jsonl" and r["read_error"] is None for r in records)
    assert records[1]["payload"] == '{"title": "B", "text": "Body B"}'


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"title": "cut off', "malformed JSON"),  # a truncated export
        (b"[1, 2]", "not a JSON object"),  # an array where an object belongs
        (b'"just a string"', "not a JSON object"),
        (b"null", "not a JSON object"),
        (b"{'title': 'x'}", "malformed JSON"),  # Python's repr, not JSON
        (b"[" * 100_000 + b"]" * 100_000, "malformed JSON"),  # nested too deep for the parser
        (b'{"n": 1' + b"0" * 5000 + b"}", "malformed JSON"),  # an integer longer than Python reads
        (b'{"title": "x\x00y"}', "malformed JSON"),  # a NUL byte inside a line
    ],
)
def test_bad_line_is_quarantined_alone(line, reason):
    records = parse(b'{"title": "before", "body": "b"}\n' + line + b'\n{"title": "after", "body": "a"}\n')
    assert [r["title"] for r in records if r["read_error"] is None] == ["before", "after"]
    bad = records[1]
    assert reason in bad["read_error"]
    assert bad["source_uri"] == "/in/export.jsonl#2"
    assert bad["payload"]


def test_a_line_keyed_by_article_id_gives_each_article():
    # A store's change log: each line a batch of articles keyed by id, one a deletion (null)
    data = (
        b'{"art-1": {"title": "A", "text": "a"}, "art-2": {"title": "B", "text": "b", "url": "https://x.org/b"}}\n'
        b'{"art-3": {"title": "C", "text": "c"}, "art-4": null, "art-5": {"title": "E", "text": "e"}}\n'
    )
    records = parse(data)
    assert [(r["source_uri"], r["title"], r["read_error"]) for r in records] == [
        ("/in/export.jsonl#id=art-1", "A", None),
        ("https://x.org/b", "B", None),
        ("/in/export.jsonl#id=art-3", "C", None),
        ("/in/export.jsonl#id=art-4", None, "not a JSON object: key 'art-4' holds null"),
        ("/in/export.jsonl#id=art-5", "E", None),
    ]
    assert records[0]["external_id"] == "art-1" and records[0]["payload"] == '{"title": "A", "text": "a"}'


@pytest.mark.parametrize(
    ("data", "count"),
    [
        (b'{"text": "a"}', 1),  # no newline at the end
        (b'{"text": "a"}\r\n{"text": "b"}\r\n', 2),  # Windows line endings
        (b'\xef\xbb\xbf{"text": "a"}\n', 1),  # a byte-order mark
    ],
)
def test_edge_files(data, count):
    records = parse(data)
    assert len(records) == count
    assert all(r["read_error"] is None for r in records)


@pytest.mark.parametrize(
    "data",
    [
        b"",  # a 0-byte export (a crashed dump)
        b"\n \n\t\n",  # blank lines only
        b"\xef\xbb\xbf\r\n",  # a byte-order mark and a Windows line ending
    ],
)
def test_an_empty_file_is_one_quarantined_record(data):
    (record,) = parse(data)
    assert (record["source_uri"], record["read_error"], record["source_kind"]) == (
        "/in/export.jsonl",
        "empty file",
        "jsonl",
    )


def test_binary_lines_are_quarantined_and_text_lines_read():
    # Latin-1 bytes and a NUL byte: the file as a whole is no UTF-8 text
    records = parse(b'{"title": "caf\xe9", "text": "t"}\n\x00\x01\x02\xff\n{"title": "ok", "text": "t"}\n')
    assert [r["read_error"] is None for r in records] == [True, False, True]
    assert records[0]["title"] == "café"
    assert "NUL" in records[1]["read_error"]
    assert records[1]["payload"].startswith("4 bytes")


LINE = '{"title": "Floods hit the north", "content": "Heavy rain flooded towns.", "url": "https://x.org/f"}\n'


@pytest.mark.parametrize(
    "data",
    [
        b"\xfe\xff" + LINE.encode("utf-16-be"),  # an API dump saved as UTF-16BE with a byte-order mark
        b"\xff\xfe" + LINE.encode("utf-16-le"),  # Windows PowerShell's `>` redirection: UTF-16LE
        LINE.encode("utf-16-le"),  # UTF-16 without a mark
    ],
)
def test_a_utf16_line_is_one_record(data):
    (record,) = parse(data)
    assert (record["title"], record["body"], record["read_error"]) == (
        "Floods hit the north",
        "Heavy rain flooded towns.",
        None,
    )


def test_a_utf16_file_whose_mark_lies_is_one_quarantined_record():
    # A UTF-16LE mark, then a lone surrogate: no line of it can be told apart
    (record,) = parse(b"\xff\xfe" + LINE.encode("utf-16-le") + b"\x00\xd8")
    assert record["read_error"].startswith("undecodable bytes: a UTF-16-LE byte-order mark")


def test_emoji_and_right_to_left_text_survive():
    line = {"title": "مرحبا بالعالم 🎉", "body": "שלום עולם — נ׳ 🇲🇱", "url": "https://example.com/ع"}
    (record,) = parse(json.dumps(line, ensure_ascii=False).encode())
    assert (record["title"], record["body"]) == (line["title"], line["body"])


def test_duplicate_ids_in_one_batch_are_both_kept():
    line = b'{"id": 7, "url": "https://example.com/same", "title": "t"}\n'
    records = parse(line + line)
    assert [r["external_id"] for r in records] == ["7", "7"]
    assert records[0]["source_uri"] == records[1]["source_uri"]  # staging quarantines the second


def test_mapping_and_entity_repair_apply():
    (record,) = parse(b'{"hed": "Tom &amp; Jerry #39;s day", "dek": "a\\\\b"}', mapping={"title": "hed", "body": "dek"})
    assert (record["title"], record["body"]) == ("Tom & Jerry's day", "a\nb")


def test_a_50_mb_line_is_read_in_linear_time():
    body = "word " * 10_000_000
    (record,) = parse(json.dumps({"title": "long", "body": body}).encode())
    assert record["body"] == body.strip()


def test_records_without_an_id_or_url_are_keyed_by_line_else_by_their_own_id():
    # An export without URLs: a line inserted before a record with an id does not change its key
    data = b'{"id": "a-1", "text": "A"}\n{"text": "B"}\n{"guid": " x#2 ", "text": "C"}\n'
    assert [r["source_uri"] for r in parse(data)] == [
        "/in/export.jsonl#id=a-1",
        "/in/export.jsonl#2",
        "/in/export.jsonl#id=x#2",
    ]
    inserted = parse(b'{"text": "new"}\n' + data)
    assert [r["source_uri"] for r in inserted][1:] == [
        "/in/export.jsonl#id=a-1",
        "/in/export.jsonl#3",
        "/in/export.jsonl#id=x#2",
    ]


def test_a_mapped_column_the_record_lacks_quarantines_it_with_the_columns_it_has():
    # NYT archive lines where some `headline` is a plain string, not `{"main": ...}`
    data = b'{"headline": {"main": "M"}, "abstract": "A"}\n{"headline": "H", "abstract": "A", "web_url": "u"}\n'
    first, second = parse(data, mapping={"title": "headline.main"})
    assert (first["title"], first["read_error"]) == ("M", None)
    assert second["read_error"] == (
        "--map title=headline.main: no such column; the record has: headline, abstract, web_url"
    )


def test_a_record_without_body_says_which_columns_it_has():
    # An export naming its text `copy`, which no export convention uses
    (record,) = parse(b'{"headline": "H", "copy": "The text."}')
    assert record["read_error"] == (
        "no body: no column is a known body column; the record has: headline, copy; "
        "name the article text's column with --map body=COLUMN"
    )
    (mapped,) = parse(b'{"headline": "H", "copy": "The text."}', mapping={"body": "copy"})
    assert (mapped["body"], mapped["read_error"]) == ("The text.", None)


@pytest.mark.parametrize(
    ("named", "names"),
    [
        (False, ["Breitbart", "export"]),  # the record's own `publication`, else the folder's name
        (True, ["export", "export"]),  # `--source-name export` given by the user wins
    ],
)
def test_a_records_own_source_beats_the_folder_name_not_the_users(named, names):
    # Kaggle "All the News": a `publication` column
    data = b'{"publication": "Breitbart", "content": "a"}\n{"publication": "", "content": "b"}\n'
    assert [r["source_name"] for r in parse(data, named=named)] == names


def test_records_fit_the_raw_articles_frame():
    frame = raw_articles(parse(b'{"title": "a"}\nnot json\n'))
    assert frame.schema == RAW_ARTICLES
    assert frame.height == 2


@settings(deadline=None)
@given(st.binary(max_size=500))
def test_any_bytes_never_raise_and_give_records_of_the_contract(data):
    for record in parse(data):
        assert set(record) == set(RAW_ARTICLES)
        assert record["source_kind"] == "jsonl"
        assert record["payload"] is not None
        assert record["source_uri"]


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
lines = st.lists(
    st.one_of(json_value.map(json.dumps), st.text(max_size=40).map(lambda t: t.replace("\n", " "))),
    max_size=15,
)


@settings(deadline=None)
@given(lines)
def test_one_record_per_non_blank_line(lines):
    data = "\n".join(lines).encode("utf-8")
    records = parse(data)
    # A file of blank lines is one record, quarantined as an empty file.
    assert len(records) == (sum(1 for line in "\n".join(lines).split("\n") if line.strip()) or 1)


@pytest.mark.corpus
def test_huffpost_sample():
    # HuffPost News Category v3: 1,056 JSON Lines records (link, headline, category, short_description, ...)
    records = parse(corpus("huffpost", "news_category_sample.jsonl").read_bytes())
    assert len(records) == 1056
    assert all(r["read_error"] is None for r in records)
    for field in ("title", "body", "url", "category", "published_raw"):
        assert sum(r[field] is not None for r in records) == 1056, field
    assert sum(r["authors"] is None for r in records) == 105  # empty `authors` in 105 records
    assert all(r["source_uri"] == r["url"] for r in records)
