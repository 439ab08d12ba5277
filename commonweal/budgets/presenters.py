"""The results page's figures: each project's outcome and reason, and the three charts
(share of the budget by area, voters with at least one funded project, equal shares
compared with greedy), each with the table it is drawn from."""

from collections import Counter, defaultdict
from decimal import Decimal

from commonweal.budgets.models import Ballot, Idea


def _percent(part, whole) -> float:
    return round(float(part) * 100 / float(whole), 1) if whole else 0.0


def pot_results(pot, count) -> dict:
    ideas = list(pot.ideas.on_ballot().select_related("place_area").order_by("id"))
    selected = set(count.selected)
    greedy = set(count.greedy_selected)
    votes = Counter()
    satisfied = {"rule": 0, "greedy": 0}
    funded_per_voter = Counter()
    project_of = {idea.pk: idea.project_id for idea in ideas}
    chosen_by_ballot = defaultdict(set)
    rows = Ballot.objects.filter(pot=pot).values_list("id", "choices__idea_id")
    for ballot_id, idea_id in rows:
        if idea_id in project_of:
            chosen_by_ballot[ballot_id].add(project_of[idea_id])
            votes[project_of[idea_id]] += 1
    for chosen in chosen_by_ballot.values():
        funded = len(chosen & selected)
        funded_per_voter[min(funded, 3)] += 1
        satisfied["rule"] += bool(funded)
        satisfied["greedy"] += bool(chosen & greedy)
    voters = len(chosen_by_ballot)
    projects = []
    for idea in sorted(ideas, key=lambda i: (i.project_id not in selected, -votes[i.project_id])):
        why = (count.explanation or {}).get(idea.project_id, {})
        projects.append(
            {
                "idea": idea,
                "votes": votes[idea.project_id],
                "funded": idea.project_id in selected,
                "greedy": idea.project_id in greedy,
                "reason": why.get("reason", ""),
            }
        )
    by_area = defaultdict(Decimal)
    for idea in ideas:
        if idea.project_id in selected:
            by_area[idea.place_area.name if idea.place_area else pot.name] += idea.cost
    areas = [
        {"label": label, "value": value, "percent": _percent(value, pot.budget)}
        for label, value in sorted(by_area.items(), key=lambda item: -item[1])
    ]
    unspent = pot.budget - count.total_cost
    areas.append({"label": "Not spent", "value": unspent, "percent": _percent(unspent, pot.budget)})
    labels = {
        0: "No funded project",
        1: "1 funded project",
        2: "2 funded projects",
        3: "3 or more funded projects",
    }
    per_voter = [
        {
            "label": labels[n],
            "value": funded_per_voter[n],
            "percent": _percent(funded_per_voter[n], voters),
        }
        for n in range(4)
    ]
    greedy_cost = sum((i.cost for i in ideas if i.project_id in greedy), Decimal(0))
    comparison = [
        {"label": "Funded projects", "rule": len(selected), "greedy": len(greedy)},
        {"label": "Money allocated (£)", "rule": count.total_cost, "greedy": greedy_cost},
        {
            "label": "Voters with at least one funded project",
            "rule": satisfied["rule"],
            "greedy": satisfied["greedy"],
        },
    ]
    return {
        "pot": pot,
        "count": count,
        "voters": voters,
        "projects": projects,
        "areas": areas,
        "per_voter": per_voter,
        "satisfied_percent": _percent(satisfied["rule"], voters),
        "comparison": comparison,
        "only_rule": [p for p in projects if p["funded"] and not p["greedy"]],
        "only_greedy": [p for p in projects if p["greedy"] and not p["funded"]],
    }


def delivery_rows(process) -> list[dict]:
    from commonweal.budgets.services import current_delivery, latest_count

    rows = []
    for pot in process.pots.all():
        count = latest_count(pot)
        if count is None:
            continue
        for idea in Idea.objects.filter(pot=pot).order_by("id"):
            if idea.project_id in count.selected:
                rows.append({"idea": idea, "pot": pot, "update": current_delivery(idea)})
    return rows
