"""Finding a person's municipality from what they know: a postcode or a town.

The data is PostNord's postcode file (postnummerfil: postcode, town, municipality code),
as published by PostNord and shipped in the npm package `dk-postals` (installed by
scripts/setup). A postcode can lie in more than one municipality: then every one of
them is offered, and the person chooses. Nothing is picked for them.
"""

import csv
from dataclasses import dataclass, field
from functools import lru_cache

from app.config import ROOT
from app.domain.municipalities import MUNICIPALITIES, danish_sort_key

POSTCODE_FILE = ROOT / "node_modules" / "dk-postals" / "postals.csv"
SOURCE = "PostNord, postnummerfil (npm: dk-postals 1.0.0)"
MOST_PLACES_SHOWN = 8


@dataclass(frozen=True)
class Place:
    postcode: str
    town: str
    municipality_codes: tuple[str, ...]


@dataclass
class Found:
    searched_for: str
    places: list[Place] = field(default_factory=list)

    @property
    def municipality_codes(self) -> list[str]:
        codes = {code for place in self.places for code in place.municipality_codes}
        return sorted(codes, key=lambda code: danish_sort_key(MUNICIPALITIES[code]))


def comparable(text: str) -> str:
    """'Århus', 'aarhus' and 'AARHUS' compare alike."""
    return " ".join(text.lower().replace("aa", "å").split())


@lru_cache(maxsize=1)
def all_places() -> tuple[Place, ...]:
    """Every postcode for where people live, with its town and municipalities."""
    towns: dict[str, str] = {}
    codes: dict[str, set[str]] = {}
    if not POSTCODE_FILE.exists():
        return ()
    with open(POSTCODE_FILE, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            postcode, code = row["POSTNR"].strip(), row["KOMMUNE_NR"].strip()
            # Below 1000: big companies' own postcodes, where nobody lives.
            if int(postcode) < 1000 or code not in MUNICIPALITIES:
                continue
            towns[postcode] = row["BYNAVN"].strip()
            codes.setdefault(postcode, set()).add(code)
    municipalities_as_places = [Place("", name, (code,)) for code, name in MUNICIPALITIES.items()]
    return tuple(
        [
            Place(postcode, towns[postcode], tuple(sorted(codes[postcode])))
            for postcode in sorted(towns)
        ]
        + municipalities_as_places
    )


def find_municipalities(text: str | None) -> Found | None:
    """What a typed postcode or town finds: exact matches first, else names that start
    with the words typed. None when nothing was typed."""
    text = text or ""
    typed = comparable(text)
    if not typed:
        return None
    if typed.isdigit():
        places = [place for place in all_places() if place.postcode == typed]
    else:
        exact = [place for place in all_places() if comparable(place.town) == typed]
        places = exact or [
            place
            for place in all_places()
            if len(typed) >= 2 and comparable(place.town).startswith(typed)
        ]
    return Found(text.strip(), places[:MOST_PLACES_SHOWN])
