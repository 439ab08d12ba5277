"""Forms for links and consortia. Which groups may be chosen is the services' business:
the forms only collect what was asked for, so the services give the reason for a no."""

from django import forms

from commonweal.directory.models.links import LinkKind


class SlugsField(forms.MultipleChoiceField):
    """Groups chosen by slug from the offered ones; any slug is passed on to be checked."""

    def valid_value(self, value) -> bool:
        return True


class LinkForm(forms.Form):
    target = forms.CharField(
        label="Group to link to",
        max_length=220,
        error_messages={"required": "Choose the group to link to."},
    )
    kind = forms.ChoiceField(
        label="Kind of link",
        choices=LinkKind.choices,
        error_messages={
            "required": "Choose partnership or umbrella support.",
            "invalid_choice": "Choose partnership or umbrella support.",
        },
    )
    description = forms.CharField(label="Description (optional)", max_length=300, required=False)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.target_choices = list(choices)


class ConsortiumForm(forms.Form):
    name = forms.CharField(
        label="Name of the consortium",
        max_length=200,
        error_messages={"required": "Give the consortium a name."},
    )
    purpose = forms.CharField(label="Purpose (optional)", required=False, max_length=2000)
    members = SlugsField(label="Members", required=False)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = list(choices)


class MemberForm(forms.Form):
    organisation = forms.CharField(
        label="Group to add",
        max_length=220,
        error_messages={"required": "Choose the group to add."},
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_choices = list(choices)
