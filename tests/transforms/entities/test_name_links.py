"""Names of one article that are another of its names (`transforms.entities.name_links`), through
`resolve_article`."""

from tests.transforms.entities.articles import mention, names


def test_an_acronym_is_the_name_it_spells_in_the_same_article() -> None:
    resolved = names([mention("United Nations", "ORG"), mention("UN", "ORG", 50), mention("WBC", "ORG", 60)])
    assert resolved == [
        ("United Nations", "organization", "United Nations"),
        ("UN", "organization", "United Nations"),
        ("WBC", "organization", "WBC"),
    ]


def test_a_few_acronyms_are_known_without_their_expansion() -> None:
    assert names([mention("UN", "ORG")]) == [("UN", "organization", "United Nations")]


def test_a_surname_alone_is_the_person_named_in_full() -> None:
    resolved = names([mention("Florence Parly", "PERSON"), mention("Parly", "ORG", 40)])
    assert resolved == [
        ("Florence Parly", "person", "Florence Parly"),
        ("Parly", "person", "Florence Parly"),
    ]


def test_a_person_is_named_in_full_however_often_the_surname_alone_is_used() -> None:
    mentions = [mention("Parly", "PERSON", 90), mention("Florence Parly", "PERSON"), mention("Parly", "PERSON", 50)]
    assert {n for *_, n in names([*mentions, mention("Parly", "PERSON", 99)])} == {"Florence Parly"}


def test_a_country_s_name_that_ends_the_article_s_one_person_name_is_that_person() -> None:
    resolved = names(
        [
            mention("Neil Jordan", "PERSON"),
            mention("Jordan", "GPE", 40, before="the film. "),
            mention("Jordan", "GPE", 80, before="the lead role in ", after="'s film"),
        ]
    )
    assert {r[1:] for r in resolved} == {("person", "Neil Jordan")}


def test_a_country_s_name_after_a_place_s_preposition_or_with_its_demonym_stays_the_country() -> None:
    after_in = names([mention("Neil Jordan", "PERSON"), mention("Jordan", "GPE", 40, before="flew to ")])
    assert after_in[1] == ("Jordan", "location", "Jordan")
    demonym = names(
        [mention("Michael Jordan", "PERSON"), mention("Jordan", "GPE", 40), mention("Jordanian", "NORP", 60)]
    )
    assert demonym[1] == ("Jordan", "location", "Jordan")


def test_a_chinese_or_korean_family_name_alone_is_the_person_it_opens() -> None:
    resolved = names(
        [
            mention("Wang Donghai", "PERSON"),
            mention("Wang", "ORG", 40, after=" was arrested"),
            mention("Kim Young-sam", "PERSON", 80),
            mention("Kim", "GPE", 120),
            # a western given name alone is no family name
            mention("Tony Blair", "PERSON", 160),
            mention("Tony", "ORG", 200),
        ]
    )
    assert [(s, t, n) for s, t, n in resolved] == [
        ("Wang Donghai", "person", "Wang Donghai"),
        ("Wang", "person", "Wang Donghai"),
        ("Kim Young-sam", "person", "Kim Young-sam"),
        ("Kim", "person", "Kim Young-sam"),
        ("Tony Blair", "person", "Tony Blair"),
        ("Tony", "organization", "Tony"),
    ]
