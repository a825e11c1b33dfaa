"""CSV and TSV exports: one article per row, with a header row or column names the user gives.

Read with the standard `csv` module (RFC 4180 quoting, `""` escapes, fields spanning lines). A row that cannot
be read (bad quoting, the wrong number of fields, NUL bytes) is quarantined alone: reading starts again on the
line after the row's first line, so a stray quote cannot swallow the rows that follow it.

Tab-separated files quote as Excel does (a whole field in quotes), or not at all (IANA TSV, Microsoft MIND,
whose titles and JSON columns hold bare quotes): a tab-separated row that the quoting rules cannot read, or
read to the wrong number of fields, is taken as its line split at the tabs when that gives the right number.
"""

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from transforms.parse.fields import fields_problem, is_known_name, map_fields, normalise
from transforms.parse.records import (
    decode_records,
    describe_bytes,
    empty_file,
    error_record,
    is_web_url,
    record_from_fields,
)

_KIND = "csv"
_DELIMITERS = ",;\t|"
# Enough of the file to see several rows of it without reading megabytes to guess a delimiter.
_SAMPLE_CHARS = 64 * 1024
# The csv module refuses fields over 128 KiB by default; a long article is a legitimate field. The limit is
# process-wide and a C long, so 2**31 - 1 works on every platform.
_FIELD_LIMIT = 2**31 - 1
# Longer first-row fields are text, not column names.
_LONGEST_NAME = 64
# A first-row field that is an identifier (MIND `N55528`, `ID-0001`) is data, not a column name.
_IDENTIFIER = re.compile(r"[A-Za-z]{0,3}[-_]?\d{3,}")


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
    the first row is the header, and with it a first row that is a header is skipped. `delimiter` (a tab
    for a `.tsv` file) is guessed from `,;\\t|` when not given: the one that splits rows most consistently.
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
    dialect = _dialect(decoded.text, delimiter, None if columns is None else len(columns))
    header, first = _header(lines, dialect, columns, mapping)
    width = None if header is None else _Width(len(header), given=columns is not None)
    # Without a header row no row can be read, whatever else is wrong with it: one reason, and the fix.
    no_header = _no_header(lines, first, dialect) if header is None else None
    records: list[dict[str, str | None]] = []
    for start, row, reason in _rows(lines, first, dialect, width):
        payload = "".join(lines[start : start + 1] if row is None else row[1]).rstrip("\r\n")
        why = no_header or reason
        if header is None or row is None or why is not None:
            records.append(_error(str(why), f"{source_uri}#{start + 1}", source_name, payload))
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


@dataclass(frozen=True)
class _Width:
    """How many fields a row has: as many as the header's names, or as `--columns` names (`given`)."""

    count: int
    given: bool

    def __str__(self) -> str:
        return f"--columns names {self.count} columns" if self.given else f"the header has {self.count}"


def _dialect(text: str, delimiter: str | None, width: int | None) -> type[csv.Dialect] | csv.Dialect:
    """RFC 4180 quoting with the given delimiter, else one guessed for rows of `width` fields (if known)."""

    class Dialect(csv.excel):
        strict = True

    if delimiter is not None:
        Dialect.delimiter = delimiter
        return Dialect
    sample = text[:_SAMPLE_CHARS]
    if len(text) > _SAMPLE_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]  # whole rows only: a cut row has fewer fields
    Dialect.delimiter = guess_delimiter(sample, width)
    return Dialect


def guess_delimiter(sample: str, width: int | None = None) -> str:
    """The candidate of `,;\\t|` that splits the most of the sample's rows into one number (2 or more) of
    fields, read with quotes or split literally (MIND's bare quotes), whichever splits more of them so; a
    split into `width` fields (as many as `--columns` names) first, the wider split, then `,`, among equals;
    `,` when none splits.

    Counting a candidate in the first line misleads where fields hold it: MIND's JSON columns are full of
    commas, while its tabs split every row into 8 fields.
    """

    def consistency(candidate: str) -> tuple[bool, float, int, bool]:
        best = (False, 0.0, 0, candidate == ",")
        for widths in _widths(sample, candidate):
            if not widths:
                continue
            fields, rows = max(widths.items(), key=lambda item: (item[1], item[0]))
            if fields > 1:
                best = max(best, (fields == width, rows / widths.total(), fields, candidate == ","))
        return best

    return max(_DELIMITERS, key=consistency)


