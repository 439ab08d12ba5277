from django import forms

from commonweal.rights.models import NominatorKind


class NominationForm(forms.Form):
    nominator = forms.TypedChoiceField(
        label="Which group is making the nomination?",
        coerce=int,
        error_messages={"required": "Choose the group making the nomination."},
    )
    local_members = forms.IntegerField(
        required=False,
        min_value=0,
        label="How many members are on the electoral register in this borough or a "
        "neighbouring one? (unincorporated groups only)",
        help_text="An unincorporated group needs at least 21.",
        error_messages={"invalid": "Give the number of members as a whole number."},
    )
    distributes_surplus = forms.BooleanField(
        required=False, label="The group distributes profits (surplus) to its members"
    )
    name = forms.CharField(max_length=200, required=False, label="What is the land called?")
    address = forms.CharField(max_length=300, required=False, label="Address (optional)")
    postcode = forms.CharField(max_length=8, required=False, label="Postcode (optional)")
    description = forms.CharField(required=False, label="Describe the land")
    boundary = forms.CharField(
        required=False,
        label="The land's boundary, as GeoJSON",
        help_text="A Polygon drawn on a map (for example at geojson.io) and pasted here. It "
        "need not follow ownership boundaries.",
    )
    occupiers = forms.CharField(
        required=False,
        label="Who occupies the land now?",
        help_text="Names, so far as you know them. Write “Not known” if you do not know.",
    )
    owners = forms.CharField(
        required=False,
        label="Who owns the land (freehold and leasehold)?",
        help_text="Names and current or last-known addresses, so far as you know them. "
        "Write “Not known” if you do not know.",
    )
    reasons = forms.CharField(
        required=False,
        label="Why is the land of community value?",
        help_text="How its use furthers the social wellbeing or social interests (cultural, "
        "recreational, sporting) of the local community, now or in the recent past.",
    )
    eligibility_evidence = forms.CharField(
        required=False,
        label="Evidence that your group may nominate",
        help_text="For example its constitution, charity or company number, and list of members.",
    )
    parish = forms.TypedChoiceField(
        required=False, coerce=int, empty_value=None, label="Parish or town council (optional)"
    )

    def __init__(self, *args, organisations=(), parishes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominator"].choices = [("", "Choose a group")] + [
            (o.pk, o.name) for o in organisations
        ]
        self.fields["parish"].choices = [("", "None")] + [(o.pk, o.name) for o in parishes]


class AskToBidForm(forms.Form):
    organisation = forms.TypedChoiceField(
        label="Which group is asking?",
        coerce=int,
        error_messages={"required": "Choose the group that is asking to bid."},
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", "Choose a group")] + [
            (o.pk, o.name) for o in organisations
        ]


class OwnerNoticeForm(forms.Form):
    intended_disposal = forms.CharField(
        max_length=300,
        label="What do you intend to do?",
        help_text="For example, “Sell the freehold with vacant possession”.",
        error_messages={"required": "Say what disposal you intend."},
    )


KIND_CHOICES = [(k.value, k.label) for k in NominatorKind]
