"""WordPress exports (WXR, Tools → Export: RSS with the `wp:` namespace): which items are published posts,
who wrote them, and when, in UTC.

feedparser flattens an item's `wp:` elements into keys named by their prefix (`<wp:status>` → `wp_status`),
but of the channel's several `<wp:author>` entries it keeps only the last one's fields, so authors are read
from the XML itself.
"""

import re
from typing import Any
from xml.etree.ElementTree import Element

# WXR 1.0 to 1.2 name their namespace by version: `http://wordpress.org/export/1.2/`.
_NAMESPACE = re.compile(r"\{http://wordpress\.org/export/[^}]*\}(.+)")
# WordPress writes the dates of a post never published as zero: `0000-00-00 00:00:00` in `wp:post_date_gmt`,
# `Mon, 30 Nov -0001 00:00:00 +0000` in `pubDate`.
_ZERO_DATE = re.compile(r"^\s*0000-00-00|\s-0001\s")
# `wp:post_date_gmt` is UTC without a zone: `2019-11-04 08:30:00`.
_GMT_DATE = re.compile(r"\s*(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d)?)\s*")


def author_names(root: Element | None) -> dict[str, str]:
    """Login → display name of each `<wp:author>` of an export's channel (`dc:creator` holds the login);
    empty for any other feed."""
    names: dict[str, str] = {}
    channel = root.find("channel") if root is not None else None
    for author in channel if channel is not None else ():
        if _local_name(author.tag) != "author":
            continue
        fields = {_local_name(field.tag): (field.text or "").strip() for field in author}
        login, name = fields.get("author_login"), fields.get("author_display_name")
        if login and name:
            names[login] = name
    return names


def not_a_post(entry: Any) -> str | None:
    """Why an export's item is no published article (a page, an attachment, a draft); None for a published
    post and for any item of another feed."""
    post_type = str(entry.get("wp_post_type") or "").strip().lower()
    status = str(entry.get("wp_status") or "").strip().lower()
    if post_type and post_type != "post":
        return f"not a post: WordPress {post_type}"
    if status and status != "publish":
        return f"not a published post: WordPress status {status}"
    return None


def is_zero_date(text: str) -> bool:
    """Whether a date is WordPress's zero date, written for a post never published."""
    return bool(_ZERO_DATE.search(text))


def published_gmt(entry: Any) -> str | None:
    """The item's `wp:post_date_gmt` as ISO 8601 UTC (`2019-11-04T08:30:00Z`); None when it has none or zero."""
    match = _GMT_DATE.fullmatch(str(entry.get("wp_post_date_gmt") or ""))
    if match is None or is_zero_date(match[1]):
        return None
    return f"{match[1]}T{match[2]}Z"


def _local_name(tag: object) -> str | None:
    match = _NAMESPACE.fullmatch(str(tag))
    return match[1] if match else None
