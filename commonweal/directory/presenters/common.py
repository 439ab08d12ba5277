"""Small things several directory pages share: links to a group, the borough chooser."""

from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse

from commonweal.places.models import Area, AreaType


def organisation_url(organisation) -> str:
    return reverse("directory:organisation", args=[organisation.slug])


def consortium_url(consortium) -> str:
    return reverse("directory:consortium", args=[consortium.slug])


@dataclass(frozen=True)
class BoroughChoice:
    authority: Area | None
    # Every borough we hold, for the chooser; the page needs ?borough= when there are two.
    boroughs: list[Area]

    @property
    def needs_choice(self) -> bool:
        return self.authority is None


def choose_borough(code: str | None) -> BoroughChoice:
    """The borough asked for, the only one held, or none yet (ask). Unknown codes: 404."""
    boroughs = list(
        Area.objects.authorities()
        .filter(areas_within__area_type=AreaType.LSOA21)
        .distinct()
        .order_by("name")
    )
    code = (code or "").strip().upper()
    if code:
        for borough in boroughs:
            if borough.gss_code == code:
                return BoroughChoice(borough, boroughs)
        raise Http404("We do not hold that borough.")
    if len(boroughs) == 1:
        return BoroughChoice(boroughs[0], boroughs)
    return BoroughChoice(None, boroughs)


def directory_crumbs(*extra: tuple[str, str | None]) -> list[dict]:
    crumbs = [
        {"label": "Home", "href": "/"},
        {"label": "Groups", "href": reverse("directory:home")},
    ]
    crumbs += [{"label": label, "href": href} for label, href in extra]
    return crumbs
