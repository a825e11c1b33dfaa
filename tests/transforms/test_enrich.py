from datetime import UTC, datetime

import polars as pl

from transforms.enrich import NerOptions, enrich_articles

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
    return pl.DataFrame(base | columns)


def test_publication_date_comes_from_the_source_else_a_full_dateline():
    enriched = enrich_articles(articles(), now=NOW, ner=NerOptions())
    assert enriched.articles["published_at"].to_list() == [
        datetime(1996, 8, 30, tzinfo=UTC),
        datetime(2022, 9, 23, tzinfo=UTC),
    ]


def test_a_dateline_without_a_year_invents_no_date():
    enriched = enrich_articles(articles(dateline=["SALVADOR, Feb 26", None]), now=NOW, ner=NerOptions())
    assert enriched.articles["published_at"].to_list()[0] is None


def test_articles_in_another_language_than_the_models_get_no_entities():
    # A German local story beside an English one: the English model would read its nouns as names.
    german = (
        "Der Stadtrat hat am Montag beschlossen, die Innenstadt ab dem Frühjahr für Autos zu sperren. Der Antrag "
        "der Grünen erhielt eine knappe Mehrheit, die Kosten liegen bei zwei Millionen Euro."
    )
    english = "Prime Minister Keir Starmer visited Glasgow on Monday to meet workers at the Govan shipyard."
    frame = articles(
        title=["Innenstadt wird autofrei", "Starmer in Glasgow"], body=[german, english], dateline=[None, None]
    )
    enriched = enrich_articles(frame, now=NOW, ner=NerOptions())
    assert enriched.articles["language"].to_list() == ["de", "en"]
    assert set(enriched.entities["article_id"]) == {"b"}
    assert {"Keir Starmer", "Glasgow"} <= set(enriched.entities["surface"])
    assert enriched.other_language == 1


def test_articles_come_back_signed_and_are_clustered_against_stored_candidates():
    from transforms.enrich import with_near_duplicate_clusters
    from transforms.near_duplicates import SIGNATURE, with_minhash

    enriched = enrich_articles(articles(), now=NOW, ner=NerOptions())
    assert enriched.articles["minhash"].dtype == SIGNATURE and enriched.articles["minhash"].null_count() == 0
    stored = with_minhash(pl.DataFrame({"article_id": ["old"], "body": [articles()["body"][0]]})).with_columns(
        cluster_id=pl.lit("old")
    )
    clustered = with_near_duplicate_clusters(enriched, stored.select("article_id", "cluster_id", "minhash"))
    assert clustered.articles.select("cluster_id", "is_duplicate").rows() == [("old", True), ("b", False)]
