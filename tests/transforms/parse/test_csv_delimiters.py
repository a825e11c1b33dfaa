"""CSV delimiters: sniffed or guessed from the text, and Excel's quoting honoured whatever the delimiter."""

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.transforms.parse.csv_samples import parse, readable
from transforms.parse.csv import guess_delimiter


@pytest.mark.parametrize(
    ("data", "delimiter"),
    [
        (b"title;body\nA;B, with a comma\n", ";"),  # a European spreadsheet export
        (b"title\tbody\nA\tB, with a comma\n", "\t"),  # TSV
        (b"title|body\nA|B\n", "|"),
        (b"title;body;date\nA;B;2020\n\nC;D;2021;\n", ";"),  # a ragged row the sniffer cannot abide
    ],
)
def test_delimiter_is_sniffed(data, delimiter):
    records = readable(parse(data))
    assert records[0]["title"] == "A"
    assert records[0]["body"].startswith("B")


def test_excel_quoting_in_a_tab_separated_file_is_honoured():
    # Excel's "Text (Tab delimited)": a field holding a line break or a quote is quoted whole
    data = b'title\tbody\nA\t"line one\nline ""two"""\n"B\tC"\tb\n'
    records = parse(data, delimiter="\t")
    assert [(r["title"], r["body"]) for r in records] == [("A", 'line one\nline "two"'), ("B\tC", "b")]


names = st.sampled_from(["id", "title", "body", "url", "date", "category", "author", "section"])


@settings(deadline=None)
@given(
    st.sampled_from(",;\t|"),
    st.lists(names, min_size=2, max_size=6, unique=True),
    st.lists(st.lists(st.text(max_size=20), min_size=6, max_size=6), min_size=1, max_size=6),
)
def test_the_delimiter_a_table_was_written_with_is_guessed(delimiter, header, rows):
    # Any table a spreadsheet or `csv.writer` writes: cells holding the other delimiters, quotes, line breaks
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(row[: len(header)] for row in rows)
    assert guess_delimiter(out.getvalue()) == delimiter


entity = st.fixed_dictionaries({"Label": st.text(max_size=30), "Type": st.sampled_from("PCOGW")})
line_text = st.text(st.characters(exclude_characters="\t\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=40)


@settings(deadline=None)
@given(st.lists(st.tuples(line_text, line_text, st.lists(entity, max_size=3)), min_size=1, max_size=6))
def test_mind_like_rows_are_tab_separated(rows):
    # MIND with a header row: bare quotes in titles, JSON of commas and quotes in the entity columns
    lines = ["id\ttitle\tabstract\ttitle_entities"]
    lines += [f"N{n}\t{title}\t{abstract}\t{json.dumps(found)}" for n, (title, abstract, found) in enumerate(rows)]
    assert guess_delimiter("\n".join(lines)) == "\t"


def test_an_empty_sample_gives_a_comma():
    assert guess_delimiter("") == ","
