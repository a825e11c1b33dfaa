import polars as pl
from polars.testing import assert_frame_equal

from transforms.sentiment import SENTIMENT, with_sentiment


def test_tone_columns():
    frame = pl.DataFrame(
        {
            "body": [
                "Fifty-three soldiers were killed in a terrible attack, a tragedy.",
                "The festival was a wonderful, joyful success and everyone loved it.",
                "The meeting is on Tuesday at the town hall.",
                None,
                "",
            ]
        }
    )
    scored = with_sentiment(frame)
    assert scored.schema == {"body": pl.String, **SENTIMENT}
    negative, positive, neutral, missing, empty = scored.iter_rows(named=True)
    assert negative["sentiment"] < -0.5 < 0.5 < positive["sentiment"]
    assert neutral["sentiment"] == 0.0 and neutral["polarity"] == 0.0
    assert negative["tone_negative"] > negative["tone_positive"]
    assert positive["polarity"] == round(positive["tone_positive"] + positive["tone_negative"], 3)
    assert all(0.0 <= row[c] <= 1.0 for row in (negative, positive) for c in ("tone_positive", "tone_negative"))
    assert all(value is None for row in (missing, empty) for value in (row[c] for c in SENTIMENT))


def test_scores_are_deterministic():
    frame = pl.DataFrame({"body": ["A mixed day: good news on jobs, bad news on prices, but hope remains."] * 3})
    assert with_sentiment(frame).select(list(SENTIMENT)).n_unique() == 1


def test_articles_known_not_to_be_english_are_not_scored():
    # VADER's lexicon is English: French would come out "neutral", which is wrong, so it is NULL instead
    frame = pl.DataFrame(
        {"body": ["Une terrible tragédie.", "A terrible tragedy.", "Short"], "language": ["fr", "en", None]}
    )
    assert with_sentiment(frame)["sentiment"].is_null().to_list() == [True, False, False]


def test_empty_frame():
    assert_frame_equal(
        with_sentiment(pl.DataFrame(schema={"body": pl.String})),
        pl.DataFrame(schema={"body": pl.String, **SENTIMENT}),
    )
