"""The right to bid's disposal timeline: the rulebook's moratorium cases ACV-T22 to T30.

Pure: no database. Each row's test id is the rulebook's case id.
"""

import dataclasses
import datetime as dt

import pytest

from commonweal.rights.calendar import (
    ACV_2012,
    BidderRequest,
    BodyKind,
    InvalidTimelineInput,
    MonthRule,
    RequestOutcome,
    RuleBook,
    RuleSet,
    disposal_timeline,
)

D = dt.date.fromisoformat
PARISH = BodyKind.PARISH_COUNCIL


def request(day, kind=PARISH, received=True):
    return BidderRequest(D(day), BodyKind(kind), received_by_council=received)


# (id, notice, requests, interim end, full end (C, B) or None, reason code,
#  protected end (C, B), window under C, window under B)
CASES = [
    (
        "ACV-T22",
        "2024-03-04",
        [],
        "2024-04-14",
        None,
        "no_request",
        ("2025-09-03", "2025-09-03"),
        ("2024-04-15", "2025-09-03"),
        ("2024-04-15", "2025-09-03"),
    ),
    (
        "ACV-T23",
        "2024-03-04",
        [request("2024-04-10")],
        "2024-04-14",
        ("2024-09-03", "2024-09-03"),
        "full_moratorium",
        ("2025-09-03", "2025-09-03"),
        ("2024-09-04", "2025-09-03"),
        ("2024-09-04", "2025-09-03"),
    ),
    (
        "ACV-T24",
        "2024-03-04",
        [request("2024-04-15")],
        "2024-04-14",
        None,
        "late",
        ("2025-09-03", "2025-09-03"),
        ("2024-04-15", "2025-09-03"),
        ("2024-04-15", "2025-09-03"),
    ),
    (
        "ACV-T25",
        "2024-03-04",
        [request("2024-03-20", BodyKind.UNINCORPORATED_BODY)],
        "2024-04-14",
        None,
        "not_a_community_interest_group",
        ("2025-09-03", "2025-09-03"),
        ("2024-04-15", "2025-09-03"),
        ("2024-04-15", "2025-09-03"),
    ),
    (
        "ACV-T26",
        "2024-03-04",
        [request("2024-03-20", received=False)],
        "2024-04-14",
        None,
        "not_received_by_council",
        ("2025-09-03", "2025-09-03"),
        ("2024-04-15", "2025-09-03"),
        ("2024-04-15", "2025-09-03"),
    ),
    (
        "ACV-T27",
        "2023-08-31",
        [request("2023-09-15", BodyKind.CHARITY)],
        "2023-10-11",
        ("2024-02-29", "2024-02-28"),
        "full_moratorium",
        ("2025-02-28", "2025-02-27"),
        ("2024-03-01", "2025-02-28"),
        ("2024-02-29", "2025-02-27"),
    ),
    (
        "ACV-T28",
        "2023-12-29",
        [],
        "2024-02-08",
        None,
        "no_request",
        ("2025-06-28", "2025-06-28"),
        ("2024-02-09", "2025-06-28"),
        ("2024-02-09", "2025-06-28"),
    ),
    (
        "ACV-T29",
        "2024-03-04",
        [request("2024-03-11")],
        "2024-04-14",
        ("2024-09-03", "2024-09-03"),
        "full_moratorium",
        ("2025-09-03", "2025-09-03"),
        ("2024-09-04", "2025-09-03"),
        ("2024-09-04", "2025-09-03"),
    ),
    (
        "ACV-T30",
        "2024-03-04",
        [],
        "2024-04-14",
        None,
        "no_request",
        ("2025-09-03", "2025-09-03"),
        ("2024-04-15", "2025-09-03"),
        ("2024-04-15", "2025-09-03"),
    ),
    (
        "S7-5-6",
        "2024-07-01",
        [request("2024-07-20", BodyKind.COMMUNITY_INTEREST_COMPANY)],
        "2024-08-11",
        ("2024-12-31", "2024-12-31"),
        "full_moratorium",
        ("2025-12-31", "2025-12-31"),
        ("2025-01-01", "2025-12-31"),
        ("2025-01-01", "2025-12-31"),
    ),
]


