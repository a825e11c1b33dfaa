"""Named-entity spans from an installed spaCy pipeline, loaded with only what its NER needs.

en_core_web_sm's `ner` has its own tok2vec, so the tagger, parser, lemmatizer and shared tok2vec are never
loaded: about twice the speed of the full pipeline (../shared/STACK.md). A pipeline whose NER listens to a
shared tok2vec or transformer keeps that component too.
"""

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from functools import cache
from typing import Any
from weakref import WeakSet

import spacy
from spacy.language import Language

# (start, end, spaCy label): character offsets into the text given.
Span = tuple[int, int, str]


def _components(model: str) -> list[str]:
    """The pipeline's component names, read from its meta without loading any weights."""
    path = spacy.util.get_package_path(model) if spacy.util.is_package(model) else model
    meta = spacy.util.get_model_meta(path)  # type: ignore[arg-type]
    return list(meta.get("components") or meta["pipeline"])


@cache
def model_language(model: str) -> str:
    """The ISO 639-1 language the pipeline `model` reads (`en`), from its meta, loading no weights."""
    path = spacy.util.get_package_path(model) if spacy.util.is_package(model) else model
    return str(spacy.util.get_model_meta(path)["lang"])  # type: ignore[arg-type]


@cache
def load_ner(model: str) -> Language:
    """The pipeline `model` (a package name or a path) with its NER and whatever the NER listens to."""
    names = _components(model)
    nlp = spacy.load(model, exclude=[n for n in names if n != "ner"])
    ner: Any = nlp.get_pipe("ner")
    if any("listener" in node.name for node in ner.model.walk()):
        upstream = [n for n in names if n in ("tok2vec", "transformer")]
        nlp = spacy.load(model, exclude=[n for n in names if n not in ("ner", *upstream)])
    return nlp


# Longer texts go through the model in windows of about this many characters, cut at paragraph breaks: its memory
# grows with a document's length (a 50,000-word body took a run to 1.26 GB), and no name spans a paragraph break.
WINDOW_CHARS = 20_000


def entity_spans(
    texts: Iterable[str], *, model: str, n_process: int = 1, batch_size: int = 16
) -> Iterator[tuple[str, list[Span]]]:
    """Each text with its entity spans, in order."""
    nlp = load_ner(model)
    # The window rides along with where it stands: rebuilding it from the Doc would cost a Token object per word.
    pieces = ((window, (text, start, last)) for text in texts for start, window, last in windows(text))
    with _vocabulary_zone(nlp):
        spans: list[Span] = []
        for doc, (text, start, last) in nlp.pipe(pieces, as_tuples=True, n_process=n_process, batch_size=batch_size):
            spans.extend((start + e.start_char, start + e.end_char, e.label_) for e in doc.ents)
            if last:
                yield text, spans
                spans = []


# Pipelines whose vocabulary already holds the words of the first texts this process read.
_WARM: "WeakSet[Language]" = WeakSet()


def _vocabulary_zone(nlp: Language) -> AbstractContextManager[Any]:
    """Where the strings a call adds to `nlp`'s vocabulary live: freed when the call ends, except on the first call.

    Without a memory zone a long-running process grows with every new word it reads. The first call's words stay:
    they are the commonest of the news the process reads, which every later zone would otherwise make again (about
    7 % of NER's time on BBC articles), and they are bounded by one call's texts (a batch, or a worker's share).
    Spans leave the zone as plain tuples, so nothing refers into it.
    """
    if nlp in _WARM:
        return nlp.memory_zone()
    _WARM.add(nlp)
    return nullcontext()


def windows(text: str, size: int = WINDOW_CHARS) -> Iterator[tuple[int, str, bool]]:
    """(offset, window, is the last) covering `text` in order: one window unless it is longer than `size`.

    Windows end at the last paragraph break (else line break, else space) before `size`, so that no name is cut.
    """
    start = 0
    while len(text) - start > size:
        cut = next((c for sep in ("\n\n", "\n", " ") if (c := text.rfind(sep, start + 1, start + size)) > start), None)
        end = cut if cut is not None else start + size
        yield start, text[start:end], False
        start = end
    yield start, text[start:], True


def name_labels(names: Iterable[str], *, model: str, n_process: int = 1, batch_size: int = 256) -> dict[str, str]:
    """The label the model gives each name read alone, where it reads the whole name as one entity.

    A name's type out of context is evidence the article's context can outvote: it catches a person the
    context hid (`The president of Ibrahim Boubacar Keita`, tagged ORG).
    """
    unique = list(dict.fromkeys(names))
    labels: dict[str, str] = {}
    found = entity_spans(unique, model=model, n_process=n_process, batch_size=batch_size)
    for name, (_, spans) in zip(unique, found, strict=True):
        if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == len(name):
            labels[name] = spans[0][2]
    return labels
