"""Rule sets versioned by date: the regime is chosen by the date that triggers it.

For the right to bid the trigger is the date the council received the owner's notice
(rulebook warning 1). A new regime (for example a Community Right to Buy with a 12-month
moratorium, if the English Devolution and Community Empowerment Bill is commenced) is a new
``RuleSet`` with its own ``effective_from`` added to a ``RuleBook``, never an edit of the
2012 rules: the 2012 set gains an ``effective_until`` and keeps deciding older notices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise


class BodyKind(StrEnum):
    """The kinds of body that may ask to be treated as a potential bidder (or nominate)."""

    PARISH_COUNCIL = "parish-council"
    CHARITY = "charity"
    COMMUNITY_INTEREST_COMPANY = "community-interest-company"
    # Limited by guarantee and not distributing any surplus to its members.
    COMPANY_LIMITED_BY_GUARANTEE = "company-limited-by-guarantee"
    # A co-operative or community benefit society not distributing surplus (not a credit union).
    COMMUNITY_BENEFIT_SOCIETY = "co-operative-or-community-benefit-society"
    UNINCORPORATED_BODY = "unincorporated-body"
    NEIGHBOURHOOD_FORUM = "neighbourhood-forum"
    LOCAL_AUTHORITY = "local-authority"
    INDIVIDUAL = "individual"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    BodyKind.PARISH_COUNCIL: "a parish council",
    BodyKind.CHARITY: "a charity",
    BodyKind.COMMUNITY_INTEREST_COMPANY: "a community interest company",
    BodyKind.COMPANY_LIMITED_BY_GUARANTEE: "a company limited by guarantee that does not "
    "distribute surplus",
    BodyKind.COMMUNITY_BENEFIT_SOCIETY: "a co-operative or community benefit society that does "
    "not distribute surplus",
    BodyKind.UNINCORPORATED_BODY: "an unincorporated body",
    BodyKind.NEIGHBOURHOOD_FORUM: "a neighbourhood forum",
    BodyKind.LOCAL_AUTHORITY: "a local authority other than a parish council",
    BodyKind.INDIVIDUAL: "an individual",
    BodyKind.OTHER: "another kind of body",
}

# ACV-20: community interest groups (s.95(6); reg 12, whose text was not seen [R]).
COMMUNITY_INTEREST_GROUPS_2012 = frozenset(
    {
        BodyKind.PARISH_COUNCIL,
        BodyKind.CHARITY,
        BodyKind.COMMUNITY_INTEREST_COMPANY,
        BodyKind.COMPANY_LIMITED_BY_GUARANTEE,
        BodyKind.COMMUNITY_BENEFIT_SOCIETY,
    }
)


@dataclass(frozen=True)
class RuleSet:
    """One regime's numbers for an owner's notice of an intended disposal of listed land."""

    key: str
    title: str
    effective_from: dt.date
    # The last day on which a triggering notice falls under this set; None while in force.
    effective_until: dt.date | None
    interim_weeks: int
    full_months: int
    protected_months: int
    community_interest_groups: frozenset[BodyKind]
    sources: tuple[str, ...] = ()
    # True for an illustration that is not law (a test's or a planning exercise's regime).
    hypothetical: bool = False

    def __post_init__(self) -> None:
        if self.effective_until is not None and self.effective_until < self.effective_from:
            raise ValueError(f"{self.key}: effective_until is before effective_from")
        if not 0 < self.full_months < self.protected_months:
            raise ValueError(f"{self.key}: the protected period must outlast the moratorium")
        if self.interim_weeks < 1:
            raise ValueError(f"{self.key}: the interim moratorium must be at least a week")

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )


ACV_2012 = RuleSet(
    key="acv-2012",
    title="Community Right to Bid: Localism Act 2011 Part 5 Chapter 3 and the Assets of "
    "Community Value (England) Regulations 2012 (SI 2012/2421)",
    effective_from=dt.date(2012, 9, 21),
    effective_until=None,
    interim_weeks=6,  # ACV-17, reg 2(a)(i) [L]
    full_months=6,  # ACV-21, reg 2(a)(iii) [L]
    protected_months=18,  # ACV-22, s.95(4) and reg 2(a)(iii) [L]/[O]
    community_interest_groups=COMMUNITY_INTEREST_GROUPS_2012,
    sources=("Localism Act 2011 ss.95-98", "SI 2012/2421 regs 2 and 12"),
)


class NoRuleSet(ValueError):
    """No rule set was in force on the triggering date."""


@dataclass(frozen=True)
class RuleBook:
    """Rule sets for one right, in date order and never overlapping."""

    rule_sets: tuple[RuleSet, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.rule_sets, key=lambda rule_set: rule_set.effective_from))
        for earlier, later in pairwise(ordered):
            if earlier.effective_until is None or earlier.effective_until >= later.effective_from:
                raise ValueError(f"rule sets {earlier.key} and {later.key} overlap")
        object.__setattr__(self, "rule_sets", ordered)

    def for_date(self, day: dt.date) -> RuleSet:
        for rule_set in self.rule_sets:
            if rule_set.in_force_on(day):
                return rule_set
        first = self.rule_sets[0].effective_from if self.rule_sets else None
        raise NoRuleSet(
            f"No rules were in force on {day.isoformat()}"
            + (f" (the earliest start on {first.isoformat()})" if first else "")
        )


ACV_RULE_BOOK = RuleBook((ACV_2012,))
