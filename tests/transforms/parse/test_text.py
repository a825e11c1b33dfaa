import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.parse.encoding import decode
from transforms.parse.text import parse_text


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
    assert (record.get("read_error") is not None) or (record.get("title") is not None)


@given(st.text(max_size=500))
def test_utf8_text_round_trips_through_decode(text):
    if "\x00" in text:
        return
    assert decode(text.encode("utf-8")).text == text.removeprefix("\ufeff")
