"""Raw records (`transforms.schema.RAW_ARTICLES` dicts) built from mapped fields, or for unreadable input."""

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from transforms.parse.encoding import Decoded, decode, decode_wide
from transforms.parse.urls import clean_url
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
    named: bool = False,
    problem: str | None = None,
) -> dict[str, str | None]:
    """A raw record for record `number` (1-based) of a file, keyed by `natural_key`.

    `source_name` is the user's (`named`) or the folder's: the record's own `source_name` field beats the
    latter, never the former. Text fields get their HTML-entity debris repaired here, at read time, so every
    later stage sees text; a web URL loses its tracking parameters. `problem` (a mapped column the record
    lacks, no body) quarantines it at read.
    """
    url = fields.get("url")
    return {
        **dict.fromkeys(RAW_ARTICLES),
        **fields,
        "source_uri": natural_key(source_uri, url, fields.get("external_id"), number),
        "url": clean_url(url) if url is not None and is_web_url(url) else url,
        "source_name": pick_source_name(source_name, repair_entities_or_none(fields.get("source_name")), named),
        "source_kind": source_kind,
        "title": repair_entities_or_none(fields.get("title")),
        "body": repair_entities_or_none(fields.get("body")),
        "category": repair_entities_or_none(fields.get("category")),
        "authors": repair_entities_or_none(fields.get("authors")),
        "payload": payload,
        "read_error": problem,
    }


def natural_key(source_uri: str, url: str | None, external_id: str | None, number: int) -> str:
    """A record's key: its URL; else `source_uri#id=<id>` when it carries its own id; else `source_uri#N`.

    The URL without tracking parameters and fragment (`clean_url`): a feed that changes its `utm_` tags
    links the same article. An id keeps the key stable when rows are inserted before the record (its
    position `N` would shift).
    """
    if url is not None and is_web_url(url):
        return clean_url(url)
    if external_id is not None and external_id.strip():
        return f"{source_uri}#id={external_id.strip()}"
    return f"{source_uri}#{number}"


def pick_source_name(source_name: str, own: str | None, named: bool) -> str:
    """The user's name when given (`named`), else the record's own (a feed's title), else the folder's or host's."""
    return source_name if named or not own else own


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


def empty_file(source_uri: str, source_name: str, source_kind: str) -> dict[str, str | None]:
    """The one record of a file holding nothing but white space: quarantined, so the file is accounted for."""
    return error_record(
        "empty file", source_uri=source_uri, source_name=source_name, source_kind=source_kind, payload=""
    )


def describe_bytes(data: bytes) -> str:
    """What an undecodable file or line held, readable in a terminal: its size and first bytes."""
    return f"{len(data)} bytes: {data[:_DESCRIBED_BYTES]!r}"


def decode_records(data: bytes) -> Decoded:
    """`decode`, except that valid UTF-8 (or UTF-16, UTF-32) holding NUL characters is text too.

    `decode` calls a file with NUL bytes binary; in a file of many records that would quarantine all of them
    for one damaged record, so record-based parsers decode it and quarantine only the records holding NULs.
    UTF-16 is told first: its NUL bytes (every other byte of ASCII text) are valid UTF-8 too.
    """
    wide = decode_wide(data)
    if wide is not None:
        return wide
    if b"\x00" in data:
        try:
            return Decoded(data.decode("utf-8-sig"), "utf_8")
        except UnicodeDecodeError:
            pass
    return decode(data)
