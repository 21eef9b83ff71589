"""Where the job centre's long compound words may break on a narrow screen: a soft hyphen at
each joint ("Ressource-/forløb"), so that a word wider than a choice card's text is
divided where a Danish reader expects, never in the middle of a part. Only where the
person reads it (the choice cards); exports and the back office keep the plain word."""

import re

SOFT_HYPHEN = "\u00ad"
JOINTS = {
    "ressourceforløb": ("ressource", "forløb"),
}
COMPOUND = re.compile("|".join(JOINTS), re.IGNORECASE)


def with_joints(text: str) -> str:
    """The text with a soft hyphen at each joint of a known long compound."""

    def divided(match: re.Match) -> str:
        word, at = match.group(0), 0
        parts = []
        for part in JOINTS[word.lower()]:
            parts.append(word[at : at + len(part)])
            at += len(part)
        return SOFT_HYPHEN.join(parts)

    return COMPOUND.sub(divided, text)
