import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from transforms.entities.casing import ner_view


@pytest.mark.parametrize(
    ("text", "reference", "view"),
    [
        # CoNLL-2003 headline: words the body writes in lower case go lower, names keep the body's case; the topic
        # slug goes lower and the headline starts after it
        (
            "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .",
            "Leicestershire take over at the top after an innings victory .",
            "cricket - Leicestershire take over at top after innings victory .",
        ),
        ("SOCCER - THREE PLAYERS BANNED", None, "soccer - Three players banned"),
        # a place before the dash is no slug
        ("PERU - TALKS RESUME", None, "Peru - talks resume"),
        # wire headline: an acronym the body writes in capitals stays so; function words go lower
        ("MALI'S PRESIDENT SAYS UN TROOPS ARE NEEDED", "The UN said so.", "Mali's president says UN troops are needed"),
        # Reuters-21578 headlines: words the article writes nowhere else go lower, unless the gazetteers know them
        # as places (countries, demonyms, cities of several words) or no dictionary knows them (names, and
        # abbreviations, kept in capitals)
        (
            "BUNDESBANK LEAVES CREDIT POLICIES UNCHANGED",
            "The Bundesbank left rates unchanged.",
            "Bundesbank leaves credit policies unchanged",
        ),
        ("BRAZIL COFFEE EXPORTS FALL", None, "Brazil coffee exports fall"),
        ("TALKS IN RIO DE JANEIRO AND NEW YORK", None, "Talks in Rio De Janeiro and New York"),
        # Reuters-21578: the full stop of `U.K.` ends no sentence, so the next word is no headline start (read as
        # `U.K. Money`, the model makes one organisation of them); a country in one short word keeps its capitals
        ("U.K. MONEY MARKET GIVEN 215 MLN STG HELP", "the money market", "U.K. money market given 215 MLN STG help"),
        ("UK MONEY MARKET DEFICIT FORECAST", None, "UK money market deficit forecast"),
        ("UAE OIL OUTPUT RISES", None, "UAE oil output rises"),
        # `US` is the country where the story writes `U.S.`, else a word
        ("US SANCTIONS HIT IRAN", "The U.S. Treasury said.", "US sanctions hit Iran"),
        ("LET US TALK NOW", "They talked.", "Let us talk now"),
        ("POLISH NBP SEES COMELF PROFIT", None, "Polish NBP sees Comelf profit"),
        # a one-word city that is also an ordinary word is read as the word
        ("MILAN AND VOLGOGRAD SEE NICE SPRING", None, "Milan and Volgograd see nice spring"),
        # a possessive's `S` is lower case though the body writes `U.S.`; `US` alone is a word, `U.S.` a country
        ("CHINA'S WHEAT IMPORTS SEEN HIGHER - USDA", "The U.S. said", "China's wheat imports seen higher - usda"),
        ("GIVE US A CHANCE SAYS U.S. ENVOY", None, "Give us a chance says U.S. envoy"),
        # the body's possessives (`Japan 's`) say nothing of how `S` is written
        (
            "TENNIS - FRIDAY 'S RESULTS FROM THE U.S. OPEN .",
            "Japan 's Kimiko Date beat Germany 's Steffi Graf .",
            "tennis - Friday 's results from the U.S. open .",
        ),
        # a dateline or an acronym alone is not a headline
        ("BAMAKO Mali The president", None, "BAMAKO Mali The president"),
        ("", None, ""),
    ],
)
def test_all_caps_stretches_are_recased(text: str, reference: str | None, view: str) -> None:
    assert ner_view(text, reference) == view


@given(st.text(alphabet=st.sampled_from(list("ABCSTRAßİ abcs.'-\n")), max_size=80), st.text(max_size=40))
@example("STRASSE İSTANBUL ß ÇA VA", "")
def test_the_view_has_the_length_and_letters_of_the_text(text: str, reference: str) -> None:
    view = ner_view(text, reference)
    assert len(view) == len(text)
    assert all(a.lower() == b.lower() or a == b for a, b in zip(view, text, strict=True))


@pytest.mark.parametrize(
    ("text", "reference", "view"),
    [
        # wire headlines in title case: verbs, adjectives and stop words go lower, the story's names keep capitals
        (
            "Bush Promotes His Plan for Missile Defense System",
            "President Bush promoted his plan for a missile defense system on Monday.",
            "Bush promotes his plan for missile defense system",
        ),
        (
            "OPEC Agrees to Cut Oil Output in Bid to Firm Up Prices",
            "OPEC agreed on Friday to cut oil output.",
            "OPEC agrees to cut oil output in bid to firm up prices",
        ),
        (
            "Eichel Wants Strong Euro on G20 Agenda",
            "German Finance Minister Hans Eichel said a strong euro",
            "Eichel wants strong euro on G20 Agenda",
        ),
        # a short body (a feed's description) that does not write the name: a surname that is a verb or an
        # adjective too stays with the name before it; a verb's third person after a name goes lower
        (
            "Hillary Clinton Slams Donald Trump Over Taxes",
            "The candidate spoke on Tuesday.",
            "Hillary Clinton slams Donald Trump over taxes",
        ),
        (
            "Gordon Brown Warns Of Tough Times Ahead",
            "The prime minister said the economy would slow.",
            "Gordon Brown warns of tough times ahead",
        ),
        # a place's words stay capitalised though they are ordinary words
        ("Blast Hits New Delhi Market", "A blast hit a market in New Delhi.", "Blast hits New Delhi market"),
        # a word no dictionary knows keeps its capital whatever the story writes (an abbreviation)
        (
            "Bay Co Bldg Auth Plans to Sell Bonds",
            "ISSUER : Bay Co Building Authority ISSUE : Bldg auth plans ( law enforcement ctr )",
            "Bay Co Bldg Auth plans to sell bonds",
        ),
        # a headline of names only, and a headline in sentence case, are not title case
        ("Crystal Palace 0, Charlton Athletic 1", "Charlton won at Crystal Palace.", None),
        ("Wenger shock at Newcastle dip", "Arsene Wenger was shocked.", None),
    ],
)
def test_title_case_headlines_are_written_as_sentences(text: str, reference: str, view: str | None) -> None:
    assert ner_view(text, reference) == (text if view is None else view)
    # the body itself is never read as a headline
    assert ner_view(text, text) == text
