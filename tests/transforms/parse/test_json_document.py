import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.parse.fields import is_known_name
from transforms.parse.json_document import parse_json
from transforms.schema import RAW_ARTICLES

NEWSAPI = {
    "status": "ok",
    "totalResults": 2,
    "articles": [
        {
            "source": {"id": "bbc-news", "name": "BBC News"},
            "author": "BBC News",
            "title": "Mali attack - BBC News",
            "description": "Soldiers killed.",
            "url": "https://www.bbc.co.uk/news/world-africa-1",
            "publishedAt": "2019-11-04T06:45:00Z",
            "content": "Fifty-three soldiers were killed… [+1200 chars]",
        },
        {
            "source": {"id": None, "name": "Reuters"},
            "title": "Second",
            "url": "https://www.reuters.com/2",
            "content": "Text.",
        },
    ],
}
GUARDIAN = {
    "response": {
        "status": "ok",
        "total": 1,
        "results": [
            {
                "id": "world/2019/nov/04/mali-attack",
                "sectionName": "World news",
                "webPublicationDate": "2019-11-04T06:45:00Z",
                "webTitle": "Mali attack kills 53",
                "webUrl": "https://www.theguardian.com/world/2019/nov/04/mali-attack",
                "fields": {"byline": "Jason Burke", "bodyText": "Fifty-three soldiers were killed."},
            }
        ],
    }
}
NYT_SEARCH = {
    "status": "OK",
    "response": {
        "docs": [
            {
                "abstract": "Soldiers were killed.",
                "web_url": "https://www.nytimes.com/2019/11/04/world/africa/mali.html",
                "headline": {"main": "Attack Kills 53 in Mali", "kicker": None},
                "byline": {"original": "By Ruth Maclean"},
                "pub_date": "2019-11-04T06:45:00+0000",
                "section_name": "World",
            }
        ],
        "meta": {"hits": 1},
    },
}


def parse(data: bytes, **kw) -> list[dict]:
    return parse_json(data, source_uri="/in/export.json", source_name="export", **kw)


def fields(records: list[dict], *names: str) -> list[tuple]:
    return [tuple(r[name] for name in names) for r in records]


def test_newsapi_response_gives_its_articles_with_their_own_sources():
    records = parse(json.dumps(NEWSAPI).encode())
    assert fields(records, "source_uri", "source_name", "title", "body", "published_raw", "read_error") == [
        (
            "https://www.bbc.co.uk/news/world-africa-1",
            "BBC News",
            "Mali attack",
            "Fifty-three soldiers were killed",  # NewsAPI's `… [+1200 chars]` dropped
            "2019-11-04T06:45:00Z",
            None,
        ),
        ("https://www.reuters.com/2", "Reuters", "Second", "Text.", None, None),
    ]
    assert json.loads(records[1]["payload"])["title"] == "Second"
    assert all(r["source_kind"] == "json" for r in records)


def test_guardian_api_response_reads_fields_body_text():
    (record,) = parse(json.dumps(GUARDIAN, indent=2).encode())
    assert fields([record], "title", "body", "authors", "category", "external_id") == [
        (
            "Mali attack kills 53",
            "Fifty-three soldiers were killed.",
            "Jason Burke",
            "World news",
            "world/2019/nov/04/mali-attack",
        )
    ]


def test_nyt_article_search_response_never_gives_json_as_a_title():
    (record,) = parse(json.dumps(NYT_SEARCH).encode())
    assert fields([record], "title", "body", "authors", "category", "published_raw") == [
        ("Attack Kills 53 in Mali", "Soldiers were killed.", "Ruth Maclean", "World", "2019-11-04T06:45:00+0000")
    ]


