"""The classification rule, case by case, with its boundaries (no database)."""

from decimal import Decimal as D

import pytest

from commonweal.directory.engine.classification import (
    Classification,
    Result,
    Workforce,
    classify,
)

C, P, U = Classification.COMMUNITY_LED, Classification.PROVIDER, Classification.UNDETERMINED

# Columns: case, kind, members, active volunteers, paid staff (FTE), annual income,
# share of income from contracts (None is "not known"), then the result and its rule.
N = None
CASES = [
    # The share of income from contracts: "mainly" is strictly more than half.
    ("share exactly 0.5", "charity", 10, 20, "2", "1000", "0.5", C, "mainly_volunteers"),
    ("share 0.501", "charity", 10, 20, "2", "1000", "0.501", P, "mainly_contract_income"),
    ("share 0.499", "charity", 10, 20, "2", "1000", "0.499", C, "mainly_volunteers"),
    ("all income from contracts", "cic", 0, 50, "0", "5000", "1", P, "mainly_contract_income"),
    ("contracts before missing figures", "cic", N, N, N, N, "0.9", P, "mainly_contract_income"),
    # Paid staff against volunteers: as many is not "mainly volunteers".
    ("paid staff equal to volunteers", "charity", 5, 4, "4", N, "0", P, "mainly_paid_staff"),
    ("one more volunteer than staff", "charity", 5, 5, "4", N, "0", C, "mainly_volunteers"),
    ("staff just under volunteers", "charity", 0, 3, "2.9", N, "0", C, "mainly_volunteers"),
    ("staff just over volunteers", "charity", 0, 3, "3.1", N, "0", P, "mainly_paid_staff"),
    ("mainly paid staff", "social_enterprise", 0, 2, "12.5", N, "0.2", P, "mainly_paid_staff"),
    # No paid staff at all.
    ("zero staff, volunteers", "community_group", 0, 6, "0", "800", "0", C, "volunteer_run"),
    ("zero staff, members only", "residents_association", 30, 0, "0", N, "0", C, "volunteer_run"),
    ("zero staff, nobody", "community_group", 0, 0, "0", N, "0", U, "no_people"),
    ("zero staff, members unknown", "community_group", N, 0, "0", N, "0", U, "no_people"),
    # Missing figures.
    ("nothing known", "community_group", N, N, N, N, N, U, "missing_figures"),
    ("paid staff unknown", "charity", 5, 5, N, N, "0", U, "missing_figures"),
    ("volunteers unknown", "charity", 5, N, "1", N, "0", U, "missing_figures"),
    ("income and share unknown", "charity", 5, 5, "1", N, N, U, "missing_figures"),
    ("income known, share unknown", "charity", 5, 5, "1", "2000", N, U, "missing_figures"),
    # An annual income of nothing: no share of it can come from contracts.
    ("income 0, no share", "community_group", 10, 3, "0", "0", N, C, "volunteer_run"),
    ("income 0, no share, staff", "community_group", 0, 1, "2", "0", N, P, "mainly_paid_staff"),
    # Kinds that are providers whatever their figures.
    ("public service provider", "public_provider", 100, 100, "0", "0", "0", P, "provider_kind"),
    ("business run by volunteers", "business", 3, 50, "0", N, N, P, "provider_kind"),
    ("business, no figures", "business", N, N, N, N, N, P, "provider_kind"),
    # Social enterprises are classified by their figures, not their kind.
    ("volunteer-run enterprise", "social_enterprise", 20, 15, "1", N, "0", C, "mainly_volunteers"),
]


def workforce(kind, members, volunteers, paid, income, share) -> Workforce:
    def decimal(value):
        return None if value is None else D(value)

    return Workforce(kind, members, volunteers, decimal(paid), decimal(income), decimal(share))


@pytest.mark.parametrize(
    ("figures", "expected", "rule"),
    [(case[1:7], case[7], case[8]) for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_classify(figures, expected, rule):
    result = classify(workforce(*figures))
    assert isinstance(result, Result)
    assert (result.classification, result.rule) == (expected, rule)
    assert result.reason and result.reason.endswith(".")


def test_the_reason_names_the_figures_that_decided():
    assert classify(Workforce("charity", 0, 4, D("4"), None, D("0"))).reason == (
        "It is run mainly by paid staff (4 full-time equivalent to 4 active volunteers)."
    )
    assert classify(Workforce("cic", contract_income_share=D("0.75"))).reason.startswith("75% ")
    missing = classify(Workforce("charity", active_volunteers=3)).reason
    assert missing == (
        "We need its figures for paid staff, share of income from contracts to classify it."
    )
    assert "public service provider" in classify(Workforce("public_provider")).reason


def test_a_share_just_over_half_is_not_shown_as_exactly_half():
    reason = classify(Workforce("cic", contract_income_share=D("0.501"))).reason
    assert not reason.startswith("50% ")


@pytest.mark.parametrize(
    "workforce",
    [
        Workforce("charity", 1, 1, D("0"), None, D("1.01")),
        Workforce("charity", 1, 1, D("0"), None, D("-0.1")),
        Workforce("charity", 1, -1, D("0"), None, D("0")),
        Workforce("charity", 1, 1, D("-1"), None, D("0")),
    ],
    ids=["share above 1", "negative share", "negative volunteers", "negative paid staff"],
)
def test_impossible_figures_are_refused(workforce):
    with pytest.raises(ValueError):
        classify(workforce)


def test_labels():
    assert [c.label for c in (C, P, U)] == [
        "Community-led",
        "Service provider",
        "Not yet classified",
    ]
