"""What the right to bid's views share: finding a case, the groups a person runs."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from commonweal.core.permissions import can
from commonweal.directory.models import Membership, Organisation
from commonweal.places.models import Area, AreaType
from commonweal.rights.models import Nomination


def nomination_for(reference: str) -> Nomination:
    return get_object_or_404(
        Nomination.objects.select_related("authority", "nominator", "parish"),
        reference=reference,
    )


def visible_entry(request, reference: str) -> Nomination:
    """A case the person may see (404, not 403, for one they may not: its existence is
    itself not public until it is decided)."""
    nomination = nomination_for(reference)
    if not can(request.user, "rights.view_entry", nomination):
        raise Http404("No such entry")
    return nomination


def edited_organisations(user):
    if not getattr(user, "is_authenticated", False):
        return Organisation.records.none()
    ids = Membership.objects.editors().filter(user=user).values_list("organisation_id", flat=True)
    return Organisation.records.filter(pk__in=ids).select_related("authority").order_by("name")


def home_authority() -> Area | None:
    return Area.objects.filter(
        area_type=AreaType.LOCAL_AUTHORITY, gss_code=settings.COMMONWEAL_HOME_AUTHORITY
    ).first()


def crumbs(*items) -> list[dict]:
    base = [{"label": "Home", "href": reverse("core:home")}]
    base.append({"label": "Assets of community value", "href": reverse("rights:register")})
    return base + [{"label": label, "href": href} for label, href in items]
