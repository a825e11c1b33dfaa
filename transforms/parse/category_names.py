"""Category codes and their names: AG News's classes 1–4 beside a `classes.txt` that names them.

A names file is either one name per line (line n names code n: `classes.txt`) or `code,name` rows.
"""

import csv
import io
import re

# A `code,name` row: a code (a number or a word) and a name after a comma.
_CODE_ROW = re.compile(r"^\s*[\w-]+\s*,\s*\S")


def category_names(text: str) -> dict[str, str]:
    """code → name from a names file's text; ValueError when a line is neither form, or a code repeats."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        raise ValueError("the category names file is empty")
    coded = [bool(_CODE_ROW.match(line)) for line in lines if line]
    if any(coded) and not all(coded):
        number = coded.index(False) + 1 if coded[0] else coded.index(True) + 1
        raise ValueError(
            f"line {number} of the category names file is not like the others: give `code,name` on every line, "
            "or one name per line"
        )
    if all(coded):
        names: dict[str, str] = {}
        for number, row in enumerate(csv.reader(io.StringIO("\n".join(lines))), start=1):
            if not row:
                continue
            if len(row) != 2 or not row[0].strip() or not row[1].strip():
                raise ValueError(f"line {number} of the category names file is not `code,name`: {','.join(row)}")
            code = row[0].strip()
            if code in names:
                raise ValueError(f"code {code} is named twice in the category names file")
            names[code] = row[1].strip()
        return names
    if any(not line for line in lines):
        raise ValueError("a blank line in a one-name-per-line category names file would leave a code unnamed")
    return {str(number): name for number, name in enumerate(lines, start=1)}


def named_category(category: str | None, names: dict[str, str]) -> str | None:
    """The name of a category code (`2` → `Sports`); a category that is no known code stays as it is."""
    if category is None or not names:
        return category
    return names.get(category.strip(), category)
