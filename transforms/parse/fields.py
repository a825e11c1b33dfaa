"""Which column of a JSON Lines or CSV record holds which article field.

Exports name their fields differently (HuffPost: `headline`, `short_description`, `link`, `date`; Kaggle
dumps: `title`, `text`, `published`); the common names are recognised case-insensitively, and an explicit
mapping (the command line's repeatable `--map field=column`) overrides them field by field.
"""

import json
from collections.abc import Mapping

# Field → the column names that hold it, in order of preference. For `body` the first present *non-empty*
# column wins: an export with both an empty `text` and a filled `description` still yields a body.
AUTO_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "body": ("body", "text", "content", "description", "short_description"),
    "url": ("url", "link"),
    "published_raw": ("date", "published", "pubdate", "published_at", "datetime"),
    "category": ("category", "subject", "topic", "section"),
    "authors": ("authors", "author", "byline"),
    "external_id": ("id", "guid"),
}

MAPPABLE_FIELDS: tuple[str, ...] = tuple(AUTO_COLUMNS)


# What users call the publication date when they map it by hand.
_FIELD_ALIASES = {"published": "published_raw", "date": "published_raw", "published_at": "published_raw"}


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """`["title=headline", "body=summary"]` → `{"title": "headline", "body": "summary"}`.

    Raises ValueError naming the bad pair: a mapping is configuration, so it fails before any file is read.
    """
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not field or not column:
            raise ValueError(f"--map {pair!r}: expected FIELD=COLUMN, e.g. title=headline")
        field = _FIELD_ALIASES.get(field, field)
        if field not in MAPPABLE_FIELDS:
            raise ValueError(f"--map {pair!r}: unknown field {field!r}; one of {', '.join(MAPPABLE_FIELDS)}")
        mapping[field] = column
    return mapping


def map_fields(record: Mapping[str, object], mapping: Mapping[str, str] | None = None) -> dict[str, str | None]:
    """The article fields of one record: every `MAPPABLE_FIELDS` key, None where the record has no value.

    Values become text: numbers as written (`3`, an AG News class, stays `"3"`), lists joined by `", "`
    (author lists), objects with a `name` by their name, other objects as JSON. Blank values are None.
    """
    by_lower: dict[str, object] = {}
    for column, value in record.items():
        by_lower.setdefault(str(column).lower(), value)
    fields: dict[str, str | None] = {}
    for field, candidates in AUTO_COLUMNS.items():
        if mapping and field in mapping:
            column = mapping[field]
            value = record[column] if column in record else by_lower.get(column.lower())
            fields[field] = as_text(value)
            continue
        fields[field] = None
        for candidate in candidates:
            text = as_text(by_lower.get(candidate))
            if text is not None:
                fields[field] = text
                break
    return fields


def as_text(value: object) -> str | None:
    """One field value as text, or None when it is missing or blank."""
    if value is None or isinstance(value, bool):
        text = None if value is None else str(value).lower()
    elif isinstance(value, str):
        text = value
    elif isinstance(value, int | float):
        text = str(value)
    elif isinstance(value, list):
        parts = [as_text(item) for item in value]
        text = ", ".join(part for part in parts if part)
    elif isinstance(value, dict) and isinstance(value.get("name"), str):
        text = value["name"]
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    if text is None or not text.strip():
        return None
    return text.strip()
