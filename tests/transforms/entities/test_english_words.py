import pytest

from transforms.entities.english_words import is_verb_or_modifier, parts_of_speech


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        # inflected forms of headline words reach their WordNet lemma through the lemmatizer's rules and exceptions
        ("LEAVES", {"noun", "verb"}),
        ("seen", {"verb"}),
        ("higher", {"adj"}),
        # names and abbreviations no dictionary lists
        ("Comelf", set()),
        ("NBP", set()),
        ("", set()),
    ],
)
def test_parts_of_speech_come_from_the_model_s_wordnet_tables(word: str, parts: set[str]) -> None:
    assert parts_of_speech(word) == parts


@pytest.mark.parametrize(
    ("word", "ordinary"),
    # WordNet lists some names as nouns, none as verbs or modifiers
    [("nice", True), ("split", True), ("Milan", False), ("USDA", False), ("Parnevik", False)],
)
def test_an_ordinary_word_is_one_that_can_be_a_verb_or_a_modifier(word: str, ordinary: bool) -> None:
    assert is_verb_or_modifier(word) is ordinary
