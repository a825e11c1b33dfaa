"""Which parser reads a source (told by its extension, else its first bytes), and one call to parse it."""

from collections.abc import Mapping
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from transforms.parse.csv import parse_csv
from transforms.parse.encoding import decode_wide
from transforms.parse.fields import is_known_name
from transforms.parse.json_document import parse_json
from transforms.parse.jsonl import parse_jsonl
from transforms.parse.text import parse_lines, parse_text

# text: a seed-form .txt; lines: one article per line; jsonl: JSON Lines; json: a JSON document (or JSON Lines
# under a .json name); csv: CSV, its delimiter guessed; tsv: tab-separated; feed: RSS or Atom; html: a page.
KINDS = ("text", "lines", "jsonl", "json", "csv", "tsv", "feed", "html")
# The kinds a user names with `--input-format`, for files whose extension says nothing (`.cor`, `.dat`).
INPUT_FORMATS = {
    "txt": "text",
    "lines": "lines",
    "jsonl": "jsonl",
    "json": "json",
    "csv": "csv",
    "tsv": "tsv",
    "feed": "feed",
    "html": "html",
}

_BY_EXTENSION = {
    ".txt": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".html": "html",
    ".htm": "html",
}
# How far into a file markup is looked for: past an XML declaration, comments and a stylesheet link.
_HEAD_BYTES = 2048


def detect_kind(name: str, head: bytes) -> str | None:
    """The kind of source `name` (a path or URL) is, from its extension, else from `head` (its first bytes).

    None when neither tells: the caller reports the file as of an unknown kind. A `.txt` file whose first
    line is tab-separated column names (two or more known ones) is a table: Excel's "Unicode Text" save.
    """
    path = urlsplit(name).path if "://" in name else name
    suffix = PurePosixPath(path.replace("\\", "/")).suffix.lower()
    wide = decode_wide(head)  # UTF-16 or UTF-32: its markup and names are looked for as text
    if wide is not None and wide.text is not None:
        head = wide.text.encode("utf-8")
    if suffix == ".txt" and _is_tab_header(head):
        return "tsv"
    start = head.lstrip(b"\xef\xbb\xbf").lstrip()
    return _BY_EXTENSION.get(suffix) or _kind_from_content(start[:_HEAD_BYTES].lower())


def _is_tab_header(head: bytes) -> bool:
    """Whether the first line is tab-separated column names, two or more of them known (`Title\tText\tDate`)."""
    first_line = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", errors="replace")
    names = [name.strip().strip('"') for name in first_line.split("\t")]
    return len(names) > 1 and sum(is_known_name(name) for name in names) > 1


def _kind_from_content(start: bytes) -> str | None:
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start:
        return "html"
    if start.startswith(b"<?xml"):
        return "feed"
    if start.startswith((b"{", b"[")):
        return "json"  # an API response, or JSON Lines
    return None


def parse(
    kind: str,
    data: bytes,
    *,
    source_uri: str,
    source_name: str,
    named: bool = False,
    mapping: Mapping[str, str] | None = None,
    columns: list[str] | None = None,
    category: str | None = None,
) -> list[dict[str, str | None]]:
    """Raw records of one source of `kind` (one of `KINDS`), each parser given the options it takes.

    `source_name` is the user's when `named`, else the folder's or host's, which a record's own source (a
    `publication` column, a feed's title, a page's `og:site_name`) replaces. `mapping` (field → column)
    applies to JSON and CSV, `columns` to headerless CSV and TSV, `category` to text files (their folder's name).
    Raises ValueError for an unknown kind: that is the caller's mistake.
    """
    if kind == "text":
        return [parse_text(data, source_uri=source_uri, source_name=source_name, category=category)]
    if kind == "lines":
        return parse_lines(data, source_uri=source_uri, source_name=source_name, category=category)
    if kind == "jsonl":
        return parse_jsonl(data, source_uri=source_uri, source_name=source_name, named=named, mapping=mapping)
    if kind == "json":
        return parse_json(data, source_uri=source_uri, source_name=source_name, named=named, mapping=mapping)
    if kind in ("csv", "tsv"):
        return parse_csv(
            data,
            source_uri=source_uri,
            source_name=source_name,
            named=named,
            mapping=mapping,
            columns=columns,
            delimiter="\t" if kind == "tsv" else None,
        )
    # feedparser and trafilatura take a tenth of a second to import: paid only when a feed or a page is read.
    if kind == "feed":
        from transforms.parse.feed import parse_feed

        return parse_feed(data, source_uri=source_uri, source_name=source_name, named=named)
    if kind == "html":
        from transforms.parse.html import parse_html

        return parse_html(data, source_uri=source_uri, source_name=source_name, named=named)
    raise ValueError(f"unknown source kind {kind!r}; one of {', '.join(KINDS)}")
