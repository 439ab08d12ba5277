"""The shapes the budgets API reads and answers with."""

from typing import Annotated

from ninja import Field, Path, Schema

SlugPath = Annotated[
    str,
    Path(pattern=r"^[-a-zA-Z0-9_]{1,80}$", description="The process's slug.", examples=["x"]),
]
PotPath = Annotated[int, Path(ge=1, le=2**31 - 1, description="The pot's id.")]


class BudgetPotOut(Schema):
    id: int
    name: str
    area_code: str | None = Field(None, description="ONS GSS code of the pot's area.")
    budget: str = Field(..., description="In pounds, as a decimal string.")


class BudgetProcessOut(Schema):
    slug: str
    title: str
    phase: str
    allowed_actions: list[str] = Field(..., description="What the current phase allows.")
    ballot_kind: str
    official_rule: str = Field(..., description="The counting engine's preset name.")
    is_past: bool
    pots: list[BudgetPotOut]


class BudgetIdeaOut(Schema):
    id: int
    pot: int
    title: str
    description: str
    status: str
    cost: str | None
    postcode: str
    supporters: int
    rejection_reason: str


class BudgetIdeaIn(Schema):
    pot: int = Field(..., ge=1, le=2**31 - 1)
    title: str = Field(..., max_length=200)
    description: str = Field(..., max_length=5000)
    postcode: str = Field("", max_length=10)
    longitude: float | None = None
    latitude: float | None = None


class BudgetBallotIn(Schema):
    choices: dict[str, int] = Field(
        ..., description="Idea id -> 1 (approval), points (cumulative) or rank (ranking)."
    )
    postcode: str = Field(..., max_length=10, description="Checked, not stored.")
    age_declared: bool = False
    date_of_birth: str | None = Field(None, description="YYYY-MM-DD; checked, not stored.")
    access_code: str = Field("", max_length=40)


class BudgetBallotOut(Schema):
    pot: int
    choices: dict[str, int]
    changed_at: str


class BudgetProjectResult(Schema):
    id: str
    idea: int
    title: str
    cost: str
    funded: bool
    reason: str


class BudgetPotResult(Schema):
    pot: int
    rule: str
    selected: list[str]
    total_cost: str
    ballots_counted: int
    greedy_selected: list[str]
    configuration: dict
    projects: list[BudgetProjectResult]
