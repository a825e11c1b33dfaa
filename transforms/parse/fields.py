"""Which column of a JSON or CSV record holds which article field.

Exports name their fields differently (HuffPost: `headline`, `short_description`, `link`, `date`; Kaggle
dumps: `title`, `content`, `publication`; NYT archive: `headline.main`, `web_url`, `pub_date`; Guardian API:
`webTitle`, `fields.bodyText`, `webPublicationDate`). Names are compared normalised (`Date Published`,
`date_published` and `datePublished` are all `datepublished`); an explicit mapping (the command line's
repeatable `--map field=column`, where a column may be a dotted path such as `headline.main`) overrides them
field by field.
"""

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

# Field → the normalised column names that hold it, in order of preference; the first column with a value
# wins. `bodytext` leads `body` because where both exist (Guardian `show-fields=all`) `body` is the HTML
# twin of the plain `bodyText`; full-text columns lead the short `description`, `summary`, `abstract`. The
# English names come first, then those of German, French, Spanish, Portuguese, Italian and Dutch exports
# (a German Excel CSV: `Titel;Text;Datum;Rubrik;Autor`), accents folded as `normalise` folds them.
# fmt: off
AUTO_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": (
        "title", "headline", "webtitle", "articletitle", "heading",
        "titel", "uberschrift", "schlagzeile", "titre", "titulo", "titolo",
    ),
    "body": (
        "bodytext", "body", "articletext", "articlebody", "fulltext", "maintext", "story", "article", "content",
        "text",
        "inhalt", "artikel", "tekst", "texte", "contenu", "texto", "testo", "contenido", "conteudo",
        "description", "summary", "abstract", "leadparagraph", "snippet", "excerpt", "shortdescription",
    ),
    "url": ("url", "link", "weburl", "articleurl", "permalink", "canonicalurl"),
    "published_raw": (
        "datepublished", "publishdate", "publicationdate", "published", "publisheddate", "pubdate",
        "webpublicationdate", "publishedat", "createdat", "datetime", "timestamp", "firstpublished", "date",
        "datum", "veroffentlicht", "datedepublication", "fecha", "data",
    ),
    "category": (
        "sectionname", "newsdesk", "section", "category", "categories", "subject", "topic",
        "rubrik", "ressort", "kategorie", "rubrique", "categorie", "seccion", "secao", "categoria", "rubriek",
    ),
    "authors": (
        "authors", "author", "byline", "writer", "writers", "creator", "by",
        "autor", "autoren", "auteur", "auteurs", "autore", "autori", "autores",
    ),
    "external_id": ("id", "guid", "articleid", "docid", "uuid"),
    # The record's own source: Kaggle "All the News" `publication`, NewsAPI `source: {"name": ...}`.
    "source_name": (
        "publication", "source", "sourcename", "publisher", "sitename", "outlet", "newspaper",
        "quelle", "fuente", "fonte",
    ),
}
# fmt: on

MAPPABLE_FIELDS: tuple[str, ...] = tuple(AUTO_COLUMNS)

# What users call the publication date when they map it by hand.
_FIELD_ALIASES = {"published": "published_raw", "date": "published_raw", "published_at": "published_raw"}
_KNOWN_NAMES = frozenset(name for names in AUTO_COLUMNS.values() for name in names)
# Where an object's own text is, when an object stands where text belongs: NYT `headline: {"main": ...}` and
# `byline: {"original": "By ..."}`, NewsAPI `source: {"name": ...}`, schema.org authors, XML-to-JSON `#text`.
_OBJECT_TEXT = ("main", "original", "name", "text", "value")
# A byline's leading `By ` (NYT `byline.original`) is not part of a name.
_BY = "by "
# NewsAPI cuts `content` at about 200 characters and appends how much it cut: `killed… [+1200 chars]`.
_NEWSAPI_CUT = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")
# What joins a headline to the name of its source (NewsAPI `Mali attack - BBC News`, `… | Reuters`).
_SOURCE_SEPARATORS = (" - ", " – ", " — ", " | ")
# How many column names a reason lists before it stops.
_LISTED_COLUMNS = 40


def normalise(name: str) -> str:
    """`Date Published`, `date_published`, `datePublished` → `datepublished`: lower case, letters and digits.

    Accents are folded (`Überschrift` → `uberschrift`, `título` = `titulo`): NFKD splits a letter from its
    combining marks, which are no letters and go with the punctuation. Case folding maps a few scripts to upper
    case (Cherokee), so the folded name is lowered too.
    """
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", name).casefold().lower())
    return "".join(character for character in folded if character.isalnum())


# Exports repeat the same few column names in every record.
_normalised = lru_cache(maxsize=4096)(normalise)


def is_known_name(name: str) -> bool:
    """Whether `name` is a column some article field is found in (a CSV's header row holds one)."""
    return normalise(name) in _KNOWN_NAMES


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """`["title=headline", "body=summary"]` → `{"title": "headline", "body": "summary"}`.

    Raises ValueError naming the bad pair: a mapping is configuration, so it fails before any file is read.
    """
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not field or not column:
            raise ValueError(f"--map {pair!r}: expected FIELD=COLUMN, e.g. title=headline")
        field = _FIELD_ALIASES.get(field, field)
        if field not in MAPPABLE_FIELDS:
            raise ValueError(f"--map {pair!r}: unknown field {field!r}; one of {', '.join(MAPPABLE_FIELDS)}")
        mapping[field] = column
    return mapping


