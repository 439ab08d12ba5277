"""Stable identifiers: the same organisation or activity always has the same UUID."""

import uuid

# Fixed for ever: changing it would give every published record a new identifier.
NAMESPACE = uuid.UUID("6b1c3f0e-8a57-5d4e-9c1a-2f7e0b9d4c31")


def stable(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def organization_id(organisation) -> str:
    return stable("organisation", organisation.slug)


def service_id(activity) -> str:
    return stable("service", activity.organisation.slug, activity.pk)


def part_id(parent_id: str, kind: str, key="") -> str:
    """A record inside another (a phone, a schedule …): derived from its parent's id."""
    return stable(parent_id, kind, key)


def taxonomy_id(key: str) -> str:
    return stable("taxonomy", key)


def term_id(taxonomy: str, term: str) -> str:
    return stable("taxonomy", taxonomy, "term", term)
