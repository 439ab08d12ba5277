"""What the right to bid holds about a person, for their download and their erasure."""

ERASED_NAME = "[name erased]"


def personal_data(user) -> dict:
    from commonweal.rights.models import Nomination

    return {
        "nominations_sent": [
            {"reference": n.reference, "land": n.name, "received_on": n.received_on.isoformat()}
            for n in Nomination.objects.filter(created_by=user)
        ],
        "land_owned": [
            {"reference": n.reference, "land": n.name, "status": n.status}
            for n in Nomination.objects.filter(owner_user=user)
        ],
    }


def _names(user) -> list[str]:
    """How the person may be named in a case's free text: their display name and email."""
    return [name for name in {(user.display_name or "").strip(), user.email or ""} if name]


def _scrub(text: str, names: list[str]) -> str:
    for name in names:
        text = text.replace(name, ERASED_NAME)
    return text


def erase_person(user) -> None:
    """Pseudonymise the person in every case while keeping the statutory record (ss.87-88,
    reg 7): the list entry, the decision and its reasons, the notices and the dates stay; the
    links to the person go, and where their name was written into a case (the owner who gave
    notice, a claimant, a notice's addressee) it becomes '[name erased]'. Who did what as an
    officer stays, as the audit trail does."""
    from commonweal.rights.models import (
        BidderRequest,
        CompensationClaim,
        DisposalNotice,
        Nomination,
        Notice,
    )

    mine = Nomination.objects.filter(created_by=user) | Nomination.objects.filter(owner_user=user)
    cases = list(mine.values_list("pk", flat=True))
    Nomination.objects.filter(created_by=user).update(created_by=None)
    Nomination.objects.filter(owner_user=user).update(owner_user=None)
    # A group's request to bid: the person who sent it is the requester.
    BidderRequest.objects.filter(recorded_by=user, organisation__isnull=False).update(
        recorded_by=None
    )
    names = _names(user)
    if not names or not cases:
        return
    for notice in DisposalNotice.objects.filter(nomination_id__in=cases):
        scrubbed = _scrub(notice.given_by, names)
        if scrubbed != notice.given_by:
            DisposalNotice.objects.filter(pk=notice.pk).update(given_by=scrubbed)
    for claim in CompensationClaim.objects.filter(nomination_id__in=cases):
        scrubbed = _scrub(claim.claimant, names)
        if scrubbed != claim.claimant:
            CompensationClaim.objects.filter(pk=claim.pk).update(claimant=scrubbed)
    for notice in Notice.objects.filter(nomination_id__in=cases):
        name = _scrub(notice.recipient_name, names)
        paragraphs = [_scrub(p, names) for p in notice.paragraphs]
        if name != notice.recipient_name or paragraphs != notice.paragraphs:
            Notice.objects.filter(pk=notice.pk).update(recipient_name=name, paragraphs=paragraphs)
