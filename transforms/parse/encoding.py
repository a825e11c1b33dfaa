"""Turning the bytes of a scraped file into text without assuming an encoding."""

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

# The single-byte encodings Western news sites use. charset-normalizer can rank an exotic guess first for
# a mostly-ASCII file (BBC sport/199.txt, one 0xA3 byte for `£`, comes back as cp932), so these win when
# the detector lists them among its candidates.
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
# Byte-order marks of the wide encodings, UTF-32 first: its little-endian mark begins with UTF-16's. Excel's
# "Unicode Text" save and Notepad's "Unicode" are UTF-16LE with a mark, and hold NUL bytes in every other byte.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf_32_le"),
    (codecs.BOM_UTF32_BE, "utf_32_be"),
    (codecs.BOM_UTF16_LE, "utf_16_le"),
    (codecs.BOM_UTF16_BE, "utf_16_be"),
)
# How much of a file without a mark is looked at to tell UTF-16 from binary.
_SAMPLE_BYTES = 4096
# UTF-16 without a mark is told by its NUL bytes: in mostly-ASCII text the high byte of (nearly) every
# character is NUL, so NULs fill at least this share of one parity's bytes and (nearly) none of the other's.
_WIDE_NUL_SHARE = 0.7
_STRAY_NUL_SHARE = 0.01
# Control characters no text holds; binary data read as UTF-16 is full of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str | None
    error: str | None = None


def decode(data: bytes) -> Decoded:
    """Decode `data`: UTF-16 or UTF-32 by its byte-order mark (or UTF-16 by its NUL bytes), then UTF-8 (with or
    without BOM), then the detector's best Western guess, then its best. NUL bytes in any other file are binary."""
    wide = decode_wide(data)
    if wide is not None:
        if wide.text is not None and "\x00" in wide.text:
            return Decoded(None, None, "binary content: NUL characters are not text")
        return wide
    if b"\x00" in data:
        return Decoded(None, None, "binary content: NUL bytes are not text")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf_8")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    for match in matches:
        if match.encoding in _WESTERN:
            return Decoded(str(match), match.encoding)
    best = matches.best()
    if best is None:
        return Decoded(None, None, "undecodable bytes: no text encoding fits")
    return Decoded(str(best), best.encoding)


def decode_wide(data: bytes) -> Decoded | None:
    """`data` as UTF-32 or UTF-16 text when its byte-order mark says so, or when it is UTF-16 without one
    (`_utf16_without_bom`); None when it is neither, and a `Decoded` with an error when its mark lies."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError as error:
                name = encoding.upper().replace("_", "-")
                return Decoded(None, None, f"undecodable bytes: a {name} byte-order mark, but {error.reason}")
    utf16 = _utf16_without_bom(data)
    if utf16 is None:
        return None
    try:
        text = data.decode(utf16)
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(text) else Decoded(text, utf16)


def _utf16_without_bom(data: bytes) -> str | None:
    """`utf_16_le` or `utf_16_be` when NUL bytes sit at every other byte of the sample, as in UTF-16 of
    mostly-ASCII text (`T\\x00i\\x00t\\x00l\\x00e\\x00`); else None."""
    sample = data[:_SAMPLE_BYTES]
    pairs = len(sample) // 2
    if not pairs or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= _WIDE_NUL_SHARE * pairs and even <= _STRAY_NUL_SHARE * pairs:
        return "utf_16_le"
    if even >= _WIDE_NUL_SHARE * pairs and odd <= _STRAY_NUL_SHARE * pairs:
        return "utf_16_be"
    return None
