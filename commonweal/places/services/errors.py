"""The errors the places services raise, each with a message a resident can read."""


class PlacesError(Exception):
    """Base class: str(error) is a plain-English sentence fit to show on a page."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidPostcode(PlacesError):
    """The text is not shaped like a UK postcode."""


class UnknownPostcode(PlacesError):
    """A well-formed postcode that we do not hold."""


class InvalidPoint(PlacesError):
    """Coordinates that are not finite longitude/latitude numbers in range."""


class OutsideKnownAreas(PlacesError):
    """A valid point that no area we hold contains."""


class NeighbourhoodInvalid(PlacesError):
    """A neighbourhood definition we refuse; `reason` says why in plain words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
