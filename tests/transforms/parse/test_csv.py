import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import corpus
from transforms.parse.csv import guess_delimiter, parse_csv
from transforms.schema import RAW_ARTICLES

AG_NEWS_COLUMNS = ["category", "title", "body"]
# Microsoft MIND `news.tsv`: headerless, tab-separated, no quoting; its two entity columns hold JSON full of
# quotes and commas, a title may open with a bare quote, and an abstract (the only text) may be empty.
MIND_COLUMNS = ["id", "category", "subcategory", "title", "abstract", "url", "title_entities", "abstract_entities"]
MIND_HEADER = b"News ID\tCategory\tSubCategory\tTitle\tAbstract\tURL\tTitle Entities\tAbstract Entities\n"
MIND = (
    b"N55528\tlifestyle\tlifestyleroyals\tThe Brands Queen Elizabeth, Prince Charles, and Prince Philip Swear By\t"
    b"Shop the notebooks, jackets, and more that the royals can't live without.\t"
    b"https://assets.msn.com/labs/mind/AAGH0ET.html\t"
    b'[{"Label": "Prince Philip, Duke of Edinburgh", "Type": "P", "WikidataId": "Q80976", "Confidence": 1.0, '
    b'"OccurrenceOffsets": [48], "SurfaceForms": ["Prince Philip"]}]\t[]\n'
    b'N13390\ttv\ttvnews\t"Wheel Of Fortune" Guest Delivers Hilarious, Off The Rails Introduction\t'
    b'On "Wheel of Fortune" Tuesday night, a contestant got candid.\thttps://assets.msn.com/labs/mind/AAJ4lap.html\t'
    b'[{"Label": "Wheel of Fortune (American game show)", "Type": "W", "SurfaceForms": ["Wheel Of Fortune"]}]\t[]\n'
    b"N61837\tnews\tnewsworld\tThe Cost of Trump's Aid Freeze in the Trenches of Ukraine's War\t\t"
    b"https://assets.msn.com/labs/mind/AAJgNsz.html\t[]\t[]\n"
)
MIND_RECORDS = [
    (
        "https://assets.msn.com/labs/mind/AAGH0ET.html",
        "N55528",
        "lifestyle",
        "The Brands Queen Elizabeth, Prince Charles, and Prince Philip Swear By",
        "Shop the notebooks, jackets, and more that the royals can't live without.",
        None,
    ),
    (
        "https://assets.msn.com/labs/mind/AAJ4lap.html",
        "N13390",
        "tv",
        '"Wheel Of Fortune" Guest Delivers Hilarious, Off The Rails Introduction',
        'On "Wheel of Fortune" Tuesday night, a contestant got candid.',
        None,
    ),
    (
        "https://assets.msn.com/labs/mind/AAJgNsz.html",
        "N61837",
        "news",
        "The Cost of Trump's Aid Freeze in the Trenches of Ukraine's War",
        None,
        "no body: column abstract is empty",
    ),
]


def parse(data: bytes, **kw) -> list[dict]:
    return parse_csv(data, source_uri="/in/export.csv", source_name="export", **kw)


def readable(records: list[dict]) -> list[dict]:
    return [r for r in records if r["read_error"] is None]


def test_header_names_the_fields_and_rows_are_keyed_by_url_else_line():
    data = b"title,body,url\nA,Body A,https://example.com/a\nB,Body B,\n"
    records = parse(data)
    assert [(r["title"], r["body"], r["source_uri"]) for r in records] == [
        ("A", "Body A", "https://example.com/a"),
        ("B", "Body B", "/in/export.csv#3"),
    ]
    assert records[1]["payload"] == "B,Body B,"
    assert all(r["source_kind"] == "csv" for r in records)


