"""Participatory budgeting: processes and pots, ideas, ballots, counts and delivery."""

from commonweal.budgets.models.ideas import Comment, Idea, IdeaStatus, IdeaStatusChange, Support
from commonweal.budgets.models.outcome import Count, DeliveryStatus, DeliveryUpdate
from commonweal.budgets.models.process import AgeCheck, PhaseChange, Pot, Process
from commonweal.budgets.models.voting import (
    Ballot,
    BallotChoice,
    Channel,
    PaperEntry,
    PaperEntryStatus,
    VotingLocation,
)

__all__ = [
    "AgeCheck",
    "Ballot",
    "BallotChoice",
    "Channel",
    "Comment",
    "Count",
    "DeliveryStatus",
    "DeliveryUpdate",
    "Idea",
    "IdeaStatus",
    "IdeaStatusChange",
    "PaperEntry",
    "PaperEntryStatus",
    "PhaseChange",
    "Pot",
    "Process",
    "Support",
    "VotingLocation",
]
