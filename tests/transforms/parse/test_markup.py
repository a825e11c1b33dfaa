import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.parse.markup import html_to_text, link_share


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("", ""),  # an empty summary
        ("Plain text &amp; more", "Plain text & more"),  # an RSS description with no markup
        ("<p>Hello <b>world</b>.</p><p>Second.</p>", "Hello world.\n\nSecond."),  # paragraphs
        ("line one<br>line two<br/>line three", "line one\nline two\nline three"),  # a poem or address
        ("<ul><li>one</li><li>two</li></ul>after", "one\n\ntwo\n\nafter"),  # a list
        ("<p>a<script>track()</script>b<!-- ad -->c<style>p{}</style>d</p>", "abcd"),  # scripts, ads
        ("<p>  spaced \t out \u00a0 text  </p>", "spaced out text"),  # whitespace from templates
        ("a\x00b\x1fc", "abc"),  # control characters XML cannot hold
        ("<div>" * 10_000 + "deep" + "</div>" * 10_000, ""),  # nested past libxml2's cap: dropped, no crash
        # WordPress content:encoded: an image with its caption and credit before the text
        ('<figure><img src="a.jpg"><figcaption>Photo: AFP</figcaption></figure><p>Text.</p>', "Text."),
        # A related-stories box and share buttons between paragraphs
        ("<p>One.</p><aside>Read more: X</aside>two<nav>Share</nav><p>Three.</p>", "One.\n\ntwo\n\nThree."),
        ("<p>Body.</p><footer>Share: Facebook Twitter</footer>", "Body."),  # a template's footer
        ("<p>Watch:</p><video>Your browser does not support video.</video>", "Watch:"),  # a player's fallback
        # Paragraphs written as line breaks, as many CMS feeds write them: two or more `br` end a paragraph
        ("First paragraph.<br/><br/>Second paragraph.", "First paragraph.\n\nSecond paragraph."),
        ("One.<br>\n<br>Two.<br>Three.", "One.\n\nTwo.\nThree."),  # with a line break between them
        ("One.<br><br><br>&nbsp;<br/>Two.", "One.\n\nTwo."),  # a template's spacer breaks
        ("<p>Reported by <b>Ann Lee</b><br><br></p><p>Edited</p>", "Reported by Ann Lee\n\nEdited"),
        # An election result table: a row a paragraph (staging joins a paragraph's lines), cells separated by ` | `
        (
            "<p>The count:</p><table><caption>Seats</caption><thead><tr><th>Party</th><th>Seats</th></tr>"
            "</thead>\n<tbody><tr>\n<td>Labour</td>\n<td>12</td></tr><tr><td>Green<br>Party</td><td>3</td>"
            "</tr></tbody></table><p>Turnout was 31%.</p>",
            "The count:\n\nSeats\n\nParty | Seats\n\nLabour | 12\n\nGreen Party | 3\n\nTurnout was 31%.",
        ),
        # A newsletter template laying out its paragraphs in a table: paragraphs, not rows
        (
            "<table><tr><td><p>First.</p><p>Second.</p></td><td><p>Sidebar.</p></td></tr></table>",
            "First.\n\nSecond.\n\nSidebar.",
        ),
    ],
)
def test_fragments_become_text(fragment, text):
    assert html_to_text(fragment) == text


@given(st.text(max_size=300))
def test_any_text_gives_text_without_raising(fragment):
    assert isinstance(html_to_text(fragment), str)


sentences = st.lists(
    st.text(
        alphabet=st.characters(categories=["L", "N", "P", "S"], include_characters=" ", exclude_characters="<>&"),
        min_size=1,
    )
    .map(lambda text: " ".join(text.split()))
    .filter(bool),
    max_size=6,
)


@given(sentences, st.sampled_from(["<br><br>", "<br/><br/>", "<br />\n<br />", "<BR><BR><BR>"]))
def test_double_line_breaks_separate_paragraphs(paragraphs, separator):
    # A feed's `description` whose paragraphs are separated by blank `br` lines
    assert html_to_text(separator.join(paragraphs)) == "\n\n".join(paragraphs)


@pytest.mark.parametrize(
    ("fragment", "share"),
    [
        # Google News: each story's headline a link, its outlet beside it
        (
            '<ol><li><a href="https://news.google.com/1">Mali attack kills 53 soldiers</a>&nbsp;&nbsp;'
            '<font color="#6f6f6f">BBC News</font></li><li><a href="https://news.google.com/2">Islamic State '
            'claims Mali attack</a>&nbsp;&nbsp;<font color="#6f6f6f">Reuters</font></li></ol>',
            pytest.approx(0.8, abs=0.05),
        ),
        ("<p>Heavy rain flooded towns across the north.</p><a href='/f'>Read more</a>", pytest.approx(0.2, abs=0.05)),
        ("<a href='/f'>Floods hit the north</a>", 1.0),  # a link and nothing else
        ("<p>Text.</p><aside><a href='/r'>Related: another story entirely</a></aside>", 0.0),  # dropped chrome
        ("Plain text, no markup.", 0.0),
        ("", 0.0),
    ],
)
def test_link_share(fragment, share):
    assert link_share(fragment) == share


@given(st.text(max_size=300))
def test_any_text_gives_a_share_between_0_and_1(fragment):
    assert 0.0 <= link_share(fragment) <= 1.0


@given(sentences.filter(any))
def test_text_is_no_link_text_until_it_is_all_links(paragraphs):
    # A feed item's paragraphs, then the same paragraphs each a headline link (an aggregator's list)
    assert link_share("".join(f"<p>{p}</p>" for p in paragraphs)) == 0.0
    assert link_share("".join(f"<li><a href='/{n}'>{p}</a></li>" for n, p in enumerate(paragraphs))) == 1.0
