"""Forms for the places pages. Errors are worded for the GOV.UK error summary."""

from django import forms

from commonweal.places.services import InvalidPostcode, normalise_postcode

# Britain and Northern Ireland with a margin: a point outside is a mistake, not a place.
LON_RANGE = (-9.0, 3.0)
LAT_RANGE = (49.0, 61.5)
MAX_GEOJSON_BYTES = 5 * 1024 * 1024


class PostcodeForm(forms.Form):
    postcode = forms.CharField(
        max_length=20,
        required=True,
        error_messages={"required": "Enter a postcode, like HX1 1AA."},
    )

    def clean_postcode(self) -> str:
        try:
            return normalise_postcode(self.cleaned_data["postcode"])
        except InvalidPostcode as error:
            raise forms.ValidationError(str(error)) from error


class PointForm(forms.Form):
    lon = forms.FloatField(
        error_messages={
            "required": "Enter a longitude, like -1.86.",
            "invalid": "Longitude must be a number of degrees, like -1.86.",
        }
    )
    lat = forms.FloatField(
        error_messages={
            "required": "Enter a latitude, like 53.72.",
            "invalid": "Latitude must be a number of degrees, like 53.72.",
        }
    )

    def clean_lon(self) -> float:
        return _in_range(self.cleaned_data["lon"], LON_RANGE, "Longitude")

    def clean_lat(self) -> float:
        return _in_range(self.cleaned_data["lat"], LAT_RANGE, "Latitude")


def _in_range(value: float, bounds: tuple[float, float], name: str) -> float:
    low, high = bounds
    if not low <= value <= high:
        raise forms.ValidationError(
            f"{name} must be between {low:g} and {high:g} degrees, inside the United Kingdom."
        )
    return value


class NeighbourhoodDetailsForm(forms.Form):
    name = forms.CharField(
        max_length=200, error_messages={"required": "Enter a name for the neighbourhood."}
    )
    description = forms.CharField(required=False, widget=forms.Textarea, max_length=2000)


class NeighbourhoodLsoaForm(NeighbourhoodDetailsForm):
    lsoa_codes = forms.MultipleChoiceField(
        choices=(),
        error_messages={
            "required": "Select at least one small area (LSOA) for the neighbourhood.",
            "invalid_choice": "Select small areas from this borough only.",
        },
    )

    def __init__(self, *args, groups: list[tuple[str, list[tuple[str, str]]]], **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        self.fields["lsoa_codes"].choices = [
            (code, label) for _, options in groups for code, label in options
        ]


class NeighbourhoodUploadForm(NeighbourhoodDetailsForm):
    boundary = forms.FileField(
        error_messages={
            "required": "Choose a GeoJSON file with the neighbourhood's boundary.",
            "empty": "The file you chose is empty.",
        }
    )

    def clean_boundary(self) -> str:
        upload = self.cleaned_data["boundary"]
        if upload.size > MAX_GEOJSON_BYTES:
            raise forms.ValidationError("The file must be smaller than 5 MB.")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                "The file must be GeoJSON text (UTF-8), such as a .geojson file."
            ) from error
