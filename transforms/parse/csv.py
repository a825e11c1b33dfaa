"""CSV and TSV exports: one article per row, with a header row or column names the user gives.

Read with the standard `csv` module (RFC 4180 quoting, `""` escapes, fields spanning lines). A row that cannot
be read (bad quoting, the wrong number of fields, NUL bytes) is quarantined alone: reading starts again on the
line after the row's first line, so a stray quote cannot swallow the rows that follow it.
"""

import csv
import io
from collections.abc import Iterator, Mapping

from transforms.parse.fields import fields_problem, is_known_name, map_fields, normalise
from transforms.parse.records import decode_records, describe_bytes, empty_file, error_record, record_from_fields

_KIND = "csv"
_DELIMITERS = ",;\t|"
# Enough of the file for the sniffer to see several rows; it is regex-based and slow on megabytes.
_SNIFF_CHARS = 64 * 1024
# The csv module refuses fields over 128 KiB by default; a long article is a legitimate field. The limit is
# process-wide and a C long, so 2**31 - 1 works on every platform.
_FIELD_LIMIT = 2**31 - 1
# Longer first-row fields are text, not column names.
_LONGEST_NAME = 64


def parse_csv(
    data: bytes,
    *,
    source_uri: str,
    source_name: str,
    named: bool = False,
    mapping: Mapping[str, str] | None = None,
    columns: list[str] | None = None,
    delimiter: str | None = None,
) -> list[dict[str, str | None]]:
    """One raw record per data row, keyed by its URL, else its id (`source_uri#id=ID`), else `source_uri#N`
    (N the 1-based line the row starts on); an empty file is one record with `read_error`.

    `columns` names the columns of a headerless file (AG News: `["category", "title", "body"]`); without it
    the first row is the header. `delimiter` is sniffed from `,;\\t|` when not given.
    """
    decoded = decode_records(data)
    if decoded.text is None:
        unreadable = decoded.error or "undecodable bytes: no text encoding fits"
        return [_error(unreadable, source_uri, source_name, describe_bytes(data))]
    if not decoded.text.strip():
        return [empty_file(source_uri, source_name, _KIND)]
    lines = list(io.StringIO(decoded.text, newline=""))
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    dialect = _dialect(decoded.text, delimiter)
    header, first = _header(lines, dialect, columns, mapping)
    records: list[dict[str, str | None]] = []
    for start, row, reason in _rows(lines, first, dialect, None if header is None else len(header)):
        payload = "".join(lines[start : start + 1] if row is None else row[1]).rstrip("\r\n")
        if row is None or header is None or reason is not None:
            why = reason or "no header row: the first row looks like data; give the file's column names"
            records.append(_error(why, f"{source_uri}#{start + 1}", source_name, payload))
            continue
        values = dict(zip(header, row[0], strict=False))
        fields = map_fields(values, mapping)
        records.append(
            record_from_fields(
                fields,
                source_uri=source_uri,
                source_name=source_name,
                named=named,
                source_kind=_KIND,
                number=start + 1,
                payload=payload,
                problem=fields_problem(values, fields, mapping),
            )
        )
    return records


def _dialect(text: str, delimiter: str | None) -> type[csv.Dialect] | csv.Dialect:
    """RFC 4180 quoting with the given or sniffed delimiter."""

    class Dialect(csv.excel):
        strict = True

    if delimiter is not None:
        Dialect.delimiter = delimiter
        return Dialect
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]  # whole rows only: a cut row misleads the sniffer
    try:
        Dialect.delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        # The sniffer wants rows of equal width; one ragged row defeats it. The first line is most often a
        # header, where the delimiter is the most frequent candidate.
        first_line = next((line for line in sample.splitlines() if line.strip()), "")
        Dialect.delimiter = max(_DELIMITERS, key=lambda candidate: (first_line.count(candidate), candidate == ","))
    return Dialect


def _header(
    lines: list[str],
    dialect: type[csv.Dialect] | csv.Dialect,
    columns: list[str] | None,
    mapping: Mapping[str, str] | None,
) -> tuple[list[str] | None, int]:
    """(column names, index of the first data line); names None when the file has none and none were given."""
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    try:
        row, end = next(_read(lines, first, dialect))
    except (StopIteration, csv.Error):
        return columns, first
    names = [name.strip().lstrip("\ufeff") for name in row]
    if columns is not None:
        is_header = [n.lower() for n in names] == [c.lower() for c in columns]
        return columns, end if is_header else first
    mapped = {normalise(column) for column in (mapping or {}).values()}
    short = [name for name in names if len(name) <= _LONGEST_NAME]
    has_known_name = any(is_known_name(name) or normalise(name) in mapped for name in short)
    if has_known_name or (_plausible_names(names) and _sniffed_header(lines, first)):
        return [name or f"column_{i + 1}" for i, name in enumerate(names)], end
    return None, first


def _plausible_names(names: list[str]) -> bool:
    """Names are short and not numbers (the sniffer alone takes two AG News rows for a header and a row)."""
    return all(len(name) <= _LONGEST_NAME and not _is_number(name) for name in names)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _sniffed_header(lines: list[str], first: int) -> bool:
    try:
        return csv.Sniffer().has_header("".join(lines[first : first + 20]))
    except csv.Error:
        return False


def _rows(
    lines: list[str], start: int, dialect: type[csv.Dialect] | csv.Dialect, width: int | None
) -> Iterator[tuple[int, tuple[list[str], list[str]] | None, str | None]]:
    """(first line index, (fields, lines) or None, why the row is unreadable) for each non-blank row."""
    while start < len(lines):
        try:
            for row, end in _read(lines, start, dialect):
                if not any(field.strip() for field in row):
                    start = end
                    continue
                shifted = _width_problem(row, width)
                if shifted is not None and end - start > 1:
                    # A stray quote swallowed the lines after it: blame the first line only, read on after it.
                    yield start, None, shifted
                    break
                yield start, (row, lines[start:end]), shifted or _nul_problem(row)
                start = end
            else:
                return
        except csv.Error as error:
            yield start, None, f"malformed CSV row: {error}"
        start += 1


def _read(lines: list[str], start: int, dialect: type[csv.Dialect] | csv.Dialect) -> Iterator[tuple[list[str], int]]:
    """(fields, index after the row's last line) for each row read from `lines[start:]`."""
    position = start

    def feed() -> Iterator[str]:
        nonlocal position
        while position < len(lines):
            position += 1
            yield lines[position - 1]

    for row in csv.reader(feed(), dialect):
        yield row, position


def _width_problem(row: list[str], width: int | None) -> str | None:
    if width is None or len(row) == width:
        return None
    if len(row) > width and not any(field.strip() for field in row[width:]):
        return None  # a trailing delimiter is a common export quirk, not a shifted row
    return f"malformed CSV row: {len(row)} fields where the header has {width}"


def _nul_problem(row: list[str]) -> str | None:
    return "binary content: NUL bytes in the row" if any("\x00" in field for field in row) else None


def _error(reason: str, source_uri: str, source_name: str, payload: str) -> dict[str, str | None]:
    return error_record(reason, source_uri=source_uri, source_name=source_name, source_kind=_KIND, payload=payload)
