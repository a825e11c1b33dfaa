import pytest

from transforms.parse.category_names import category_names, named_category


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # AG News's classes.txt: line n names code n.
        ("World\nSports\nBusiness\nSci/Tech\n", {"1": "World", "2": "Sports", "3": "Business", "4": "Sci/Tech"}),
        # code,name rows, in any order, a name with a quoted comma.
        ('3,Business\n1,World\n7,"Science, Technology"\n', {"3": "Business", "1": "World", "7": "Science, Technology"}),
        # Windows line endings and a trailing blank line.
        ("World\r\nSports\r\n\r\n", {"1": "World", "2": "Sports"}),
    ],
)  # fmt: skip
def test_names_files_in_either_form(text, names):
    assert category_names(text) == names


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("1,World\nSports\n", "line 2"),
        ("World\n\nSports\n", "blank line"),
        ("1,World\n1,Sports\n", "named twice"),
    ],
)
def test_a_malformed_names_file_says_where(text, message):
    with pytest.raises(ValueError, match=message):
        category_names(text)


def test_codes_are_named_and_other_categories_kept():
    names = {"1": "World", "2": "Sports"}
    assert [named_category(c, names) for c in ("2", " 1 ", "Politics", None)] == ["Sports", "World", "Politics", None]