@pytest.mark.parametrize(
    ("notice", "requests", "interim", "full", "code", "protected", "window_c", "window_b"),
    [pytest.param(*row[1:], id=row[0]) for row in CASES],
)
def test_moratorium_case(notice, requests, interim, full, code, protected, window_c, window_b):
    timeline = disposal_timeline(D(notice), requests)
    assert timeline.rule_set is ACV_2012
    assert timeline.interim_moratorium_end == D(interim)
    if full is None:
        assert timeline.full_moratorium_end is None and not timeline.full_moratorium_applies
    else:
        end = timeline.full_moratorium_end
        assert (end.rule_c, end.rule_b) == (D(full[0]), D(full[1]))
    assert timeline.full_moratorium_reason_code == code
    assert timeline.full_moratorium_reason
    ends = timeline.protected_period_end
    assert (ends.rule_c, ends.rule_b) == (D(protected[0]), D(protected[1]))
    for rule, expected in ((MonthRule.C, window_c), (MonthRule.B, window_b)):
        window = timeline.disposal_window(rule)
        assert (window.opens, window.closes) == (D(expected[0]), D(expected[1]))
    assert timeline.month_rules_differ is (window_c != window_b)


def test_acv_t27_month_rule_chooses_the_binding_window():
    requests = [request("2023-09-15", BodyKind.CHARITY)]
    under_b = disposal_timeline(D("2023-08-31"), requests, month_rule="B")
    assert under_b.month_rule is MonthRule.B
    assert under_b.disposal_window().opens == D("2024-02-29")
    assert disposal_timeline(D("2023-08-31"), requests).disposal_window().opens == D("2024-03-01")


def test_acv_t29_exchange_with_the_requesting_parish_council_is_during_the_moratorium():
    timeline = disposal_timeline(D("2024-03-04"), [request("2024-03-11")])
    # Not in the non-CIG window: allowed only through the community interest group exception.
    assert not timeline.disposal_window().contains(D("2024-06-01"))
    assert D("2024-06-01") <= timeline.moratorium_end("C")


def test_acv_t30_exchange_after_the_protected_period_is_a_breach():
    assert not disposal_timeline(D("2024-03-04")).disposal_window().contains(D("2025-10-01"))


def test_s7_7_developer_exchange_is_prohibited_until_the_new_year():
    timeline = disposal_timeline(
        D("2024-07-01"), [request("2024-07-20", BodyKind.COMMUNITY_INTEREST_COMPANY)]
    )
    assert not timeline.disposal_window().contains(D("2024-10-01"))
    assert timeline.disposal_window().opens == D("2025-01-01")


def test_a_request_on_the_last_day_of_the_interim_moratorium_counts():
    timeline = disposal_timeline(D("2024-03-04"), [request("2024-04-14")])
    assert timeline.full_moratorium_applies
    assert timeline.requests[0].outcome is RequestOutcome.VALID


def test_one_valid_request_among_invalid_ones_is_enough():
    timeline = disposal_timeline(
        D("2024-03-04"),
        [request("2024-03-05", BodyKind.NEIGHBOURHOOD_FORUM), request("2024-03-06")],
    )
    assert timeline.full_moratorium_applies
    assert [item.counts for item in timeline.requests] == [False, True]


def test_several_reasons_are_all_explained():
    timeline = disposal_timeline(
        D("2024-03-04"),
        [request("2024-03-05", BodyKind.INDIVIDUAL), request("2024-05-01")],
    )
    assert timeline.full_moratorium_reason_code == "no_valid_request"
    assert "individual" in timeline.full_moratorium_reason
    assert "late" in timeline.full_moratorium_reason


def test_a_request_before_the_notice_is_refused_with_its_field():
    with pytest.raises(InvalidTimelineInput) as caught:
        disposal_timeline(D("2024-03-04"), [request("2024-03-05"), request("2024-03-01")])
    assert caught.value.field == "requests.1.received"


