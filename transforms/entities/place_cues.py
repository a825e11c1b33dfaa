"""Words before a name that say it is a place: `the city of Arbil`, `the coastal town of Bou Haroun`, `the
capital Dushanbe`, `the northeastern state of Borno`, `in district Khuzdar`.

The model reads an unfamiliar place as an organisation or a person, but news introduces one with the kind of
place it is. A lower-case noun of settlement or territory right before the name, with or without `of` (`the
Arctic island of Spitzbergen`), says so; a capitalised one is part of a name instead (`Port of Rotterdam`, `City
of London Corporation`).
"""

import re

from transforms.entities.mentions import Mention

_PLACE_NOUNS = (
    r"city|town|village|hamlet|capital|island|port|province|region|district|county|state|suburb|enclave"
    r"|municipality|township|outskirts"
)
_CUE = re.compile(rf"\b(?:{_PLACE_NOUNS})(?: of)?,? $")


def is_place_mention(mention: Mention) -> bool:
    """Whether the words right before a mention name the kind of place it is (see the module docstring)."""
    return bool(_CUE.search(mention.before))
