"""Finding what a run reads and getting its bytes: the I/O in front of the pure parsers.

Files are found under folders (recursively) or named directly; URLs are fetched over http(s) only, with timeouts
and a size limit. The kind of each source (text, JSON Lines, JSON, CSV, feed, HTML) is told by its extension or content.
A file compressed with gzip, bzip2 or xz is decompressed, up to a limit, and read as what its name says without
the compression suffix (`signalmedia-1m.jsonl.gz` is JSON Lines).
"""

import bz2
import gzip
import hashlib
import io
import json
import lzma
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from urllib.parse import urlsplit

import httpx

from transforms.parse.category_names import named_category
from transforms.parse.detect import INPUT_FORMATS, KINDS, detect_kind, parse
from transforms.parse.records import error_record

# Files that describe a corpus rather than hold articles (the BBC folder ships a README.TXT at its root).
_DOCUMENTATION = {"readme", "license", "licence", "copying", "changelog", "notice"}
_URL_SCHEMES = ("http", "https")
_EXTENSIONS = ".txt, .jsonl/.ndjson/.json, .csv/.tsv/.tab, .xml/.rss/.atom, .html/.htm, each also .gz/.bz2/.xz"
# How many bytes the kind of a source is told from.
_HEAD_BYTES = 2048
# One compressed file each; a .zip archive, which holds many files, is not read.
_DECOMPRESSORS: dict[str, Callable[[Path], io.BufferedIOBase]] = {
    ".gz": gzip.GzipFile,
    ".bz2": bz2.BZ2File,
    ".xz": lzma.LZMAFile,
}
_DECOMPRESSED_CHUNK = 1024 * 1024


class SourceError(ValueError):
    """A source given on the command line that cannot be read at all."""


@dataclass(frozen=True)
class Source:
    """One file or URL to read."""

    location: str  # an absolute path, or a URL
    # `--source-name` when `named`; else the folder's name or the URL's host, which a record's own source beats.
    source_name: str
    # The first folder below the folder given on the command line, when the file is in one.
    category: str | None = None
    size: int | None = None
    mtime_ns: int | None = None
    named: bool = False

    @property
    def is_url(self) -> bool:
        return "://" in self.location


@dataclass(frozen=True)
class ReadOptions:
    """How sources are read: field mapping for JSON Lines/CSV, column names for headerless CSV, fetch limits."""

    mapping: dict[str, str] = field(default_factory=dict)
    columns: list[str] | None = None
    # The kind of every file, named by the user (`--input-format`: a key of `INPUT_FORMATS`), else told by each
    # file's extension or content.
    input_format: str | None = None
    # Category code → name (`--category-names`), applied to every record's category.
    category_names: dict[str, str] = field(default_factory=dict)
    fetch_timeout: float = 30.0
    fetch_max_bytes: int = 50_000_000
    # A compressed file that decompresses beyond this is refused (a decompression bomb turns kilobytes into
    # terabytes); 2 GB is more than the largest public news corpora in one file (Signal Media 1M: 2.7 GB
    # uncompressed).
    decompressed_max_bytes: int = 2_000_000_000

    def fingerprint(self) -> str:
        """What decides how a file's bytes become records: a file read with other options is read again."""
        given: dict[str, object] = {"mapping": self.mapping, "columns": self.columns}
        # Options added later count only when set, so files read before them are still known unchanged.
        given |= {"input_format": self.input_format} if self.input_format else {}
        given |= {"category_names": self.category_names} if self.category_names else {}
        return json.dumps(given, sort_keys=True)

    @property
    def kind(self) -> str | None:
        """The source kind `input_format` names, if the user named one."""
        return INPUT_FORMATS[self.input_format] if self.input_format else None


@dataclass(frozen=True)
class SourceRead:
    """The raw records of one source, and what identifies its bytes for the next run."""

    source: Source
    records: list[dict[str, str | None]]
    content_hash: str | None

    def summary(self) -> "ReadSummary":
        """What the load must remember of this read once its records have been processed."""
        return ReadSummary(self.source, tuple(str(r["source_uri"]) for r in self.records), self.content_hash)


@dataclass(frozen=True)
class ReadSummary:
    source: Source
    record_uris: tuple[str, ...]
    content_hash: str | None


def discover(
    sources: list[str], source_name: str | None = None, input_format: str | None = None
) -> tuple[list[Source], list[Path]]:
    """Every source under `sources` in a stable order, and the documentation files passed over.

    `source_name` is the user's name for all of them; without it each is named by its folder (a URL by its
    host), a name that a record's own source replaces. A file named on the command line must be of a kind
    broadsheet reads, by its extension or content, unless `input_format` names its kind.
    """
    found: list[Source] = []
    skipped: list[Path] = []
    named = source_name is not None
    for given in sources:
        if "://" in given:
            url = _checked_url(given)
            found.append(Source(url, source_name or urlsplit(given).hostname or given, named=named))
            continue
        root = Path(given).expanduser().resolve()
        if root.is_dir():
            name = source_name or root.name
            for path in sorted(_files(root)):
                if PurePath(_inner_name(str(path))).stem.lower() in _DOCUMENTATION:
                    skipped.append(path)
                    continue
                parts = path.relative_to(root).parts
                found.append(_file(path, name, named, parts[0] if len(parts) > 1 else None))
        elif root.is_file():
            head = _head(root)
            if input_format is None and detect_kind(_inner_name(str(root)), head) is None:
                raise SourceError(
                    f"{given}: not a kind of source broadsheet reads (expected {_EXTENSIONS}); if it is one, "
                    f"name its kind with --input-format {{{','.join(INPUT_FORMATS)}}}"
                )
            found.append(_file(root, source_name or root.parent.name, named, None))
        else:
            raise SourceError(f"no such file or folder: {given}")
    return found, skipped


