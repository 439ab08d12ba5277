"""What a group does or offers. The service checks the details (postcode, web address)."""

from django import forms


class ActivityForm(forms.Form):
    name = forms.CharField(
        label="Name of the activity",
        max_length=200,
        error_messages={"required": "Enter the name of the activity."},
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea, max_length=5000
    )
    schedule = forms.CharField(label="When it happens", required=False, max_length=200)
    postcode = forms.CharField(label="Postcode where it happens", required=False, max_length=10)
    url = forms.CharField(label="Web page", required=False, max_length=200)
    email = forms.CharField(label="Email address for enquiries", required=False, max_length=254)

    def apply_errors(self, errors: dict[str, str]) -> None:
        for field, message in errors.items():
            if field in self.fields and self.has_error(field):
                continue
            self.add_error(field if field in self.fields else None, message)

    @classmethod
    def initial_from(cls, activity) -> dict:
        return {name: getattr(activity, name) for name in cls.base_fields}
