"""CSV header rows: the names that say which column is which, or the columns given for a headerless file."""

import pytest

from tests.conftest import corpus
from tests.transforms.parse.csv_samples import AG_NEWS_COLUMNS, parse


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