@pytest.mark.parametrize(
    ("data", "uris"),
    [
        # A scraper's pretty-printed array without URLs: keyed by element number
        (b'[\n  {"title": "A", "text": "a"},\n  {"title": "B", "text": "b"}\n]', ["#1", "#2"]),
        # The same with ids: keyed by id
        (b'[{"id": 7, "text": "a"}, {"id": "x#8", "text": "b"}]', ["#id=7", "#id=x#8"]),
        # One article saved as a pretty-printed object
        (b'{\n  "title": "A",\n  "body": "a"\n}\n', ["#1"]),
        # JSON Lines under a .json name
        (b'{"title": "A", "text": "a"}\n{"title": "B", "text": "b"}\n', ["#1", "#2"]),
        # Spreadsheet-to-JSON tools wrap the rows under `data`
        (b'{"data": [{"Headline": "A", "Article Text": "a"}]}', ["#1"]),
    ],
)
def test_documents_give_one_record_per_article(data, uris):
    records = parse(data)
    assert [r["source_uri"].removeprefix("/in/export.json") for r in records] == uris
    assert all(r["read_error"] is None for r in records)


def article(n: int, **extra: str) -> dict:
    return {"title": f"Title {n}", "body": f"Body {n}.", **extra}


@pytest.mark.parametrize(
    ("document", "keys"),
    [
        # A key-value store's export (Firebase, a scraper's cache): one object keyed by article id; an
        # article's own URL or id beats its key
        (
            {
                "art-9000": article(0),
                "art-9001": article(1, url="https://example.org/1?utm_source=x"),
                "art-9002": article(2, id="cms-2"),
            },
            ["#id=art-9000", "https://example.org/1", "#id=cms-2"],
        ),
        ({"art-9000": article(0)}, ["#id=art-9000"]),  # a collection of one
        # The collection under an API's list key (Firebase `articles`), and grouped by year, then by id
        ({"articles": {"-Nx1": article(1), "-Nx2": article(2)}}, ["#id=-Nx1", "#id=-Nx2"]),
        (
            {"2019": {"a": article(1), "b": article(2)}, "2020": {"c": article(3)}},
            ["#id=2019/a", "#id=2019/b", "#id=2020/c"],
        ),
        # An array whose element is such an object
        ([article(1), {"x": article(2), "y": article(3)}], ["#1", "#id=x", "#id=y"]),
        # A news app's home-page API: a featured article beside lists of articles
        (
            {"featured": article(1), "latest": [article(2), article(3)], "Most read": [article(4)]},
            ["#id=featured", "#id=latest/1", "#id=latest/2", "#id=Most read/1"],
        ),
    ],
)
def test_an_object_keyed_by_article_id_is_one_record_per_article(document, keys):
    records = parse(json.dumps(document).encode())
    assert [r["source_uri"].removeprefix("/in/export.json") for r in records] == keys
    assert all(r["read_error"] is None and r["title"].startswith("Title") for r in records)
    assert all(r["source_kind"] == "json" for r in records)


def test_what_a_keyed_object_holds_besides_articles_is_quarantined_not_dropped():
    # An export with a count and a stray entry beside the articles: each is counted and quarantined
    document = {"count": 3, "a": article(1), "b": article(2), "deleted": None, "c": {"flags": [1]}}
    records = parse(json.dumps(document).encode())
    assert [(r["source_uri"], r["read_error"]) for r in records] == [
        ("/in/export.json#id=count", "not a JSON object: key 'count' holds a number"),
        ("/in/export.json#id=a", None),
        ("/in/export.json#id=b", None),
        ("/in/export.json#id=deleted", "not a JSON object: key 'deleted' holds null"),
        (
            "/in/export.json#id=c",
            "no title and no body: no column is a known body column; the record has: flags; "
            "name the article text's column with --map body=COLUMN",
        ),
    ]
    assert records[0]["payload"] == "3"


ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_:", min_size=1, max_size=12).filter(
    lambda key: not is_known_name(key)
)


def nested(titles: st.SearchStrategy[int]) -> st.SearchStrategy[object]:
    """JSON holding articles at any depth: arrays, objects keyed by id, API wrappers, with stray values."""
    leaves = titles.map(article) | st.none() | st.integers() | st.text(max_size=3)
    return st.recursive(
        leaves,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(ids, inner, max_size=4)
            | st.builds(lambda items: {"status": "ok", "articles": items}, st.lists(inner, max_size=4))
        ),
        max_leaves=12,
    )


