"""Finding the files a run reads and reading their bytes: the I/O in front of the pure parsers."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from transforms.parse.text import parse_text

# Files that describe a corpus rather than hold an article (the BBC folder ships a README.TXT at its root).
_DOCUMENTATION = {"readme", "license", "licence", "copying", "changelog", "notice"}


class SourceError(ValueError):
    """A source given on the command line that cannot be read at all."""


@dataclass(frozen=True)
class SourceFile:
    path: Path
    source_name: str
    # The first folder below the folder given on the command line, when the file is in one.
    category: str | None


def discover(sources: list[Path], source_name: str | None = None) -> tuple[list[SourceFile], list[Path]]:
    """Every article file under `sources` in a stable order, and the documentation files passed over."""
    found: list[SourceFile] = []
    skipped: list[Path] = []
    for source in sources:
        root = source.expanduser().resolve()
        if root.is_dir():
            name = source_name or root.name
            for path in sorted(_files(root)):
                if path.stem.lower() in _DOCUMENTATION:
                    skipped.append(path)
                    continue
                parts = path.relative_to(root).parts
                found.append(SourceFile(path, name, parts[0] if len(parts) > 1 else None))
        elif root.is_file():
            found.append(SourceFile(root, source_name or root.parent.name, None))
        else:
            raise SourceError(f"no such file or folder: {source}")
    return found, skipped


def read_record(source: SourceFile) -> dict[str, str | None]:
    """The raw record of one file; an unreadable file becomes a record with `read_error`, not an exception."""
    try:
        data = source.path.read_bytes()
    except OSError as error:
        return {
            "source_uri": str(source.path),
            "source_name": source.source_name,
            "source_kind": "text",
            "payload": None,
            "read_error": f"unreadable file: {error.strerror or error}",
        }
    return parse_text(data, source_uri=str(source.path), source_name=source.source_name, category=source.category)


def _files(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts):
            yield path
