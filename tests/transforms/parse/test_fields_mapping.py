"""The user's `--map FIELD=COLUMN` pairs, dotted paths into objects, and the problem a record's fields have."""

import pytest

from transforms.parse.fields import fields_problem, map_fields, parse_mapping


def test_explicit_mapping_overrides_the_common_names():
    record = {"title": "auto", "summary_line": "mapped", "body": "auto body"}
    fields = map_fields(record, {"title": "summary_line", "body": "Missing"})
    assert fields["title"] == "mapped"
    assert fields["body"] is None  # a mapped column the record lacks is missing, not replaced by a guess


def test_command_line_pairs_become_a_mapping():
    assert parse_mapping(["title=headline", " body = short_description "]) == {
        "title": "headline",
        "body": "short_description",
    }


@pytest.mark.parametrize("pair", ["title", "=headline", "title=", "heading=headline"])
def test_bad_pairs_are_refused_with_the_pair_named(pair):
    with pytest.raises(ValueError, match="--map"):
        parse_mapping([pair])


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("headline.main", "Attack Kills 53"),  # NYT archive, a dotted path
        ("Headline.Main", "Attack Kills 53"),  # the same, written as the user saw it elsewhere
        ("headline", "Attack Kills 53"),  # the object's own text
        ("fields.headline", "From fields"),  # Guardian `fields`
    ],
)
def test_mapped_dotted_paths(column, value):
    record = {"headline": {"main": "Attack Kills 53"}, "fields": {"headline": "From fields"}}
    assert map_fields(record, {"title": column})["title"] == value


def test_a_mapped_column_the_record_lacks_is_a_problem_naming_its_columns():
    record = {"headline": "H", "abstract": "A", "web_url": "https://x.com/1"}
    fields = map_fields(record, {"title": "headline.main"})
    assert fields_problem(record, fields, {"title": "headline.main"}) == (
        "--map title=headline.main: no such column; the record has: headline, abstract, web_url"
    )


@pytest.mark.parametrize(
    ("record", "mapping", "problem"),
    [
        ({"title": "T", "body": "B"}, None, None),  # a sound record
        ({"body": "B"}, None, None),  # no title: staging's to judge
        (
            {"title": "T", "copy": "B", "meta": {"words": 9}},
            None,
            "no body: no column is a known body column; the record has: title, copy, meta.words; "
            "name the article text's column with --map body=COLUMN",
        ),
        (
            {"id": 1},
            None,
            "no title and no body: no column is a known body column; the record has: id; "
            "name the article text's column with --map body=COLUMN",
        ),
        ({"title": "T", "text": " "}, None, "no body: column text is empty"),  # an export with blank bodies
        ({"title": "T", "copy": ""}, {"body": "copy"}, "no body: column copy is empty"),
    ],
)
def test_fields_problem_says_what_is_missing(record, mapping, problem):
    assert fields_problem(record, map_fields(record, mapping), mapping) == problem
