"""The rulebook's section 7 end-to-end scenario, driven through the services."""

import datetime as dt

import pytest

from commonweal.core.models import AuditEvent
from commonweal.rights import services
from commonweal.rights.models import CaseStatus, NoticeKind, Recipient
from commonweal.rights.services.deadlines import case_deadlines, claim_in_time
from commonweal.rights.services.state import listing_end, moratorium_on, timeline_for

D = dt.date


@pytest.mark.django_db
def test_section_7_scenario(people, nomination, cic):
    officer, reviewer = people["officer"], people["reviewer"]
    # 1. A valid nomination: decision target 2024-03-10 (alternative 2024-03-11).
    due = next(d for d in case_deadlines(nomination) if d.rule == "ACV-07")
    assert (due.due, due.alternative) == (D(2024, 3, 10), D(2024, 3, 11))

    # 2. Listed on 2024-03-04; notices to owner, occupier, nominator and parish.
    listed = services.decide(
        actor=officer,
        nomination=nomination,
        listed=True,
        reasons="A pub and meeting place.",
        current_use_finding="Pub in use.",
        decided_on=D(2024, 3, 4),
    )
    assert listed.status == CaseStatus.LISTED
    assert listing_end(listed).rule_c == D(2029, 3, 3)
    recipients = set(
        listed.notices.filter(kind=NoticeKind.LISTED).values_list("recipient", flat=True)
    )
    assert recipients == {
        Recipient.OWNER,
        Recipient.OCCUPIER,
        Recipient.NOMINATOR,
        Recipient.PARISH,
    }

    # 3-4. The owner received the notice 2024-03-08 (window to 2024-05-02); asks for a
    # review on 2024-04-02 (decision due 2024-05-27); upheld, sent 2024-05-20 (appeal by
    # 2024-06-17).
    review = services.request_review(
        actor=people["owner"],
        nomination=listed,
        requested_on=D(2024, 4, 2),
        notice_given_on=D(2024, 3, 8),
    )
    review_due = next(d for d in case_deadlines(listed) if d.label.startswith("Complete"))
    assert review_due.due == D(2024, 5, 27)
    with pytest.raises(services.RightsError, match="took no part"):
        services.decide_review(actor=officer, review=review, upheld=True, reasons="x")
    services.decide_review(
        actor=reviewer,
        review=review,
        upheld=True,
        reasons="Community value confirmed.",
        sent_on=D(2024, 5, 20),
    )
    appeal = next(d for d in case_deadlines(listed) if d.rule == "ACV-13")
    assert appeal.due == D(2024, 6, 17)

    # 5. The owner's notice of intention to sell, received 2024-07-01.
    notice = services.record_disposal_notice(
        actor=officer, nomination=listed, received_on=D(2024, 7, 1), given_by="Pubco Estates Ltd"
    )
    timeline = timeline_for(notice)
    assert timeline.interim_moratorium_end == D(2024, 8, 11)
    assert timeline.protected_period_end.rule_c == D(2025, 12, 31)
    assert listed.notices.filter(kind=NoticeKind.DISPOSAL_NOTICE, recipient="nominator").exists()
    assert listed.notices.filter(kind=NoticeKind.DISPOSAL_NOTICE, recipient="public").exists()

    # 6. The village CIC asks to bid on 2024-07-20: valid, passed to the owner.
    result = services.record_bidder_request(
        actor=people["parish"],
        nomination=listed,
        organisation=cic,
        group_name=cic.name,
        body_kind="community-interest-company",
        received_on=D(2024, 7, 20),
    )
    assert result.counts
    assert result.request.passed_to_owner_on is not None
    assert listed.notices.filter(kind=NoticeKind.BIDDER_REQUEST, recipient="owner").exists()
    timeline = timeline_for(notice)
    assert timeline.full_moratorium_end.rule_c == D(2024, 12, 31)
    assert moratorium_on(listed, D(2024, 10, 1)).code == "full"

    # 7. Exchange with the CIC on 2024-10-01 is allowed; with a developer it is not.
    developer = services.assess_disposal(
        _unsaved(listed, D(2024, 10, 1), "Developer Ltd", "other", False)
    )
    assert developer.warning
    assert "prohibited until 1 January 2025" in " ".join(developer.findings)
    to_cic = services.assess_disposal(
        _unsaved(listed, D(2024, 10, 1), cic.name, "community-interest-company", True)
    )
    assert to_cic.allowed and not to_cic.warning

    # 8. Exchange with the developer on 2025-01-10: allowed; the entry is removed.
    _disposal, assessment = services.record_disposal(
        actor=officer,
        nomination=listed,
        disposal_type="freehold_vacant",
        binding_on=D(2025, 1, 10),
        buyer="Developer Ltd",
        buyer_kind="other",
    )
    assert assessment.allowed and not assessment.warning
    listed.refresh_from_db()
    assert listed.status == CaseStatus.REMOVED
    assert listed.notices.filter(kind=NoticeKind.REMOVED).count() == 4

    # 9. Compensation for delay costs that ended 2024-12-31: claim by 2025-04-01.
    assert claim_in_time(D(2024, 12, 31), D(2025, 4, 1)) == (True, D(2025, 4, 1))
    _claim, in_time = services.record_claim(
        actor=officer,
        nomination=listed,
        claimant="Pubco Estates Ltd",
        loss_description="Interest on the delayed sale.",
        loss_incurred_on=D(2024, 12, 31),
        amount="1200.00",
        evidence="Bank statements.",
        received_on=D(2025, 4, 2),
    )
    assert not in_time

    # Every step is attributed and audited; the status rows are append-only.
    statuses = list(listed.status_changes.values_list("status", "changed_by"))
    assert [s for s, _ in statuses] == ["received", "listed", "removed"]
    assert all(by is not None for _, by in statuses)
    with pytest.raises(ValueError):
        listed.status_changes.first().save()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "rights.nomination_received",
        "rights.nomination_decided",
        "rights.notice_issued",
        "rights.review_requested",
        "rights.review_decided",
        "rights.disposal_notice_received",
        "rights.bidder_request_recorded",
        "rights.disposal_recorded",
        "rights.entry_removed",
        "rights.compensation_claimed",
    } <= actions


def _unsaved(nomination, day, buyer, kind, requested):
    from commonweal.rights.models import Disposal

    return Disposal(
        nomination=nomination,
        disposal_type="freehold_vacant",
        binding_on=day,
        buyer=buyer,
        buyer_kind=kind,
        buyer_requested_to_bid=requested,
    )
