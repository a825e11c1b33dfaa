"""The news60 gold set against the corpora it points into, and the scorer's error families."""

import json
from pathlib import Path

import pytest

from bench.entities.gold import CORPORA, NEWS60, TYPES, GoldMismatch, load_news60
from bench.entities.score import errors, metrics
from tests.conftest import corpus


def test_every_news60_surface_is_the_text_at_its_offsets() -> None:
    corpus("bbc")
    corpus("agnews", "test.csv")
    texts, gold = load_news60(NEWS60, CORPORA)
    assert len(texts) == len(NEWS60.read_text(encoding="utf-8").splitlines()) >= 60
    assert len(gold) > 800
    for doc, start, end, kind, surface in gold:
        assert kind in TYPES
        assert texts[doc][start:end] == surface, (doc, start, end, surface)
    assert {doc.split("-")[0] for doc in texts} == {"bbc", "agnews"}


def _shifted(tmp_path: Path, field: str, change: object) -> Path:
    """news60's first record with its first entity's `field` changed."""
    record = json.loads(NEWS60.read_text(encoding="utf-8").splitlines()[0])
    entity = record["entities"][0]
    entity[field] = change(entity[field]) if callable(change) else change
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("field", "change", "message"),
    [
        ("start", lambda s: s + 1, "reads"),  # an offset drifted by one character
        ("end", lambda e: e - 1, "reads"),  # a span cut short
        ("text", lambda t: t.upper() + "X", "reads"),  # a surface edited without its offsets
        ("type", "PERSON", "is not one of"),  # a type outside CoNLL's four
    ],
)
def test_a_drifted_record_fails_loudly(tmp_path: Path, field: str, change: object, message: str) -> None:
    corpus("bbc")
    with pytest.raises(GoldMismatch, match=message):
        load_news60(_shifted(tmp_path, field, change), CORPORA)


def test_errors_fall_into_one_family_each() -> None:
    gold = [
        ("d", 0, 5, "PER", "Alice"),  # found exactly
        ("d", 10, 16, "ORG", "Sunday"),  # found as a place: type confusion
        ("d", 20, 30, "LOC", "New Mexico"),  # found as `Mexico`: boundary
        ("d", 40, 45, "MISC", "Dutch"),  # missed
        ("d", 50, 60, "ORG", "Acme Group"),  # `Acme Group Inc` as a person: boundary and type
    ]
    predicted = [
        ("d", 0, 5, "PER", "Alice"),
        ("d", 10, 16, "LOC", "Sunday"),
        ("d", 24, 30, "LOC", "Mexico"),
        ("d", 50, 64, "PER", "Acme Group Inc"),
        ("d", 70, 75, "ORG", "Maybe"),  # overlaps nothing
    ]
    families = errors(predicted, gold)
    assert {f: dict(c) for f, c in families.items()} == {
        "type": {"ORG→LOC": 1},
        "boundary": {"LOC": 1},
        "boundary+type": {"ORG→PER": 1},
        "missing": {"MISC": 1},
        "spurious": {"ORG": 1},
    }
    exact = metrics(predicted, gold)["exact"]["PER+ORG+LOC"]
    assert exact == pytest.approx({"precision": 1 / 5, "recall": 1 / 4, "f1": 2 / 9})  # MISC left out
