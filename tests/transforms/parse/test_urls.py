import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.parse.urls import TRACKING_PARAMETERS, clean_url


@pytest.mark.parametrize(
    ("url", "clean"),
    [
        # A feed's analytics tags
        ("https://example.org/cafe-award?utm_source=rss&utm_medium=feed", "https://example.org/cafe-award"),
        # An article identified by a query parameter keeps it; the campaign and the fragment go
        ("https://example.org/story.php?id=123&utm_campaign=june#comments", "https://example.org/story.php?id=123"),
        # Shared from Facebook, Instagram, a Mailchimp newsletter, Twitter's embed, MSN, Guardian share buttons
        ("https://example.org/a?fbclid=IwAR0x", "https://example.org/a"),
        ("https://example.org/a?igshid=MzRl&p=2", "https://example.org/a?p=2"),
        ("https://example.org/a?mc_cid=1&mc_eid=2", "https://example.org/a"),
        ("https://example.org/a?ref_src=twsrc%5Etfw", "https://example.org/a"),
        ("https://example.org/a?ocid=msedgntp&cvid=9", "https://example.org/a?cvid=9"),
        ("https://example.org/a?CMP=share_btn_tw", "https://example.org/a"),
        # BBC's AT Internet tags, comScore's, Google Ads' click id, in any case
        ("https://example.org/a?at_medium=RSS&at_campaign=KARANGA", "https://example.org/a"),
        ("https://example.org/a?ns_mchannel=rss&ns_source=PublicRSS20-sa", "https://example.org/a"),
        ("https://example.org/a?GCLID=x&UTM_Source=y", "https://example.org/a"),
        # Nothing to strip: the URL as given, spelling and all
        ("https://example.org/a?q=caf%C3%A9+bar&b=2", "https://example.org/a?q=caf%C3%A9+bar&b=2"),
        ("https://example.org/a", "https://example.org/a"),
        ("https://example.org/a?id=1;page=2", "https://example.org/a?id=1;page=2"),  # old CGI separators
        ("https://example.org/a#section-2", "https://example.org/a"),  # a fragment alone
        ("", ""),  # no URL
    ],
)
def test_tracking_parameters_and_fragments_are_stripped(url, clean):
    assert clean_url(url) == clean


def test_a_fragment_can_be_kept():
    # A live blog's post, told apart from the others by its fragment
    assert clean_url("https://example.org/live?utm_source=rss#post-2", keep_fragment=True) == (
        "https://example.org/live#post-2"
    )


parameters = st.lists(
    st.tuples(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8).filter(
            lambda name: name not in TRACKING_PARAMETERS and not name.startswith(("utm_", "pk_", "mtm_", "hsa_"))
        ),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789%-.", max_size=8),
    ),
    max_size=4,
)
tracking = st.lists(st.sampled_from(["utm_source=rss", "fbclid=x1", "gclid=y", "utm_medium=feed", "_ga=2.1"]))


@given(parameters, tracking, st.data())
def test_other_parameters_keep_their_order_whatever_tracking_is_mixed_in(kept, tracked, data):
    # Any article URL with its own parameters, and tracking added anywhere by a feed or a share button
    own = [f"{name}={value}" for name, value in kept]
    mixed = list(own)
    for pair in tracked:
        mixed.insert(data.draw(st.integers(0, len(mixed))), pair)
    url = "https://example.org/a" + ("?" + "&".join(mixed) if mixed else "")
    assert clean_url(url) == "https://example.org/a" + ("?" + "&".join(own) if own else "")
