"""Article URLs as natural keys: the same page whatever campaign, share button or feed linked to it."""

import re
from urllib.parse import unquote_plus, urlsplit, urlunsplit

# Query parameters that say how a reader came to a page, never which page it is: a feed that changes its
# `utm_` tags, or a link shared from Facebook (`fbclid`), must not make a new article. Other parameters stay:
# some sites identify articles by them (`?id=123`, `?p=456`).
# fmt: off
TRACKING_PARAMETERS = frozenset({
    # Google Analytics and Ads, Microsoft, Facebook, Instagram, TikTok, X/Twitter, LinkedIn, Yandex click ids
    "_ga", "_gl", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "fbclid", "igshid", "igsh",
    "ttclid", "twclid", "li_fat_id", "yclid",
    # Mailchimp, HubSpot, Marketo, Vero e-mail campaigns
    "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "vero_id",
    # Twitter embeds, share buttons and syndication (`ref_src=twsrc^tfw`, NYT `smid`, MSN `ocid`)
    "ref_src", "ref_url", "smid", "smtyp", "ocid", "cmpid", "cmp", "s_cid", "icid",
    # AT Internet (BBC `at_medium`, French sites' `xtor`), comScore (`ns_mchannel`), Adobe (`wt.mc_id`)
    "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4", "xtor",
    "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "wt.mc_id", "wt_mc_id",
})
# fmt: on
# Whole families: Google's `utm_source`, `utm_medium`, …; Matomo's `pk_campaign`, `mtm_source`; HubSpot ads.
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")


def clean_url(url: str, *, keep_fragment: bool = False) -> str:
    """`url` without tracking parameters (`TRACKING_PARAMETERS`, `TRACKING_PREFIXES`) and `#fragment`.

    The other parameters keep their order and spelling; a URL with nothing to strip is returned as given.
    `keep_fragment` keeps the fragment where it tells pages apart (a live blog's posts in one feed).
    """
    if "?" not in url and ("#" not in url or keep_fragment):
        return url
    try:
        parts = urlsplit(url)
    except ValueError:  # an unbalanced `[` in the host: not a URL to rewrite
        return url
    pairs = re.split(r"[&;]", parts.query)
    kept = [pair for pair in pairs if pair and not is_tracking(pair.partition("=")[0])]
    if len(kept) == len(pairs) and ("#" not in url or keep_fragment):
        return url
    query = parts.query if len(kept) == len(pairs) else "&".join(kept)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment if keep_fragment else ""))


def is_tracking(name: str) -> bool:
    """Whether a query parameter's name (as written, maybe %-encoded) is one that only tracks the reader."""
    name = unquote_plus(name).strip().lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)
