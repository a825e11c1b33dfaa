"""All the mentions of one article, from the model's spans and the rules that know what the model misses."""

from transforms.dateline import parse_dateline
from transforms.entities.company_names import company_spans
from transforms.entities.goal_scorers import scorer_mentions
from transforms.entities.headlines import slug_end
from transforms.entities.mentions import LABEL_TYPES, Mention, country_mentions, span_mentions, trimmed
from transforms.entities.name_kinds import is_misspelt_month
from transforms.entities.ner import Span
from transforms.entities.possessives import split_possessives
from transforms.entities.press_digests import is_press_digest, newspaper_mentions
from transforms.entities.repeated_names import repeated_mentions
from transforms.entities.results_tables import list_mentions, table_mentions
from transforms.entities.scorecards import scorecard_mentions
from transforms.entities.source_tags import source_mentions
from transforms.entities.team_names import team_spans
from transforms.entities.venues import venue_mentions


def _dateline_mentions(field: str, text: str) -> list[Mention]:
    """The place (and country) of a dateline that opens `text`."""
    found = parse_dateline(text)
    if found is None:
        return []
    spans = [found.place, *([found.region] if found.region else [])]
    mentions = [trimmed(field, text, start, end, "GPE", is_dateline=True) for start, end in spans]
    return [m for m in mentions if m is not None]


def _field_mentions(
    field: str, text: str, view: str, spans: list[Span], claimed: list[tuple[int, int]], digest: bool = False
) -> list[Mention]:
    """One field's mentions: scorecard players, goal scorers, results-table rows, list items, results' venues and
    a press digest's newspapers first (they know the text's structure), then the model's spans where none of them
    nor a scorecard heading claimed the text, then the companies and country names nothing found."""

    spans = team_spans(view, spans)

    def free(mention: Mention) -> bool:
        return not any(start < mention.end and mention.start < end for start, end in claimed)

    found: list[Mention] = []
    players, headings = scorecard_mentions(field, text, view)
    claimed += headings
    structured = [*players, *scorer_mentions(field, text, view), *table_mentions(field, text, view, spans)]
    if digest and field == "body":
        structured += newspaper_mentions(field, text)
    structured += venue_mentions(field, text) if field == "body" else []
    for mention in [*structured, *list_mentions(field, text, view, spans)]:
        if free(mention):
            found.append(mention)
            claimed.append((mention.start, mention.end))
    for start, end, label in spans:
        if label in LABEL_TYPES:
            found += [m for m in span_mentions(field, text, view, start, end, label) if free(m)]
            claimed.append((start, end))
    # A company named with its legal form is a name wherever the model found none (`Jeans Mate Corp`).
    for start, end in company_spans(text):
        if (company := trimmed(field, text, start, end, "ORG", view=view)) is not None and free(company):
            found.append(company)
            claimed.append((company.start, company.end))
    # A misspelt month (`Feburary 3`) is a date the model did not recognise, not a name.
    return [m for m in found if not is_misspelt_month(m.surface)] + country_mentions(field, text, claimed)


def article_mentions(fields: dict[str, str], spans: dict[str, tuple[str, list[Span]]]) -> list[Mention]:
    """Every mention of one article. `fields` holds its texts (title, body, dateline); `spans` the NER view and
    the model's spans of each text the model read."""
    field = "dateline" if "dateline" in fields else "body"
    datelines = _dateline_mentions(field, fields[field]) if field in fields else []
    sources = source_mentions(fields)
    mentions = [*datelines, *sources]
    digest = is_press_digest(fields.get("title", ""))
    for name, (view, field_spans) in spans.items():
        # The model's reading of a dateline (`BAMAKO Mali` as one PERSON) gives way to the dateline's, and its
        # reading of a feed's source to the source's. A headline's topic slug (`CRICKET - `) names no entity.
        opening = slug_end(fields[name]) if name == "title" else 0
        claimed = [(0, max([opening, *(m.end for m in datelines if m.field == name)]))]
        claimed += [(m.start, m.end) for m in sources if m.field == name]
        mentions += _field_mentions(name, fields[name], view, field_spans, claimed, digest)
    mentions = split_possessives(fields, mentions)
    return mentions + repeated_mentions(fields, mentions, {name: view for name, (view, _) in spans.items()})
