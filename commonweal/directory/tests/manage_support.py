"""What the tests of the pages for running a group share."""

import json

from django.urls import reverse

# A small square in the middle of Halifax (inside Calderdale), and one in London.
HALIFAX = (-1.8575, 53.7243)
LONDON = (-0.1276, 51.5072)


def square(centre, half=0.003) -> str:
    x, y = centre
    ring = [[x - half, y - half], [x + half, y - half], [x + half, y + half]]
    ring += [[x - half, y + half], [x - half, y - half]]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def url(name: str, *args) -> str:
    return reverse(f"directory:{name}", args=args)


def errors_of(response) -> list[str]:
    """The messages in the page's error summary."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Summary(HTMLParser):
        depth = 0

        def handle_starttag(self, tag, attrs):
            classes = dict(attrs).get("class") or ""
            if "govuk-error-summary__list" in classes:
                self.depth = 1
            elif self.depth and tag == "li":
                found.append("")

        def handle_endtag(self, tag):
            if self.depth and tag == "ul":
                self.depth = 0

        def handle_data(self, data):
            if self.depth and found:
                found[-1] += data

    Summary().feed(response.content.decode())
    return [" ".join(text.split()) for text in found]
