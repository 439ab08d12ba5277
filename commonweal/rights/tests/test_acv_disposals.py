"""Disposals of listed land through the services: the rulebook's worked cases for relevant
disposals (ACV-T17 to T21), requests to bid (ACV-T23 to T26), the window (ACV-T29, T30),
exemptions and housekeeping (ACV-T31 to T37), review and appeal (ACV-T14 to T16) and
compensation (ACV-T38 to T40)."""

import datetime as dt

import pytest

from commonweal.rights import services
from commonweal.rights.calendar.acv_casework import (
    compensation_claim_by,
    compensation_review_by,
    review_decision_due,
    review_request_by,
    tribunal_appeal_by,
)
from commonweal.rights.models import CaseStatus, Disposal
from commonweal.rights.presenters import entry

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def with_notice(people, listed):
    services.record_disposal_notice(
        actor=people["officer"], nomination=listed, received_on=D(2024, 3, 4)
    )
    return listed


def _disposal(nomination, **values):
    values.setdefault("disposal_type", "freehold_vacant")
    values.setdefault("buyer", "A buyer")
    values.setdefault("buyer_kind", "other")
    values.setdefault("binding_on", D(2024, 10, 1))
    return services.assess_disposal(Disposal(nomination=nomination, **values))


@pytest.mark.parametrize(
    ("case", "values", "relevant"),
    [
        ("ACV-T17", {"disposal_type": "freehold_vacant"}, True),
        ("ACV-T18", {"disposal_type": "freehold_tenanted"}, False),
        ("ACV-T19", {"disposal_type": "lease_grant", "lease_years": 20}, False),
        ("ACV-T20", {"disposal_type": "lease_assignment", "lease_years": 30}, True),
    ],
)
def test_relevant_disposals(with_notice, case, values, relevant):
    assert _disposal(with_notice, **values).relevant is relevant, case


def test_acv_t21_contracts_exchanged_before_listing(with_notice):
    result = _disposal(with_notice, binding_on=D(2024, 3, 1))
    assert result.allowed and "before the land was listed" in result.findings[0]


@pytest.mark.parametrize(
    ("case", "kind", "received", "by_council", "counts", "words"),
    [
        ("ACV-T23", "parish-council", D(2024, 4, 10), True, True, "full moratorium applies"),
        ("ACV-T24", "parish-council", D(2024, 4, 15), True, False, "late"),
        ("ACV-T25", "unincorporated-body", D(2024, 3, 20), True, False, "not a community"),
        ("ACV-T26", "charity", D(2024, 3, 20), False, False, "did not receive"),
    ],
)
def test_requests_to_bid(people, with_notice, case, kind, received, by_council, counts, words):
    result = services.record_bidder_request(
        actor=people["officer"],
        nomination=with_notice,
        group_name="Asking group",
        body_kind=kind,
        received_on=received,
        received_by_council=by_council,
    )
    assert result.counts is counts, case
    assert words in result.explanation
    shown = entry(with_notice, D(2024, 6, 1))
    assert shown.protected_end == D(2025, 9, 3)
    if counts:
        assert shown.full_end == D(2024, 9, 3)
        assert shown.moratorium_code == "full"
        assert shown.interested_groups == ["Asking group"]
    else:
        assert shown.full_end is None
        assert shown.moratorium_code == "protected"


def test_acv_t29_the_requesting_parish_may_buy_during_the_moratorium(people, with_notice):
    services.record_bidder_request(
        actor=people["officer"],
        nomination=with_notice,
        group_name="Parish",
        body_kind="parish-council",
        received_on=D(2024, 4, 10),
    )
    to_parish = _disposal(
        with_notice,
        binding_on=D(2024, 6, 1),
        buyer_kind="parish-council",
        buyer_requested_to_bid=True,
    )
    assert to_parish.allowed
    to_developer = _disposal(with_notice, binding_on=D(2024, 6, 1))
    assert to_developer.warning


def test_acv_t30_a_disposal_after_the_protected_period_is_a_breach(with_notice):
    result = _disposal(with_notice, binding_on=D(2025, 10, 1))
    assert result.warning and "Condition C fails" in " ".join(result.findings)


def test_acv_t22_a_disposal_inside_the_window_is_allowed(with_notice):
    assert _disposal(with_notice, binding_on=D(2024, 4, 15)).allowed
    assert _disposal(with_notice, binding_on=D(2024, 4, 14)).warning


def test_acv_t27_both_month_rules_are_shown_where_they_differ(people, listed, settings):
    listed.decided_on = D(2023, 8, 1)
    listed.save()
    services.record_disposal_notice(
        actor=people["officer"], nomination=listed, received_on=D(2023, 8, 31)
    )
    services.record_bidder_request(
        actor=people["officer"],
        nomination=listed,
        group_name="Parish",
        body_kind="parish-council",
        received_on=D(2023, 9, 15),
    )
    shown = entry(listed, D(2023, 10, 1))
    assert (shown.full_end, shown.full_end_other) == (D(2024, 2, 29), D(2024, 2, 28))
    assert (shown.protected_end, shown.protected_end_other) == (D(2025, 2, 28), D(2025, 2, 27))
    settings.RIGHTS_MONTH_RULE = "B"
    shown = entry(listed, D(2023, 10, 1))
    assert (shown.full_end, shown.full_end_other) == (D(2024, 2, 28), D(2024, 2, 29))


