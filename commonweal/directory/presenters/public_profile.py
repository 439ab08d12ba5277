"""What a group's public page shows, worked out from the services and models.

A leader's contact details come only from services.published_leader (consented and
still the leader); nothing else here reads LeaderContact.
"""

from django.urls import NoReverseMatch, reverse

from commonweal.core.permissions import can
from commonweal.directory import services
from commonweal.directory.models import (
    ClassificationChoice,
    ConsortiumMember,
    Organisation,
    OrganisationLink,
)
from commonweal.directory.models.links import LinkKind
from commonweal.directory.presenters.public_maps import benefit_map, lsoa_shapes
from commonweal.places.presenters.links import area_type_label, area_url


def optional_url(name: str, *args) -> str | None:
    """The address of a page another part of the directory serves, if it exists yet."""
    try:
        return reverse(f"directory:{name}", args=args)
    except NoReverseMatch:
        return None


def organisation_url(organisation: Organisation) -> str:
    return reverse("directory:organisation", args=[organisation.slug])


def present_profile(organisation: Organisation, user) -> dict:
    visible = Organisation.records.visible_to(user)
    membership = services.current_membership(user, organisation)
    served = list(organisation.served_lsoas.values_list("pk", flat=True))
    served_shape = lsoa_shapes(served)
    drawn = organisation.benefit_shape
    area = served_shape
    if drawn is not None:
        area = drawn if area is None else area.union(drawn)
    point = None
    if organisation.longitude is not None and organisation.latitude is not None:
        point = (organisation.longitude, organisation.latitude)
    editing = can(user, "directory.change_organisation", organisation)
    return {
        "organisation": organisation,
        "kind_label": organisation.get_kind_display(),
        "legal_form_label": organisation.get_legal_form_display(),
        "org_ids": organisation.org_ids(),
        "tags": list(organisation.interest_tags.all()),
        "classification": _classification(organisation),
        "conduct": services.conduct_status(organisation),
        "leader": services.published_leader(organisation),
        "member_count": services.member_count(organisation),
        "membership": membership,
        "is_leader": membership is not None and membership.role == "leader",
        "activities": list(organisation.activities.all()),
        "links": _links(organisation, visible),
        "consortia": _consortia(organisation, visible),
        "benefit_areas": [
            {"area": a, "href": area_url(a), "type_label": area_type_label(a)}
            for a in organisation.benefit_areas.order_by("area_type", "name")
        ],
        "served_count": len(served),
        "has_boundary": drawn is not None,
        "map_svg": benefit_map(organisation.name, organisation.authority, area, point),
        "borough_href": area_url(organisation.authority),
        # Those who can see an entry before it is listed are the ones told its status.
        "show_status": editing,
        "status_label": organisation.get_status_display(),
        "latest_status": organisation.status_changes.order_by("-changed_at", "-id").first(),
        "edit_href": optional_url("organisation_edit", organisation.slug) if editing else None,
        "queue_href": (
            optional_url("verification_queue")
            if can(user, "directory.verify_organisation", organisation)
            else None
        ),
        "network_href": optional_url("network"),
        "join_href": reverse("directory:organisation_join", args=[organisation.slug]),
        "leave_href": reverse("directory:organisation_leave", args=[organisation.slug]),
        "can_join": organisation.is_listed and membership is None,
    }


def _classification(organisation: Organisation) -> dict:
    computed = ClassificationChoice(organisation.computed_classification).label
    return {
        "label": organisation.classification_label,
        "value": organisation.classification,
        "reason": organisation.computed_reason,
        "computed_label": computed,
        "overridden": organisation.is_overridden,
        "justification": organisation.override_justification,
        "override_at": organisation.override_at,
    }


def _links(organisation: Organisation, visible) -> list[dict]:
    rows = (
        OrganisationLink.objects.current()
        .involving(organisation)
        .select_related("source", "target")
        .order_by("kind", "created_at")
    )
    shown = set(
        visible.filter(
            pk__in=[r.source_id for r in rows] + [r.target_id for r in rows]
        ).values_list("pk", flat=True)
    )
    links = []
    for row in rows:
        other = row.target if row.source_id == organisation.pk else row.source
        if other.pk not in shown:
            continue
        if row.kind == LinkKind.PARTNERSHIP:
            relation = "Partner"
        elif row.source_id == organisation.pk:
            relation = "Supported by this group"
        else:
            relation = "Supports this group"
        links.append(
            {
                "organisation": other,
                "href": organisation_url(other),
                "relation": relation,
                "description": row.description,
            }
        )
    return links


def _consortia(organisation: Organisation, visible) -> list[dict]:
    memberships = (
        ConsortiumMember.objects.filter(
            organisation=organisation,
            left_at__isnull=True,
            consortium__dissolved_at__isnull=True,
        )
        .select_related("consortium", "consortium__lead")
        .order_by("consortium__name")
    )
    found = []
    for membership in memberships:
        consortium = membership.consortium
        members = visible.filter(
            consortium_memberships__consortium=consortium,
            consortium_memberships__left_at__isnull=True,
        ).exclude(pk=organisation.pk)
        found.append(
            {
                "consortium": consortium,
                "href": optional_url("consortium", consortium.slug),
                "is_lead": consortium.lead_id == organisation.pk,
                "lead": consortium.lead if visible.filter(pk=consortium.lead_id).exists() else None,
                "others": [{"organisation": o, "href": organisation_url(o)} for o in members],
            }
        )
    return found
