"""Finding and reading sources: folders, files, and URLs fetched from a real HTTP server on loopback."""

import bz2
import gzip
import lzma
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flows.sources import ReadOptions, Source, SourceError, discover, read_source

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Floods hit the north</title><link>https://news.example/floods</link>
<pubDate>Tue, 05 Nov 2019 10:00:00 GMT</pubDate><description>Heavy rain flooded towns.</description></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/feed.xml": (200, FEED),
            "/big.html": (200, b"<html><body>" + b"x" * 5000 + b"</body></html>"),
            "/to-file": (302, b""),
        }
        status, body = routes.get(self.path, (404, b"not here"))
        self.send_response(status)
        if status == 302:
            self.send_header("Location", "file:///etc/passwd")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_feed_url_is_fetched_and_parsed(server):
    [source], _ = discover([f"{server}/feed.xml"])
    assert source.source_name == "127.0.0.1"
    read = read_source(source, ReadOptions())
    [record] = read.records
    assert (record["title"], record["source_uri"], record["source_kind"]) == (
        "Floods hit the north",
        "https://news.example/floods",
        "rss",
    )
    assert record["read_error"] is None and read.content_hash


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/big.html", "larger than 1,000 bytes"),  # a page over the size limit
        ("/to-file", "file://"),  # a redirect into the local file system is refused
        ("/missing.xml", "404"),  # a dead link
    ],
)
def test_urls_that_break_the_limits_are_quarantined_with_the_reason(server, path, reason):
    read = read_source(Source(f"{server}{path}", "x"), ReadOptions(fetch_max_bytes=1000, fetch_timeout=5))
    [record] = read.records
    assert reason in record["read_error"].lower() or reason in record["read_error"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed.xml"])
def test_only_http_urls_are_sources(url):
    with pytest.raises(SourceError, match="only http and https"):
        discover([url])


def test_a_file_of_unknown_kind_named_on_the_command_line_is_an_error(tmp_path):
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(SourceError, match=r"photo\.png: not a kind of source"):
        discover([str(picture)])


def test_an_unknown_file_inside_a_folder_is_quarantined_not_fatal(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    [source], _ = discover([str(tmp_path)])
    [record] = read_source(source, ReadOptions()).records
    assert "unknown kind of source" in record["read_error"]


def test_folders_give_categories_and_skip_documentation(tmp_path):
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / "a.txt").write_text("T\n\nB")
    (tmp_path / "README.TXT").write_text("about")
    (tmp_path / ".hidden.txt").write_text("T\n\nB")
    found, skipped = discover([str(tmp_path)])
    assert [(Path(s.location).name, s.category, s.source_name) for s in found] == [("a.txt", "sport", tmp_path.name)]
    assert [p.name for p in skipped] == ["README.TXT"]


def test_only_a_source_name_given_by_the_user_is_named(tmp_path):
    (tmp_path / "a.txt").write_text("T\n\nB")
    [folder], _ = discover([str(tmp_path)])
    [given], _ = discover([str(tmp_path)], "Wire")
    assert (folder.source_name, folder.named) == (tmp_path.name, False)
    assert (given.source_name, given.named) == ("Wire", True)


@pytest.mark.parametrize(("source_name", "expected"), [(None, "Breitbart"), ("Mine", "Mine")])
def test_a_records_own_source_is_used_unless_the_user_named_one(tmp_path, source_name, expected):
    # Kaggle "All the News": a `publication` column in a CSV named on the command line
    export = tmp_path / "articles1.csv"
    export.write_text("id,title,publication,content\n1,T,Breitbart,Body\n")
    [source], _ = discover([str(export)], source_name)
    [record] = read_source(source, ReadOptions()).records
    assert record["source_name"] == expected


def test_a_json_array_named_on_the_command_line_is_read(tmp_path):
    # A NewsAPI response saved with `curl -o`
    saved = tmp_path / "everything.json"
    saved.write_text('{"status": "ok", "articles": [{"title": "T", "content": "B", "url": "https://x.com/1"}]}')
    [source], _ = discover([str(saved)])
    [record] = read_source(source, ReadOptions()).records
    assert (record["source_uri"], record["read_error"]) == ("https://x.com/1", None)


@pytest.mark.parametrize("name", ["export.csv", "dump.jsonl", "response.json"])
def test_an_empty_file_is_one_quarantined_record(tmp_path, name):
    (tmp_path / name).write_bytes(b"")
    [source], _ = discover([str(tmp_path)])
    [record] = read_source(source, ReadOptions()).records
    assert (record["source_uri"], record["read_error"]) == (str(tmp_path / name), "empty file")


# Signal Media One-Million News Articles, as distributed: JSON Lines, gzip-compressed
SIGNAL = (
    b'{"id": "f7ca322d-c3e8-40d2-841f-9d7250ac72ca", "content": "VETERANS saluted Worcester\'s first breakfast club.", '
    b'"title": "Worcester breakfast club for veterans", "media-type": "News", "source": "Redditch Standard", '
    b'"published": "2015-09-07T10:16:14Z"}\n'
)


@pytest.mark.parametrize(
    ("name", "compress"),
    [("signalmedia-1m.jsonl.gz", gzip.compress), ("dump.jsonl.bz2", bz2.compress), ("dump.JSONL.XZ", lzma.compress)],
)
def test_a_compressed_file_is_read_as_what_its_name_says_without_the_suffix(tmp_path, name, compress):
    (tmp_path / name).write_bytes(compress(SIGNAL))
    for given in (tmp_path, tmp_path / name):  # in a folder, and named on the command line
        [source], _ = discover([str(given)])
        [record] = read_source(source, ReadOptions()).records
        assert (record["source_uri"], record["source_name"], record["title"], record["read_error"]) == (
            f"{tmp_path / name}#id=f7ca322d-c3e8-40d2-841f-9d7250ac72ca",
            "Redditch Standard",
            "Worcester breakfast club for veterans",
            None,
        )


def test_a_compressed_file_without_a_kind_in_its_name_is_told_by_its_content(tmp_path):
    (tmp_path / "feed.gz").write_bytes(gzip.compress(FEED))
    [source], _ = discover([str(tmp_path / "feed.gz")])
    [record] = read_source(source, ReadOptions()).records
    assert (record["title"], record["source_kind"]) == ("Floods hit the north", "rss")


def test_a_compressed_tsv_is_tab_separated(tmp_path):
    # MIND's news.tsv, gzipped: a title with a comma must not split at it
    (tmp_path / "news.tsv.gz").write_bytes(gzip.compress(b"title\tabstract\nA, b\tText, more text\n"))
    [source], _ = discover([str(tmp_path)])
    [record] = read_source(source, ReadOptions()).records
    assert (record["title"], record["body"], record["source_uri"]) == (
        "A, b",
        "Text, more text",
        f"{source.location}#2",
    )


def test_a_decompression_bomb_is_quarantined_with_the_reason(tmp_path):
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(b"\n" * 1_000_000))  # 1 MB of newlines in 1 kB
    [source], _ = discover([str(bomb)])
    [record] = read_source(source, ReadOptions(decompressed_max_bytes=100_000)).records
    assert (record["source_uri"], record["read_error"]) == (
        str(bomb),
        "unreadable: decompresses to more than 100,000 bytes, the limit (a decompression bomb?)",
    )


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        # A fixed mtime keeps the header, and so the test's id, the same in every pytest-xdist worker.
        (
            "cut.jsonl.gz",
            gzip.compress(SIGNAL, mtime=0)[:40],
            "unreadable: not a readable .gz file: Compressed file ended",
        ),
        ("plain.jsonl.gz", SIGNAL, "unreadable: not a readable .gz file: Not a gzipped file"),  # misnamed
        ("bad.jsonl.xz", b"\xfd7zXZ\x00garbage", "unreadable: not a readable .xz file:"),
    ],
)
def test_a_damaged_compressed_file_is_quarantined_with_the_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    [source], _ = discover([str(tmp_path / name)])
    [record] = read_source(source, ReadOptions()).records
    assert record["read_error"].startswith(reason)


def test_compressed_documentation_is_passed_over_and_an_unknown_compressed_file_refused(tmp_path):
    (tmp_path / "README.txt.gz").write_bytes(gzip.compress(b"About this corpus"))
    found, skipped = discover([str(tmp_path)])
    assert (found, [p.name for p in skipped]) == ([], ["README.txt.gz"])
    (tmp_path / "photo.png.gz").write_bytes(gzip.compress(b"\x89PNG\r\n\x1a\n"))
    with pytest.raises(SourceError, match=r"photo\.png\.gz: not a kind of source"):
        discover([str(tmp_path / "photo.png.gz")])
