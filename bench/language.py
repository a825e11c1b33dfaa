"""Language detection (`transforms.language`): time per article and the languages found, per corpus.

Each corpus's texts are what `with_language` reads: title and body (AG News: title and description; HuffPost:
headline and short description). Time is the best of three passes over a fixed sample of `SAMPLE` texts.

- `--langdetect`: also runs langdetect 1.0.9 (the detector this one replaced; install it beside the project with
  `.venv/bin/uv pip install langdetect==1.0.9`) with the semantics it had here (seed 0, the same 600 characters
  and 20-letter floor, probability floor 0.5, `zh-cn` as `zh`), times it in the same pass, and counts the pairs of
  answers where the two differ, with examples.
- `--labelled FILE`: adds a corpus of labelled text in other languages from FILE, lines of `code<TAB>sentence`
  (e.g. the 60-language test set eld ships, `eld/tests/data/big-test.txt`): per language, `DOCS` documents of
  about 600 characters of consecutive sentences and `SHORTS` single sentences, scored against the labels.

Run: `.venv/bin/python bench/language.py [--langdetect] [--labelled FILE]`
"""

import argparse
import collections
import csv
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import CORPORA, REPO

sys.path.insert(0, str(REPO))
from transforms.language import _MAX_CHARS, _MIN_LETTERS, detect_language, load_profiles

SAMPLE = 200
DOCS, SHORTS = 8, 4
Corpus = list[tuple[str, str, str | None]]  # (id, text, labelled language or None)


def bbc() -> Corpus:
    texts: Corpus = []
    for path in sorted((CORPORA / "bbc").glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:  # sport/199.txt
            text = raw.decode("latin-1")
        title, _, body = text.partition("\n\n")
        texts.append((str(path.relative_to(CORPORA)), f"{title.strip()}\n{body.strip()}", None))
    return texts


def agnews() -> Corpus:
    with open(CORPORA / "agnews" / "test.csv", newline="", encoding="utf-8") as f:
        texts: Corpus = [(f"agnews#{i}", f"{row[1]}\n{row[2]}", None) for i, row in enumerate(csv.reader(f))]
    return texts


def huffpost() -> Corpus:
    lines = (CORPORA / "huffpost" / "news_category_sample.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    return [
        (f"huffpost#{i}", "\n".join(r[k] for k in ("headline", "short_description") if r[k]), None)
        for i, r in enumerate(records)
    ]


def labelled(path: Path) -> Corpus:
    sentences: dict[str, list[str]] = collections.defaultdict(list)
    for line in path.read_text(encoding="utf-8").split("\n"):
        code, _, sentence = line.partition("\t")
        if sentence:
            sentences[code].append(sentence)
    texts: Corpus = []
    for code, pool in sorted(sentences.items()):
        rest = iter(pool)
        for d in range(DOCS):
            doc: list[str] = []
            while len(" ".join(doc)) < _MAX_CHARS + 50 and (following := next(rest, None)):
                doc.append(following)
            texts.append((f"{code}/doc{d}", " ".join(doc), code))
        texts += [(f"{code}/short{s}", next(rest, ""), code) for s in range(SHORTS)]
    return texts


def langdetect_as_before() -> Callable[[str], str | None]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.detector_factory import init_factory
    from langdetect.lang_detect_exception import LangDetectException

    init_factory()
    letter = __import__("re").compile(r"[^\W\d_]")

    def detect(text: str) -> str | None:
        sample = text[:_MAX_CHARS]
        if len(letter.findall(sample)) < _MIN_LETTERS:
            return None
        DetectorFactory.seed = 0
        try:
            best = detect_langs(sample)[0]
        except LangDetectException:
            return None
        return best.lang.split("-")[0] if best.prob >= 0.5 else None

    return detect


def ms_per_text(detect: Callable[[str], str | None], texts: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            detect(text)
        best = min(best, time.perf_counter() - started)
    return best / len(texts) * 1000


def report(name: str, corpus: Corpus, before: Callable[[str], str | None] | None) -> None:
    sample = [text for _, text, _ in random.Random(0).sample(corpus, min(SAMPLE, len(corpus)))]
    now = [detect_language(text) for _, text, _ in corpus]
    line = f"{name}: {len(corpus)} texts, {ms_per_text(detect_language, sample):.3f} ms a text"
    if before:
        line += f" (langdetect {ms_per_text(before, sample):.3f} ms)"
    print(line)
    print("  languages:", dict(collections.Counter(now).most_common(12)))
    if corpus[0][2] is not None:
        for kind in ("doc", "short"):
            rows = [(code, got) for (i, _, code), got in zip(corpus, now, strict=True) if kind in i]
            print(f"  {kind}s labelled right: {sum(code == got for code, got in rows)}/{len(rows)}")
    if before:
        then = [before(text) for _, text, _ in corpus]
        pairs = collections.Counter((a, b) for a, b in zip(then, now, strict=True) if a != b)
        print(f"  agree with langdetect: {len(corpus) - sum(pairs.values())}/{len(corpus)}")
        for (a, b), n in pairs.most_common():
            example = next(i for (i, _, _), x, y in zip(corpus, then, now, strict=True) if (x, y) == (a, b))
            print(f"    langdetect {a} -> {b}: {n} (e.g. {example})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langdetect", action="store_true", help="compare with langdetect 1.0.9")
    parser.add_argument("--labelled", type=Path, help="code<TAB>sentence lines in other languages")
    args = parser.parse_args()
    if not CORPORA.is_dir():
        raise SystemExit(f"no corpora at {CORPORA}")
    load_profiles()
    before = langdetect_as_before() if args.langdetect else None
    corpora = {"BBC": bbc(), "AG News": agnews(), "HuffPost": huffpost()}
    if args.labelled:
        corpora["labelled"] = labelled(args.labelled)
    for name, corpus in corpora.items():
        report(name, corpus, before)


if __name__ == "__main__":
    main()
