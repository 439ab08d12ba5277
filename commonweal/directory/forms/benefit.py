"""Where a group works (its areas of benefit) and the communities of interest it serves."""

from django import forms

from commonweal.directory.models import InterestTag
from commonweal.places.models import Area, AreaType

MAX_GEOJSON_BYTES = 5 * 1024 * 1024


def area_choices(authority) -> dict:
    """The borough's wards, neighbourhoods and small areas (LSOAs 2021, grouped by ward),
    for checkboxes."""
    from commonweal.places.views.neighbourhoods import lsoa_groups

    def options(area_type):
        areas = Area.objects.of_type(area_type).in_authority(authority).order_by("name")
        return [(area.gss_code, area.name) for area in areas]

    return {
        "wards": options(AreaType.WARD),
        "neighbourhoods": options(AreaType.NEIGHBOURHOOD),
        "lsoa_groups": lsoa_groups(authority),
    }


class AreasForm(forms.Form):
    area_codes = forms.MultipleChoiceField(
        required=False,
        choices=(),
        error_messages={"invalid_choice": "Choose areas in this borough only."},
    )
    boundary_file = forms.FileField(required=False)
    boundary_text = forms.CharField(required=False, widget=forms.Textarea)
    keep_boundary = forms.BooleanField(required=False)
    borough_wide = forms.BooleanField(required=False)

    # Where each of the service's reasons is shown.
    SERVICE_FIELDS = {"areas": "area_codes", "boundary": "boundary_text"}

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices
        self.fields["area_codes"].choices = [
            *choices["wards"],
            *choices["neighbourhoods"],
            *(option for _, options in choices["lsoa_groups"] for option in options),
        ]

    def clean_boundary_file(self):
        upload = self.cleaned_data["boundary_file"]
        if not upload:
            return ""
        if upload.size > MAX_GEOJSON_BYTES:
            raise forms.ValidationError("The file must be smaller than 5 MB.")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                "The file must be GeoJSON text (UTF-8), such as a .geojson file."
            ) from None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("boundary_file") and (cleaned.get("boundary_text") or "").strip():
            self.add_error(
                "boundary_text", "Upload a file or paste the boundary, not both at once."
            )
        return cleaned

    def boundary(self) -> str | None:
        text = self.cleaned_data.get("boundary_file") or self.cleaned_data.get("boundary_text")
        return (text or "").strip() or None

    def apply_error(self, field: str, reason: str) -> None:
        name = self.SERVICE_FIELDS.get(field)
        if name == "boundary_text" and self.cleaned_data.get("boundary_file"):
            name = "boundary_file"
        self.add_error(name, reason)

    def chosen(self) -> set[str]:
        if self.is_bound:
            return set(self.data.getlist("area_codes"))
        return set(self.initial.get("area_codes", ()))


class InterestsForm(forms.Form):
    tags = forms.MultipleChoiceField(
        required=False,
        choices=(),
        error_messages={"invalid_choice": "Choose communities of interest from the list."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_tags = list(InterestTag.objects.current().order_by("name"))
        self.fields["tags"].choices = [(tag.slug, tag.name) for tag in self.current_tags]

    def chosen(self) -> set[str]:
        if self.is_bound:
            return set(self.data.getlist("tags"))
        return set(self.initial.get("tags", ()))