@pytest.mark.parametrize(
    "data",
    [
        # AG News: headerless, every field quoted, `""` escapes, `\` for a newline, entity remnants
        b'"3","Fears for T N pension","Turner #39;s ""disappointed"" staff\\said  #36;10m"\n',
        # The same row from a spreadsheet export with Windows line endings and a byte-order mark
        b'\xef\xbb\xbf"3","Fears for T N pension","Turner #39;s ""disappointed"" staff\\said  #36;10m"\r\n',
    ],
)
def test_headerless_ag_news_rows_with_given_columns(data):
    (record,) = parse(data, columns=AG_NEWS_COLUMNS)
    assert record["category"] == "3"  # class numbers are kept as given
    assert record["title"] == "Fears for T N pension"
    assert record["body"] == 'Turner\'s "disappointed" staff\nsaid $10m'
    assert record["source_uri"] == "/in/export.csv#1"


def test_header_row_equal_to_the_given_columns_is_skipped():
    records = parse(b"category,title,body\n1,T,B\n", columns=AG_NEWS_COLUMNS)
    assert [r["title"] for r in records] == ["T"]


def test_headerless_file_without_columns_says_what_to_do():
    records = parse(b'"3","Fears for pension","Unions say"\n"4","Race is on","A second team"\n')
    assert len(records) == 2
    assert [r["read_error"] for r in records] == [
        "no header row: the first row looks like data; name the file's 3 columns in order with --columns"
    ] * 2


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


def mind_fields(records: list[dict]) -> list[tuple]:
    fields = ("source_uri", "external_id", "category", "title", "body", "read_error")
    return [tuple(record[name] for name in fields) for record in records]


@pytest.mark.parametrize(
    ("data", "delimiter"),
    [
        (MIND, "\t"),  # news.tsv: a tab-separated file
        (MIND, None),  # the same renamed news.csv: the delimiter guessed
        (b"id\tcategory\tsubcategory\ttitle\tabstract\turl\ttitle_entities\tabstract_entities\n" + MIND, "\t"),
        (MIND_HEADER + MIND, "\t"),  # MIND with its documented column names added as a header row
        (MIND_HEADER + MIND, None),
    ],
)
def test_mind_news_is_read_with_its_column_names(data, delimiter):
    records = parse(data, columns=MIND_COLUMNS, delimiter=delimiter)
    assert mind_fields(records) == MIND_RECORDS


@pytest.mark.parametrize("delimiter", ["\t", None])
def test_mind_news_with_a_header_row_needs_no_columns(delimiter):
    records = parse(MIND_HEADER + MIND, delimiter=delimiter)
    assert [(r["source_uri"], r["title"], r["body"], r["read_error"]) for r in records] == [
        (uri, title, body, error and error.replace("abstract", "Abstract"))
        for uri, _, _, title, body, error in MIND_RECORDS
    ]


@pytest.mark.parametrize("delimiter", ["\t", None])
def test_mind_news_without_columns_says_to_name_them(delimiter):
    # An identifier (`N55528`), a URL and JSON are data, never column names
    records = parse(MIND, delimiter=delimiter)
    assert [r["read_error"] for r in records] == [
        "no header row: the first row looks like data; name the file's 8 columns in order with --columns"
    ] * 3
    assert [r["source_uri"] for r in records] == ["/in/export.csv#1", "/in/export.csv#2", "/in/export.csv#3"]


def test_a_row_of_another_width_than_columns_names_says_so():
    # `--columns` naming 7 of MIND's 8 columns
    records = parse(MIND, columns=MIND_COLUMNS[:7], delimiter="\t")
    assert [r["read_error"] for r in records] == ["malformed CSV row: 8 fields where --columns names 7 columns"] * 3


def test_excel_quoting_in_a_tab_separated_file_is_honoured():
    # Excel's "Text (Tab delimited)": a field holding a line break or a quote is quoted whole
    data = b'title\tbody\nA\t"line one\nline ""two"""\n"B\tC"\tb\n'
    records = parse(data, delimiter="\t")
    assert [(r["title"], r["body"]) for r in records] == [("A", 'line one\nline "two"'), ("B\tC", "b")]


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


