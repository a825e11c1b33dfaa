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
    ],
)
def test_fragments_become_text(fragment, text):
    assert html_to_text(fragment) == text


@given(st.text(max_size=300))
def test_any_text_gives_text_without_raising(fragment):
    assert isinstance(html_to_text(fragment), str)
