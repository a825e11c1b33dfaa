import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.parse.encoding import decode

TEXT = "Título\tText\r\nCafé reopens\tThe café on the square — reopened 🎉\r\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf_16_le"),  # Excel "Unicode Text", Notepad "Unicode"
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf_16_be"),  # Notepad "Unicode big endian"
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), "utf_32_le"),  # UTF-32, rare but named by its mark
        (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), "utf_32_be"),
        (TEXT.encode("utf-16-le"), "utf_16_le"),  # UTF-16 written without a mark (.NET, some exporters)
        (TEXT.encode("utf-16-be"), "utf_16_be"),
        (TEXT.encode("utf-8"), "utf_8"),
    ],
)
def test_wide_encodings_are_told_by_their_mark_or_their_nul_bytes(data, encoding):
    assert (decode(data).text, decode(data).encoding) == (TEXT, encoding)


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02binary",  # an image saved as .txt
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # a PNG
        struct.pack("<64H", *range(64)),  # 16-bit integers: NULs at every other byte, but no text
        "Title\x00\x01\x02".encode("utf-16-le"),  # UTF-16 holding control characters is no text either
    ],
)
def test_binary_stays_binary(data):
    decoded = decode(data)
    assert decoded.text is None
    assert decoded.error is not None and decoded.error.startswith("binary content")


def test_a_byte_order_mark_that_lies_is_undecodable():
    # UTF-16LE's mark, then a lone surrogate: a damaged file
    decoded = decode(b"\xff\xfeT\x00\x00\xd8x\x00")
    assert decoded.text is None
    assert decoded.error is not None and decoded.error.startswith("undecodable bytes: a UTF-16-LE byte-order mark")


def test_empty_input_is_empty_text():
    assert decode(b"").text == ""


@given(st.text(st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("\t\r\n")))
def test_any_text_with_a_mark_round_trips(text):
    for encoding in ("utf-16", "utf-32"):  # Python writes the platform's mark first
        assert decode(text.encode(encoding)).text == text


ascii_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.sampled_from("\t\r\n"), min_size=1)


@given(ascii_text, st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_ascii_text_in_utf16_without_a_mark_round_trips(text, encoding):
    assert decode(text.encode(encoding)).text == text
