"""The phases of a participatory budgeting process and what each allows.

Behaviour is configuration, not code branches: services and permissions ask
`allows(process, action)`, which reads this table (or a process's own override in
`Process.phase_actions`). Changing what a phase permits is an edit to data, not to code.
"""

IDEAS = "ideas"
REVIEW = "review"
VOTING = "voting"
COUNTING = "counting"
RESULTS = "results"
DELIVERY = "delivery"

PHASES = (IDEAS, REVIEW, VOTING, COUNTING, RESULTS, DELIVERY)

PHASE_LABELS = {
    IDEAS: "Ideas",
    REVIEW: "Review and costing",
    VOTING: "Voting",
    COUNTING: "Counting",
    RESULTS: "Results",
    DELIVERY: "Delivery",
}

# The actions a phase can allow.
PROPOSE = "propose"  # residents and groups propose ideas
SUPPORT = "support"  # others support an idea
COMMENT = "comment"  # and comment on it
ASSESS = "assess"  # officers cost, assess feasibility, merge and reject
VOTE = "vote"  # eligible residents cast or change their ballot online
PAPER = "paper"  # staff enter paper ballots from in-person voting
COUNT = "count"  # officers count the ballots with the official rule
SHOW_RESULTS = "show_results"  # everyone sees the results page and the .pb export
DELIVER = "deliver"  # officers record funded projects' progress

ACTIONS = (PROPOSE, SUPPORT, COMMENT, ASSESS, VOTE, PAPER, COUNT, SHOW_RESULTS, DELIVER)

DEFAULT_PHASE_ACTIONS: dict[str, tuple[str, ...]] = {
    IDEAS: (PROPOSE, SUPPORT, COMMENT, ASSESS),
    REVIEW: (COMMENT, ASSESS),
    VOTING: (VOTE, PAPER),
    # Paper ballots still arriving from polling places can be confirmed while counting.
    COUNTING: (PAPER, COUNT),
    RESULTS: (SHOW_RESULTS,),
    DELIVERY: (SHOW_RESULTS, DELIVER),
}


def table(process) -> dict[str, tuple[str, ...]]:
    """The phase -> actions table in force for this process."""
    override = getattr(process, "phase_actions", None) or {}
    return {phase: tuple(override.get(phase, DEFAULT_PHASE_ACTIONS[phase])) for phase in PHASES}


def allows(process, action: str) -> bool:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    return action in table(process).get(process.phase, ())


def next_phase(phase: str) -> str | None:
    index = PHASES.index(phase)
    return PHASES[index + 1] if index + 1 < len(PHASES) else None


def check_table(value: dict) -> list[str]:
    """Problems with an override table (for forms and imports)."""
    problems = []
    for phase, actions in (value or {}).items():
        if phase not in PHASES:
            problems.append(f"{phase!r} is not a phase")
            continue
        problems += [f"{a!r} is not an action" for a in actions if a not in ACTIONS]
    return problems
