"""The refusals neighbourhood planning's services raise, worded for the person acting."""

import datetime as dt


class PlanningError(Exception):
    """A refusal: `reason` is a sentence to show, `field` the input it concerns ("" for none).

    `earliest` is set where an act came too soon: the first date on which it is allowed.
    """

    def __init__(self, reason: str, field: str = "", *, earliest: dt.date | None = None):
        super().__init__(reason)
        self.reason = reason
        self.field = field
        self.earliest = earliest

    def __str__(self) -> str:
        return self.reason
