"""Each officer action: the service it calls with a form's cleaned data, and what to say."""

from commonweal.accounts.models import User
from commonweal.rights import services
from commonweal.rights.models import CompensationOutcome, Review, ReviewOutcome
from commonweal.rights.services.errors import RightsError


def _review(nomination, *, pending: bool | None = None) -> Review:
    reviews = nomination.reviews.all()
    if pending:
        reviews = reviews.filter(outcome=ReviewOutcome.PENDING)
    review = reviews.last()
    if review is None:
        raise RightsError("There is no review to record this against.")
    return review


def run_action(action: str, actor, nomination, data: dict) -> str:
    if action == "decide":
        services.decide(
            actor=actor,
            nomination=nomination,
            listed=data["outcome"] == "list",
            reasons=data["reasons"],
            current_use_finding=data["current_use_finding"],
            recent_past_finding=data["recent_past_finding"],
            decided_on=data["decided_on"],
        )
        return "Decision recorded; the notices have been issued."
    if action == "disposal-notice":
        services.record_disposal_notice(
            actor=actor,
            nomination=nomination,
            received_on=data["received_on"],
            given_by=data["given_by"],
            intended_disposal=data["intended_disposal"],
        )
        return "Owner's notice recorded; the entry, the nominator and the public are told."
    if action == "bidder-request":
        result = services.record_bidder_request(
            actor=actor,
            nomination=nomination,
            group_name=data["group_name"],
            body_kind=data["body_kind"],
            received_on=data["received_on"],
            received_by_council=data["received_by_council"] == "yes",
        )
        return "Request recorded. " + result.explanation
    if action == "disposal":
        _disposal, assessment = services.record_disposal(
            actor=actor,
            nomination=nomination,
            disposal_type=data["disposal_type"],
            lease_years=data["lease_years"],
            binding_on=data["binding_on"],
            buyer=data["buyer"],
            buyer_kind=data["buyer_kind"],
            buyer_requested_to_bid=data["buyer_requested_to_bid"],
            exemption=data["exemption"],
            exemption_details=data["exemption_details"],
            option_granted_on=data["option_granted_on"],
        )
        return "Disposal recorded. " + " ".join(assessment.findings)
    if action == "review":
        services.request_review(
            actor=actor,
            nomination=nomination,
            requested_on=data["requested_on"],
            notice_given_on=data["notice_given_on"],
            longer_period_allowed_until=data["longer_period_allowed_until"],
            oral_hearing=data["oral_hearing"],
        )
        return "Review request recorded."
    if action == "review-decision":
        services.decide_review(
            actor=actor,
            review=_review(nomination, pending=True),
            upheld=data["outcome"] == "upheld",
            reasons=data["reasons"],
            sent_on=data["sent_on"],
        )
        return "Review decision recorded and sent to the owner."
    if action == "appeal":
        review = _review(nomination)
        review, in_time = services.record_appeal(
            actor=actor, review=review, received_on=data["received_on"]
        )
        if data["outcome"]:
            services.decide_appeal(
                actor=actor,
                review=review,
                allowed=data["outcome"] == "allowed",
                decided_on=data["decided_on"],
            )
        return "Appeal recorded." + (
            "" if in_time else " It was late: the tribunal must grant an extension."
        )
    if action == "compensation":
        _claim, in_time = services.record_claim(
            actor=actor,
            nomination=nomination,
            claimant=data["claimant"],
            loss_description=data["loss_description"],
            loss_incurred_on=data["loss_incurred_on"],
            amount=data["amount"],
            evidence=data["evidence"],
            received_on=data["received_on"],
        )
        return "Claim recorded." + (
            "" if in_time else " It arrived after the end of 13 weeks after the loss: out of time."
        )
    if action == "compensation-decision":
        claim = nomination.compensation_claims.filter(outcome=CompensationOutcome.PENDING).first()
        if claim is None:
            raise RightsError("There is no undecided compensation claim.", "awarded")
        claim = services.decide_claim(
            actor=actor,
            claim=claim,
            awarded=data["awarded"],
            reasons=data["reasons"],
            notice_on=data["notice_on"],
        )
        return f"{claim}: {claim.get_outcome_display().lower()}."
    if action == "remove":
        services.remove_from_list(
            actor=actor, nomination=nomination, reason=data["reason"], removed_on=data["removed_on"]
        )
        return "The land is removed from the list; the notices have been issued."
    if action == "owner":
        owner = User.objects.filter(email__iexact=data["email"], is_active=True).first()
        if owner is None:
            raise RightsError("Nobody has an account with that email address.", "email")
        services.link_owner(actor=actor, nomination=nomination, owner_user=owner)
        return f"{owner} is linked as the owner and can see the notices about the land."
    raise RightsError("No such action.")
