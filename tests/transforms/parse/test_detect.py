import pytest

from tests.conftest import corpus
from transforms.parse.detect import KINDS, detect_kind, parse


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        ("/data/bbc/business/001.txt", b"Ad sales boost Time Warner profit\n\n", "text"),
        ("/data/huffpost.jsonl", b'{"link": "https://x"}\n', "jsonl"),
        ("/data/dump.ndjson", b'{"a": 1}\n', "jsonl"),
        ("/data/dump.json", b'{"a": 1}\n{"a": 2}\n', "json"),  # JSON Lines under a .json name
        ("/data/dump.json", b'{"a": ' + b"1" * 5000, "json"),  # a first line longer than the head
        ("/data/array.json", b'[{"a": 1}]', "json"),  # one JSON array of articles
        ("/data/pretty.json", b'{\n  "a": 1\n}\n', "json"),  # one pretty-printed object
        ("/data/empty.json", b"", "json"),  # an empty download, quarantined when read
        ("/data/agnews/test.csv", b'"3","Fears","Unions"\n', "csv"),
        ("/data/export.TSV", b"title\tbody\n", "tsv"),
        ("/data/export.tab", b"title\tbody\n", "tsv"),
        ("/data/mind/news.tsv", b"N55528\tlifestyle\tlifestyleroyals\tThe Brands", "tsv"),  # MIND, headerless
        # Excel's "Unicode Text" save: UTF-16LE with a byte-order mark, tab-separated, named .txt
        ("/data/export.txt", b"\xff\xfe" + "Title\tText\tDate\r\nA\tB\t2019".encode("utf-16-le"), "tsv"),
        ("/data/export.txt", "Titel\tInhalt\tDatum\r\n".encode("cp1252"), "tsv"),  # the same, saved as ANSI
        # Seed-form text: a title with a tab in it is still an article, and so is a UTF-16 one (Notepad's "Unicode")
        ("/data/a.txt", b"Title and text\tof an article\n\nBody", "text"),
        ("/data/a.txt", b"\xff\xfe" + "Title\r\n\r\nBody".encode("utf-16-le"), "text"),
        ("/feeds/world.rss", b"<?xml", "feed"),
        ("/feeds/world.atom", b"", "feed"),
        ("/feeds/world.xml", b"<?xml", "feed"),
        ("/pages/story.HTM", b"<html>", "html"),
        # URLs: the path's extension, else the content
        ("https://example.com/feed.xml?x=1", b"", "feed"),
        ("https://example.com/feed", b'\xef\xbb\xbf<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (
            "https://example.com/atom",
            b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">',
            "feed",
        ),
        ("https://example.com/rdf", b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),  # RSS 1.0
        ("https://example.com/story", b"<!DOCTYPE html>\n<html lang=en>", "html"),
        ("https://example.com/xhtml", b'<?xml version="1.0"?><!DOCTYPE html><html>', "html"),
        ("/data/export", b'{"title": "t"}\n', "json"),  # JSON Lines or a JSON document: the parser tells
        ("https://content.guardianapis.com/search?q=mali", b'{"response":{"status":"ok"', "json"),  # an API
        ("/data/export", b'\xef\xbb\xbf[\n  {"title": "t"}', "json"),  # an array with a byte-order mark
        ("/data/export", b"\xfe\xff" + '[{"title": "t"}]'.encode("utf-16-be"), "json"),  # the same in UTF-16BE
        ("/data/export", '<?xml version="1.0"?><rss>'.encode("utf-16-le"), "feed"),  # UTF-16 without a mark
        ("/data/unknown.bin", b"\x89PNG\r\n", None),  # an image
        ("/data/README", b"About this corpus", None),
        ("/data/empty", b"", None),  # an empty file with no extension
    ],
)
def test_kind_from_extension_then_content(name, head, kind):
    assert detect_kind(name, head) == kind


def test_every_kind_parses_through_the_dispatcher():
    samples = {
        "text": b"Title\n\nBody.",
        "lines": b"Body of the only article on this line.\n",
        "jsonl": b'{"title": "Title", "body": "Body."}\n',
        "json": b'{"articles": [{"title": "Title", "body": "Body."}]}',
        "csv": b"title,body\nTitle,Body.\n",
        "tsv": b"title\tbody\nTitle\tBody., with a comma\n",
        "feed": b"<rss><channel><item><title>Title</title><description>Body.</description></item></channel></rss>",
        "html": b"<html><body><article><h1>Title</h1><p>" + b"Body words here. " * 30 + b"</p></article></body></html>",
    }
    assert set(samples) == set(KINDS)
    for kind, data in samples.items():
        (record,) = parse(kind, data, source_uri="/in/x", source_name="x", category="world")
        assert record.get("title") == (None if kind == "lines" else "Title"), kind  # lines have no title line
        assert record["body"].startswith("Body"), kind


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("jsonl", b'{"publication": "Wire", "title": "T", "body": "B"}\n'),  # Kaggle "All the News"
        ("json", b'[{"publication": "Wire", "title": "T", "body": "B"}]'),
        ("csv", b"publication,title,body\nWire,T,B\n"),
        (
            "feed",
            b"<rss><channel><title>Wire</title><item><title>T</title><description>B</description></item></channel></rss>",
        ),
        (
            "html",
            b'<html><head><meta property="og:site_name" content="Wire"></head><body><article><h1>T</h1><p>'
            + b"Body words here. " * 30
            + b"</p></article></body></html>",
        ),
    ],
)
def test_a_records_own_source_name_beats_the_folders_but_not_the_users(kind, data):
    (own,) = parse(kind, data, source_uri="/in/x", source_name="folder")
    (given,) = parse(kind, data, source_uri="/in/x", source_name="given", named=True)
    assert (own["source_name"], given["source_name"]) == ("Wire", "given")


def test_unknown_kind_is_the_callers_mistake():
    with pytest.raises(ValueError, match="unknown source kind"):
        parse("pdf", b"", source_uri="/in/x.pdf", source_name="x")


@pytest.mark.corpus
def test_corpora_are_recognised():
    for parts, kind in [
        (("agnews", "test.csv"), "csv"),
        (("huffpost", "news_category_sample.jsonl"), "jsonl"),
        (("seed", "mali-army-base-attack.txt"), "text"),
    ]:
        path = corpus(*parts)
        assert detect_kind(str(path), path.read_bytes()[:2048]) == kind
