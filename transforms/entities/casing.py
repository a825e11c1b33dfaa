"""A case-normalised view of all-caps text for the NER model, the same length as the stored text.

Statistical NER reads capitalisation as evidence: in an all-caps headline (`SOCCER - JAPAN GET LUCKY WIN`,
wire and CoNLL-2003 style) every word looks like a name. The view rewrites each word of an all-caps stretch in
the case the same article uses for it elsewhere (`take` in `Leicestershire take over`, `UN`). A word the article
writes nowhere else is a name in title case if the gazetteers know it as a place (`Brazil`, `New York`,
`Brazilian`: `headlines.place_words`) or if it is no English word (`Comelf`), kept in capitals if such a word is
short (`NBP`, an abbreviation), and in lower case otherwise (`leaves`, `fall`): title-cased, ordinary words read
as names (`Bundesbank Leaves`). A topic slug (`soccer - `) goes to lower case and the headline starts after it:
read as `Soccer - Romania`, the first name reads as part of the slug. A headline in title case (`Bush Promotes
His Plan`, wire style) is written as a sentence likewise (`_title_case_view`). Only letter case changes, character
by character, so offsets found in the view are offsets into the stored text.
"""

import re
from collections import Counter
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS

from transforms.entities.english_words import is_verb_or_modifier, parts_of_speech
from transforms.entities.headlines import place_words, slug_end

_WORD = re.compile(r"[^\W\d_]+")
# A stretch of at least this many all-caps words is a headline, not an acronym or a dateline (`BAMAKO Mali`).
_MIN_CAPS_WORDS = 3
_CAPS_WORD = re.compile(r"\b[A-Z]{2,}\b")
# A full stop after a lone capital closes an abbreviation, not a sentence: `U.K. MONEY MARKET`.
_UNITED_STATES = re.compile(r"\bU\.S\.|\bUnited States\b")
_SENTENCE_START = re.compile(r"(?:^|(?<!\b[A-Z])[.]\s+|[!?:]\s+|\n)$")
# A word no dictionary knows of at most this many letters is an abbreviation (`NBP`, `IBC`); a longer one a name.
_MAX_ABBREVIATION = 4


def _at_sentence_start(text: str, start: int) -> bool:
    return _SENTENCE_START.search(text, max(0, start - 4), start) is not None


