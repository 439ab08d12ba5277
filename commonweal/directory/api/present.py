"""Turning organisations, memberships and tags into the API's dictionaries."""

from django.http import HttpRequest
from django.urls import reverse

from commonweal.directory import services
from commonweal.directory.models import Organisation, OrganisationLink, VerificationStatus
from commonweal.directory.models.links import LinkKind


def _url(request: HttpRequest, name: str, organisation: Organisation) -> str:
    return request.build_absolute_uri(reverse(f"api:{name}", kwargs={"slug": organisation.slug}))


def links(request: HttpRequest, organisation: Organisation) -> dict:
    return {
        "self": _url(request, "directory_organisation_detail", organisation),
        "members": _url(request, "directory_organisation_members", organisation),
        "membership": _url(request, "directory_membership_join", organisation),
    }


def area_ref(area) -> dict:
    return {"code": area.gss_code, "name": area.name, "type": area.area_type}


def point(lon, lat) -> dict | None:
    return {"lon": lon, "lat": lat} if lon is not None and lat is not None else None


def ref(request: HttpRequest, organisation: Organisation) -> dict:
    return {
        "id": organisation.slug,
        "name": organisation.name,
        "status": organisation.status,
        "self": _url(request, "directory_organisation_detail", organisation),
    }


def summary(
    request: HttpRequest, organisation: Organisation, *, distance_m=None, serves_point=None
) -> dict:
    return {
        "id": organisation.slug,
        "name": organisation.name,
        "kind": organisation.kind,
        "kind_label": organisation.get_kind_display(),
        "classification": organisation.classification,
        "classification_label": organisation.classification_label,
        "distance_m": distance_m,
        "serves_point": serves_point,
        "links": links(request, organisation),
    }


def _number(value) -> float | None:
    return float(value) if value is not None else None


def _classification(organisation: Organisation) -> dict:
    override = None
    if organisation.is_overridden:
        override = {
            "classification": organisation.classification_override,
            "justification": organisation.override_justification,
            "at": organisation.override_at,
        }
    return {
        "value": organisation.classification,
        "label": organisation.classification_label,
        "computed": organisation.computed_classification,
        "reason": organisation.computed_reason,
        "rule": organisation.computed_rule,
        "override": override,
    }


def _conduct(organisation: Organisation) -> dict:
    status = services.conduct_status(organisation)
    return {
        "label": status.label,
        "current_version": status.current.version if status.current else None,
        "accepted_version": status.accepted.code.version if status.accepted else None,
        "accepted_at": status.accepted.accepted_at if status.accepted else None,
        "is_current": status.is_current,
    }


def _leader(organisation: Organisation) -> dict | None:
    # The only way a leader's details are read: consented, and still the leader.
    contact = services.published_leader(organisation)
    if contact is None:
        return None
    return {
        "name": contact.public_name,
        "email": contact.public_email,
        "phone": contact.public_phone,
    }


def _linked(request: HttpRequest, organisation: Organisation) -> list[dict]:
    rows = (
        OrganisationLink.objects.current()
        .involving(organisation)
        .select_related("source", "target")
    )
    found = []
    for row in rows:
        other = row.target if row.source_id == organisation.pk else row.source
        # Links to entries the public may not see are left out of the public record.
        if other.status != VerificationStatus.VERIFIED:
            continue
        if row.kind == LinkKind.PARTNERSHIP:
            relation = "partner"
        else:
            relation = "supports" if row.source_id == organisation.pk else "supported_by"
        found.append(
            {
                "kind": row.kind,
                "kind_label": row.get_kind_display(),
                "relation": relation,
                "organisation": ref(request, other),
                "description": row.description,
            }
        )
    return found


def detail(request: HttpRequest, organisation: Organisation) -> dict:
    o = organisation
    leader = _leader(o)
    return {
        "id": o.slug,
        "name": o.name,
        "kind": o.kind,
        "kind_label": o.get_kind_display(),
        "description": o.description,
        "authority": area_ref(o.authority),
        "status": o.status,
        "status_label": o.get_status_display(),
        "is_sample": o.is_sample,
        "registration": {
            "legal_form": o.legal_form,
            "legal_form_label": o.get_legal_form_display(),
            "charity_number": o.charity_number,
            "company_number": o.company_number,
            "society_number": o.society_number,
            "org_ids": o.org_ids(),
        },
        "contact": {
            "website": o.website,
            "email": o.email,
            "phone": o.phone,
            "postcode": o.postcode,
            "point": point(o.longitude, o.latitude),
        },
        "benefit": {
            "borough_wide": o.borough_wide,
            "areas": [area_ref(area) for area in o.benefit_areas.order_by("gss_code")],
            "has_boundary": o.benefit_geometry is not None,
            "small_areas_served": o.served_lsoas.count(),
        },
        "interest_tags": [
            {"slug": tag.slug, "name": tag.name} for tag in o.interest_tags.order_by("name")
        ],
        "workforce": {
            "members_count": o.members_count,
            "active_volunteers": o.active_volunteers,
            "paid_staff_fte": _number(o.paid_staff_fte),
            "annual_income": _number(o.annual_income),
            "contract_income_share": _number(o.contract_income_share),
            "figures_year": o.figures_year,
        },
        "classification": _classification(o),
        "conduct": _conduct(o),
        "member_count": services.member_count(o),
        "leader": leader,
        "leader_status": (
            f"{leader['name']} leads the group and agreed to publish their contact details"
            if leader
            else "No leader has agreed to publish their contact details"
        ),
        "activities": [
            {
                "name": a.name,
                "description": a.description,
                "schedule": a.schedule,
                "postcode": a.postcode,
                "url": a.url,
                "email": a.email,
            }
            for a in o.activities.all()
        ],
        "linked_organisations": _linked(request, o),
        "links": links(request, o),
    }


def member(membership) -> dict:
    # A display name only: never the email address an account signs in with.
    return {
        "name": membership.user.display_name or "A member",
        "role": membership.role,
        "role_label": membership.get_role_display(),
        "joined_at": membership.joined_at,
    }


def membership(request: HttpRequest, row) -> dict:
    return {
        "organisation": ref(request, row.organisation),
        "role": row.role,
        "role_label": row.get_role_display(),
        "joined_at": row.joined_at,
    }


def interest_tag(tag) -> dict:
    return {
        "slug": tag.slug,
        "name": tag.name,
        "description": tag.description,
        "parent": tag.parent.slug if tag.parent_id else None,
    }