def _widths(sample: str, delimiter: str) -> tuple[Counter[int], Counter[int]]:
    """How many rows of `sample` split at `delimiter` into each number of fields: read with quotes, and split
    line by line. Blank rows are not counted."""
    quoted: Counter[int] = Counter()
    try:
        for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
            if any(field.strip() for field in row):
                quoted[len(row)] += 1
    except csv.Error:
        pass  # the rows before the unreadable one tell
    literal = Counter(line.count(delimiter) + 1 for line in sample.split("\n") if line.strip())
    return quoted, literal


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
    mapped = {normalise(column) for column in (mapping or {}).values()}
    short = [name for name in names if len(name) <= _LONGEST_NAME]
    has_known_name = any(is_known_name(name) or normalise(name) in mapped for name in short)
    if columns is not None:
        # The given names again, or a header of their number (MIND with `News ID`, `Title`, … added on top)
        same = [normalise(name) for name in names] == [normalise(column) for column in columns]
        is_header = same or (has_known_name and len(names) == len(columns) and _plausible_names(names))
        return columns, end if is_header else first
    if any(_is_value(name) for name in names):
        return None, first
    if has_known_name or (_plausible_names(names) and _sniffed_header(lines, first)):
        return [name or f"column_{i + 1}" for i, name in enumerate(names)], end
    return None, first


def _plausible_names(names: list[str]) -> bool:
    """Names are short and no values (the sniffer alone takes two AG News rows for a header and a row)."""
    return all(len(name) <= _LONGEST_NAME and not _is_value(name) for name in names)


def _is_value(text: str) -> bool:
    """Whether a first-row field is a value no header names a column with: a number, an identifier (MIND
    `N55528`), a URL, a JSON array or object."""
    return _is_number(text) or bool(_IDENTIFIER.fullmatch(text)) or is_web_url(text) or text.startswith(("[", "{"))


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


def _no_header(lines: list[str], first: int, dialect: type[csv.Dialect] | csv.Dialect) -> str:
    """Why the rows of a file without a header row cannot be read, and what to do."""
    try:
        row, _ = next(_read(lines, first, dialect))
        count = f"{len(row)} "
    except (StopIteration, csv.Error):
        count = ""
    return f"no header row: the first row looks like data; name the file's {count}columns in order with --columns"


def _rows(
    lines: list[str], start: int, dialect: type[csv.Dialect] | csv.Dialect, width: _Width | None
) -> Iterator[tuple[int, tuple[list[str], list[str]] | None, str | None]]:
    """(first line index, (fields, lines) or None, why the row is unreadable) for each non-blank row."""
    # Tabs are split literally where quoting fails (MIND's bare quotes); the width tells a right reading.
    literal = dialect.delimiter == "\t" and width is not None
    while start < len(lines):
        try:
            for row, end in _read(lines, start, dialect):
                if not any(field.strip() for field in row):
                    start = end
                    continue
                reason = _width_problem(row, width)
                if reason is not None and (end - start > 1 or literal):
                    # A stray quote swallowed the lines after it, or a tab-separated row holds bare quotes: the
                    # first line alone is the row, and reading goes on after it.
                    break
                yield start, (row, lines[start:end]), reason or _nul_problem(row)
                start = end
            else:
                return
        except csv.Error as error:
            reason = f"malformed CSV row: {error}"
        fields = lines[start].rstrip("\r\n").split("\t") if literal else None
        problem = reason if fields is None else _width_problem(fields, width)
        if fields is not None and problem is None:
            yield start, (fields, lines[start : start + 1]), _nul_problem(fields)
        else:
            yield start, None, problem
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


def _width_problem(row: list[str], width: _Width | None) -> str | None:
    if width is None or len(row) == width.count:
        return None
    if len(row) > width.count and not any(field.strip() for field in row[width.count :]):
        return None  # a trailing delimiter is a common export quirk, not a shifted row
    return f"malformed CSV row: {len(row)} fields where {width}"


def _nul_problem(row: list[str]) -> str | None:
    return "binary content: NUL bytes in the row" if any("\x00" in field for field in row) else None


def _error(reason: str, source_uri: str, source_name: str, payload: str) -> dict[str, str | None]:
    return error_record(reason, source_uri=source_uri, source_name=source_name, source_kind=_KIND, payload=payload)