def test_a_notice_before_the_regime_began_is_refused():
    with pytest.raises(InvalidTimelineInput) as caught:
        disposal_timeline(D("2012-09-20"))
    assert caught.value.field == "notice_received"
    assert disposal_timeline(D("2012-09-21")).rule_set is ACV_2012


def test_every_timeline_lists_what_awaits_legal_confirmation():
    timeline = disposal_timeline(D("2024-03-04"), month_rule="B")
    codes = {item.code: item for item in timeline.unconfirmed}
    assert {"U14", "U3", "U2"} <= set(codes)
    assert codes["U14"].option == "month_rule" and codes["U14"].value == "B"


def test_the_community_interest_groups_are_configurable():
    # Reg 12 was not seen [R]: a council may adopt a different reading without an edit here.
    wider = dataclasses.replace(
        ACV_2012,
        community_interest_groups=ACV_2012.community_interest_groups
        | {BodyKind.UNINCORPORATED_BODY},
    )
    requests = [request("2024-03-20", BodyKind.UNINCORPORATED_BODY)]
    assert disposal_timeline(D("2024-03-04"), requests, rule_set=wider).full_moratorium_applies
    assert not disposal_timeline(D("2024-03-04"), requests).full_moratorium_applies


# --- versioned rule sets ------------------------------------------------------------------

# HYPOTHETICAL, for this test only: NOT LAW. A sketch of a Community Right to Buy regime with
# a 12-month moratorium (rulebook warning 1), with an invented commencement date, to show that
# a new regime is a new rule set chosen by the notice's date rather than an edit.
HYPOTHETICAL_START = dt.date(2027, 4, 1)
HYPOTHETICAL_RIGHT_TO_BUY = RuleSet(
    key="hypothetical-right-to-buy",
    title="HYPOTHETICAL Community Right to Buy (an illustration, not law)",
    effective_from=HYPOTHETICAL_START,
    effective_until=None,
    interim_weeks=6,
    full_months=12,
    protected_months=24,
    community_interest_groups=ACV_2012.community_interest_groups,
    hypothetical=True,
)
HYPOTHETICAL_BOOK = RuleBook(
    (
        HYPOTHETICAL_RIGHT_TO_BUY,
        dataclasses.replace(ACV_2012, effective_until=HYPOTHETICAL_START - dt.timedelta(days=1)),
    )
)


def test_a_hypothetical_new_regime_is_chosen_by_the_notice_date():
    before = disposal_timeline(
        D("2027-03-31"), [request("2027-04-02")], rule_book=HYPOTHETICAL_BOOK
    )
    after = disposal_timeline(D("2027-04-01"), [request("2027-04-02")], rule_book=HYPOTHETICAL_BOOK)
    assert before.rule_set.key == "acv-2012" and not before.rule_set.hypothetical
    assert before.full_moratorium_end.rule_c == D("2027-09-30")
    assert after.rule_set.hypothetical
    assert after.full_moratorium_end.rule_c == D("2028-03-31")
    assert after.protected_period_end.rule_c == D("2029-03-31")
    # The 2012 rule set itself is untouched.
    assert ACV_2012.effective_until is None and ACV_2012.full_months == 6


def test_overlapping_rule_sets_are_refused():
    with pytest.raises(ValueError, match="overlap"):
        RuleBook((ACV_2012, HYPOTHETICAL_RIGHT_TO_BUY))


def test_a_rule_set_must_protect_beyond_its_moratorium():
    with pytest.raises(ValueError):
        dataclasses.replace(ACV_2012, full_months=18, protected_months=18)


def test_a_notice_too_late_to_compute_is_refused():
    with pytest.raises(InvalidTimelineInput) as caught:
        disposal_timeline(D("9999-06-01"))
    assert caught.value.field == "notice_received"


def test_the_package_examples_hold():
    import doctest

    import commonweal.rights.calendar as package

    assert doctest.testmod(package).failed == 0
