import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.parse.encoding import decode
from transforms.parse.text import parse_lines, parse_text
from transforms.text_cleanup import repair_entities


def parse(data: bytes) -> dict:
    return parse_text(data, source_uri="/x/a.txt", source_name="x", category="world")


def test_seed_form_splits_title_and_body():
    record = parse(b"A title\n\nFirst paragraph.\n\nSecond one.\n")
    assert record["title"] == "A title"
    assert record["body"] == "First paragraph.\n\nSecond one."
    assert record["read_error"] is None if "read_error" in record else True
    assert record["category"] == "world"
    assert record["source_kind"] == "text"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        # BBC sport/199.txt: one Latin-1 byte 0xA3 for the pound sign (a detector alone guesses cp932)
        (b"Chelsea sack Mutu\n\na \xa315.8m signing from Parma", "a £15.8m signing from Parma"),
        # Windows-1252 curly quotes from a Word export
        (b"Title\n\n\x93Quoted\x94 text and more words here", "\u201cQuoted\u201d text"),
        # UTF-8 with a byte-order mark, as Notepad writes it
        ("\ufeffTitle\n\nCaf\u00e9 culture".encode(), "Café culture"),
        # Windows line endings
        (b"Title\r\n\r\nBody line\r\n", "Body line"),
        # Notepad's "Unicode" (UTF-16LE with a byte-order mark) and "Unicode big endian"
        (b"\xff\xfe" + "Title\r\n\r\nCafé culture\r\n".encode("utf-16-le"), "Café culture"),
        (b"\xfe\xff" + "Title\r\n\r\nCafé culture\r\n".encode("utf-16-be"), "Café culture"),
    ],
)
def test_encodings_are_detected(data, text):
    record = parse(data)
    assert text in record["body"]
    assert record["title"].startswith("Title") or record["title"] == "Chelsea sack Mutu"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", "empty"),  # an empty file
        (b"  \n\n \t\n", "empty"),  # whitespace only
        (b"\x00\x01\x02binary", "NUL"),  # a binary file (an image saved as .txt)
    ],
)
def test_non_articles_carry_a_read_error(data, error):
    record = parse(data)
    assert error in record["read_error"]
    assert record["payload"] is not None


def test_title_without_body_is_left_for_staging_to_reject():
    record = parse(b"Only a title\n")
    assert record["title"] == "Only a title"
    assert record["body"] == ""


@given(st.binary(max_size=2000))
def test_any_bytes_give_one_record_and_never_raise(data):
    record = parse(data)
    assert record["source_uri"] == "/x/a.txt"
    # Unreadable, or text: a title line and a body, or (no title line) a body whose title staging derives.
    assert (record.get("read_error") is not None) or (record.get("title") or record.get("body"))


@given(st.text(max_size=500))
def test_utf8_text_round_trips_through_decode(text):
    if "\x00" in text:
        return
    assert decode(text.encode("utf-8")).text == text.removeprefix("\ufeff")


@pytest.mark.parametrize(
    ("data", "title", "body"),
    [
        # Reuters-21578's bodies as saved from its SGML: a company's name in escaped angle brackets
        (
            b"TEXACO SELLS UNIT\n\n&lt;Texaco Inc> said it sold &amp; left",
            "TEXACO SELLS UNIT",
            "<Texaco Inc> said it sold & left",
        ),
        # AG News style remnants, where a scraper dropped the entity's `&`
        (b"Johnson  amp; Johnson profit\n\nTurner #39;s deal", "Johnson & Johnson profit", "Turner's deal"),
        # a text file's backslash is a backslash (only AG News's CSV export wrote one for a line break)
        (b"Shrug\n\nHe typed \\o/ and C:\\news", "Shrug", "He typed \\o/ and C:\\news"),
    ],
)
def test_escaping_debris_is_repaired_in_title_and_body(data, title, body):
    record = parse(data)
    assert (record["title"], record["body"]) == (title, body)
    assert record["payload"] == data.decode()


def test_a_text_whose_first_line_is_already_the_story_is_all_body():
    # A page saved without its headline: no blank line after the first, which runs on into the next.
    data = b"Shares rose sharply on Monday as investors cheered the figures,\nand analysts said it would last.\n"
    record = parse(data)
    assert record.get("title") is None  # staging derives one from the first sentence
    assert record["body"] == data.decode().strip()


@pytest.mark.parametrize(
    ("data", "bodies"),
    [
        # A classic collection: one article per line, no titles (the way many corpora ship).
        (b"First story here.\nSecond story, a longer one.\n", ["First story here.", "Second story, a longer one."]),
        # Blank lines and Windows endings between articles are no records.
        (b"One.\r\n\r\nTwo.\r\n\r\n", ["One.", "Two."]),
        (b"\xef\xbb\xbfWith a byte-order mark.\n", ["With a byte-order mark."]),
    ],
)  # fmt: skip
def test_one_article_per_line_keys_each_by_its_line_number(data, bodies):
    records = parse_lines(data, source_uri="/c/news.cor", source_name="c", category=None)
    assert [r["body"] for r in records] == bodies
    numbers = [int(r["source_uri"].rpartition("#")[2]) for r in records]
    assert numbers == [i + 1 for i, line in enumerate(data.decode("utf-8-sig").splitlines()) if line.strip()]
    assert all(r["source_kind"] == "lines" and r.get("title") is None for r in records)


def test_an_empty_collection_is_one_quarantined_record():
    (record,) = parse_lines(b"\n\n", source_uri="/c/news.cor", source_name="c", category=None)
    assert record["read_error"].startswith("empty")


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Zl", "Zp", "Cc"]), max_size=80)))
def test_every_non_empty_line_is_one_record(lines):
    data = "\n".join(lines).encode()
    records = parse_lines(data, source_uri="/c/x", source_name="c", category=None)
    expected = [repair_entities(line.strip(), backslash_breaks=False) for line in lines if line.strip()]
    assert [r["body"] for r in records if not r.get("read_error")] == expected
