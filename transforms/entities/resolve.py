"""An article's mentions → canonical entities, decided for the whole article at once.

The model labels each span alone and often inconsistently (the seed article's `Mali` is a PERSON six times and
a GPE once). Within an article a name means one thing, so:
1. a name the gazetteers know as a country or continent, or as a country's demonym (`Malian`), is a location, and
   so is a dateline's place wherever the story names it (`DHAKA` … `Dhaka stocks`);
2. otherwise its mentions vote and the majority type wins (ties: the first mention's). A PERSON vote counts
   for a location when the name is a big city (`Houston`) or follows `to the` (`the Sahel`), for an
   organisation after any other `the`; a multi-word name the model reads alone as a person gets extra person
   votes (`PROBE_WEIGHT`);
3. a name that ends the one longer person name of the article is that person (`Parly` → `Florence Parly`),
   even a country's name (`Jordan` after `Neil Jordan`) unless a demonym or a place's preposition (`in Jordan`)
   says the country is meant;
4. an acronym is the article's name whose initials it spells (`UN` → `United Nations`), else one of the few
   in `_ACRONYMS`;
5. locations are geocoded (`geocode`): a city name found in several countries weighs each namesake's population
   by how often the article names its country, a dateline's country counting as 100 mentions; a capital ten
   times its namesakes is known by its name alone (`Washington`); a dateline's place is read with only the
   dateline's own country or state (`VANCOUVER`, `SANTA MARIA, Calif.`); a country, state or region named right
   after a place puts it there (`within`: `Paris, Texas`, `London, Ontario`, not `Paris, Washington and
   London`). A place no gazetteer knows takes the country the text puts it in (`context_country`), marked as
   inferred, with no coordinates. An organisation whose name places it in a country (`Bank of England`) has that
   country, inferred likewise (`org_country`).
Before the vote, a name's own words may decide its kind: a body named after a place (`African Union`, `Sahel
Alliance`) is an organisation (`name_kinds`). After it, the words around one mention may: a person by the vote
whose shares or officers the text names is a company (`company_cues`).
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from transforms.entities.company_cues import is_club_mention, is_company_mention
from transforms.entities.company_names import is_company_name
from transforms.entities.context_country import context_country, named_country
from transforms.entities.countries import country, demonym_of, name_key
from transforms.entities.geocode import Place, city_population, geocode
from transforms.entities.mentions import LABEL_TYPES, Mention
from transforms.entities.name_kinds import (
    is_body_name,
    is_event_name,
    is_facility_name,
    is_market_index,
    is_time_zone,
)
from transforms.entities.name_links import ACRONYM, is_gazetteer_place, link_acronyms, link_surnames, person_key
from transforms.entities.org_country import organization_country
from transforms.entities.place_cues import is_place_mention
from transforms.entities.sports_teams import HOME_TOWN_POPULATION, is_county, is_team_mention

# Acronyms so common that news uses them without ever spelling them out; everything else must be spelled
# out in the same article to be linked.
_ACRONYMS = {"un": "United Nations", "eu": "European Union"}
# A city this large named where the model saw a person is the city (`BAMAKO`, `Sydney`), not a namesake, unless
# a title stands before the name (`President Bush`) or a longer person name ends with it (`Whitney Houston`).
_CITY_OVER_PERSON = 100_000
# The model's reading of a multi-word name alone counts this many mentions: more than one context, so it
# decides a name mentioned once (`The president of Ibrahim Boubacar Keita`, ORG in context, PERSON alone).
PROBE_WEIGHT = 1.5
# Persons take no article; a PERSON span after one is a place after these prepositions, else an organisation
# (`a visit to the Sahel`, `the Kremlin`).
_LOCATIVE = re.compile(r"\b(?:in|into|to|from|across|throughout|near|around|over|through|of) (?:the|The) $")
# A dateline's country weighs this many mentions: the wire says where the story is.
_DATELINE_WEIGHT = 100
# A person's title right before a name.
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|President|Minister|Senator|Sen|Gov|Governor|Rep|Gen"
    r"|General|King|Queen|Prince|Princess|Pope|Judge|Mayor)\.?\s+$"
)


@dataclass(frozen=True)
class Resolved:
    """A mention with the entity it names."""

    mention: Mention
    entity_type: str
    entity_name: str
    # What makes the entity the same everywhere: the gazetteer id of a place, else the name's key.
    natural_key: str
    place: Place | None
    # The country of a place no gazetteer knows, as the article's text puts it (`context_country`); else None.
    inferred_country: str | None = None


def _kind(mention: Mention, person_cue: bool = False) -> str:
    kind = LABEL_TYPES[mention.label]
    if kind == "person" and not person_cue and _city_population(mention) >= _CITY_OVER_PERSON:
        return "location"
    if kind == "person" and mention.before.endswith(("the ", "The ")):
        return "location" if _LOCATIVE.search(mention.before) else "organization"
    return kind


def _city_population(mention: Mention) -> int:
    """The people of the largest city a mention may name: accents aside in a dateline or all-caps text, which
    drop them (`ZURICH`), else spelt as the city spells itself (`Bush` is not Būsh, Egypt; `Houston` is Houston)."""
    loose = mention.is_dateline or mention.surface.isupper()
    return city_population(mention.surface, as_written=not loose)


def _person_cue(mentions: Iterable[Mention]) -> bool:
    """Whether a title stands before any mention of the name (`President Bush`, `Mr. Houston`)."""
    return any(_TITLE_BEFORE.search(m.before) for m in mentions)


def probe_text(mention: Mention) -> str:
    """The mention as the model reads it alone: all caps turned to title case, as a name is usually written."""
    return mention.surface.title() if mention.surface.isupper() and len(mention.surface) > 4 else mention.surface


def probe_candidates(mentions: Iterable[Mention]) -> Iterator[str]:
    """The names worth reading alone: multi-word names the model did not already call a person."""
    for mention in mentions:
        if " " in mention.surface and mention.label != "PERSON" and not mention.is_dateline:
            yield probe_text(mention)


def _vote(mentions: list[Mention], probes: Mapping[str, str]) -> str:
    """The type most mentions have; a multi-word name the model reads alone as a person counts
    `PROBE_WEIGHT` more person votes; on a tie, the first mention's type."""
    cue = _person_cue(mentions)
    # A name's further occurrences found by string (`repeated_names`) repeat the model's reading: they do not vote.
    kinds = [_kind(m, cue) for m in mentions if not m.is_repeat]
    counts: dict[str, float] = dict(Counter(kinds))
    if any(probes.get(text) == "PERSON" for text in probe_candidates(mentions)):
        counts["person"] = counts.get("person", 0) + PROBE_WEIGHT
        kinds.append("person")
    return next(k for k in kinds if counts[k] == max(counts.values()))


