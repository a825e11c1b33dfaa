"""The seed article through the real flow: who and what it mentions, as the published views show them."""

import duckdb
import pytest

from flows.pipeline import run_pipeline
from flows.settings import sample_folder

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]


@pytest.fixture(scope="module")
def seed(tmp_path_factory, prefect_harness):
    warehouse = tmp_path_factory.mktemp("kg") / "w.duckdb"
    run_pipeline([str(sample_folder())], str(warehouse), "sample")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        yield con


def entities(con, entity_type: str) -> dict[str, tuple]:
    rows = con.execute(
        "SELECT entity_name, country_code, latitude, longitude FROM v_entities WHERE entity_type = ?", [entity_type]
    ).fetchall()
    return {name: rest for name, *rest in rows}


def test_people_are_resolved_to_full_names(seed):
    people = entities(seed, "person")
    assert {"Ibrahim Boubacar Keita", "Florence Parly"} <= people.keys()


def test_acronyms_and_demonyms_join_their_entity(seed):
    surfaces = dict(
        seed.execute(
            "SELECT entity_name, list(DISTINCT surface ORDER BY surface) FROM v_entity_mentions GROUP BY 1"
        ).fetchall()
    )
    assert {"UN", "United Nations"} <= set(surfaces["United Nations"])
    assert {"Mali", "Malian"} <= set(surfaces["Mali"])


def test_places_have_iso_countries_and_the_dateline_coordinates(seed):
    places = entities(seed, "location")
    assert {name: places[name][0] for name in ("Mali", "Niger", "Chad", "Burkina Faso", "France")} == {
        "Mali": "ML",
        "Niger": "NE",
        "Chad": "TD",
        "Burkina Faso": "BF",
        "France": "FR",
    }
    country, latitude, longitude = places["Bamako"]
    assert country == "ML" and abs(latitude - 12.6) < 0.2 and abs(longitude + 8.0) < 0.2
    dateline = seed.execute(
        "SELECT e.entity_name FROM fct_entity_occurrence o JOIN dim_entity e USING (entity_id) WHERE o.is_dateline"
    ).fetchall()
    assert ("Bamako",) in dateline


def test_no_surface_keeps_a_scraping_artefact(seed):
    surfaces = [s for (s,) in seed.execute("SELECT DISTINCT surface FROM v_entity_mentions").fetchall()]
    assert not [s for s in surfaces if s.endswith((" 's", " ,", " an")) or " ," in s or "Mali an" in s]


def test_weights_sum_to_one_and_offsets_point_into_the_stored_text(seed):
    [(total,)] = seed.execute("SELECT sum(weight) FROM v_entity_mentions").fetchall()
    assert abs(total - 1) < 1e-9
    mismatched = seed.execute(
        """
        SELECT count(*) FROM fct_entity_occurrence o JOIN fct_article a USING (article_key)
        WHERE substr(CASE o.field WHEN 'title' THEN a.title WHEN 'body' THEN a.body ELSE a.dateline END,
                     o.start_offset + 1, o.end_offset - o.start_offset) != o.surface
        """
    ).fetchone()
    assert mismatched == (0,)


def test_the_mali_by_week_question_is_one_query(seed):
    rows = seed.execute(
        """
        SELECT date_trunc('week', coalesce(a.published_at, a.ingested_at)) AS week, m.entity_name, sum(m.mention_count)
        FROM v_entity_mentions m JOIN v_articles a USING (article_id)
        WHERE m.entity_type = 'location' AND m.article_id IN
              (SELECT article_id FROM v_entity_mentions WHERE entity_name = 'Mali')
        GROUP BY ALL ORDER BY 3 DESC, 2 LIMIT 3
        """
    ).fetchall()
    assert [name for _, name, _ in rows][:1] == ["Mali"]
