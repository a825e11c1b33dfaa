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
_CUE = re.compile(rf"\b(?:{_PLACE_NOUNS})(?P<of> of)?,? $")
# Offices named after the state, not a place: `secretary of state John Kerry`, `head of state Vladimir Putin`.
_OFFICE = re.compile(r"\b(?:secretary|secretaries|head|heads|minister|ministers|department|affairs) of state,? $", re.I)


def is_place_mention(mention: Mention) -> bool:
    """Whether the words right before a mention name the kind of place it is (see the module docstring).

    Without `of`, the noun may open a relative clause instead (`the city Trump visited`, `the state Biden won`):
    there a name the model reads as a person is left to the vote."""
    cue = _CUE.search(mention.before)
    if cue is None or _OFFICE.search(mention.before):
        return False
    return bool(cue["of"]) or mention.label != "PERSON"
