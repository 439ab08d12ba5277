"""Forms for the right to challenge's pages. They check what a person typed; the services
decide. Errors are worded for the GOV.UK error summary."""

from django import forms

from commonweal.rights.challenge import engine
from commonweal.rights.challenge.models import PeriodUnit

EMPLOYEES = "employees"


def _date(label: str, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text or "For example, 2025-03-27",
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"],
        error_messages={
            "required": f"Enter {label.lower()}.",
            "invalid": f"Enter {label.lower()} as a real date, for example 2025-03-27.",
        },
    )


class ExpressionForm(forms.Form):
    body = forms.ChoiceField(
        label="Who is expressing an interest?",
        error_messages={"required": "Choose your group, or two or more employees."},
    )
    employee_names = forms.CharField(
        required=False,
        label="The employees' names (for two or more employees)",
        help_text="One name on each line. At least two of the council's employees.",
        widget=forms.Textarea,
    )
    service_and_area = forms.CharField(
        required=False,
        label="The service, and the area it covers",
        widget=forms.Textarea,
    )
    financial_resources = forms.CharField(
        required=False, label="Your financial resources", widget=forms.Textarea
    )
    capability = forms.CharField(
        required=False,
        label="How you will be able to provide the service by the time of a procurement exercise",
        widget=forms.Textarea,
    )
    outcomes = forms.CharField(
        required=False,
        label="The outcomes: well-being and the needs of the people who use the service",
        widget=forms.Textarea,
    )
    consortium = forms.BooleanField(
        required=False, label="We will work with a consortium or sub-contractors"
    )
    consortium_details = forms.CharField(
        required=False,
        label="For each consortium member and sub-contractor: its finances and capability",
        widget=forms.Textarea,
    )
    employee_engagement = forms.CharField(
        required=False,
        label="For employees: how you will involve other employees affected",
        widget=forms.Textarea,
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        self.fields["body"].choices = [
            *((str(o.pk), o.name) for o in organisations),
            (EMPLOYEES, "Two or more employees of the council"),
        ]

    def names(self) -> list[str]:
        text = self.cleaned_data.get("employee_names") or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def organisation(self):
        return self.organisations.get(self.cleaned_data.get("body"))


class ServiceForm(forms.Form):
    name = forms.CharField(
        max_length=200, label="Name of the service", error_messages={"required": "Enter a name."}
    )
    description = forms.CharField(required=False, label="Description", widget=forms.Textarea)
    area_covered = forms.CharField(required=False, max_length=300, label="Area it covers")
    excluded_basis = forms.CharField(
        required=False,
        label="Excluded from the right to challenge? The legal basis",
        help_text="Leave blank for a relevant service. For an excluded one, the paragraph of "
        "SI 2012/1313 Schedule 2 that excludes it.",
        widget=forms.Textarea,
    )
    decision_period = forms.IntegerField(
        min_value=1,
        max_value=36,
        initial=3,
        label="Longest time to decide",
        error_messages={"required": "Enter the longest time to decide."},
    )
    decision_period_unit = forms.ChoiceField(
        choices=PeriodUnit.choices, initial="months", label="Unit"
    )
    procurement_min_period = forms.IntegerField(
        min_value=1,
        max_value=36,
        initial=6,
        label="Shortest time between accepting and starting a procurement exercise",
        error_messages={"required": "Enter the shortest time before procurement starts."},
    )
    procurement_min_period_unit = forms.ChoiceField(
        choices=PeriodUnit.choices, initial="months", label="Unit"
    )


class WindowForm(forms.Form):
    opens = _date("The date the window opens")
    closes = _date("The date the window closes")
    note = forms.CharField(required=False, max_length=300, label="Note (optional)")


class AcceptForm(forms.Form):
    action = "accept"
    reasons = forms.CharField(required=False, label="Notes on the decision", widget=forms.Textarea)


class TimetableForm(forms.Form):
    action = "timetable"
    expected_decision_on = _date("The date the council expects to decide")


class AnswerForm(forms.Form):
    action = "answer"
    agreed = forms.ChoiceField(
        label="Do you agree to the modification?",
        choices=[("yes", "Yes, we agree"), ("no", "No, we do not agree")],
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether you agree to the modification."},
    )
    note = forms.CharField(required=False, label="Anything to add (optional)")


class ProcurementForm(forms.Form):
    action = "procurement"
    started_on = _date("The date the procurement exercise started")


class GroundsForm(forms.Form):
    """Reject (or propose a modification) on one or more statutory grounds, with reasons."""

    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        for ground, label in engine.GROUNDS.items():
            self.fields[f"ground_{ground.value}"] = forms.BooleanField(required=False, label=label)
            self.fields[f"reasons_{ground.value}"] = forms.CharField(
                required=False, label=f"Reasons: {label.lower()}", widget=forms.Textarea
            )
        if action == "modify":
            self.fields["proposal"] = forms.CharField(
                label="The modification proposed",
                widget=forms.Textarea,
                error_messages={"required": "Say what the modification is."},
            )

    def grounds(self) -> dict[str, str]:
        return {
            ground.value: self.cleaned_data.get(f"reasons_{ground.value}", "")
            for ground in engine.GROUNDS
            if self.cleaned_data.get(f"ground_{ground.value}")
        }

    def rows(self):
        for ground in engine.GROUNDS:
            yield self[f"ground_{ground.value}"], self[f"reasons_{ground.value}"]
