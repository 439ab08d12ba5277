from django import forms

DATE_HINT = "For example, 27/3/2024 or 2024-03-27."
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d %m %Y", "%d-%m-%Y"]


class DateField(forms.DateField):
    def __init__(self, *, label: str, required: bool = True, help_text: str = DATE_HINT, **kw):
        super().__init__(
            label=label,
            required=required,
            help_text=help_text,
            input_formats=DATE_FORMATS,
            error_messages={
                "required": f"Enter {label.lower()}.",
                "invalid": f"Enter {label.lower()} as a real date, for example 27/3/2024.",
            },
            **kw,
        )


def add_service_error(form: forms.Form, error) -> None:
    """Put a service's refusal on the field it names, or on the form as a whole."""
    errors = getattr(error, "errors", None) or {error.field: error.reason}
    for field, reason in errors.items():
        if field in form.fields:
            form.add_error(field, reason)
        else:
            form.add_error(None, reason)