def map_fields(record: Mapping[str, object], mapping: Mapping[str, str] | None = None) -> dict[str, str | None]:
    """The article fields of one record: every `MAPPABLE_FIELDS` key, None where the record has no value.

    A known name is looked for among the record's columns, then one level into objects that are no field
    themselves (Guardian `fields.bodyText`). Values become text: numbers as written (`3`, an AG News class,
    stays `"3"`), lists joined by `", "` (author lists; a category list gives its first), an object by its
    own text (`main`, `original`, `name`, …) and never as JSON. Blank values are None. A body loses NewsAPI's
    `[+N chars]` marker (what remains is the article's opening, kept over a `description`), and a title
    the ` - Source` suffix naming the record's own source.
    """
    index = _index(record)
    fields: dict[str, str | None] = {}
    for field, candidates in AUTO_COLUMNS.items():
        if mapping and field in mapping:
            found, value = find_column(record, mapping[field])
            fields[field] = _field_text(field, value) if found else None
            continue
        values = (value for name in candidates for _, value in index.get(name, ()))
        fields[field] = next((text for value in values if (text := _field_text(field, value))), None)
    fields["title"] = title_without_source(fields["title"], fields["source_name"])
    return fields


def fields_problem(
    record: Mapping[str, object], fields: Mapping[str, str | None], mapping: Mapping[str, str] | None = None
) -> str | None:
    """Why the record cannot be read as mapped (a mapped column it lacks, no body), naming its columns; else None."""
    missing = [
        f"--map {field}={column}: no such column"
        for field, column in (mapping or {}).items()
        if not find_column(record, column)[0]
    ]
    if missing:
        return f"{'; '.join(missing)}; the record has: {describe_columns(record)}"
    if fields.get("body") is not None:
        return None
    what = "no title and no body" if fields.get("title") is None else "no body"
    if mapping and "body" in mapping:
        return f"{what}: column {mapping['body']} is empty"
    index = _index(record)
    empty = next((path for name in AUTO_COLUMNS["body"] for path, _ in index.get(name, ())), None)
    if empty is not None:
        return f"{what}: column {empty} is empty"
    return (
        f"{what}: no column is a known body column; the record has: {describe_columns(record)}; "
        "name the article text's column with --map body=COLUMN"
    )


def find_column(record: Mapping[str, object], column: str) -> tuple[bool, object]:
    """(whether the record has `column`, its value): the exact name, else the normalised one, else a dotted path."""
    if column in record:
        return True, record[column]
    wanted = normalise(column)
    for name, value in record.items():
        if _normalised(str(name)) == wanted:
            return True, value
    head, dot, rest = column.partition(".")
    if dot and rest:
        found, value = find_column(record, head)
        if found and isinstance(value, Mapping):
            return find_column(value, rest)
    return False, None


def describe_columns(record: Mapping[str, object]) -> str:
    """The record's column names, an object's as dotted paths (`fields.bodyText`), for a reason to list."""
    names: list[str] = []
    for name, value in record.items():
        if isinstance(value, Mapping) and value:
            names.extend(f"{name}.{inner}" for inner in value)
        else:
            names.append(str(name))
    if len(names) > _LISTED_COLUMNS:
        return f"{', '.join(names[:_LISTED_COLUMNS])}, … ({len(names) - _LISTED_COLUMNS} more)"
    return ", ".join(names) or "no columns"


def as_text(value: object) -> str | None:
    """One field value as text, or None when it is missing, blank, or an object without text of its own."""
    if value is None or isinstance(value, bool):
        text = None if value is None else str(value).lower()
    elif isinstance(value, str):
        text = value
    elif isinstance(value, int | float):
        text = str(value)
    elif isinstance(value, list):
        parts = [as_text(item) for item in value]
        text = ", ".join(part for part in parts if part)
    elif isinstance(value, Mapping):
        text = next((t for key in _OBJECT_TEXT if (t := as_text(_by_normalised(value, key)))), None)
    else:
        text = None
    if text is None or not text.strip():
        return None
    return text.strip()


def _index(record: Mapping[str, object]) -> dict[str, list[tuple[str, object]]]:
    """Normalised name → (path, value) of the columns so named: the record's own before those nested in it."""
    index: dict[str, list[tuple[str, object]]] = {}
    nested: list[tuple[str, str, object]] = []
    for name, value in record.items():
        normalised = _normalised(str(name))
        index.setdefault(normalised, []).append((str(name), value))
        # Objects that are no field themselves hold fields: Guardian `fields`, Reddit `data`, not NYT
        # `headline` or NewsAPI `source` (their own text).
        if isinstance(value, Mapping) and (normalised not in _KNOWN_NAMES or as_text(value) is None):
            nested.extend((_normalised(str(inner)), f"{name}.{inner}", item) for inner, item in value.items())
    for normalised, path, item in nested:
        index.setdefault(normalised, []).append((path, item))
    return index


def _field_text(field: str, value: object) -> str | None:
    if field == "category" and isinstance(value, list):
        # A list of categories (`["environment", "science"]`): the first is the article's section.
        value = next((item for item in value if as_text(item)), None)
    text = as_text(value)
    if field == "authors" and text is not None and text[: len(_BY)].lower() == _BY:
        text = text[len(_BY) :].strip() or None
    if field == "body" and text is not None:
        text = _NEWSAPI_CUT.sub("", text) or None
    return text


def title_without_source(title: str | None, source_name: str | None) -> str | None:
    """`Mali attack - BBC News` → `Mali attack` when `BBC News` is the record's own source (NewsAPI, Google
    News)."""
    if title is None or not source_name:
        return title
    for separator in _SOURCE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and tail.strip().casefold() == source_name.strip().casefold():
            return head.strip()
    return title


def _by_normalised(record: Mapping[str, object], name: str) -> object:
    return next((value for key, value in record.items() if _normalised(str(key)) == name), None)