@settings(deadline=None, max_examples=200)
@given(nested(st.integers(0, 10**6)))
def test_no_shape_drops_an_article_silently(document):
    # Whatever a tool nests articles in, every article is read, or quarantined with what holds it
    text = json.dumps(document)
    records = parse(text.encode())
    read = {r["title"] for r in records if r["read_error"] is None}
    quarantined = " ".join(r["payload"] for r in records if r["read_error"] is not None)
    for title in re.findall(r'"title": "(Title \d+)"', text):
        assert title in read or f'"{title}"' in quarantined


def test_a_mapped_column_makes_an_object_one_article():
    # A custom export that splits one article over two objects, mapped by the user
    document = {"meta": {"title": "T", "link": "https://example.org/a"}, "payload": {"text": "B"}}
    (record,) = parse(json.dumps(document).encode(), mapping={"title": "meta.title", "body": "payload.text"})
    assert (record["source_uri"], record["title"], record["body"]) == ("https://example.org/a", "T", "B")


@settings(deadline=None)
@given(st.dictionaries(ids, st.integers(0, 99).map(article), min_size=1, max_size=8), st.booleans())
def test_every_article_of_a_keyed_object_is_a_record(collection, pretty):
    # An object keyed by any ids a store writes (`-Nx1`, `art_9000`, `2019:17`)
    records = parse(json.dumps(collection, indent=2 if pretty else None).encode())
    assert [r["source_uri"] for r in records] == [f"/in/export.json#id={key}" for key in collection]
    assert all(r["read_error"] is None for r in records)


def test_an_article_with_a_list_of_items_is_not_taken_for_a_wrapper():
    # A CMS export whose article carries its `items` (embedded media)
    (record,) = parse(b'{"title": "A", "body": "a", "items": [{"title": "photo"}]}')
    assert (record["title"], record["read_error"]) == ("A", None)


@pytest.mark.parametrize(
    ("data", "uri", "reason"),
    [
        (b"", "/in/export.json", "empty file"),  # a 0-byte download
        (b"  \n\t", "/in/export.json", "empty file"),  # white space only
        (b'[\n  {"title": "A",\n  "body": "cut', "/in/export.json", "malformed JSON: Unterminated string"),  # cut off
        (b'"just a string"', "/in/export.json", "not JSON articles: the document holds a string"),
        (b"{}", "/in/export.json#1", "no title and no body"),  # an empty object
        (b'[{"title": "A", "text": "a"}, 3]', "/in/export.json#2", "not a JSON object: element 2 holds a number"),
    ],
)
def test_what_is_no_article_is_quarantined_with_the_reason(data, uri, reason):
    bad = [r for r in parse(data) if r["read_error"]]
    assert len(bad) == 1
    assert bad[0]["source_uri"] == uri
    assert bad[0]["read_error"].startswith(reason)


def test_an_empty_list_of_results_is_no_records():
    # A Guardian search that matched nothing: a sound response with no articles
    assert parse(b'{"response": {"status": "ok", "results": []}}') == []


articles = st.lists(
    st.fixed_dictionaries({"title": st.text(max_size=10), "text": st.text(max_size=20)}),
    max_size=6,
)


@settings(deadline=None)
@given(articles, st.sampled_from([None, "articles", "results", "items"]), st.booleans())
def test_one_record_per_array_element(elements, key, pretty):
    # A JSON array, bare or wrapped as NewsAPI (`articles`), Guardian (`results`) and others (`items`) do
    document = elements if key is None else {"status": "ok", key: elements}
    records = parse(json.dumps(document, indent=2 if pretty else None).encode())
    assert [r["source_uri"] for r in records] == [f"/in/export.json#{n}" for n in range(1, len(elements) + 1)]


@settings(deadline=None)
@given(st.binary(max_size=300) | st.text(alphabet='[]{}":,\n abc0', max_size=80).map(str.encode))
def test_any_bytes_never_raise_and_give_records_of_the_contract(data):
    for record in parse(data):
        assert set(record) == set(RAW_ARTICLES)
        assert record["payload"] is not None
        assert record["source_uri"].startswith("/in/export.json")
