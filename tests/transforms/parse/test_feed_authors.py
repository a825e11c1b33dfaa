"""Feed authors: names, never e-mail addresses, from RSS `<author>`, `dc:creator` and Atom `<author>`."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.transforms.parse.feed_samples import ATOM, parse, rss_item
from transforms.parse.feed import author_name


@pytest.mark.parametrize(
    ("inner", "authors"),
    [
        # RSS 2.0 as the spec writes it: an address, then the name; the domain is longer than feedparser's
        # four-letter pattern, which alone gives `ple (Dafydd Jones`
        ("<author>news@boroughpost.example (Dafydd Jones)</author>", "Dafydd Jones"),
        ("<author>dj@bp.com (Dafydd Jones)</author>", "Dafydd Jones"),  # a short domain
        ("<author>Dafydd Jones &lt;dj@boroughpost.example&gt;</author>", "Dafydd Jones"),  # mail-header form
        ("<author>Dafydd Jones (dj@boroughpost.example)</author>", "Dafydd Jones"),
        ("<author>news@boroughpost.example</author>", None),  # a desk's address names nobody
        ("<author>Dafydd Jones</author>", "Dafydd Jones"),  # a name, as most feeds write it
        # Two addresses, which RSS does not allow but some CMSs write
        (
            "<author>a@boroughpost.example (Ann Lee)</author><author>b@boroughpost.example (Bo Ng)</author>",
            "Ann Lee, Bo Ng",
        ),
        # dc:creator, twice (WordPress with a co-author plugin)
        (
            '<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Ann Lee</dc:creator>'
            '<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Bo Ng</dc:creator>',
            "Ann Lee, Bo Ng",
        ),
    ],
)
def test_rss_authors_are_names_not_addresses(inner, authors):
    (item,) = parse(rss_item(inner))
    assert item["authors"] == authors


def test_atom_author_with_an_email_gives_the_name():
    # Atom's structured author: <name> and <email>
    data = ATOM.replace(b"<author><name>B Two</name></author>", b"").replace(
        b"<name>A One</name>", b"<name>A One</name><email>a.one@boroughpost.example</email>"
    )
    (entry,) = parse(data)
    assert entry["authors"] == "A One"


names = st.lists(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'-", min_size=1, max_size=12),
    min_size=1,
    max_size=4,
).map(" ".join)
addresses = st.from_regex(r"[a-z][a-z0-9.]{0,10}@[a-z]{1,10}(\.[a-z]{2,12}){1,3}", fullmatch=True)


@given(names, addresses, st.sampled_from(["{email} ({name})", "{name} <{email}>", "{name} ({email})", "{name}"]))
def test_author_name_takes_the_name_from_any_form(name, email, form):
    # The forms RSS `<author>` is written in, with any name and address
    assert author_name(form.format(name=name, email=email)) == name
    assert author_name(email) is None
    assert author_name("") is None
