"""What the officers' pages share: breadcrumbs and small presenters."""

from django.urls import NoReverseMatch, reverse


def profile_url(organisation) -> str | None:
    # The group's profile page is served by another part of the directory; a page here
    # still renders (without the link) if that part is not mounted.
    try:
        return reverse("directory:organisation", args=[organisation.slug])
    except NoReverseMatch:
        return None


def crumbs(*trail: tuple[str, str | None]) -> list[dict]:
    """Home and Groups, then the trail of (label, href) given."""
    found = [
        {"label": "Home", "href": "/"},
        {"label": "Groups", "href": reverse("directory:home")},
    ]
    found.extend({"label": label, "href": href} for label, href in trail)
    return found


def queue_crumb() -> tuple[str, str]:
    return ("Groups waiting to be verified", reverse("directory:verification_queue"))


def benefit_summary(organisation) -> str:
    """The area of benefit in a few words, for tables. Needs benefit_areas prefetched."""
    if organisation.borough_wide:
        return f"The whole of {organisation.authority.name}"
    names = sorted(area.name for area in organisation.benefit_areas.all())
    parts = []
    if names:
        shown = ", ".join(names[:3])
        more = len(names) - 3
        parts.append(f"{shown} and {more} more" if more > 0 else shown)
    if organisation.benefit_geometry is not None:
        parts.append("a drawn boundary")
    if not parts:
        return "Not given yet"
    text = " and ".join(parts)
    return text[0].upper() + text[1:]


def person_label(user) -> str:
    # Only the name a person chose to show; never their email address.
    if user is None:
        return "the system"
    return user.display_name or "an officer"
