"""Forms for the officers' pages. They check what a person typed; the services decide.

Errors are worded for the GOV.UK error summary. A DirectoryError from a service is put
back on the field it names (see `add_service_error`).
"""

from django import forms

from commonweal.directory.models import ClassificationChoice, InterestTag


class VerifyForm(forms.Form):
    action = "verify"
    note = forms.CharField(
        required=False,
        max_length=1000,
        label="Note (optional)",
        help_text="What you checked, for the record. For example, “Met the group at its AGM”.",
    )


class WithdrawForm(forms.Form):
    action = "withdraw"
    reason = forms.CharField(
        max_length=1000,
        label="Reason",
        help_text="This is kept with the entry's history. Say what the group would need to do.",
        error_messages={"required": "Say why the entry is being refused or withdrawn."},
    )


class OverrideForm(forms.Form):
    action = "override"
    classification = forms.ChoiceField(
        label="Classification",
        widget=forms.RadioSelect,
        choices=[
            (ClassificationChoice.COMMUNITY_LED.value, ClassificationChoice.COMMUNITY_LED.label),
            (ClassificationChoice.PROVIDER.value, ClassificationChoice.PROVIDER.label),
        ],
        error_messages={
            "required": "Choose community-led or service provider.",
            "invalid_choice": "Choose community-led or service provider.",
        },
    )
    justification = forms.CharField(
        max_length=2000,
        label="Justification",
        help_text="Why the figures do not tell the whole story. At least 10 characters.",
        error_messages={"required": "Say why the classification should be overridden."},
    )


class ClearOverrideForm(forms.Form):
    action = "clear"
    reason = forms.CharField(
        max_length=2000,
        label="Reason for removing the override",
        error_messages={"required": "Say why the override is being removed."},
    )


class ConductForm(forms.Form):
    title = forms.CharField(
        max_length=200, label="Title", error_messages={"required": "Give the code a title."}
    )
    text = forms.CharField(
        label="Full text of the code",
        help_text="Write out the whole code, not only what has changed.",
        error_messages={"required": "Write out the code in full."},
    )
    summary_of_changes = forms.CharField(
        max_length=500,
        label="Summary of changes",
        help_text="Groups see this when they are asked to accept the new version.",
        error_messages={"required": "Say what has changed since the current version."},
    )

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current

    def clean(self):
        cleaned = super().clean()
        text = (cleaned.get("text") or "").strip()
        if self.current is not None and text and text == self.current.text.strip():
            # A copy of the current text would ask every group to accept again for nothing.
            self.add_error("text", "Change the text: it is the same as the current version.")
        return cleaned


class AddTagForm(forms.Form):
    action = "add"
    name = forms.CharField(
        max_length=100,
        label="Name",
        help_text="For example, “Deaf community” or “Polish speakers”.",
        error_messages={"required": "Give the community of interest a name."},
    )
    description = forms.CharField(required=False, max_length=300, label="Description (optional)")
    parent = forms.ModelChoiceField(
        queryset=InterestTag.objects.none(),
        required=False,
        to_field_name="slug",
        label="Part of (optional)",
        empty_label="None: a community of interest on its own",
        error_messages={"invalid_choice": "Choose a community of interest from the list."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = InterestTag.objects.current()


class RetireTagForm(forms.Form):
    action = "retire"
    tag = forms.ModelChoiceField(
        queryset=InterestTag.objects.none(),
        to_field_name="slug",
        label="Community of interest to retire",
        empty_label="Choose one",
        error_messages={
            "required": "Choose the community of interest to retire.",
            "invalid_choice": "Choose a community of interest that is still in use.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].queryset = InterestTag.objects.current()


def add_service_error(form: forms.Form, error) -> None:
    """Show a service's refusal on the field it names, or at the top of the form."""
    errors = getattr(error, "errors", None) or {getattr(error, "field", ""): error.reason}
    for field, reason in errors.items():
        form.add_error(field if field in form.fields else None, reason)


def add_page_error(form: forms.Form, message: str) -> None:
    """A problem with the whole post (it named no action), shown on a form left empty."""
    form.full_clean()  # an unbound form: no field errors, but somewhere to put this one
    form.cleaned_data = {}
    form.add_error(None, message)


def bound_for(request, *form_classes, **kwargs) -> tuple[dict, forms.Form | None]:
    """One form per action on a page: the one named by the posted `action` is bound."""
    posted = request.POST.get("action") if request.method == "POST" else None
    forms_by_action, bound = {}, None
    for form_class in form_classes:
        extra = kwargs.get(form_class.action, {})
        if form_class.action == posted:
            bound = form_class(request.POST, **extra)
            forms_by_action[form_class.action] = bound
        else:
            forms_by_action[form_class.action] = form_class(**extra)
    return forms_by_action, bound
