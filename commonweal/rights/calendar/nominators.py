"""Who may nominate land as an asset of community value (ACV-04, ACV-05) and what a
nomination must contain (ACV-06): pure rules, no Django.

The officer still records the findings a rule cannot make (whether the body's activities
really concern the area, say); these functions say what the law requires of the facts
given, and why, in words a nominator can act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .rulesets import BodyKind

MIN_LOCAL_MEMBERS = 21  # reg 5(1)(c) and reg 4(3) [L]/[O]

# Bodies that may nominate (reg 5(1)); a local authority other than a parish council and an
# individual may not (reg 5(2)).
NOMINATING_KINDS = frozenset(
    {
        BodyKind.PARISH_COUNCIL,
        BodyKind.NEIGHBOURHOOD_FORUM,
        BodyKind.UNINCORPORATED_BODY,
        BodyKind.CHARITY,
        BodyKind.COMPANY_LIMITED_BY_GUARANTEE,
        BodyKind.COMMUNITY_BENEFIT_SOCIETY,
        BodyKind.COMMUNITY_INTEREST_COMPANY,
    }
)
# Bodies for which "does not distribute any surplus to its members" is a condition.
NO_SURPLUS_KINDS = frozenset(
    {
        BodyKind.UNINCORPORATED_BODY,
        BodyKind.COMPANY_LIMITED_BY_GUARANTEE,
        BodyKind.COMMUNITY_BENEFIT_SOCIETY,
    }
)


@dataclass(frozen=True)
class Nominator:
    """The facts about a nominating body that decide whether it is eligible."""

    kind: BodyKind
    # Members registered as local government electors in the council's area or a
    # neighbouring authority's (only asked of unincorporated bodies).
    local_members: int | None = None
    distributes_surplus: bool = False
    is_credit_union: bool = False
    # Whether its activities are wholly or partly concerned with the council's area or a
    # neighbouring authority's area (for a parish council: the land is in or next to it).
    local_activities: bool = True


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reasons: tuple[str, ...] = field(default_factory=tuple)
    rules: tuple[str, ...] = ("ACV-04", "ACV-05")


def nominator_eligibility(nominator: Nominator) -> Eligibility:
    """Whether the body may make a community nomination, with every reason it may not."""
    kind = nominator.kind
    problems: list[str] = []
    if kind not in NOMINATING_KINDS:
        if kind is BodyKind.LOCAL_AUTHORITY:
            problems.append(
                "A public or local authority cannot nominate, except a parish council (reg 5(2))."
            )
        elif kind is BodyKind.INDIVIDUAL:
            problems.append("Individuals cannot nominate: a community body must (s.89(2)).")
        else:
            problems.append(
                f"{kind.label.capitalize()} is not one of the bodies that may nominate: a "
                "parish council, a neighbourhood forum, an unincorporated group of at least 21 "
                "local members, a charity, a company limited by guarantee or a co-operative or "
                "community benefit society that does not distribute surplus, or a community "
                "interest company (reg 5(1))."
            )
        return Eligibility(False, tuple(problems))
    if kind is BodyKind.COMMUNITY_BENEFIT_SOCIETY and nominator.is_credit_union:
        problems.append(
            "A credit union is not a co-operative or community benefit society for "
            "this purpose (reg 5(3))."
        )
    if kind in NO_SURPLUS_KINDS and nominator.distributes_surplus:
        problems.append(
            f"{kind.label.capitalize().replace(' that does not distribute surplus', '')} must "
            "not distribute any surplus to its members (reg 5(1))."
        )
    if kind is BodyKind.UNINCORPORATED_BODY:
        members = nominator.local_members
        if members is None:
            problems.append(
                "Say how many of the group's members are on the electoral register in this "
                f"borough or a neighbouring one: at least {MIN_LOCAL_MEMBERS} are needed."
            )
        elif members < MIN_LOCAL_MEMBERS:
            problems.append(
                f"An unincorporated group needs at least {MIN_LOCAL_MEMBERS} members on the "
                f"electoral register in this borough or a neighbouring one; it has {members} "
                "(reg 4(3), reg 5(1)(c))."
            )
    if not nominator.local_activities:
        if kind is BodyKind.PARISH_COUNCIL:
            problems.append(
                "A parish council may nominate land in its own area or in a parish next to it; "
                "this land is in neither (ACV-05)."
            )
        else:
            problems.append(
                "The body's activities must be wholly or partly concerned with this borough or "
                "a neighbouring one (reg 4): its area of benefit is elsewhere."
            )
    return Eligibility(not problems, tuple(problems))


# ACV-06 (reg 6): the contents a nomination must have, in the rulebook's order.
REQUIRED_CONTENTS = (
    ("description", "a description of the land"),
    ("boundary", "the land's proposed boundaries (a shape on a map)"),
    ("occupiers", "the names of the current occupants, so far as you know them"),
    (
        "owners",
        "the names and current or last-known addresses of everyone holding a freehold "
        "or leasehold, so far as you know them",
    ),
    ("reasons", "your reasons for thinking the land is of community value"),
    ("eligibility_evidence", "evidence that your group is eligible to nominate"),
)


def missing_contents(contents: dict[str, object]) -> list[tuple[str, str]]:
    """The (field, description) pairs of ACV-06 that ``contents`` lacks or leaves blank."""
    missing = []
    for key, description in REQUIRED_CONTENTS:
        value = contents.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            missing.append((key, description))
    return missing