def _display(forms: Iterable[str]) -> str:
    """The name as the article writes it most often, preferring a form that is not all caps."""
    counts = Counter(forms)
    mixed = [f for f, _ in counts.most_common() if not f.isupper()]
    if mixed:
        return mixed[0]
    best = counts.most_common(1)[0][0]
    return best if ACRONYM.fullmatch(best) else best.title()


def _dateline_countries(by_key: Mapping[str, list[Mention]]) -> Counter[str]:
    """The countries a dateline names by a country or a state (`BAMAKO Mali`, `SANTA MARIA, Calif.`)."""
    near: Counter[str] = Counter()
    for group in by_key.values():
        datelines = sum(m.is_dateline for m in group)
        found = country(group[0].surface) if datelines else None
        place = geocode(group[0].surface) if datelines and found is None else None
        if found is not None and found.code:
            near[found.code] += _DATELINE_WEIGHT * datelines
        elif place is not None and place.kind == "state" and place.country_code:
            near[place.country_code] += _DATELINE_WEIGHT * datelines
    return near


def _countries_named(by_key: Mapping[str, list[Mention]], dateline: Mapping[str, float]) -> Counter[str]:
    """How strongly the article is about each country: its mentions, a dateline's country counting most.

    A dateline that names no country says it by its place (`VIENNA`, `SANTA MARIA, Calif.`), read with only
    the dateline's own country or state for context, as `resolve_article` reads a dateline's place.
    """
    near: Counter[str] = Counter(dateline)
    for group in by_key.values():
        found = country(group[0].surface)
        datelines = sum(m.is_dateline for m in group)
        if found is not None and found.code:
            near[found.code] += len(group)
            continue
        place = _place(group[0], dateline, _within(group, dateline)) if datelines else None
        if place is not None and place.kind != "state" and place.country_code:
            near[place.country_code] += _DATELINE_WEIGHT * datelines
    return near


