"""Forms for accounts, with error messages in plain English (GOV.UK style)."""

from django import forms
from django.contrib.auth import forms as auth_forms

from commonweal.accounts.models import Role
from commonweal.accounts.services import GRANTABLE_ROLES
from commonweal.places.models import Area


class SignUpForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    display_name = forms.CharField(
        label="Your name (optional)",
        max_length=150,
        required=False,
        help_text="Shown to others when you take part, for example as a group member.",
    )
    password1 = forms.CharField(
        label="Create a password",
        strip=False,
        widget=forms.PasswordInput,
        help_text="At least 8 characters. Avoid common words and passwords.",
        error_messages={"required": "Enter a password"},
    )
    password2 = forms.CharField(
        label="Enter the password again",
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": "Enter the password again"},
    )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The passwords do not match")
        return cleaned


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Your current password"
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = "At least 8 characters."
        self.fields["new_password2"].label = "Enter the new password again"
        self.error_messages = {
            **self.error_messages,
            "password_incorrect": "Your current password is not right",
            "password_mismatch": "The new passwords do not match",
        }


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = "At least 8 characters."
        self.fields["new_password2"].label = "Enter the new password again"
        self.error_messages = {
            **self.error_messages,
            "password_mismatch": "The passwords do not match",
        }


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].error_messages = {
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        }


class FindPersonForm(forms.Form):
    email = forms.CharField(
        label="Email address, or part of it",
        max_length=254,
        error_messages={"required": "Enter an email address to search for"},
    )


class GrantRoleForm(forms.Form):
    role = forms.ChoiceField(
        label="Role",
        choices=[("", "Choose a role")] + [(role.value, role.label) for role in GRANTABLE_ROLES],
        error_messages={"required": "Choose a role to give"},
    )
    authority = forms.ModelChoiceField(
        label="Local authority (optional)",
        queryset=Area.objects.none(),
        required=False,
        empty_label="Every local authority",
        help_text="For council officers, community organisers and assessors.",
    )
    scope_type = forms.CharField(
        label="Group type (group leaders only)", max_length=100, required=False
    )
    scope_id = forms.CharField(
        label="Group reference (group leaders only)", max_length=100, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = Area.objects.authorities().order_by("name")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.GROUP_LEADER and not cleaned.get("scope_type"):
            cleaned["scope_type"] = "directory.group"
        return cleaned


class EraseAccountForm(forms.Form):
    password = forms.CharField(
        label="Enter your password to confirm",
        strip=False,
        required=False,
        widget=forms.PasswordInput,
    )
    confirm = forms.CharField(label='Type "erase" to confirm', required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        del self.fields["confirm" if user.has_usable_password() else "password"]

    def clean(self):
        from commonweal.accounts.erasure import confirms_erasure

        cleaned = super().clean()
        if self.user.has_usable_password():
            if not confirms_erasure(self.user, password=cleaned.get("password", "")):
                self.add_error("password", "Enter your current password")
        elif not confirms_erasure(self.user, typed=cleaned.get("confirm", "")):
            self.add_error("confirm", 'Type the word "erase"')
        return cleaned


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="What is the token for?",
        max_length=100,
        help_text="For example, the name of the system that will use it.",
        error_messages={"required": "Enter what the token is for"},
    )
