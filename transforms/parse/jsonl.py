"""JSON Lines exports: one JSON object per line, each an article (HuffPost News Category, API dumps)."""

import json
from collections.abc import Iterator, Mapping

from transforms.parse.fields import map_fields
from transforms.parse.records import decode_records, describe_bytes, error_record, record_from_fields

_KIND = "jsonl"
_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}


def parse_jsonl(
    data: bytes, *, source_uri: str, source_name: str, mapping: Mapping[str, str] | None = None
) -> list[dict[str, str | None]]:
    """One raw record per non-blank line, keyed by its URL or `source_uri#N` (N the 1-based line number).

    A line that is not a JSON object comes back with `read_error` and the line as `payload`; the other lines
    are read as usual. Two lines with the same id or URL both come back: staging decides which one stands.
    """
    records: list[dict[str, str | None]] = []
    for number, line, error in _lines(data):
        if error is not None:
            records.append(_error(error, source_uri, source_name, number, line))
            continue
        obj, reason = _load_object(line)
        if obj is None:
            records.append(_error(reason, source_uri, source_name, number, line))
            continue
        fields = map_fields(obj, mapping)
        records.append(
            record_from_fields(
                fields,
                source_uri=source_uri,
                source_name=source_name,
                source_kind=_KIND,
                number=number,
                payload=line,
            )
        )
    return records


def _lines(data: bytes) -> Iterator[tuple[int, str, str | None]]:
    """(line number, line text, why the line is unreadable) for each non-blank line of the file."""
    decoded = decode_records(data)
    if decoded.text is not None:
        for number, line in enumerate(decoded.text.split("\n"), start=1):
            if line.strip():
                yield number, line.removesuffix("\r"), None
        return
    # The file as a whole is no text (NUL bytes outside UTF-8, or bytes no encoding fits): read what can be
    # read line by line, so one damaged line does not take the rest of the export with it.
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        decoded_line = decode_records(raw)
        if decoded_line.text is None or not decoded_line.text.strip():
            reason = decoded_line.error or "undecodable bytes: no text encoding fits"
            yield number, describe_bytes(raw), reason
        else:
            yield number, decoded_line.text.removesuffix("\r"), None


def _load_object(line: str) -> tuple[dict[str, object] | None, str]:
    """The line's JSON object, or None and why it is not one."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        return None, f"malformed JSON: {error.msg} at column {error.colno}"
    except ValueError as error:  # e.g. an integer longer than Python's digit limit
        return None, f"malformed JSON: {error}"
    except RecursionError:
        return None, "malformed JSON: nested too deeply to read"
    if not isinstance(value, dict):
        return None, f"not a JSON object: the line holds {_JSON_TYPES.get(type(value), 'null')}"
    return value, ""


def _error(reason: str, source_uri: str, source_name: str, number: int, line: str) -> dict[str, str | None]:
    return error_record(
        reason, source_uri=f"{source_uri}#{number}", source_name=source_name, source_kind=_KIND, payload=line
    )
