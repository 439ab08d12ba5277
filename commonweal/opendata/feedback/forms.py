"""The feedback forms. Values are checked again by the services, which have the last word."""

from django import forms

from commonweal.opendata.feedback.engine.machine import Status
from commonweal.opendata.feedback.models import Provider, ReportKind, Sector, Service
from commonweal.opendata.feedback.models.reports import STATUS_LABELS


def _choices(rows, value, label, blank: str | None = None) -> list[tuple[str, str]]:
    found = [(str(value(r)), label(r)) for r in rows]
    return [("", blank), *found] if blank is not None else found


class ReportForm(forms.Form):
    service = forms.ChoiceField(
        label="Which service is it about?", error_messages={"required": "Choose the service."}
    )
    kind = forms.ChoiceField(
        label="What is it?",
        choices=ReportKind.choices,
        initial=ReportKind.REPORT,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether this is a problem, a question or a complaint."},
    )
    group = forms.ChoiceField(label="Who is raising it?", required=False, widget=forms.RadioSelect)
    postcode = forms.CharField(label="Postcode", required=False, max_length=12)
    lon = forms.CharField(label="Longitude", required=False, max_length=30)
    lat = forms.CharField(label="Latitude", required=False, max_length=30)
    title = forms.CharField(
        label="Title", max_length=150, error_messages={"required": "Enter a short title."}
    )
    description = forms.CharField(
        label="What is the problem, question or complaint?",
        widget=forms.Textarea,
        max_length=5000,
        error_messages={"required": "Say what the problem, question or complaint is."},
    )

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = _choices(
            Service.objects.all(), lambda s: s.slug, lambda s: s.name, blank="Choose a service"
        )
        self.groups = list(groups)
        self.fields["group"].choices = [("", "Myself, as a resident")] + [
            (str(g.pk), f"{g.name}, a group I run") for g in self.groups
        ]

    def chosen_group(self):
        value = self.cleaned_data.get("group")
        return next((g for g in self.groups if str(g.pk) == value), None)

    def chosen_service(self):
        return Service.objects.filter(slug=self.cleaned_data.get("service")).first()


class NoteForm(forms.Form):
    note = forms.CharField(label="Note", widget=forms.Textarea, required=False, max_length=5000)


class RouteForm(forms.Form):
    provider = forms.ChoiceField(
        label="Provider", error_messages={"required": "Choose the provider to send it to."}
    )
    note = forms.CharField(label="Note", widget=forms.Textarea, required=False, max_length=5000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.providers = list(Provider.objects.select_related("organisation"))
        self.fields["provider"].choices = _choices(
            self.providers, lambda p: p.pk, lambda p: p.name, blank="Choose a provider"
        )

    def chosen_provider(self):
        return next((p for p in self.providers if str(p.pk) == self.cleaned_data["provider"]), None)


class CollectForm(forms.Form):
    group = forms.ChoiceField(
        label="Which group is collecting support?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the group collecting support."},
    )

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = list(groups)
        self.fields["group"].choices = [(str(g.pk), g.name) for g in self.groups]

    def chosen_group(self):
        return next((g for g in self.groups if str(g.pk) == self.cleaned_data["group"]), None)


class SupportForm(forms.Form):
    name = forms.CharField(label="Your name", max_length=150, required=False)
    consent = forms.BooleanField(
        label="I agree to add my name",
        error_messages={"required": "Tick the box to say you agree to add your name."},
    )


class FilterForm(forms.Form):
    area = forms.CharField(label="Area code", required=False, max_length=32)
    service = forms.ChoiceField(label="Service", required=False)
    provider = forms.ChoiceField(label="Provider", required=False)
    status = forms.ChoiceField(label="Status", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = _choices(
            Service.objects.all(), lambda s: s.slug, lambda s: s.name, blank="Any service"
        )
        self.fields["provider"].choices = _choices(
            Provider.objects.select_related("organisation"),
            lambda p: p.organisation.slug,
            lambda p: p.name,
            blank="Any provider",
        )
        self.fields["status"].choices = [("", "Any status")] + [
            (s.value, STATUS_LABELS[s]) for s in Status
        ]


class ServiceForm(forms.Form):
    name = forms.CharField(
        label="Name of the service", max_length=150, error_messages={"required": "Enter a name."}
    )
    description = forms.CharField(
        label="What it covers", required=False, max_length=2000, widget=forms.Textarea
    )


class ProviderForm(forms.Form):
    organisation = forms.ChoiceField(
        label="Organisation", error_messages={"required": "Choose the organisation."}
    )
    sector = forms.ChoiceField(
        label="Sector",
        choices=[("", "Choose a sector"), *Sector.choices],
        error_messages={"required": "Choose the provider's sector."},
    )
    acknowledge_days = forms.IntegerField(
        label="Acknowledge within (working days)", min_value=1, max_value=60, required=False
    )
    respond_days = forms.IntegerField(
        label="Respond within (working days)", min_value=1, max_value=120, required=False
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = list(organisations)
        self.fields["organisation"].choices = [("", "Choose an organisation")] + [
            (o.slug, o.name) for o in self.organisations
        ]

    def chosen_organisation(self):
        value = self.cleaned_data.get("organisation")
        return next((o for o in self.organisations if o.slug == value), None)


class ResponsibilityForm(forms.Form):
    service = forms.ChoiceField(label="Service", error_messages={"required": "Choose the service."})
    area = forms.CharField(
        label="Area code", max_length=32, error_messages={"required": "Enter the area's code."}
    )
    provider = forms.ChoiceField(
        label="Provider", error_messages={"required": "Choose the provider."}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = _choices(
            Service.objects.all(), lambda s: s.slug, lambda s: s.name, blank="Choose a service"
        )
        self.fields["provider"].choices = _choices(
            Provider.objects.select_related("organisation"),
            lambda p: p.organisation.slug,
            lambda p: p.name,
            blank="Choose a provider",
        )
