"""`.json` files: one JSON array of articles, an API response wrapping one, one article, an object keyed by
article id, or JSON Lines.

An API response wraps its articles in an object: NewsAPI `{"status": "ok", "articles": [...]}`, Guardian
`{"response": {"results": [...]}}`, NYT Article Search `{"response": {"docs": [...]}}`. A key-value store's
export is one object keyed by id (`{"art-9000": {...}, "art-9001": {...}}`, see `transforms.parse.keyed`). A
file that is no single JSON document but starts with a whole object on its first line is JSON Lines under a
`.json` name. Whatever the shape, every element is either read as an article or comes back with `read_error`.
"""

import json
from collections.abc import Mapping

from transforms.parse.fields import map_fields, normalise
from transforms.parse.jsonl import json_type, load_json, parse_jsonl, records_from_object
from transforms.parse.records import decode_records, error_record

_KIND = "json"  # the `source_kind` of records from one JSON document (JSON Lines under a `.json` name: `jsonl`)
# Keys an API response keeps its list of articles under, and keys of the objects that hold such a key.
_LIST_KEYS = ("articles", "results", "items", "data", "docs", "entries", "posts", "stories")
_WRAPPER_KEYS = ("response", "data")


def parse_json(
    data: bytes,
    *,
    source_uri: str,
    source_name: str,
    named: bool = False,
    mapping: Mapping[str, str] | None = None,
) -> list[dict[str, str | None]]:
    """One raw record per article of the document (N of `source_uri#N` the 1-based position of the element
    in its array; `source_uri#id=KEY` in an object keyed by id), else `parse_jsonl`'s records; a document
    that is neither comes back as one record with `read_error`."""
    decoded = decode_records(data)
    if decoded.text is None or not decoded.text.strip():
        return parse_jsonl(data, source_uri=source_uri, source_name=source_name, named=named, mapping=mapping)
    document, problem = load_json(decoded.text)
    if problem is not None:
        if _first_line_is_an_object(decoded.text):
            return parse_jsonl(data, source_uri=source_uri, source_name=source_name, named=named, mapping=mapping)
        return [_error(problem, source_uri, source_name, decoded.text)]
    articles = _articles(document, mapping)
    if articles is None:
        reason = f"not JSON articles: the document holds {json_type(document)}"
        return [_error(reason, source_uri, source_name, decoded.text)]
    records = []
    for number, article in enumerate(articles, start=1):
        payload = json.dumps(article, ensure_ascii=False)
        if isinstance(article, dict):
            records.extend(
                records_from_object(article, source_uri, source_name, named, number, payload, mapping, _KIND)
            )
        else:
            reason = f"not a JSON object: element {number} holds {json_type(article)}"
            records.append(_error(reason, f"{source_uri}#{number}", source_name, payload))
    return records


def _articles(document: object, mapping: Mapping[str, str] | None) -> list[object] | None:
    """The document's articles: an array's elements, the list an API response wraps, or one object."""
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        return None
    fields = map_fields(document, mapping)
    if fields["title"] is None and fields["body"] is None:
        wrapped = _wrapped_list(document, depth=2)
        if wrapped is not None:
            return wrapped
    return [document]


def _wrapped_list(obj: Mapping[str, object], depth: int) -> list[object] | None:
    """The list of articles under one of `_LIST_KEYS` (an object there is one, or keyed by id), looking
    `depth - 1` levels into `_WRAPPER_KEYS` objects."""
    by_name = {normalise(str(key)): value for key, value in obj.items()}
    for key in _LIST_KEYS:
        value = by_name.get(key)
        # An empty list, or an object, is the articles only where nothing else in the object could hold some:
        # beside other lists or objects (`{"stories": [], "0": [...]}`) the whole object is read as a collection.
        if isinstance(value, list) and (value or not _holds_more(obj, value)):
            return value
        if isinstance(value, Mapping) and value and not _holds_more(obj, value):
            return [value]
    for key in _WRAPPER_KEYS:
        inner = by_name.get(key)
        if depth > 1 and isinstance(inner, Mapping):
            found = _wrapped_list(inner, depth - 1)
            if found is not None:
                return found
    return None


def _holds_more(obj: Mapping[str, object], besides: object) -> bool:
    """Whether `obj` has a list or object other than `besides`."""
    return any(isinstance(v, list | Mapping) and v is not besides for v in obj.values())


def _first_line_is_an_object(text: str) -> bool:
    """Whether the first line is a whole JSON object, as in JSON Lines."""
    value, problem = load_json(text.lstrip().split("\n", 1)[0])
    return problem is None and isinstance(value, dict)


def _error(reason: str, source_uri: str, source_name: str, payload: str) -> dict[str, str | None]:
    return error_record(reason, source_uri=source_uri, source_name=source_name, source_kind=_KIND, payload=payload)