def read_source(source: Source, options: ReadOptions) -> SourceRead:
    """The raw records of one source; what cannot be read becomes a record with `read_error`, never an exception."""
    try:
        data = _fetch(source.location, options) if source.is_url else _file_bytes(source.location, options)
    except (OSError, httpx.HTTPError, FetchError, DecompressError) as error:
        reason = f"unreadable: {getattr(error, 'strerror', None) or error}"
        return SourceRead(source, [_failed(source, reason)], None)
    kind = options.kind or detect_kind(
        source.location if source.is_url else _inner_name(source.location), data[:_HEAD_BYTES]
    )
    if kind is None:
        reason = (
            f"unknown kind of source (expected {_EXTENSIONS} or recognisable content; "
            f"--input-format names the kind of files whose extension says nothing)"
        )
        return SourceRead(source, [_failed(source, reason, data)], None)
    records = parse(
        kind,
        data,
        source_uri=source.location,
        source_name=source.source_name,
        named=source.named,
        mapping=options.mapping or None,
        columns=options.columns,
        category=source.category,
    )
    if options.category_names:
        records = [r | {"category": named_category(r.get("category"), options.category_names)} for r in records]
    return SourceRead(source, records, hashlib.sha256(data).hexdigest())


def category_names_beside(source: Source) -> Path | None:
    """A `classes.txt` beside a CSV file (AG News ships one naming its class numbers), to suggest to the user."""
    if source.is_url or not _inner_name(source.location).lower().endswith((".csv", ".tsv")):
        return None
    names = Path(source.location).with_name("classes.txt")
    return names if names.is_file() else None


class FetchError(RuntimeError):
    """A URL that did not give a page within the limits."""


class DecompressError(RuntimeError):
    """A compressed file that is damaged, or decompresses beyond the limit."""


def _file_bytes(path: str, options: ReadOptions) -> bytes:
    """The file's bytes, decompressed when its name ends in a compression suffix."""
    suffix = _compression(path)
    if suffix is None:
        return Path(path).read_bytes()
    limit = options.decompressed_max_bytes
    data = io.BytesIO()
    try:
        with _DECOMPRESSORS[suffix](Path(path)) as stream:
            while chunk := stream.read(_DECOMPRESSED_CHUNK):
                if data.tell() + len(chunk) > limit:
                    raise DecompressError(
                        f"decompresses to more than {limit:,} bytes, the limit (a decompression bomb?)"
                    )
                data.write(chunk)
    except (OSError, EOFError, zlib.error, lzma.LZMAError) as error:
        raise DecompressError(f"not a readable {suffix} file: {error}") from error
    return data.getvalue()


def _fetch(url: str, options: ReadOptions) -> bytes:
    """The body of `url`, refusing more than `fetch_max_bytes` and any redirect away from http(s)."""
    timeout = httpx.Timeout(options.fetch_timeout, connect=min(10.0, options.fetch_timeout))
    with (
        httpx.Client(follow_redirects=True, timeout=timeout, max_redirects=5) as client,
        client.stream("GET", url, headers={"User-Agent": "broadsheet"}) as response,
    ):
        if response.url.scheme not in _URL_SCHEMES:
            raise FetchError(f"redirected to a {response.url.scheme} URL")
        response.raise_for_status()
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > options.fetch_max_bytes:
                raise FetchError(f"larger than {options.fetch_max_bytes:,} bytes")
            chunks.append(chunk)
        return b"".join(chunks)


def _checked_url(url: str) -> str:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in _URL_SCHEMES:
        raise SourceError(f"{url}: only http and https URLs are fetched")
    return url


def _file(path: Path, name: str, named: bool, category: str | None) -> Source:
    stat = path.stat()
    return Source(str(path), name, category, stat.st_size, stat.st_mtime_ns, named)


def _failed(source: Source, reason: str, data: bytes | None = None) -> dict[str, str | None]:
    payload = "" if data is None else data[:4096].decode("utf-8", errors="replace")
    return error_record(
        reason, source_uri=source.location, source_name=source.source_name, source_kind="unknown", payload=payload
    )


def _head(path: Path) -> bytes:
    """The first bytes of the file, decompressed; none when it cannot be decompressed (its name still tells)."""
    suffix = _compression(str(path))
    try:
        with _DECOMPRESSORS[suffix](path) if suffix else path.open("rb") as handle:
            return handle.read(_HEAD_BYTES)
    except (EOFError, zlib.error, lzma.LZMAError, OSError):
        if suffix is None:
            raise
        return b""


def _compression(path: str) -> str | None:
    """The compression suffix the file's name ends in (`.gz`), if any."""
    suffix = PurePath(path).suffix.lower()
    return suffix if suffix in _DECOMPRESSORS else None


def _inner_name(path: str) -> str:
    """The file's name without its compression suffix: `signalmedia-1m.jsonl.gz` → `signalmedia-1m.jsonl`."""
    suffix = _compression(path)
    return path[: -len(suffix)] if suffix else path


def _files(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts):
            yield path


__all__ = ["KINDS", "ReadOptions", "Source", "SourceError", "discover", "read_source"]
