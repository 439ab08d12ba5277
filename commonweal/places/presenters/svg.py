"""Small helpers for writing inline SVG safely (every text and attribute escaped)."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def attrs(**values) -> str:
    """Attributes from keyword arguments: trailing underscores dropped, underscores to hyphens."""
    out = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        out.append(f' {name}="{escape(str(value))}"')
    return "".join(out)


def element(tag: str, content: str = "", **values) -> str:
    if content:
        return f"<{tag}{attrs(**values)}>{content}</{tag}>"
    return f"<{tag}{attrs(**values)}/>"


def text(content: str, **values) -> str:
    """A <text> element; the content is escaped."""
    return element("text", escape(content), **values)


def title(text: str) -> str:
    return f"<title>{escape(text)}</title>"


def document(
    body: str,
    *,
    view_box: str,
    label: str,
    css_class: str,
    role: str = "img",
    extra: dict[str, str] | None = None,
) -> SafeString:
    """An <svg> root with a <title> and an accessible name.

    A picture is role="img". A map whose shapes are links is role="group" instead,
    because an image's children are hidden from assistive technology and its links
    would be lost.
    """
    extra_attrs = "".join(f' {key}="{escape(value)}"' for key, value in (extra or {}).items())
    # Everything inside is escaped above.
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{escape(view_box)}"'
        f' class="{escape(css_class)}" role="{role}" aria-label="{escape(label)}"'
        f' focusable="false"{extra_attrs}>{title(label)}{body}</svg>'
    )
