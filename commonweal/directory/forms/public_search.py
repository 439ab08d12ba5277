"""The directory home's search form. It only reads what was typed: the search service
decides what is acceptable, and its reasons are shown against the field they are about."""

from django import forms

from commonweal.directory.models import InterestTag, OrganisationKind
from commonweal.places.models import Area, AreaType

# The search service's names for its inputs, and the form's fields they belong to.
FIELD_FOR = {
    "postcode": "postcode",
    "point": "postcode",
    "area_code": "area",
    "kind": "kind",
    "tag": "tag",
    "authority": "borough",
    "text": "q",
}


class SearchForm(forms.Form):
    postcode = forms.CharField(required=False, max_length=20, label="Postcode")
    area = forms.CharField(required=False, max_length=32, label="Area")
    kind = forms.CharField(required=False, max_length=40, label="Kind of group")
    tag = forms.CharField(required=False, max_length=60, label="Community of interest")
    q = forms.CharField(required=False, max_length=200, label="Words to search for")
    borough = forms.CharField(required=False, max_length=12, label="Borough")
    lon = forms.CharField(required=False, max_length=30, label="Longitude")
    lat = forms.CharField(required=False, max_length=30, label="Latitude")

    def point(self) -> tuple[float, float] | None:
        """The point typed (or linked from a map), or None; adds an error when it is not one."""
        lon, lat = self.value("lon"), self.value("lat")
        if not lon and not lat:
            return None
        try:
            point = (float(lon), float(lat))
        except ValueError:
            self.add_error("lon", "Give the point as two numbers, longitude and latitude.")
            return None
        if not (-180 <= point[0] <= 180 and -90 <= point[1] <= 90):
            self.add_error("lon", "Longitude runs from -180 to 180 and latitude from -90 to 90.")
            return None
        return point

    def __init__(self, *args, boroughs: list[Area], **kwargs):
        super().__init__(*args, **kwargs)
        self.boroughs = boroughs

    @property
    def shows_borough(self) -> bool:
        return len(self.boroughs) > 1

    def value(self, name: str) -> str:
        return (self.data.get(name) or "").strip() if self.is_bound else ""

    def borough_options(self) -> list[tuple[str, str]]:
        return [("", "All boroughs")] + [(b.gss_code, b.name) for b in self.boroughs]

    def kind_options(self) -> list[tuple[str, str]]:
        return [("", "Any kind"), *OrganisationKind.choices]

    def tag_options(self) -> list[tuple[str, str]]:
        tags = InterestTag.objects.current().values_list("slug", "name")
        options = [("", "Any"), *tags]
        chosen = self.value("tag")
        if chosen and chosen not in {slug for slug, _ in options}:
            retired = InterestTag.objects.filter(slug=chosen).first()
            if retired is not None:
                options.append((retired.slug, f"{retired.name} (no longer listed)"))
        return options

    def area_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Wards and neighbourhoods, by borough; an area given in the address is kept."""
        groups: list[tuple[str, list[tuple[str, str]]]] = [("", [("", "Anywhere")])]
        known = {""}
        for borough in self.boroughs:
            areas = (
                Area.objects.of_type(AreaType.WARD, AreaType.NEIGHBOURHOOD)
                .in_authority(borough)
                .order_by("area_type", "name")
            )
            for area_type, label in (
                (AreaType.WARD, "Wards"),
                (AreaType.NEIGHBOURHOOD, "Neighbourhoods"),
            ):
                options = [(a.gss_code, a.name) for a in areas if a.area_type == area_type]
                if options:
                    groups.append((f"{label} in {borough.name}", options))
                    known.update(code for code, _ in options)
        chosen = self.value("area").upper()
        if chosen and chosen not in known:
            area = Area.objects.filter(gss_code=chosen).first()
            if area is not None:
                groups.append(("The area you chose", [(area.gss_code, area.name)]))
        return groups
