import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.parse.markup import html_to_text


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
    ],
)
def test_fragments_become_text(fragment, text):
    assert html_to_text(fragment) == text


@given(st.text(max_size=300))
def test_any_text_gives_text_without_raising(fragment):
    assert isinstance(html_to_text(fragment), str)
