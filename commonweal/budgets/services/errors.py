class BudgetsError(Exception):
    """A request the process cannot accept; `errors` maps field -> plain-English reason."""

    def __init__(self, reason: str, field: str = "", errors: dict | None = None):
        self.reason = reason
        self.field = field
        self.errors = errors or {field: reason}
        super().__init__(reason)


class PhaseClosed(BudgetsError):
    """The process's phase does not allow this action."""
