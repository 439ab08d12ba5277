"""The officer's form: which places a service area spends in."""

from django import forms

from commonweal.places.models import Area, AreaType


class ServicePlacesForm(forms.Form):
    serves = forms.ChoiceField(
        label="Where does this service area spend?",
        choices=[
            ("places", "In particular wards or neighbourhoods"),
            ("borough", "Across the whole borough"),
            ("unknown", "We do not know"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where this service area spends."},
    )
    areas = forms.ModelMultipleChoiceField(
        label="Wards and neighbourhoods",
        queryset=Area.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label="How you know (optional)", required=False, widget=forms.Textarea, max_length=2000
    )

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = (
            Area.objects.in_authority(authority)
            .of_type(AreaType.WARD, AreaType.NEIGHBOURHOOD)
            .order_by("area_type", "name")
        )

    def clean(self):
        data = super().clean()
        if data.get("serves") == "places" and not data.get("areas"):
            self.add_error("areas", "Choose at least one ward or neighbourhood.")
        if data.get("serves") in ("borough", "unknown") and data.get("areas"):
            self.add_error("areas", "Leave the places empty, or choose “particular wards”.")
        return data
