"""Mentions of one article as the entity tests build them, and what `resolve_article` makes of them."""

from transforms.entities.mentions import Mention
from transforms.entities.resolve import resolve_article


def mention(
    surface: str, label: str, start: int = 0, *, before: str = "", after: str = "", field: str = "body"
) -> Mention:
    return Mention(field, start, start + len(surface), surface, label, before=before, after=after)


def names(mentions: list[Mention], probes: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    return [(r.mention.surface, r.entity_type, r.entity_name) for r in resolve_article(mentions, probes)]
