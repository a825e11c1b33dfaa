"""Text files: the seed's form (a title line, a blank line, then the body's paragraphs), a text with no title
line, and collections with one article per line. Text saved from markup keeps its escaping debris (`&lt;Texaco
Inc>` in Reuters-21578's bodies, `Johnson  amp; Johnson` in AG News): repaired as in every other format
(`transforms.text_cleanup`)."""

from transforms.parse.encoding import decode
from transforms.text_cleanup import repair_entities
from transforms.titles import is_title_line


def parse_text(data: bytes, *, source_uri: str, source_name: str, category: str | None) -> dict[str, str | None]:
    """One raw record from one `.txt` file; `read_error` says why a file is not an article.

    A text that opens with no title line (`transforms.titles.is_title_line`) is all body: its title is derived
    from its first sentence in staging.
    """
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
    if not is_title_line(lines):
        return record | {"body": repair_entities(text.strip(), backslash_breaks=False)}
    record["title"] = repair_entities(lines[0].strip(), backslash_breaks=False)
    record["body"] = repair_entities("\n".join(lines[1:]).strip(), backslash_breaks=False)
    return record


def parse_lines(data: bytes, *, source_uri: str, source_name: str, category: str | None) -> list[dict[str, str | None]]:
    """One raw record per non-empty line (`path#N`, N the line's number): a text collection with one article per
    line and no titles, as many news corpora ship."""
    decoded = decode(data)
    base = {"source_name": source_name, "source_kind": "lines", "category": category}
    if decoded.text is None:
        return [base | {"source_uri": source_uri, "payload": _describe_bytes(data), "read_error": decoded.error}]
    lines = decoded.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    records = [
        base
        | {
            "source_uri": f"{source_uri}#{number}",
            "body": repair_entities(line.strip(), backslash_breaks=False),
            "payload": line,
        }
        for number, line in enumerate(lines, start=1)
        if line.strip()
    ]
    if not records:
        return [base | {"source_uri": source_uri, "payload": "", "read_error": "empty: the file holds no text"}]
    return records


def _describe_bytes(data: bytes) -> str:
    """What a quarantined binary file held, readable in a terminal: its size and first bytes."""
    return f"{len(data)} bytes: {data[:256]!r}"
