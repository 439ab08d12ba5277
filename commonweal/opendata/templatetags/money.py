"""Pence, shown as pounds."""

from django import template

register = template.Library()


@register.filter
def pounds(pence) -> str:
    """12345678 → "£123,456.78"; a credit shows with a minus sign."""
    if pence is None:
        return "\u2013"
    sign = "\u2212" if pence < 0 else ""
    whole, part = divmod(abs(int(pence)), 100)
    return f"{sign}£{whole:,}.{part:02d}"


@register.filter
def whole_pounds(pence) -> str:
    if pence is None:
        return "\u2013"
    sign = "\u2212" if pence < 0 else ""
    return f"{sign}£{round(abs(int(pence)) / 100):,}"


@register.filter
def percent(value) -> str:
    return "\u2013" if value is None else f"{value:g}%"
