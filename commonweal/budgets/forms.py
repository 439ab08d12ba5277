"""Forms for the budgets pages. They collect and tidy input; the services decide."""

from django import forms

from commonweal.budgets import ballot_rules
from commonweal.budgets.counting import PRESETS
from commonweal.budgets.models import AgeCheck, DeliveryStatus
from commonweal.places.models import Area, AreaType

DECISIONS = [
    ("feasible", "Feasible: cost it and put it on the ballot"),
    ("reject", "Not feasible: reject it and publish the reason"),
    ("merge", "A duplicate: merge it into another idea"),
]


class ProcessForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter a title."})
    description = forms.CharField(widget=forms.Textarea, required=False)
    area = forms.ModelChoiceField(
        queryset=Area.objects.none(),
        error_messages={"required": "Choose the area of the first pot."},
    )
    budget = forms.DecimalField(
        min_value=1,
        max_digits=14,
        decimal_places=2,
        error_messages={"required": "Enter the pot's budget in pounds, like 25000."},
    )
    ballot_kind = forms.ChoiceField(choices=[(k, k.capitalize()) for k in ballot_rules.KINDS])
    max_projects = forms.IntegerField(min_value=1, required=False)
    official_rule = forms.ChoiceField(choices=[(name, name) for name in PRESETS])
    min_age = forms.IntegerField(min_value=0, max_value=120, initial=16)
    age_check = forms.ChoiceField(choices=AgeCheck.choices)
    access_code = forms.CharField(max_length=40, required=False)

    def __init__(self, *args, authorities=None, **kwargs):
        super().__init__(*args, **kwargs)
        areas = Area.objects.of_type(
            AreaType.LOCAL_AUTHORITY, AreaType.WARD, AreaType.NEIGHBOURHOOD
        )
        if authorities is not None:
            areas = areas.filter(pk__in=authorities) | areas.filter(authority__in=authorities)
        self.fields["area"].queryset = areas.order_by("area_type", "name")
        self.fields["official_rule"].initial = "equalshares-net"


class IdeaForm(forms.Form):
    pot = forms.ModelChoiceField(queryset=None, empty_label=None)
    title = forms.CharField(max_length=200, required=False)
    description = forms.CharField(widget=forms.Textarea, required=False)
    postcode = forms.CharField(max_length=10, required=False)
    longitude = forms.FloatField(required=False)
    latitude = forms.FloatField(required=False)
    organisation = forms.ModelChoiceField(queryset=None, required=False)
    photo = forms.ImageField(
        required=False,
        error_messages={"invalid_image": "The photo must be a JPEG, PNG or WebP image."},
    )
    photo_description = forms.CharField(max_length=300, required=False)

    def __init__(self, *args, process, user, **kwargs):
        super().__init__(*args, **kwargs)
        from commonweal.directory.models import Membership, Organisation

        self.fields["pot"].queryset = process.pots.all()
        led = Membership.objects.current().filter(user=user, role__in=("leader", "admin"))
        self.fields["organisation"].queryset = Organisation.records.filter(
            pk__in=led.values("organisation_id")
        )


class AssessForm(forms.Form):
    decision = forms.ChoiceField(
        choices=DECISIONS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a decision."},
    )
    cost = forms.CharField(required=False, max_length=20)
    note = forms.CharField(widget=forms.Textarea, required=False)
    into = forms.ModelChoiceField(queryset=None, required=False)

    def __init__(self, *args, idea, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = idea.process.ideas.listed().exclude(pk=idea.pk)


class CommentForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea, required=False)


class EligibilityForm(forms.Form):
    postcode = forms.CharField(max_length=10, required=False)
    dob_day = forms.IntegerField(required=False, min_value=1, max_value=31)
    dob_month = forms.IntegerField(required=False, min_value=1, max_value=12)
    dob_year = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    age_declared = forms.BooleanField(required=False)
    access_code = forms.CharField(max_length=40, required=False)

    def date_of_birth(self):
        from datetime import date

        data = self.cleaned_data
        try:
            return date(data["dob_year"], data["dob_month"], data["dob_day"])
        except (TypeError, ValueError, KeyError):
            return None


def ballot_choices(post, projects) -> dict[str, int]:
    """The choices as the services take them, from the form's p<id> fields (blank is 0)."""
    choices = {}
    for idea in projects:
        raw = (post.get(f"p{idea.pk}") or "").strip()
        if raw.lower() in ("on", "yes"):
            raw = "1"
        try:
            value = int(raw) if raw else 0
        except ValueError:
            value = -1  # refused by the ballot rules with a clear message
        if value:
            choices[str(idea.pk)] = value
    return choices


class PaperForm(forms.Form):
    pot = forms.ModelChoiceField(queryset=None, empty_label=None)
    location = forms.ModelChoiceField(
        queryset=None, error_messages={"required": "Choose where the ballot was cast."}
    )
    serial = forms.CharField(max_length=40, required=False)

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pot"].queryset = process.pots.all()
        self.fields["location"].queryset = process.locations.all()


class LocationForm(forms.Form):
    name = forms.CharField(max_length=200, required=False)


class DeliveryForm(forms.Form):
    status = forms.ChoiceField(choices=DeliveryStatus.choices)
    spent = forms.CharField(max_length=20, required=False)
    milestone = forms.CharField(max_length=200, required=False)
    note = forms.CharField(widget=forms.Textarea, required=False)


def add_errors(form, exc) -> None:
    """Put a service's refusal on the form's fields (or the form itself)."""
    for field, reason in exc.errors.items():
        form.add_error(field if field in form.fields else None, reason)


class PotForm(forms.Form):
    name = forms.CharField(max_length=200, required=False)
    area = forms.ModelChoiceField(
        queryset=Area.objects.none(), error_messages={"required": "Choose the area of the pot."}
    )
    budget = forms.DecimalField(
        min_value=1,
        max_digits=14,
        decimal_places=2,
        error_messages={"required": "Enter the pot's budget in pounds, like 10000."},
    )

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        areas = Area.objects.of_type(
            AreaType.WARD, AreaType.NEIGHBOURHOOD, AreaType.LOCAL_AUTHORITY
        )
        if process.authority_id:
            areas = areas.filter(pk=process.authority_id) | areas.filter(
                authority_id=process.authority_id
            )
        self.fields["area"].queryset = areas.order_by("area_type", "name")
