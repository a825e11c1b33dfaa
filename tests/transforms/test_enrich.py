from datetime import UTC, datetime

import polars as pl

from transforms.enrich import NerOptions, enrich_articles
from transforms.near_duplicates import SIGNATURE, with_minhash

NOW = datetime(2026, 11, 25, tzinfo=UTC)


def articles(**columns: list) -> pl.DataFrame:
    base = {
        "article_id": ["a", "b"],
        "source_uri": ["/a", "/b"],
        "title": ["Floods in the north", "Markets"],
        "body": ["Heavy rain flooded the northern towns on Monday, officials said.", "Shares rose."],
        "dateline": ["LONDON 1996-08-30", None],
        "published_raw": [None, "2022-09-23"],
    }
    return with_minhash(pl.DataFrame(base | columns))


def test_publication_date_comes_from_the_source_else_a_full_dateline():
    candidates = pl.DataFrame(schema={"article_id": pl.String, "cluster_id": pl.String, "minhash": SIGNATURE})
    enriched = enrich_articles(articles(), candidates, now=NOW, ner=NerOptions())
    assert enriched.articles["published_at"].to_list() == [
        datetime(1996, 8, 30, tzinfo=UTC),
        datetime(2022, 9, 23, tzinfo=UTC),
    ]


def test_a_dateline_without_a_year_invents_no_date():
    candidates = pl.DataFrame(schema={"article_id": pl.String, "cluster_id": pl.String, "minhash": SIGNATURE})
    enriched = enrich_articles(articles(dateline=["SALVADOR, Feb 26", None]), candidates, now=NOW, ner=NerOptions())
    assert enriched.articles["published_at"].to_list()[0] is None


def test_articles_in_another_language_than_the_models_get_no_entities():
    # A German local story beside an English one: the English model would read its nouns as names.
    candidates = pl.DataFrame(schema={"article_id": pl.String, "cluster_id": pl.String, "minhash": SIGNATURE})
    german = (
        "Der Stadtrat hat am Montag beschlossen, die Innenstadt ab dem Frühjahr für Autos zu sperren. Der Antrag "
        "der Grünen erhielt eine knappe Mehrheit, die Kosten liegen bei zwei Millionen Euro."
    )
    english = "Prime Minister Keir Starmer visited Glasgow on Monday to meet workers at the Govan shipyard."
    frame = articles(
        title=["Innenstadt wird autofrei", "Starmer in Glasgow"], body=[german, english], dateline=[None, None]
    )
    enriched = enrich_articles(frame, candidates, now=NOW, ner=NerOptions())
    assert enriched.articles["language"].to_list() == ["de", "en"]
    assert set(enriched.entities["article_id"]) == {"b"}
    assert {"Keir Starmer", "Glasgow"} <= set(enriched.entities["surface"])
    assert enriched.other_language == 1
