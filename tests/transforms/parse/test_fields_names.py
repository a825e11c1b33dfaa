"""Column names recognised as fields: in any case, spacing or accents, in several languages, all in the README."""

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from transforms.parse.fields import AUTO_COLUMNS, map_fields, normalise

README = Path(__file__).parents[3] / "README.md"


def test_names_match_whatever_their_case_and_the_first_non_empty_body_wins():
    # A Kaggle-style export: capitalised names, an empty `Text`, the article in `Content`
    record = {"Title": "T", "Text": " ", "Content": "The body", "pubDate": "Tue, 10 Jun 2003", "GUID": 7}
    fields = map_fields(record)
    assert (fields["title"], fields["body"], fields["published_raw"], fields["external_id"]) == (
        "T",
        "The body",
        "Tue, 10 Jun 2003",
        "7",
    )


@pytest.mark.parametrize(
    ("column", "field"),
    [
        ("Article Text", "body"),  # a spreadsheet export's header
        ("Date Published", "published_raw"),
        ("web_url", "url"),  # NYT archive
        ("webPublicationDate", "published_raw"),  # Guardian API
        ("pub_date", "published_raw"),  # NYT archive
        ("publish_date", "published_raw"),  # news-please, newspaper3k dumps
        ("Headline", "title"),
        ("section_name", "category"),  # NYT archive
        ("publication", "source_name"),  # Kaggle "All the News"
        ("_id", "external_id"),  # NYT archive, MongoDB exports
        # German Excel CSV `Titel;Text;Datum;Rubrik;Autor`, and other German exports
        ("Titel", "title"),
        ("Überschrift", "title"),
        ("Schlagzeile", "title"),
        ("Text", "body"),
        ("Inhalt", "body"),
        ("Datum", "published_raw"),
        ("Veröffentlicht", "published_raw"),
        ("Rubrik", "category"),
        ("Ressort", "category"),
        ("Autor", "authors"),
        ("Autoren", "authors"),
        ("Quelle", "source_name"),
        # French
        ("Titre", "title"),
        ("Contenu", "body"),
        ("Date de publication", "published_raw"),
        ("Rubrique", "category"),
        ("Catégorie", "category"),
        ("Auteurs", "authors"),
        # Spanish, Portuguese, Italian
        ("Título", "title"),
        ("Titolo", "title"),
        ("Contenido", "body"),
        ("Conteúdo", "body"),
        ("Testo", "body"),
        ("Fecha", "published_raw"),
        ("Data", "published_raw"),
        ("Sección", "category"),
        ("Seção", "category"),
        ("Categoría", "category"),
        ("Autore", "authors"),
        ("Fuente", "source_name"),
        ("Fonte", "source_name"),
        # Dutch
        ("Tekst", "body"),
        ("Rubriek", "category"),
        ("Auteur", "authors"),
    ],
)
def test_names_are_matched_normalised(column, field):
    assert map_fields({column: "value"})[field] == "value"


@given(st.text(max_size=30))
@example("Ꭰ")  # Cherokee, which casefolds to upper case
def test_normalised_names_are_lower_case_letters_and_digits(name):
    normalised = normalise(name)
    assert normalised == normalise(normalised)
    assert all(character.isalnum() and not character.isupper() for character in normalised)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ _", max_size=20), st.data())
def test_accents_are_folded(name, data):
    # A header written with accents (`Título`, `Überschrift`, `Catégorie`) or without them, as ASCII-only
    # spreadsheet tools write it: the same column
    marks = st.sampled_from(["\u0301", "\u0300", "\u0302", "\u0308", "\u0303", "\u0327", ""])
    accented = "".join(character + data.draw(marks) for character in name)
    assert normalise(unicodedata.normalize("NFC", accented)) == normalise(name)


def test_no_column_name_holds_two_fields_and_english_names_come_first():
    names = [name for candidates in AUTO_COLUMNS.values() for name in candidates]
    assert len(names) == len(set(names))
    assert all(normalise(name) == name for name in names)
    assert AUTO_COLUMNS["title"][0] == "title" and AUTO_COLUMNS["body"].index("text") < AUTO_COLUMNS["body"].index(
        "texte"
    )


def test_the_readme_lists_every_column_name():
    # The README's table of column names is what a user reads to name their columns
    section = README.read_text().split("## Loading your own articles", 1)[1].split("\n## ", 1)[0]
    prose = re.sub(r"```.*?```", "", section, flags=re.DOTALL)
    listed = {normalise(name) for name in re.findall(r"`([^`\n]+)`", prose)}
    assert [name for names in AUTO_COLUMNS.values() for name in names if name not in listed] == []
