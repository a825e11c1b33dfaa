"""What the CSV tests share: AG News's columns and the parse call with one export's names."""

from transforms.parse.csv import parse_csv

AG_NEWS_COLUMNS = ["category", "title", "body"]


def parse(data: bytes, **kw) -> list[dict]:
    return parse_csv(data, source_uri="/in/export.csv", source_name="export", **kw)


def readable(records: list[dict]) -> list[dict]:
    return [r for r in records if r["read_error"] is None]