def resolve_article(mentions: list[Mention], probes: Mapping[str, str] | None = None) -> list[Resolved]:
    """Every mention of one article, in order, with its canonical entity (see the module docstring)."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_key[name_key(mention.surface)].append(mention)
    types = {key: _type(group, probes or {}) for key, group in by_key.items()}
    target = {key: key for key in by_key}
    link_surnames(by_key, types, target)
    link_acronyms(by_key, types, target)
    dateline = _dateline_countries(by_key)
    near = _countries_named(by_key, dateline)
    # An entity is named as its own mentions write it (`Florence Parly`, not the `Parly` linked to it),
    # an acronym's as its expansion's.
    forms = {key: [m.surface for m in group] for key, group in by_key.items()}

    entity: dict[str, tuple[str, str, str, Place | None, str | None]] = {}
    for key, group in by_key.items():
        kind, canonical, place = types[key], target[key], None
        # A dateline's place stands alone when a wire's readers know it (`VIENNA`, `VANCOUVER`): it is the largest
        # of its name, or the one in the dateline's own state or country, whatever the story names.
        context = dateline if any(m.is_dateline for m in group) else near
        if kind == "location" and (place := _place(group[0], context, _within(group, dateline))) is not None:
            entity[key] = (kind, place.name, place.gazetteer_id, place, None)
            continue
        name = _ACRONYMS.get(key) if canonical == key and ACRONYM.fullmatch(group[0].surface) else None
        name = name or _display(forms[canonical])
        natural_key = person_key(name_key(name)) if kind == "person" else name_key(name)
        inferred = context_country(group, near) if kind == "location" else None
        # A headline in title case runs words into one name (`Nigeria Cease-Fire`): only a name the text
        # below it writes too is read for its country.
        if kind == "organization" and any(m.field != "title" for m in group):
            inferred = organization_country(name) or _home_country(group, near)
        entity[key] = (kind, name, natural_key, None, inferred)
    return [Resolved(m, *entity[name_key(m.surface)]) for m in mentions]


def _type(group: list[Mention], probes: Mapping[str, str]) -> str:
    """The kind of entity all the mentions of one name in an article name (see the module docstring)."""
    # A dateline's place is where the story was filed: the same name elsewhere in the story is that place, as
    # a market or a government (`Dhaka stocks`, `Tokyo said`) where the model reads an organisation.
    if any(is_gazetteer_place(m) or m.is_dateline for m in group):
        return "location"
    if is_time_zone(group[0].surface) or all(is_market_index(m.surface, m.after) for m in group):
        return "other"
    if is_body_name(group[0].surface) or is_company_name(group[0].surface):
        return "organization"
    # `the city of Arbil`: one mention that says what kind of place the name is speaks for the article.
    if is_facility_name(group[0].surface) or any(is_place_mention(m) for m in group):
        return "location"
    kind = _vote(group, probes)
    # A company read as a surname (`shares of Jones`, `Cofinec CEO`): one mention that says so speaks for the
    # article, unless a title says the name is a person's (`President Jones`).
    if kind == "person" and not _person_cue(group) and any(is_company_mention(m) for m in group):
        return "organization"
    # `Doris Day` is a person however her name ends; the `Italian Grand Prix` is none.
    if is_event_name(group[0].surface, even_for_a_person=kind == "person"):
        return "other"
    # A town's team (`Newcastle boss Graeme Souness`): one mention that says so speaks for the article, unless
    # the town is the dateline's, which stays the place the story comes from.
    teams = (is_team_mention(m) or is_club_mention(m) for m in group)
    if kind == "location" and not any(m.is_dateline for m in group) and any(teams):
        return "organization"
    # A county the model reads as a person is its cricket side where the text says so (`Derbyshire beat Kent`),
    # else the county (`Floods hit Devon`), unless a title says it is a person's name.
    if kind == "person" and not _person_cue(group) and is_county(group[0].surface):
        return "organization" if any(is_team_mention(m) or is_club_mention(m) for m in group) else "location"
    return kind


def _home_country(group: list[Mention], near: Mapping[str, float]) -> str | None:
    """The country of the town or county an organisation is named after alone, the story's countries deciding
    between namesakes: a club is in its home's country (`Wigan`, `Zemun`, `DETROIT` in a results table). Only
    a city of `HOME_TOWN_POPULATION` people or more, or a county: smaller towns share their names with firms.
    And only in a country the story names or is datelined in, or where the text says the name is a team's
    (`Wigan 2 Bolton 1`): a firm named like a faraway city (`Orange` in a French story) is no club of that city."""
    mention = group[0]
    place = geocode(mention.surface, near)
    if place is None or not place.country_code:
        return None
    if place.country_code not in near and not any(is_team_mention(m) or is_club_mention(m) for m in group):
        return None
    if is_county(mention.surface) or _city_population(mention) >= HOME_TOWN_POPULATION:
        return place.country_code
    return None


def _within(group: list[Mention], dateline: Mapping[str, float]) -> str | None:
    """The country the text puts a place in: named right after it (`ALEXANDRIA, Va.`, `Paris, Texas`), or for a
    dateline's place, the one country its dateline names."""
    for mention in group:
        if (code := named_country(mention.after, mention.surface)) is not None:
            return code
    if any(m.is_dateline for m in group) and len(dateline) == 1:
        return next(iter(dateline))
    return None


def _place(mention: Mention, near: Mapping[str, float], within: str | None = None) -> Place | None:
    """The place a location mention names: a demonym names its country, anything else is looked up.

    One word after `the` names an area, not a province (`the Sahel` is the belt south of the Sahara, not
    Burkina Faso's Sahel region; `the Gulf`, `the Midwest`): first-level regions are not looked up for it.
    """
    area = " " not in mention.surface.strip() and mention.before.endswith(("the ", "The "))
    found = geocode(mention.surface, near, within, regions_too=not area)
    if found is None and (stem := demonym_of(mention.surface)) is not None:
        found = geocode(stem, near, within)
    return found
