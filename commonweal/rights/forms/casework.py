"""The officer's casework forms: one per action on a case (see views.officer_actions)."""

from django import forms

from commonweal.rights.forms.common import DateField
from commonweal.rights.models import DisposalType, ExemptionBasis, NominatorKind

YES_NO = [("yes", "Yes"), ("no", "No")]
KINDS = [("", "Choose a kind of body")] + [(k.value, k.label) for k in NominatorKind]


class DecideForm(forms.Form):
    title = "Decide the nomination"
    outcome = forms.ChoiceField(
        label="Decision",
        widget=forms.RadioSelect,
        choices=[("list", "List the land"), ("refuse", "Do not list the land")],
        error_messages={"required": "Choose whether to list the land."},
    )
    current_use_finding = forms.CharField(
        required=False,
        label="Finding on the current use (s.88(1))",
        help_text="Whether an actual, non-ancillary use furthers the community's social "
        "wellbeing or interests, and can realistically continue.",
    )
    recent_past_finding = forms.CharField(
        required=False,
        label="Finding on the recent past (s.88(2))",
        help_text="Whether such a use in the recent past could realistically return within "
        "five years.",
    )
    reasons = forms.CharField(
        label="Reasons", error_messages={"required": "Give the reasons for the decision."}
    )
    decided_on = DateField(label="The date of the decision")
    textareas = ("current_use_finding", "recent_past_finding", "reasons")


class DisposalNoticeForm(forms.Form):
    title = "Record the owner's notice of an intended disposal"
    received_on = DateField(label="The date the council received the notice")
    given_by = forms.CharField(max_length=300, required=False, label="Given by (the owner)")
    intended_disposal = forms.CharField(max_length=300, required=False, label="Intended disposal")


class BidderRequestForm(forms.Form):
    title = "Record a request to be treated as a potential bidder"
    group_name = forms.CharField(
        max_length=200, label="The group", error_messages={"required": "Give the group's name."}
    )
    body_kind = forms.ChoiceField(
        choices=KINDS, label="Kind of body", error_messages={"required": "Choose the kind of body."}
    )
    received_on = DateField(label="The date it was received")
    received_by_council = forms.ChoiceField(
        widget=forms.RadioSelect,
        choices=YES_NO,
        label="Did the council itself receive the request?",
        help_text="A request sent only to the owner does not count.",
        error_messages={"required": "Say whether the council received the request."},
    )


class DisposalForm(forms.Form):
    title = "Record a disposal of the land"
    disposal_type = forms.ChoiceField(
        choices=[("", "Choose"), *list(DisposalType.choices)],
        label="Transaction",
        error_messages={"required": "Choose the kind of transaction."},
    )
    lease_years = forms.IntegerField(
        required=False, min_value=1, label="Length of the lease in years (leases only)"
    )
    binding_on = DateField(
        label="The date it became binding",
        help_text="Exchange of contracts, or the date it took place if there was no binding "
        "agreement. For example, 27/3/2024.",
    )
    buyer = forms.CharField(max_length=300, label="Buyer or tenant")
    buyer_kind = forms.ChoiceField(choices=KINDS, label="Kind of buyer")
    buyer_requested_to_bid = forms.BooleanField(
        required=False, label="The buyer is a community interest group that asked to bid"
    )
    exemption = forms.ChoiceField(
        required=False,
        choices=[("", "No exemption claimed"), *list(ExemptionBasis.choices)],
        label="Exemption claimed by the owner",
    )
    exemption_details = forms.CharField(required=False, label="Basis of the exemption claimed")
    option_granted_on = DateField(
        label="The date the option or right was granted (Schedule 3 paragraph 4 only)",
        required=False,
    )
    textareas = ("exemption_details",)


class ReviewRequestForm(forms.Form):
    title = "Record the owner's request for a review"
    requested_on = DateField(label="The date the council received the request")
    notice_given_on = DateField(
        label="The date notice of listing was given to the owner",
        required=False,
        help_text="Leave blank to use the date of the council's notice.",
    )
    longer_period_allowed_until = DateField(
        label="Longer period allowed in writing, until", required=False
    )
    oral_hearing = forms.BooleanField(required=False, label="The owner asked for an oral hearing")


class ReviewDecisionForm(forms.Form):
    title = "Record the review decision"
    outcome = forms.ChoiceField(
        widget=forms.RadioSelect,
        choices=[("upheld", "Listing upheld"), ("removed", "Remove the land from the list")],
        label="Outcome",
        error_messages={"required": "Choose the outcome."},
    )
    reasons = forms.CharField(label="Reasons", error_messages={"required": "Give the reasons."})
    sent_on = DateField(label="The date the decision was sent")
    textareas = ("reasons",)


class AppealForm(forms.Form):
    title = "Record an appeal to the First-tier Tribunal"
    received_on = DateField(label="The date the tribunal received the appeal")
    outcome = forms.ChoiceField(
        widget=forms.RadioSelect,
        required=False,
        choices=[
            ("", "Not decided yet"),
            ("dismissed", "Dismissed: the listing stands"),
            ("allowed", "Allowed: remove the land from the list"),
        ],
        label="Tribunal's outcome",
    )
    decided_on = DateField(label="The date of the tribunal's decision", required=False)


class CompensationForm(forms.Form):
    title = "Record a compensation claim"
    claimant = forms.CharField(max_length=300, label="Claimant")
    loss_description = forms.CharField(label="Loss or expense claimed")
    loss_incurred_on = DateField(
        label="The date the loss was incurred",
        help_text="For a continuing loss, the date it finished. For example, 27/3/2024.",
    )
    amount = forms.DecimalField(
        max_digits=12, decimal_places=2, min_value=0.01, label="Amount claimed (£)"
    )
    evidence = forms.CharField(label="Supporting evidence")
    received_on = DateField(label="The date the claim was received")
    textareas = ("loss_description", "evidence")


class CompensationDecisionForm(forms.Form):
    title = "Decide a compensation claim"
    awarded = forms.DecimalField(
        max_digits=12,
        decimal_places=2,
        min_value=0,
        label="Amount awarded (£)",
        help_text="Enter 0 to refuse the claim. This decides the oldest claim not yet decided.",
        error_messages={"required": "Give the amount awarded (0 to refuse)."},
    )
    reasons = forms.CharField(
        label="Written reasons", error_messages={"required": "Give written reasons."}
    )
    notice_on = DateField(label="The date the decision notice was given")
    textareas = ("reasons",)


class RemoveForm(forms.Form):
    title = "Remove the land from the list"
    reason = forms.CharField(
        label="Reason", error_messages={"required": "Say why the land is being removed."}
    )
    removed_on = DateField(label="The date of removal")
    textareas = ("reason",)


class OwnerForm(forms.Form):
    title = "Link the owner's account"
    email = forms.EmailField(
        label="The owner's email address",
        help_text="They must have an account; they will then see the notices about their land.",
    )


ACTIONS = {
    "decide": DecideForm,
    "disposal-notice": DisposalNoticeForm,
    "bidder-request": BidderRequestForm,
    "disposal": DisposalForm,
    "review": ReviewRequestForm,
    "review-decision": ReviewDecisionForm,
    "appeal": AppealForm,
    "compensation": CompensationForm,
    "compensation-decision": CompensationDecisionForm,
    "remove": RemoveForm,
    "owner": OwnerForm,
}
