"""Turning the bytes of a scraped file into text without assuming an encoding."""

from dataclasses import dataclass

from charset_normalizer import from_bytes

# The single-byte encodings Western news sites use. charset-normalizer can rank an exotic guess first for
# a mostly-ASCII file (BBC sport/199.txt, one 0xA3 byte for `£`, comes back as cp932), so these win when
# the detector lists them among its candidates.
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str | None
    error: str | None = None


def decode(data: bytes) -> Decoded:
    """Decode `data`: UTF-8 first (with or without BOM), then the detector's best Western guess, then its best."""
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
