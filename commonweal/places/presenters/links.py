"""Where each area's page is."""

from django.urls import reverse

from commonweal.places.models import AreaType


def area_url(area) -> str:
    if area.area_type == AreaType.LOCAL_AUTHORITY:
        return reverse("places:borough", args=[area.gss_code])
    return reverse("places:area", args=[area.area_type, area.gss_code])


def area_type_label(area) -> str:
    labels = {
        AreaType.LOCAL_AUTHORITY: "Borough",
        AreaType.LSOA11: "Small area (LSOA 2011)",
        AreaType.LSOA21: "Small area (LSOA 2021)",
        AreaType.NEIGHBOURHOOD: "Neighbourhood",
    }
    return labels.get(area.area_type, area.get_area_type_display())
