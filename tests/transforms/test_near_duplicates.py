import polars as pl
import pytest

from tests.conftest import corpus
from transforms.near_duplicates import NEAR_DUPLICATES, SIGNATURE, near_duplicate_clusters, with_minhash

WIRE = (
    "BAMAKO Mali The president of Mali has vowed to respond after an attack on a military base in the "
    "north of the country killed 53 soldiers and one civilian, in one of the deadliest assaults on the "
    "army in years. The attack on the base at Indelimane, in the Menaka region near the border with Niger, "
    "was claimed by the Islamic State group, which said its fighters had seized weapons and vehicles. "
    "Troops from France and the United Nations mission sent aircraft to the area, the government said."
)
# The same wire story on another site: a new first line and a closing sentence of its own
RETITLED = "Mali mourns its soldiers.\n" + WIRE + " Funerals will be held in the capital on Monday."
OTHER = (
    "Chelsea have sacked striker Adrian Mutu after he failed a drugs test, the club said on Friday. The "
    "Romanian international, who joined from Parma for 15.8 million pounds, tested positive for cocaine."
)

NO_PUBLISHED = pl.DataFrame(schema={name: NEAR_DUPLICATES[name] for name in ("article_id", "cluster_id", "minhash")})


def articles(*pairs: tuple[str, str | None]) -> pl.DataFrame:
    """Articles (article_id, body) with their signatures, as the pipeline hands them over."""
    return with_minhash(pl.DataFrame(pairs, schema={"article_id": pl.String, "body": pl.String}, orient="row"))


def clusters(frame: pl.DataFrame) -> list[tuple[str, str, bool]]:
    return list(frame.select("article_id", "cluster_id", "is_duplicate").iter_rows())


def test_a_retitled_copy_joins_the_original_and_others_stand_alone():
    result = near_duplicate_clusters(articles(("a", WIRE), ("b", OTHER), ("c", RETITLED)), NO_PUBLISHED)
    assert result.schema == NEAR_DUPLICATES
    assert clusters(result) == [("a", "a", False), ("b", "b", False), ("c", "a", True)]
    assert result["minhash"].dtype == SIGNATURE
    assert result["minhash"].list.len().to_list() == [128, 128, 128]


def test_the_published_original_stays_first_across_runs():
    first_run = near_duplicate_clusters(articles(("a", WIRE), ("b", OTHER)), NO_PUBLISHED)
    published = first_run.select("article_id", "cluster_id", "minhash")
    second_run = near_duplicate_clusters(articles(("c", RETITLED), ("d", WIRE)), published)
    assert clusters(second_run) == [("c", "a", True), ("d", "a", True)]


def test_a_new_version_of_a_published_article_keeps_its_cluster():
    published = near_duplicate_clusters(articles(("a", WIRE), ("c", RETITLED)), NO_PUBLISHED).select(
        "article_id", "cluster_id", "minhash"
    )
    rerun = near_duplicate_clusters(articles(("a", WIRE + " Updated."), ("c", RETITLED)), published)
    assert clusters(rerun) == [("a", "a", False), ("c", "a", True)]


# The same story with a second paragraph, and two copies that each add a passage of their own, at either end:
# each copy is a near copy of the story, but not of the other copy.
STORY = WIRE + (
    " The government declared three days of national mourning and the defence minister travelled north to "
    "visit the wounded, while regional leaders met in Niamey to discuss a joint force for the Sahel border "
    "area, where attacks on soldiers and civilians have grown more frequent since the start of the year."
)
WITH_ENDING = STORY + (
    " Funerals will be held in the capital on Monday, and families of the dead soldiers have asked the army for "
    "answers about the warnings it received."
)
WITH_PREAMBLE = (
    "Updated at noon with reactions from the capital, where hundreds of people gathered outside parliament to "
    "demand more protection for troops. "
) + STORY


def test_an_article_that_copies_two_clusters_joins_them_into_the_earlier():
    signed = articles(("story", STORY), ("ending", WITH_ENDING), ("preamble", WITH_PREAMBLE))
    ending, preamble = (near_duplicate_clusters(signed.slice(i, 1), NO_PUBLISHED) for i in (1, 2))
    # The two copies alone are no near copies of each other (estimated Jaccard 0.73)
    apart = near_duplicate_clusters(pl.concat([signed.slice(2, 1), signed.slice(1, 1)]), NO_PUBLISHED)
    assert clusters(apart) == [("preamble", "preamble", False), ("ending", "ending", False)]
    # The preamble copy was stored by an earlier run; the ending copy comes first in this chunk, then the story.
    stored = preamble.select("article_id", "cluster_id", "minhash")
    result = near_duplicate_clusters(pl.concat([signed.slice(1, 1), signed.slice(0, 1)]), stored)
    assert clusters(result) == [("ending", "preamble", True), ("story", "preamble", True)]
    assert ending.height == 1


def test_bodies_without_words_are_singletons_with_no_signature():
    result = near_duplicate_clusters(articles(("a", None), ("b", ""), ("c", "!!!"), ("d", "one two")), NO_PUBLISHED)
    assert clusters(result) == [("a", "a", False), ("b", "b", False), ("c", "c", False), ("d", "d", False)]
    assert result["minhash"].is_null().to_list() == [True, True, True, False]


def test_empty_batch():
    assert near_duplicate_clusters(articles(), NO_PUBLISHED).schema == NEAR_DUPLICATES


def test_signature_from_other_settings_is_refused():
    published = pl.DataFrame(
        {"article_id": ["x"], "cluster_id": ["x"], "minhash": [[1, 2, 3]]},
        schema_overrides={"minhash": SIGNATURE},
    )
    with pytest.raises(ValueError, match="128"):
        near_duplicate_clusters(articles(("a", WIRE)), published)


@pytest.mark.corpus
def test_bbc_copies_cluster():
    # BBC News: 1,781 articles holding 100 pairs of copies with Jaccard >= 0.8 (66 byte-identical, 34 near)
    root = corpus("bbc")
    paths = sorted(root.glob("*/*.txt"))
    bodies = [path.read_bytes().decode("latin-1").partition("\n")[2] for path in paths]
    result = near_duplicate_clusters(
        with_minhash(pl.DataFrame({"article_id": [str(p.relative_to(root)) for p in paths], "body": bodies})),
        NO_PUBLISHED,
    )
    assert result.height == 1781
    assert 95 <= result["is_duplicate"].sum() <= 105
    assert 1675 <= result["cluster_id"].n_unique() <= 1690
    assert (
        result.filter(~pl.col("is_duplicate"))["cluster_id"] == result.filter(~pl.col("is_duplicate"))["article_id"]
    ).all()
    # business/007 and business/253 are the same file
    same = result.filter(pl.col("article_id").is_in(["business/007.txt", "business/253.txt"]))["cluster_id"]
    assert same.n_unique() == 1
