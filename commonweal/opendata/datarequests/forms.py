"""Forms for the requests log (no JavaScript needed)."""

from django import forms

from commonweal.directory.models import Organisation
from commonweal.opendata.datarequests.models import CLOSED, Status

COUNCIL = "council"


def _bodies(authority):
    return Organisation.records.filter(authority=authority).exclude(status="withdrawn")


class RequestForm(forms.Form):
    body = forms.ChoiceField(label="Public body asked")
    subject = forms.CharField(
        max_length=300,
        label="What data was asked for",
        error_messages={"required": "Say what data was asked for."},
    )
    details = forms.CharField(required=False, label="More detail (optional)", widget=forms.Textarea)
    received_on = forms.DateField(
        label="Date received",
        error_messages={
            "required": "Enter the date the request was received.",
            "invalid": "Enter the date received as a real date, for example 2025-03-27.",
        },
    )
    requester_name = forms.CharField(max_length=200, required=False, label="Requester's name")
    requester_email = forms.EmailField(
        required=False,
        label="Requester's email address (never published)",
        error_messages={"invalid": "Enter an email address like name@example.org."},
    )
    show_name = forms.BooleanField(
        required=False, label="The requester agrees to their name being shown in the public log"
    )

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.authority = authority
        self.fields["body"].choices = [(COUNCIL, f"{authority.name} Council")] + [
            (str(o.pk), o.name) for o in _bodies(authority)
        ]

    def details_for_service(self) -> dict:
        data = dict(self.cleaned_data)
        body = data.pop("body")
        data["body_council"] = self.authority if body == COUNCIL else None
        data["body_organisation"] = (
            None if body == COUNCIL else _bodies(self.authority).filter(pk=body).first()
        )
        return data


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(s.value, s.label) for s in Status if s in CLOSED], label="What happened"
    )
    answered_on = forms.DateField(
        label="Date of the answer",
        error_messages={
            "required": "Enter the date of the answer.",
            "invalid": "Enter the date of the answer as a real date, for example 2025-04-24.",
        },
    )
    answer = forms.CharField(required=False, label="The answer, in short", widget=forms.Textarea)
    refusal_reason = forms.CharField(
        required=False, label="Reason for refusing (if refused)", widget=forms.Textarea
    )
    dataset_url = forms.URLField(
        required=False,
        label="Address of the dataset published",
        assume_scheme="https",
        error_messages={"invalid": "Enter a full web address, starting https://."},
    )


class DatasetChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title} ({obj.publisher})"


def add_dataset_field(form) -> None:
    from commonweal.datasets.models import DataSet

    form.fields["dataset"] = DatasetChoice(
        queryset=DataSet.objects.order_by("title", "-id"),
        required=False,
        empty_label="None",
        label="Or a dataset held here",
    )


class FilterForm(forms.Form):
    body = forms.ChoiceField(required=False, label="Public body")
    status = forms.ChoiceField(
        required=False, choices=[("", "Any status"), *Status.choices], label="Status"
    )
    year = forms.IntegerField(required=False, min_value=2000, max_value=2100, label="Year received")

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].choices = [("", "Any body"), *bodies]
