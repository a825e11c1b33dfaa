"""Raw records (`transforms.schema.RAW_ARTICLES` dicts) built from mapped fields, or for unreadable input."""

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from transforms.parse.encoding import Decoded, decode
from transforms.schema import RAW_ARTICLES
from transforms.text_cleanup import repair_entities_or_none

# How much of an unreadable file the quarantine keeps as its description.
_DESCRIBED_BYTES = 256
_WHITESPACE = re.compile(r"\s")


def record_from_fields(
    fields: Mapping[str, str | None],
    *,
    source_uri: str,
    source_name: str,
    source_kind: str,
    number: int,
    payload: str,
) -> dict[str, str | None]:
    """A raw record for record `number` (1-based) of a file: keyed by its URL when it has one, else `path#N`.

    Title and body get their HTML-entity debris repaired here, at read time, so every later stage sees text.
    """
    url = fields.get("url")
    return {
        **fields,
        "source_uri": url if is_web_url(url) else f"{source_uri}#{number}",
        "source_name": source_name,
        "source_kind": source_kind,
        "title": repair_entities_or_none(fields.get("title")),
        "body": repair_entities_or_none(fields.get("body")),
        "payload": payload,
        "read_error": None,
    }


def is_web_url(text: str | None) -> bool:
    """True for an absolute http(s) URL: only those are natural keys (a relative `/entry/1` is not unique)."""
    if not text or _WHITESPACE.search(text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. `http://[::1` with an unbalanced bracket
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def error_record(
    reason: str, *, source_uri: str, source_name: str, source_kind: str, payload: str
) -> dict[str, str | None]:
    """A record that could not be read: quarantined at stage `read` with `reason`, `payload` as read."""
    return dict.fromkeys(RAW_ARTICLES) | {
        "source_uri": source_uri,
        "source_name": source_name,
        "source_kind": source_kind,
        "payload": payload,
        "read_error": reason,
    }


def describe_bytes(data: bytes) -> str:
    """What an undecodable file or line held, readable in a terminal: its size and first bytes."""
    return f"{len(data)} bytes: {data[:_DESCRIBED_BYTES]!r}"


def decode_records(data: bytes) -> Decoded:
    """`decode`, except that valid UTF-8 holding NUL bytes is text too.

    `decode` calls a file with NUL bytes binary; in a file of many records that would quarantine all of them
    for one damaged record, so record-based parsers decode it and quarantine only the records holding NULs.
    """
    if b"\x00" in data:
        try:
            return Decoded(data.decode("utf-8-sig"), "utf_8")
        except UnicodeDecodeError:
            pass
    return decode(data)
