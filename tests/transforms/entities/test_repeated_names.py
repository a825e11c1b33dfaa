from transforms.entities.extract import article_mentions
from transforms.entities.mentions import Mention
from transforms.entities.repeated_names import repeated_mentions
from transforms.entities.resolve import resolve_article


def found(fields: dict[str, str], mentions: list[Mention]) -> list[tuple[str, str, str]]:
    return [(m.field, m.surface, m.label) for m in repeated_mentions(fields, mentions)]


def test_a_name_found_once_is_found_wherever_the_article_writes_it() -> None:
    body = "Zentrix said on Monday that analysts at Zentrix and Mr Zentrix agreed."
    title = "Zentrix cuts jobs"
    mentions = [Mention("body", 0, 7, "Zentrix", "ORG")]
    assert found({"title": title, "body": body}, mentions) == [
        ("title", "Zentrix", "ORG"),
        ("body", "Zentrix", "ORG"),
        ("body", "Zentrix", "ORG"),
    ]


def test_a_name_is_found_in_an_all_caps_headline_through_its_ner_view() -> None:
    # CoNLL-2003: the headline names the player in capitals, the body in mixed case
    title, body = "SOCCER - KLINSMANN TO RETIRE", "Juergen Klinsmann will retire."
    mentions = [Mention("body", 8, 17, "Klinsmann", "PERSON")]
    views = {"title": "soccer - Klinsmann to retire", "body": body}
    found = repeated_mentions({"title": title, "body": body}, mentions, views)
    assert [(m.field, m.start, m.end, m.surface, m.label) for m in found] == [("title", 9, 18, "KLINSMANN", "PERSON")]


def test_a_name_inside_a_longer_name_or_a_word_is_no_further_mention() -> None:
    body = "Ravenna rose. The Ravenna Post and Port Ravenna and Ravennas and Ravenna-based firms."
    assert found({"body": body}, [Mention("body", 0, 7, "Ravenna", "GPE")]) == []


def test_common_words_dates_and_other_things_are_not_looked_for() -> None:
    body = "Will said so. Will you? The Office aired. The Office returns."
    mentions = [Mention("body", 0, 4, "Will", "PERSON"), Mention("body", 32, 38, "Office", "WORK_OF_ART")]
    assert found({"body": body}, mentions) == []
    assert found({"body": ""}, []) == []


def test_a_further_occurrence_is_a_mention_of_the_article() -> None:
    body = "Quorvel won. Quorvel lost. Then Quorvel drew."
    spans = [(0, 7, "ORG"), (13, 20, "PERSON")]
    mentions = article_mentions({"body": body}, {"body": (body, spans)})
    assert [(m.start, m.label, m.is_repeat) for m in mentions] == [
        (0, "ORG", False),
        (13, "PERSON", False),
        (32, "ORG", True),
    ]


def test_further_occurrences_do_not_vote_on_what_a_name_is() -> None:
    mentions = [
        Mention("body", 0, 7, "Quorvel", "ORG"),
        *(Mention("body", s, s + 7, "Quorvel", "PERSON", is_repeat=True) for s in (20, 40)),
    ]
    assert {r.entity_type for r in resolve_article(mentions)} == {"organization"}
