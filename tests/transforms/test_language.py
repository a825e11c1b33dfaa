import polars as pl
import pytest
from polars.testing import assert_frame_equal

from tests.conftest import corpus
from transforms.language import detect_language, with_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("", None),  # an empty body
        (None, None),
        ("hi", None),  # too short: a detector alone guesses (langdetect called this Swahili)
        ("12,500 -- 3.4% !!!", None),  # no letters to go by
        ("Fifty-three soldiers were killed in an attack on a military base in northern Mali.", "en"),
        ("Cinquante-trois soldats ont été tués dans l'attaque d'une base militaire au nord du Mali.", "fr"),
        (
            "Dreiundfünfzig Soldaten wurden bei einem Angriff auf einen Stützpunkt im Norden Malis getötet.",
            "de",
        ),
        (
            "قتل ثلاثة وخمسون جنديا في هجوم على قاعدة عسكرية في شمال مالي يوم الجمعة الماضي",
            "ar",
        ),  # right to left
        (
            "马里北部一处军事基地周五遭到袭击，造成五十三名士兵死亡。政府在声明中说，这是多年来针对军队最严重的袭击之一。",
            "zh",
        ),  # simplified characters
        (
            "馬里北部一處軍事基地週五遭到襲擊，造成五十三名士兵死亡。政府在聲明中說，這是多年來針對軍隊最嚴重的襲擊之一。",
            "zh",
        ),  # traditional characters: CLD2's zh-Hant
        ("חמישים ושלושה חיילים נהרגו בהתקפה על בסיס צבאי בצפון מאלי ביום שישי, כך מסרה הממשלה.", "he"),  # CLD2's iw
        ("Femtitre soldatar vart drepne då ein militærbase nord i Mali vart åtaka fredag, seier regjeringa.", "no"),
        ("Femtitre soldater ble drept da en militærbase nord i Mali ble angrepet fredag, sier regjeringen.", "no"),
        (
            "Педесет и три војника погинула су у нападу на војну базу на северу Малија у петак, саопштила је влада.",
            "sr",
        ),
        # Characters CLD2 refuses (a C1 control from mojibake, NUL, a noncharacter) are read past, not fatal
        ("Mali\x92s army said fifty-three\x00 soldiers were killed in an attack on a base in the north\uffff.", "en"),
        ("ᚠᚢᚦᚨᚱᚲ ᚷᚹᚺᚾᛁᛃ ᛇᛈᛉᛊᛏᛒ ᛖᛗᛚᛜᛞᛟ ᚠᚢᚦᚨᚱᚲ ᚷᚹᚺᚾᛁᛃ", None),  # a script in no language CLD2 knows: its xx-Runr
        # Web junk in no language does not count against the text's own
        (
            "Symantec adds threat data to its Managed Security Services "
            "http://ad.doubleclick.net/clk;11714255;9651165;g?http://infoworld.com/spotlights/sbc/main.html?lpid01",
            "en",
        ),
    ],
)
def test_language_is_iso_639_1_or_none(text, language):
    assert detect_language(text) == language


def test_detection_is_deterministic():
    # A short, mixed text: the kind a sampling detector (langdetect) answers differently from run to run
    text = "Le president Keita said the army would respond avec force contre les terroristes"
    assert len({detect_language(text) for _ in range(10)}) == 1


def test_a_text_in_several_languages_none_of_them_half_has_none():
    english = "Fifty-three soldiers were killed in an attack on a military base in northern Mali, the government said. "
    french = "Cinquante-trois soldats ont été tués dans une attaque contre une base militaire dans le nord du Mali. "
    german = (
        "Dreiundfünfzig Soldaten sind bei einem Angriff auf einen Militärstützpunkt im Norden Malis getötet worden. "
    )
    assert detect_language(english * 2 + french * 2 + german * 2) is None
    assert detect_language(french * 3 + english * 2) == "fr"  # mixed, but mostly French


def test_only_the_first_characters_are_read():
    english = "Fifty-three soldiers were killed in an attack on a military base in northern Mali, the government said. "
    french = "Cinquante-trois soldats ont été tués dans une attaque contre une base militaire dans le nord du Mali. "
    assert detect_language(english * 6 + french * 20) == "en"


def test_frame_gains_language_from_title_and_body():
    frame = pl.DataFrame(
        {
            "title": ["Mali army base attack kills 53", None],
            "body": ["Soldiers were killed in the north of the country.", "ok"],
        }
    )
    assert_frame_equal(with_language(frame), frame.with_columns(language=pl.Series(["en", None], dtype=pl.String)))


def test_frame_without_title_and_empty_frame():
    assert with_language(pl.DataFrame({"body": ["The army said on Friday that soldiers died."]}))["language"][0] == "en"
    assert with_language(pl.DataFrame(schema={"body": pl.String}))["language"].dtype == pl.String


@pytest.mark.corpus
def test_huffpost_sample_is_english():
    import json

    lines = corpus("huffpost", "news_category_sample.jsonl").read_text().splitlines()[:200]
    records = [json.loads(line) for line in lines]
    frame = pl.DataFrame({"title": [r["headline"] for r in records], "body": [r["short_description"] for r in records]})
    languages = with_language(frame)["language"].to_list()
    assert languages.count("en") >= 195  # the rest: blank or too short descriptions
    assert set(languages) <= {"en", None}


@pytest.mark.corpus
def test_bbc_articles_are_english():
    paths = sorted(corpus("bbc").glob("*/*.txt"))
    assert len(paths) > 1_700
    # Latin-1 reads every file; the UTF-8 ones then carry mojibake (C1 controls) that CLD2 has to read past
    languages = [detect_language(path.read_bytes().decode("latin-1")) for path in paths]
    assert languages.count("en") == len(paths)
