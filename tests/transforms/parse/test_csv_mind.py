"""Microsoft MIND `news.tsv`: headerless, tab-separated, JSON in its entity columns."""

import pytest

from tests.transforms.parse.csv_samples import parse

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