def test_no_notice_before_a_disposal_is_a_breach(listed):
    result = _disposal(listed, binding_on=D(2024, 10, 1))
    assert result.warning and "Condition A fails" in result.findings[0]


@pytest.mark.parametrize(
    ("case", "values", "exempt"),
    [
        ("ACV-T31", {"exemption": "gift", "disposal_type": "freehold_vacant"}, True),
        ("ACV-T32", {"exemption": "going_concern"}, True),
        ("ACV-T33", {"exemption": "option", "option_granted_on": D(2010, 1, 1)}, True),
        ("ACV-T34", {"exemption": "option", "option_granted_on": D(2024, 4, 1)}, False),
        ("ACV-T35", {"exemption": "family", "exemption_details": "To a cousin"}, True),
    ],
)
def test_exemptions(listed, case, values, exempt):
    assert _disposal(listed, **values).exempt is exempt, case


def test_acv_t36_a_relevant_disposal_removes_the_entry(people, with_notice):
    _disposal_row, result = services.record_disposal(
        actor=people["officer"],
        nomination=with_notice,
        disposal_type="freehold_vacant",
        binding_on=D(2024, 10, 1),
        buyer="New owner",
        buyer_kind="other",
    )
    with_notice.refresh_from_db()
    assert result.allowed and with_notice.status == CaseStatus.REMOVED
    assert "relevant disposal" in with_notice.removal_reason
    # Dated by the disposal, not the day it was recorded.
    assert with_notice.removed_on == D(2024, 10, 1)
    assert with_notice.status_changes.latest("id").effective_on == D(2024, 10, 1)


def test_acv_t37_an_exempt_gift_leaves_the_entry(people, listed):
    services.record_disposal(
        actor=people["officer"],
        nomination=listed,
        disposal_type="freehold_vacant",
        binding_on=D(2024, 10, 1),
        buyer="The owner's son",
        buyer_kind="other",
        exemption="gift",
    )
    listed.refresh_from_db()
    assert listed.status == CaseStatus.LISTED


def test_a_further_notice_in_the_protected_period_starts_no_moratorium(people, with_notice):
    again = services.record_disposal_notice(
        actor=people["officer"], nomination=with_notice, received_on=D(2024, 12, 1)
    )
    assert again.within_earlier_protected_period
    assert entry(with_notice, D(2024, 12, 2)).notice_received == D(2024, 3, 4)


def test_acv_t14_to_t16_review_and_appeal_clocks():
    assert review_request_by(D(2024, 7, 1)) == D(2024, 8, 25)
    assert review_decision_due(D(2024, 8, 20)) == D(2024, 10, 14)
    assert tribunal_appeal_by(D(2024, 10, 14)) == D(2024, 11, 11)


def test_a_late_review_request_is_refused(people, listed):
    with pytest.raises(services.RightsError, match="out of time"):
        services.request_review(
            actor=people["owner"],
            nomination=listed,
            requested_on=D(2024, 5, 1),
            notice_given_on=D(2024, 3, 4),
        )


def test_a_successful_review_removes_the_land(people, listed):
    review = services.request_review(
        actor=people["owner"], nomination=listed, requested_on=D(2024, 3, 20)
    )
    services.decide_review(
        actor=people["reviewer"],
        review=review,
        upheld=False,
        reasons="The use is ancillary.",
        sent_on=D(2024, 5, 1),
    )
    listed.refresh_from_db()
    assert listed.status == CaseStatus.REMOVED


def test_an_allowed_appeal_removes_the_land(people, listed):
    review = services.request_review(
        actor=people["owner"], nomination=listed, requested_on=D(2024, 3, 20)
    )
    services.decide_review(
        actor=people["reviewer"], review=review, upheld=True, reasons="OK", sent_on=D(2024, 5, 1)
    )
    review, in_time = services.record_appeal(
        actor=people["officer"], review=review, received_on=D(2024, 5, 30)
    )
    assert not in_time  # 28 days of 1 May is 29 May
    services.decide_appeal(
        actor=people["officer"], review=review, allowed=True, decided_on=D(2024, 9, 1)
    )
    listed.refresh_from_db()
    assert listed.status == CaseStatus.REMOVED


def test_acv_t38_to_t40_compensation_clocks(people, listed):
    assert compensation_claim_by(D(2017, 6, 29)) == D(2017, 9, 28)
    assert compensation_claim_by(D(2024, 9, 3)) == D(2024, 12, 3)
    assert compensation_review_by(D(2024, 11, 1)) == D(2024, 12, 26)
    _claim, in_time = services.record_claim(
        actor=people["officer"],
        nomination=listed,
        claimant="Owner",
        loss_description="Loss of permitted development rights",
        loss_incurred_on=D(2017, 6, 29),
        amount=5000,
        evidence="Valuation",
        received_on=D(2018, 1, 19),
    )
    assert not in_time