def test_real_export_headers_are_recognised():
    # A newsroom CMS export: spaced, capitalised names; `description` a teaser beside the article's text
    data = (
        b"Headline,Description,Article Text,Date Published,web_url,Publication\n"
        b"Mali attack,Teaser.,Fifty-three soldiers.,2019-11-04 06:45,https://x.com/1,Wire\n"
    )
    (record,) = parse(data)
    assert (record["title"], record["body"], record["published_raw"], record["url"], record["source_name"]) == (
        "Mali attack",
        "Fifty-three soldiers.",
        "2019-11-04 06:45",
        "https://x.com/1",
        "Wire",
    )


@pytest.mark.parametrize(
    ("header", "row"),
    [
        # German Excel "CSV (Trennzeichen-getrennt)": semicolons, Windows-1252, CRLF
        (
            "Titel;Text;Datum;Rubrik;Autor",
            "Stadtrat beschließt Haushalt;Der Rat stimmte zu.;04.11.2019;Lokales;Anna Müller",
        ),
        (
            "Überschrift;Inhalt;Veröffentlicht;Ressort;Autoren",
            "Stadtrat beschließt Haushalt;Der Rat stimmte zu.;04.11.2019;Lokales;Anna Müller",
        ),
        # French, Spanish and Italian exports
        (
            "Titre;Contenu;Date de publication;Rubrique;Auteur",
            "Le conseil vote;Le budget est adopté.;04/11/2019;Local;Anne Roy",
        ),
        ("Título;Contenido;Fecha;Sección;Autor", "El consejo vota;El presupuesto.;04/11/2019;Local;Ana Ruiz"),
        ("Titolo;Testo;Data;Categoria;Autore", "Il consiglio vota;Il bilancio.;04/11/2019;Locale;Anna Rossi"),
    ],
)
def test_headers_in_other_languages_are_recognised(header, row):
    data = f"{header}\r\n{row}\r\n".encode("cp1252")
    (record,) = parse(data)
    fields = ("title", "body", "published_raw", "category", "authors", "read_error")
    assert tuple(record[name] for name in fields) == (*row.split(";"), None)


def test_rows_with_ids_keep_their_key_when_a_row_is_inserted():
    # An export without URLs but with an id column, re-exported with a new row on top
    before = parse(b"id,title,body\n17,A,a\n18,B,b\n")
    after = parse(b"id,title,body\n16,New,n\n17,A,a\n18,B,b\n")
    assert [r["source_uri"] for r in before] == ["/in/export.csv#id=17", "/in/export.csv#id=18"]
    assert [r["source_uri"] for r in after][1:] == [r["source_uri"] for r in before]


def test_a_mapped_column_missing_from_the_header_quarantines_every_row_with_the_reason():
    # `--map body=article_text` against an export whose text column is `story_text`
    records = parse(b"title,story_text\nA,a\nB,b\n", mapping={"body": "article_text"})
    assert [r["read_error"] for r in records] == [
        "--map body=article_text: no such column; the record has: title, story_text"
    ] * 2


def test_a_row_without_body_lists_the_columns():
    (record,) = parse(b"title,copy\nA,the text\n")
    assert record["read_error"] == (
        "no body: no column is a known body column; the record has: title, copy; "
        "name the article text's column with --map body=COLUMN"
    )


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


@pytest.mark.corpus
def test_ag_news_test_split():
    # AG News test split: 7,600 headerless rows, `#36;` and `#39;` remnants, `\` for newlines
    records = parse(corpus("agnews", "test.csv").read_bytes(), columns=AG_NEWS_COLUMNS)
    assert len(records) == 7600
    assert all(r["read_error"] is None for r in records)
    assert {r["category"] for r in records} == {"1", "2", "3", "4"}
    bodies = [r["body"] for r in records]
    assert not any("#36;" in b or "#39;" in b or "\\" in b for b in bodies)
    assert sum("$" in b for b in bodies) == 513
    assert [r["source_uri"] for r in records[:2]] == ["/in/export.csv#1", "/in/export.csv#2"]
