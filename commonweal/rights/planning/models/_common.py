"""What the three casework records share: who may see them, and their geometry."""

import shapely
from django.db import models
from django.db.models import Q


def staff_authorities(user):
    """Authority pks the user is an officer for (None: all); [] for everyone else."""
    from commonweal.accounts.models import Role
    from commonweal.accounts.roles import authorities_for

    if not getattr(user, "is_authenticated", False):
        return []
    return authorities_for(user, Role.OFFICER)


def editor_of(user, field: str) -> Q:
    """Records whose organisation (reached by `field`) the user leads or administers."""
    return Q(
        **{
            f"{field}__memberships__user": user,
            f"{field}__memberships__left_at__isnull": True,
            f"{field}__memberships__role__in": ("leader", "admin"),
        }
    )


def visible(queryset: models.QuerySet, user, public: Q, organisation_field: str):
    """Public records for everyone; the rest for their applicants and the authority's officers."""
    authorities = staff_authorities(user)
    if authorities is None:
        return queryset.all()
    if not getattr(user, "is_authenticated", False):
        return queryset.filter(public)
    condition = public | editor_of(user, organisation_field)
    if authorities:
        condition |= Q(authority_id__in=authorities)
    return queryset.filter(condition).distinct()


def shape_of(wkb) -> shapely.Geometry | None:
    return None if wkb is None else shapely.from_wkb(bytes(wkb))
