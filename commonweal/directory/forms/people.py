"""The people of a group: the leader's published contact, and members' roles."""

from django import forms

from commonweal.directory.models import GroupRole


class LeaderContactForm(forms.Form):
    agreed = forms.BooleanField(required=False)
    public_name = forms.CharField(label="Name to publish", required=False, max_length=150)
    public_email = forms.CharField(label="Email address to publish", required=False, max_length=254)
    public_phone = forms.CharField(label="Phone number to publish", required=False, max_length=30)

    def apply_errors(self, errors: dict[str, str]) -> None:
        for field, message in errors.items():
            self.add_error(field if field in self.fields else None, message)


class MemberForm(forms.Form):
    """One action on one member: change their role, or remove them from the group."""

    membership = forms.IntegerField(
        widget=forms.HiddenInput, error_messages={"required": "Choose a member."}
    )
    action = forms.ChoiceField(choices=[("role", "Change role"), ("remove", "Remove")])
    role = forms.ChoiceField(
        required=False,
        choices=GroupRole.choices,
        error_messages={"invalid_choice": "Choose leader, administrator or member."},
    )