def _is_caps(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _caps_runs(text: str) -> list[list[re.Match[str]]]:
    """Maximal runs of all-caps words (single letters join a run: `MALI 'S`) long enough to be headlines."""
    if len(_CAPS_WORD.findall(text)) < _MIN_CAPS_WORDS:
        return []
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if _is_caps(word) or (len(word) == 1 and word.isupper() and current):
            current.append(match)
            continue
        if sum(_is_caps(m.group()) for m in current) >= _MIN_CAPS_WORDS:
            runs.append(current)
        current = []
    if sum(_is_caps(m.group()) for m in current) >= _MIN_CAPS_WORDS:
        runs.append(current)
    return runs


def _usual_forms(text: str, skip: set[int]) -> dict[str, str]:
    """Each word's most frequent written form in `text`, outside headline runs and sentence starts.

    An all-caps word next to another (`NEW YORK` in a dateline) says nothing about its usual case; one
    standing alone (`UN`, `AFP`) is an acronym and keeps its capitals.
    """
    counts: Counter[tuple[str, str]] = Counter()
    words = list(_WORD.finditer(text))
    for index, match in enumerate(words):
        word = match.group()
        if match.start() in skip or _at_sentence_start(text, match.start()):
            continue
        if len(word) == 1 and _after_apostrophe(text, match.start()):
            continue  # the `s` of `Japan's` is no word
        if _is_caps(word) and any(0 <= j < len(words) and _is_caps(words[j].group()) for j in (index - 1, index + 1)):
            continue
        counts[(word.lower(), word)] += 1
    forms: dict[str, str] = {}
    for (key, form), _ in counts.most_common():
        forms.setdefault(key, form)
    return forms


def _same_length(text: str, change: Callable[[str], str]) -> str:
    """`change` applied letter by letter, except where it would change the length (`ß` → `SS`, `İ` → `i̇`)."""
    return "".join(new if len(new := change(c)) == 1 else c for c in text)


def _recase(word: str, form: str) -> str:
    """`form`'s letter case on `word`, character by character, where that keeps the length."""
    return "".join(f if len(f) == 1 and f.lower() == w.lower() else w for w, f in zip(word, form, strict=True))


def ner_view(text: str, reference: str | None = None) -> str:
    """`text` with all-caps stretches recased, and a headline in title case recased (`_title_case_view`);
    `reference` is other text of the same article (the body)."""
    runs = _caps_runs(text)
    if not runs:
        if reference is not None and reference is not text:
            return _title_case_view(text, reference)
        return text
    forms = _usual_forms(text, {m.start() for run in runs for m in run})
    if reference is not None and reference is not text:
        reference_runs = {m.start() for run in _caps_runs(reference) for m in run}
        for key, form in _usual_forms(reference, reference_runs).items():
            forms.setdefault(key, form)
        # `US` in a headline whose story writes `U.S.` is the country, not the pronoun (`US SANCTIONS HIT IRAN`).
        if _UNITED_STATES.search(reference):
            forms.setdefault("us", "US")
    chars = list(text)
    slug = slug_end(text)
    for run in runs:
        places = place_words(text, run)
        opening = True
        for position, match in enumerate(run):
            word = match.group()
            if match.start() < slug:
                chars[match.start() : match.end()] = _same_length(word, str.lower)
                continue
            # A place of one short word is an abbreviation (`UK`, `UAE`), not a word of a name (`RIO DE JANEIRO`).
            short_place = position in places and not {position - 1, position + 1} & places and len(word) <= 3
            new = _new_case(text, match, forms, is_place=position in places, is_abbreviation=short_place)
            after_slug = slug and not text[slug : match.start()].strip(" -–—")
            if opening and (after_slug or _at_sentence_start(text, match.start())):
                new = _same_length(new[0], str.upper) + new[1:]
            opening = False
            chars[match.start() : match.end()] = new
    return "".join(chars)


def _new_case(text: str, match: re.Match[str], forms: dict[str, str], *, is_place: bool, is_abbreviation: bool) -> str:
    """One word of an all-caps stretch as the view writes it (see the module docstring)."""
    word = match.group()
    key = word.lower()
    if len(word) == 1 and (_after_apostrophe(text, match.start()) or key == "a"):
        return _same_length(word, str.lower)  # a possessive, a contraction or the article: `CHINA'S`, `DON'T`
    if key in forms and len(forms[key]) == len(word):
        return _recase(word, forms[key])
    if is_place:
        return word if is_abbreviation else _title(word)  # `U.S.` keeps its letters
    if key in STOP_WORDS or len(word) == 1:
        return _same_length(word, str.lower)
    if not parts_of_speech(word):
        return word if len(word) <= _MAX_ABBREVIATION else _title(word)
    return _same_length(word, str.lower)


def _after_apostrophe(text: str, start: int) -> bool:
    return text[start - 1 : start] in ("'", "’")


def _title(word: str) -> str:
    return word[0] + _same_length(word[1:], str.lower)


# A headline in title case has at least this many words of four letters or more, every one capitalised.
_MIN_TITLE_WORDS = 4
_LONG_WORD = re.compile(r"(?<![\w'’])[^\W\d_]{4,}")


def _title_case_view(text: str, reference: str) -> str:
    """A headline in title case (`Bush Promotes His Plan for Missile Defense System`, wire style) with its ordinary
    words in lower case, as a sentence writes them: title-cased, they read as names run into the name before
    (`Bush Promotes`, `OPEC Agrees`, `Eichel Wants Strong`). A capitalised word is written as the story below
    writes it; a word the story does not write is lowered if it is a stop word, or a verb, adjective or adverb
    (`Promotes`, `Strong`) and no place's word, unless it is a noun too, right after a first name no dictionary
    knows, and no verb's form (`Donald Trump`, `Gordon Brown`, `Ketanji Brown Jackson`; not `Obama Says`, `Biden
    Pushing`); the headline's first word and anything else stay as they are.
    A headline is in title case when all its longer words are capitalised and one of its capitalised words is
    a stop word or a word the story writes in lower case: a headline of names only (`Crystal Palace 0, Charlton
    Athletic 1`) stays as written. A word no dictionary knows keeps its capital whatever the story writes: an
    abbreviation (`Bay Co Bldg Auth` over `Bldg auth`) or a name.
    """
    long_words = _LONG_WORD.findall(text)
    if len(long_words) < _MIN_TITLE_WORDS or not all(w[0].isupper() for w in long_words):
        return text
    reference_runs = {m.start() for run in _caps_runs(reference) for m in run}
    forms = _usual_forms(reference, reference_runs)
    words = [m for m in _WORD.finditer(text) if m.group()[0].isupper() and not m.group().isupper()]
    ordinary = [m for m in words if m.group().lower() in STOP_WORDS or _written_lower(m.group(), forms)]
    if not ordinary:
        return text
    places = place_words(text, words)
    chars = list(text)
    # Where the last word left capitalised ends, how many such words run up to it and whether it is a name no
    # dictionary knows: after one such word alone (`Donald`, `Ketanji`) a noun that is a verb too is a surname.
    kept_end, run, name_before = -1, 0, False
    for position, match in enumerate(words):
        word, key = match.group(), match.group().lower()
        adjacent = kept_end == match.start() - 1 and text[kept_end] == " "
        after_first_name = adjacent and run == 1 and name_before
        if match.start() == 0 or _at_sentence_start(text, match.start()):
            kept_end, run, name_before = match.end(), 1, not parts_of_speech(word)
            continue
        if key in forms and parts_of_speech(word):
            lower = forms[key].islower()
        elif key in STOP_WORDS or position in places or not is_verb_or_modifier(word):
            lower = key in STOP_WORDS
        else:
            # `Donald Trump`, `Ketanji Brown Jackson`, but `Obama Says`, `Biden Pushing`, `Smith Named`.
            verb_form = key.endswith(("s", "ing", "ed"))
            lower = not (after_first_name and "noun" in parts_of_speech(word) and not verb_form)
        if lower:
            chars[match.start() : match.end()] = _same_length(word, str.lower)
            kept_end, run = -1, 0
        else:
            kept_end, run, name_before = match.end(), run + 1 if adjacent else 1, not parts_of_speech(word)
    return "".join(chars)


def _written_lower(word: str, forms: dict[str, str]) -> bool:
    """Whether the story writes a dictionary word in lower case."""
    return bool(parts_of_speech(word)) and forms.get(word.lower(), "X").islower()
