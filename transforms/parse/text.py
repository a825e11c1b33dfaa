"""Seed-form text files: a title line, a blank line, then the body's paragraphs."""

from transforms.parse.encoding import decode


def parse_text(data: bytes, *, source_uri: str, source_name: str, category: str | None) -> dict[str, str | None]:
    """One raw record from one `.txt` file; `read_error` says why a file is not an article."""
    record: dict[str, str | None] = {
        "source_uri": source_uri,
        "source_name": source_name,
        "source_kind": "text",
        "category": category,
    }
    decoded = decode(data)
    if decoded.text is None:
        return record | {"payload": _describe_bytes(data), "read_error": decoded.error}
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    record["payload"] = text
    lines = text.strip().split("\n")
    if not text.strip():
        return record | {"read_error": "empty: the file holds no text"}
    record["title"] = lines[0].strip()
    record["body"] = "\n".join(lines[1:]).strip()
    return record


def _describe_bytes(data: bytes) -> str:
    """What a quarantined binary file held, readable in a terminal: its size and first bytes."""
    return f"{len(data)} bytes: {data[:256]!r}"
