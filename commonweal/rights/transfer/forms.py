"""Forms for asset transfer's pages. They check what a person typed; the services decide."""

from django import forms

from commonweal.rights.transfer.models import Tenure

TENURES = [(Tenure.FREEHOLD.value, "Freehold"), (Tenure.LEASE.value, "A lease")]
CRITERIA_ROWS = 4


class RequestForm(forms.Form):
    organisation = forms.ChoiceField(
        label="Which group is asking?", error_messages={"required": "Choose your group."}
    )
    proposed_use = forms.CharField(
        label="What would you use it for?",
        widget=forms.Textarea,
        error_messages={"required": "Say what you would use the asset for."},
    )
    business_case = forms.CharField(
        label="Your business case",
        help_text="How you will pay for running it, repairs and insurance, and who will do "
        "the work.",
        widget=forms.Textarea,
        error_messages={"required": "Give your business case."},
    )
    proposed_tenure = forms.ChoiceField(
        label="Would you take the freehold or a lease?",
        choices=TENURES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose freehold or a lease."},
    )
    proposed_lease_years = forms.IntegerField(
        required=False, min_value=1, max_value=999, label="For a lease: how many years?"
    )
    proposed_rent = forms.DecimalField(
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        label="Rent you offer a year (£)",
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        self.fields["organisation"].choices = [(str(o.pk), o.name) for o in organisations]


class JointForm(RequestForm):
    """Completing a joint request: the groups are already named."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["organisation"]


class OfferForm(forms.Form):
    title = forms.CharField(
        max_length=200, label="Title", error_messages={"required": "Give a title."}
    )
    description = forms.CharField(required=False, label="Description", widget=forms.Textarea)
    closes_on = forms.DateField(
        required=False,
        label="Last day for requests (optional)",
        help_text="For example, 2026-03-31",
        error_messages={"invalid": "Enter the last day as a real date, for example 2026-03-31."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for index in range(1, CRITERIA_ROWS + 1):
            self.fields[f"criterion_{index}"] = forms.CharField(
                required=False, max_length=200, label=f"Criterion {index}"
            )
            self.fields[f"weight_{index}"] = forms.IntegerField(
                required=False,
                min_value=1,
                max_value=10,
                initial=1,
                label=f"Weight of criterion {index}",
            )

    def criteria(self) -> list[dict]:
        return [
            {
                "name": self.cleaned_data.get(f"criterion_{i}") or "",
                "weight": self.cleaned_data.get(f"weight_{i}") or 1,
                "max_score": 5,
            }
            for i in range(1, CRITERIA_ROWS + 1)
        ]

    def rows(self):
        for index in range(1, CRITERIA_ROWS + 1):
            yield self[f"criterion_{index}"], self[f"weight_{index}"]


class InviteForm(forms.Form):
    organisations = forms.MultipleChoiceField(
        label="Groups to invite",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least two groups."},
    )
    invitation = forms.CharField(
        label="Why they are invited to bid together",
        widget=forms.Textarea,
        error_messages={"required": "Say why the groups are invited to bid together."},
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].choices = choices


class ScoreForm(forms.Form):
    action = "score"
    criterion = forms.IntegerField(widget=forms.HiddenInput)
    score = forms.IntegerField(
        min_value=0, max_value=100, label="Score", error_messages={"required": "Give a score."}
    )
    notes = forms.CharField(
        label="Notes",
        widget=forms.Textarea,
        error_messages={"required": "Give notes on the score."},
    )


class ApproveForm(forms.Form):
    action = "approve"
    tenure = forms.ChoiceField(
        label="Terms",
        choices=TENURES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose freehold or a lease."},
    )
    lease_years = forms.IntegerField(
        required=False, min_value=1, max_value=999, label="Lease length in years"
    )
    annual_rent = forms.DecimalField(
        required=False, min_value=0, max_digits=12, decimal_places=2, label="Rent a year (£)"
    )
    market_value = forms.DecimalField(
        min_value=0,
        max_digits=14,
        decimal_places=2,
        label="Market value (£)",
        error_messages={"required": "Give the market value."},
    )
    consideration = forms.DecimalField(
        min_value=0,
        max_digits=14,
        decimal_places=2,
        label="Price or premium the group pays (£)",
        error_messages={"required": "Give what the group pays (0 if nothing)."},
    )
    reasons = forms.CharField(
        label="Reasons for the decision",
        widget=forms.Textarea,
        error_messages={"required": "Give the reasons for the decision."},
    )


class RefuseForm(forms.Form):
    action = "refuse"
    reasons = forms.CharField(
        label="Reasons for refusing",
        widget=forms.Textarea,
        error_messages={"required": "Give the reasons for refusing."},
    )


class AssetForm(forms.Form):
    """One asset added to the council's register by hand (no register file published)."""

    asset_code = forms.CharField(
        max_length=60,
        label="Asset code",
        help_text="The council's own reference for the asset.",
        error_messages={"required": "Give the asset's code."},
    )
    name = forms.CharField(
        max_length=300, label="Name", error_messages={"required": "Give the asset's name."}
    )
    street_number = forms.CharField(max_length=40, required=False, label="Number (optional)")
    street_name = forms.CharField(max_length=200, required=False, label="Street (optional)")
    post_town = forms.CharField(max_length=100, required=False, label="Town (optional)")
    postcode = forms.CharField(max_length=8, required=False, label="Postcode (optional)")
    tenure_type = forms.ChoiceField(
        required=False,
        label="Tenure (optional)",
        choices=[("", "Not given"), ("Freehold", "Freehold"), ("Leasehold", "Leasehold")],
    )
    holding_type = forms.CharField(
        max_length=40, required=False, label="Holding (optional)", help_text="For example, Land"
    )
    longitude = forms.FloatField(
        required=False, min_value=-180, max_value=180, label="Longitude (optional)"
    )
    latitude = forms.FloatField(
        required=False, min_value=-90, max_value=90, label="Latitude (optional)"
    )
