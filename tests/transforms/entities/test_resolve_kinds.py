"""Resolution of what kind of thing a name names whatever the model said: bodies, teams, events, competitions,
companies and buildings (`resolve._type`)."""

from tests.transforms.entities.articles import mention, names


def test_a_body_named_after_a_place_is_an_organisation_whatever_the_model_said() -> None:
    resolved = names(
        [mention("African Union", "GPE"), mention("Sahel Alliance", "LOC", 30), mention("African Union", "ORG", 60)]
    )
    assert resolved == [
        ("African Union", "organization", "African Union"),
        ("Sahel Alliance", "organization", "Sahel Alliance"),
        ("African Union", "organization", "African Union"),
    ]
    # a place whose name ends like a body's stays a place, and a former country is a place
    assert names([mention("West Bank", "GPE"), mention("Soviet Union", "ORG", 20)]) == [
        ("West Bank", "location", "West Bank"),
        ("Soviet Union", "location", "Soviet Union"),
    ]


def test_a_town_s_team_is_an_organisation_wherever_the_article_names_it() -> None:
    resolved = names(
        [
            mention("Bristol", "GPE", after=" manager Tom Smith said"),
            mention("Bristol", "GPE", 60, before="a home game for "),
            mention("Bath", "GPE", 90, before="moved to "),
            # a national side keeps its country
            mention("Belgium", "GPE", 120, after=" beat Wales 2-0"),
        ]
    )
    assert [(s, t) for s, t, _ in resolved] == [
        ("Bristol", "organization"),
        ("Bristol", "organization"),
        ("Bath", "location"),
        ("Belgium", "location"),
    ]


def test_an_event_is_no_body_nor_place_but_a_person_keeps_a_name_like_one() -> None:
    resolved = names(
        [mention("Davis Cup", "ORG"), mention("Boston Marathon", "GPE", 30), mention("Doris Day", "PERSON", 60)]
    )
    assert [(s, t) for s, t, _ in resolved] == [
        ("Davis Cup", "other"),
        ("Boston Marathon", "other"),
        ("Doris Day", "person"),
    ]


def test_a_competition_a_time_zone_or_an_index_is_no_body_place_nor_person() -> None:
    # Reuters sports pages and market reports: the model reads leagues as bodies, opens as their towns, a grand
    # prix as a person, a time zone as a body
    resolved = names(
        [
            mention("American League", "ORG"),
            mention("Hong Kong Open", "GPE", 30),
            mention("Italian Grand Prix", "PERSON", 60),
            mention("GMT", "ORG", 90),
            mention("Arab League", "GPE", 100),
            mention("FTSE 100", "ORG", 120),
        ]
    )
    assert [(s, t) for s, t, _ in resolved] == [
        ("American League", "other"),
        ("Hong Kong Open", "other"),
        ("Italian Grand Prix", "other"),
        ("GMT", "other"),
        ("Arab League", "organization"),
        ("FTSE 100", "other"),
    ]


def test_a_name_with_a_company_s_legal_form_is_an_organisation_whatever_the_model_said() -> None:
    assert names([mention("Denver Widgets Corp.", "GPE"), mention("Jane Doe Ltd", "PERSON", 40)]) == [
        ("Denver Widgets Corp.", "organization", "Denver Widgets Corp."),
        ("Jane Doe Ltd", "organization", "Jane Doe Ltd"),
    ]


def test_a_company_read_as_a_person_is_one_where_the_text_names_its_shares_or_officers() -> None:
    # CoNLL-2003 dev: `shares of Jones common stock` (Jones Medical), `Cofinec CEO Stephen Frater`
    resolved = names(
        [
            mention("Jones", "PERSON", before="about 2,960,000 shares of ", after=" common stock ."),
            mention("Jones", "PERSON", 40, after=" said on Friday"),
            mention("Cofinec", "PERSON", 80, after=" CEO Stephen Frater told reporters"),
            # a person's spokesman, a person named to an office, a president's name: persons still
            mention("Yeltsin", "PERSON", 120, after=" spokesman Sergei Yastrzhembsky said"),
            mention("Sallie Krawcheck", "PERSON", 160, before="the bank named ", after=" chief financial officer"),
            mention("Smith", "PERSON", 200, before="President ", after="'s shares rose"),
        ]
    )
    assert [t for _, t, _ in resolved] == ["organization"] * 3 + ["person"] * 3


def test_a_street_or_a_building_is_a_place_whatever_the_model_said() -> None:
    resolved = names([mention("Abbey Road", "PERSON"), mention("Hoover Dam", "ORG", 30)])
    assert [(s, t) for s, t, _ in resolved] == [("Abbey Road", "location"), ("Hoover Dam", "location")]
