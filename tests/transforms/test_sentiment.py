import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from tests.conftest import corpus
from transforms.sentiment import SENTIMENT, _analyzer, with_sentiment


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


# Words and phrases that steer VADER's rules, beside sentiment words, in several cases and with punctuation. Its
# idioms and multi-word boosters reach three words from a sentiment word: "kiss of death" after three others,
# "sort of" three words before one.
_STEERING = [
    *("not", "no", "never", "nor", "or", "isn't", "can't", "without", "doubt", "least", "at", "very"),  # negation
    *("so", "this", "kind of", "sort of", "just enough", "hardly", "extremely", "but"),  # boosters, contrast
    *("the bomb", "bad ass", "yeah right", "kiss of death", "to die for", "beating heart", "bus stop"),  # idioms
    *("good", "great", "terrible", "love", "killed", "won", "GREAT", "Terrible!", "happy.", ":)", "sad?"),
    *("the", "a", "said", "on", "Monday"),
]


_VADER = SentimentIntensityAnalyzer()  # vaderSentiment's own, unchanged


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_STEERING), min_size=1, max_size=12))
def test_the_windowed_analyzer_scores_as_vader_does(words):
    # The checks read only a few words around each sentiment word: cut to those, they answer as on the whole text,
    # at its start and end too (where the window is short)
    text = " ".join(words)
    assert _analyzer().polarity_scores(text) == _VADER.polarity_scores(text)


@pytest.mark.corpus
def test_the_windowed_analyzer_scores_bbc_articles_as_vader_does():
    paths = sorted(corpus("bbc").glob("*/*.txt"))[::10]  # every tenth: plain VADER takes 6 ms on an article
    bodies = [path.read_text(encoding="latin-1").partition("\n\n")[2] for path in paths]
    assert [_analyzer().polarity_scores(body) for body in bodies] == [_VADER.polarity_scores(body) for body in bodies]
