"""JSON Lines exports: one JSON object per line, each an article (HuffPost News Category, API dumps)."""

import json
from collections.abc import Iterator, Mapping

from transforms.parse.encoding import decode_wide
from transforms.parse.fields import fields_problem, map_fields
from transforms.parse.keyed import keyed_members
from transforms.parse.records import (
    decode_records,
    describe_bytes,
    empty_file,
    error_record,
    natural_key,
    record_from_fields,
)

_KIND = "jsonl"
_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}


def parse_jsonl(
    data: bytes,
    *,
    source_uri: str,
    source_name: str,
    named: bool = False,
    mapping: Mapping[str, str] | None = None,
) -> list[dict[str, str | None]]:
    """One raw record per non-blank line, keyed by its URL, else its id (`source_uri#id=ID`), else
    `source_uri#N` (N the 1-based line number); a line holding a collection of articles (an object keyed
    by article id) gives one record per article (`records_from_object`).

    A line that is not a JSON object comes back with `read_error` and the line as `payload`; the other lines
    are read as usual, and an empty file is one record with `read_error`. Two lines with the same id or URL
    both come back: staging decides which one stands.
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
        records.extend(records_from_object(obj, source_uri, source_name, named, number, line, mapping))
    return records or [empty_file(source_uri, source_name, _KIND)]


def records_from_object(
    obj: Mapping[str, object],
    source_uri: str,
    source_name: str,
    named: bool,
    number: int,
    payload: str,
    mapping: Mapping[str, str] | None,
    source_kind: str = _KIND,
) -> list[dict[str, str | None]]:
    """The raw records of the JSON object that is record `number` of a file (a line, an array's element).

    One record, unless the object is a collection (`transforms.parse.keyed`, keyed by article id): then one
    per member, keyed by its URL, else its own id, else `source_uri#id=KEY`; a member that is no object
    comes back with `read_error`, so nothing in the object goes uncounted.
    """
    members = keyed_members(obj, mapping)
    if members is None:
        return [record_from_object(obj, source_uri, source_name, named, number, payload, mapping, source_kind)]
    records = []
    for key, value in members:
        member = json.dumps(value, ensure_ascii=False)
        if isinstance(value, Mapping):
            records.append(
                record_from_object(value, source_uri, source_name, named, number, member, mapping, source_kind, key)
            )
        else:
            reason = f"not a JSON object: key {key!r} holds {json_type(value)}"
            where = natural_key(source_uri, None, key, number)
            records.append(
                error_record(reason, source_uri=where, source_name=source_name, source_kind=source_kind, payload=member)
            )
    return records


def record_from_object(
    obj: Mapping[str, object],
    source_uri: str,
    source_name: str,
    named: bool,
    number: int,
    payload: str,
    mapping: Mapping[str, str] | None,
    source_kind: str = _KIND,
    key: str | None = None,
) -> dict[str, str | None]:
    """The raw record of one JSON article: record `number` of a file, or the value of `key` in a keyed object
    (the key is its id when it has none of its own)."""
    fields = map_fields(obj, mapping)
    if key is not None and fields["external_id"] is None:
        fields["external_id"] = key
    return record_from_fields(
        fields,
        source_uri=source_uri,
        source_name=source_name,
        named=named,
        source_kind=source_kind,
        number=number,
        payload=payload,
        problem=fields_problem(obj, fields, mapping),
    )


def _lines(data: bytes) -> Iterator[tuple[int, str, str | None]]:
    """(line number, line text, why the line is unreadable) for each non-blank line of the file."""
    decoded = decode_records(data)
    if decoded.text is not None:
        for number, line in enumerate(decoded.text.split("\n"), start=1):
            if line.strip():
                yield number, line.removesuffix("\r"), None
        return
    if decode_wide(data) is not None:
        # UTF-16 or UTF-32 by its byte-order mark, yet undecodable: its bytes cannot be split into lines.
        yield 1, describe_bytes(data), decoded.error or "undecodable bytes: no text encoding fits"
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
    value, problem = load_json(line)
    if problem is not None:
        return None, problem
    if not isinstance(value, dict):
        return None, f"not a JSON object: the line holds {json_type(value)}"
    return value, ""


def load_json(text: str) -> tuple[object, str | None]:
    """(the JSON value of `text`, None), or (None, why it is not one)."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as error:
        where = f"column {error.colno}" if error.lineno == 1 else f"line {error.lineno} column {error.colno}"
        return None, f"malformed JSON: {error.msg} at {where}"
    except ValueError as error:  # e.g. an integer longer than Python's digit limit
        return None, f"malformed JSON: {error}"
    except RecursionError:
        return None, "malformed JSON: nested too deeply to read"


def json_type(value: object) -> str:
    """What a JSON value is, in words: `an array`, `a number`, `null`."""
    return _JSON_TYPES.get(type(value), "null")


def _error(reason: str, source_uri: str, source_name: str, number: int, line: str) -> dict[str, str | None]:
    return error_record(
        reason, source_uri=f"{source_uri}#{number}", source_name=source_name, source_kind=_KIND, payload=line
    )
