"""JSON objects that hold articles under keys of their own: `{"art-9000": {...article...}, "art-9001": {...}}`.

Firebase and other key-value stores export a collection as one object whose keys are the ids; a scraper's
cache saves `{url: article}`; an app's home-page API groups lists, `{"top": [...], "latest": [...]}`. Read as
one article, such an object would give the fields of its first article and drop the others silently.

An object is such a collection when none of its own keys is a field name (`title`, `url`, … in any of the
names `map_fields` knows) and its values (nearly) all hold articles (an object with a field name among its
keys, at any depth: an article, a list of them, another collection): two or more of them, or every value.
Its members are then read one by one; what is no article among them comes back too, for the caller to
quarantine, so that nothing in the object goes uncounted.
"""

from collections.abc import Mapping

from transforms.parse.fields import find_column, is_known_name


def keyed_members(obj: Mapping[str, object], mapping: Mapping[str, str] | None) -> list[tuple[str, object]] | None:
    """The (key, value) members of a collection (see the module's doc), or None when `obj` is one article.

    A value that is itself a collection (articles grouped by year, then by id) gives its own members keyed
    `outer/inner`; a list of articles gives its elements, keyed `key/N` (N from 1).
    """
    if not is_collection(obj, mapping):
        return None
    members: list[tuple[str, object]] = []
    pending: list[tuple[str, object]] = [(str(key), value) for key, value in list(obj.items())[::-1]]
    while pending:
        key, value = pending.pop()
        if isinstance(value, Mapping) and is_collection(value, mapping):
            pending.extend((f"{key}/{inner}", item) for inner, item in list(value.items())[::-1])
        elif isinstance(value, list) and holds_articles(value):
            pending.extend((f"{key}/{n}", item) for n, item in reversed(list(enumerate(value, start=1))))
        else:
            members.append((key, value))
    return members


def is_collection(obj: Mapping[str, object], mapping: Mapping[str, str] | None) -> bool:
    """Whether `obj` holds articles under keys of its own rather than being one article.

    A column the user mapped (`--map title=meta.title`) that the object holds makes it one article.
    """
    if not obj or any(is_known_name(str(key)) for key in obj):
        return False
    if mapping and any(find_column(obj, column)[0] for column in mapping.values()):
        return False
    holding = sum(1 for value in obj.values() if holds_articles(value))
    return holding >= 2 or holding == len(obj)


def holds_articles(value: object) -> bool:
    """Whether a JSON value is, or holds at any depth, an object with a field name among its keys."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, Mapping):
            if any(is_known_name(str(key)) for key in item):
                return True
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False
