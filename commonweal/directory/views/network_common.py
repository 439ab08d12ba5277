"""What the network part's views share: the borough chooser page and finding groups."""

from django.shortcuts import render

from commonweal.directory.presenters.common import directory_crumbs


def reason(error: Exception) -> str:
    return getattr(error, "reason", None) or str(error)


def choose_borough_page(request, choice, title: str, url_name: str):
    return render(
        request,
        "directory/network/choose_borough.html",
        {
            "title": title,
            "url_name": url_name,
            "boroughs": choice.boroughs,
            "breadcrumbs": directory_crumbs(),
        },
    )


def visible_group(user, slug: str):
    """A group the person may see, by slug, or 404 (unlisted ones stay hidden)."""
    from django.shortcuts import get_object_or_404

    from commonweal.directory.models import Organisation

    return get_object_or_404(
        Organisation.records.visible_to(user).select_related("authority"), slug=slug
    )


def chosen_group(user, authority, slug: str):
    """The group someone chose from a list, as they may see it, or None. Unlisted groups
    the person may see are returned too, so the service can say why they cannot be used."""
    from commonweal.directory.models import Organisation

    return (
        Organisation.records.visible_to(user).filter(authority=authority, slug=slug).first()
        if slug
        else None
    )


def group_choices(authority, exclude=()):
    """Listed groups of the borough, by name, as (slug, name) for a select or checkboxes."""
    from commonweal.directory.models import Organisation

    groups = Organisation.public.in_authority(authority).exclude(pk__in=list(exclude))
    return list(groups.order_by("name", "pk").values_list("slug", "name"))
