"""The language an article is written in, as an ISO 639-1 code (`en`, `fr`), by Google's Compact Language
Detector 2 (CLD2, through pycld2): a naive-Bayes classifier over character quadgrams (single characters for
Chinese, Japanese and Korean) compiled into its library, deterministic, about 0.05 ms an article where langdetect
took 2 to 3 ms (bench/language.py)."""

import re

import polars as pl
import pycld2

# Below this many letters the answer is a guess (langdetect called "hi" Swahili, 99.9999 % sure).
_MIN_LETTERS = 20
# `_MIN_LETTERS` letters, each after any run of non-letters: matched from the start, it stops at the twentieth
# letter instead of counting all of them.
_ENOUGH_LETTERS = re.compile(rf"(?:[\W\d_]*[^\W\d_]){{{_MIN_LETTERS}}}")
# The first characters decide; more cost time and change no answer (measured with langdetect on the 1,781 BBC
# articles and 1,056 HuffPost records: the first 600 characters give the language the first 2,000 give).
_MAX_CHARS = 600
# Under this share of the text's recognised bytes the text mixes languages or is too odd to name one.
_MIN_SHARE = 0.5
# CLD2 refuses text holding these, which its UTF-8 check rejects: C0 and C1 control characters (mojibake such as
# \x92 for a Windows-1252 apostrophe), surrogates and Unicode's noncharacters. Found by trying every code point.
_UNREADABLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane | 0xFFFE) + chr(plane | 0xFFFF) for plane in range(0, 0x110000, 0x10000))
    + "]"
)
# CLD2's codes that are not the ISO 639-1 code of their language: its legacy Hebrew and Javanese codes, and
# Norwegian's two written standards, which langdetect, before it, called `no`. A region or script after a hyphen
# is dropped (`zh-Hant` is `zh`, Montenegrin `sr-ME` is `sr`); a language without an ISO 639-1 code keeps CLD2's
# ISO 639-2/3 one (Cebuano `ceb`, Hawaiian `haw`).
_ISO_639_1 = {"iw": "he", "jw": "jv", "nn": "no", "nb": "no"}
# CLD2's codes for bytes of no language it can name: `un`, `xx-Latn` and the like (a script, no language), and its
# joke languages (`zzp` Pig Latin, `zzb` Bork Bork Bork).
_NO_LANGUAGE = re.compile(r"un$|xx|zz")


def with_language(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` plus `language` (String): ISO 639-1 of its `title` and `body`, NULL when too short to tell."""
    texts = frame.select(
        pl.concat_str([pl.col(c) for c in ("title", "body") if c in frame.columns], separator="\n", ignore_nulls=True)
    ).to_series()
    return frame.with_columns(language=pl.Series([detect_language(text) for text in texts], dtype=pl.String))


def load_profiles() -> None:
    """Load the detector before the first article, as worker warm-up does: CLD2's tables are compiled into its
    library, so this only imports and runs it once."""
    detect_language("The detector is ready once it has read one sentence of text.")


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the language `text` is written in; None when it is too short or mixed to tell."""
    if not text:
        return None
    sample = text[:_MAX_CHARS]
    if not _ENOUGH_LETTERS.match(sample):
        return None
    try:
        details = pycld2.detect(sample)[2]
    except (pycld2.error, UnicodeEncodeError):  # rare: clean only the texts CLD2 refuses
        details = pycld2.detect(_UNREADABLE.sub(" ", sample))[2]
    # Up to three (name, code, percent of the text's bytes, score), `un` for empty slots. Without `bestEffort`
    # CLD2 names no language for a text too short to be sure of.
    found = [(percent, code) for _, code, percent, _ in details if percent > 0 and not _NO_LANGUAGE.match(code)]
    if not found:
        return None
    percent, code = max(found)
    if percent < _MIN_SHARE * sum(p for p, _ in found):
        return None
    return _ISO_639_1.get(code, code).split("-")[0]
