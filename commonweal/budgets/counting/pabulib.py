"""Reading and writing Pabulib `.pb` files (pabulib.org/format; pb.md §2).

Three sections in order, META, PROJECTS and VOTES, each a title line, a header line and data
lines: a `;`-separated CSV table with standard quoting (Python's csv module does the dialect).
A leading byte-order mark is tolerated, blank lines are skipped, empty items in a list (the
trailing comma of `3,`) are ignored and trailing empty cells are allowed. Anything else that
cannot be right is refused with a `PabulibError` naming the line and the reason.
"""

import csv
import io
from decimal import Decimal, InvalidOperation
from pathlib import Path

from commonweal.budgets.counting.election import (
    POINTS_TYPES,
    VOTE_TYPES,
    Ballot,
    Election,
    Project,
)

SECTIONS = ("meta", "projects", "votes")
REQUIRED_META = ("budget", "vote_type", "num_projects", "num_votes")


class PabulibError(ValueError):
    """A malformed `.pb` file: `line` (1-based, 0 for the file as a whole) and `reason`."""

    def __init__(self, line: int, reason: str):
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}" if line else reason)


def _number(text: str, line: int, what: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise PabulibError(line, f"{what} {text!r} is not a number") from None
    if not value.is_finite():
        raise PabulibError(line, f"{what} {text!r} is not a finite number")
    return value


def _rows(lines):
    """Yield (line number where the row starts, cells) for every non-blank row."""
    reader = csv.reader(lines, delimiter=";")
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise PabulibError(reader.line_num, f"bad CSV quoting ({exc})") from None
        if any(cell.strip() for cell in row):
            yield start, row
        start = reader.line_num + 1


def _trim(row: list[str]) -> list[str]:
    while row and not row[-1].strip():
        row = row[:-1]
    return row


def _record(header: list[str], row: list[str], line: int) -> dict[str, str]:
    row = _trim(row)
    if len(row) > len(header):
        raise PabulibError(line, f"{len(row)} fields but the header has {len(header)}")
    return dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))


def _items(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(",") if item.strip()]


def read(path: str | Path) -> Election:
    """Read a `.pb` file (UTF-8, with or without a byte-order mark)."""
    # read as a stream: the file's text is never held whole (Warsaw 2026 is 3 MB)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return _parse(handle)


def loads(text: str) -> Election:
    """Parse the text of a `.pb` file."""
    return _parse(io.StringIO(text.removeprefix("\ufeff"), newline=""))


def _parse(lines) -> Election:
    meta: dict[str, str] = {}
    meta_lines: dict[str, int] = {}
    projects: dict[str, Project] = {}
    ballots: list[Ballot] = []
    voters: set[str] = set()
    headers: dict[str, list[str]] = {}
    section = None
    expect_header = False
    seen: list[str] = []
    # one string object for each value repeated on many ballots (a project id, "internet")
    shared: dict[str, str] = {}
    for line, row in _rows(lines):
        first = row[0].strip().lower()
        if first in SECTIONS and len(_trim(row)) == 1:
            if first in seen:
                raise PabulibError(line, f"a second {first.upper()} section")
            if SECTIONS.index(first) != len(seen):
                wanted = SECTIONS[len(seen)].upper()
                raise PabulibError(line, f"{first.upper()} section before the {wanted} section")
            if first == "projects":
                _check_meta(meta, meta_lines, line)
            seen.append(first)
            section, expect_header = first, True
            continue
        if section is None:
            raise PabulibError(line, "data before the META section")
        if expect_header:
            header = [cell.strip() for cell in _trim(row)]
            _check_header(section, header, line)
            headers[section] = header
            expect_header = False
            continue
        if section == "meta":
            row = _trim(row)
            if len(row) < 2:
                raise PabulibError(line, "a META line needs a key and a value")
            key = row[0].strip()
            if key in meta:
                raise PabulibError(
                    line, f"META key {key!r} repeated (first on line {meta_lines[key]})"
                )
            meta[key], meta_lines[key] = row[1].strip(), line
        elif section == "projects":
            record = _record(headers["projects"], row, line)
            project_id = record[headers["projects"][0]].strip()
            if not project_id:
                raise PabulibError(line, "a project without an id")
            if project_id in projects:
                raise PabulibError(line, f"project {project_id!r} listed twice")
            cost = _number(record["cost"], line, "cost")
            if cost < 0:
                raise PabulibError(line, f"project {project_id!r} has a negative cost")
            projects[project_id] = Project(project_id, cost, record)
        else:
            ballots.append(
                _ballot(meta["vote_type"], headers["votes"], row, line, projects, shared)
            )
            if ballots[-1].voter_id in voters:
                raise PabulibError(line, f"voter {ballots[-1].voter_id!r} voted twice")
            voters.add(ballots[-1].voter_id)
    if len(seen) < 3:
        missing = ", ".join(s.upper() for s in SECTIONS if s not in seen)
        raise PabulibError(0, f"no {missing} section")
    if expect_header:
        raise PabulibError(0, f"the {section.upper()} section has no header line")
    _check_counts(meta, meta_lines, projects, ballots)
    return Election(meta, projects, ballots, tuple(headers["projects"]), tuple(headers["votes"]))


def _check_header(section: str, header: list[str], line: int) -> None:
    if len(set(header)) != len(header):
        raise PabulibError(line, f"a column repeated in the {section.upper()} header")
    required = {"meta": ("key", "value"), "projects": ("cost",), "votes": ("voter_id", "vote")}
    if section == "meta" and [h.lower() for h in header[:2]] != ["key", "value"]:
        raise PabulibError(line, "the META header must be key;value")
    for column in required[section] if section != "meta" else ():
        if column not in header:
            raise PabulibError(line, f"the {section.upper()} header has no {column!r} column")


def _check_meta(meta: dict, meta_lines: dict, line: int) -> None:
    for key in REQUIRED_META:
        if key not in meta:
            raise PabulibError(line, f"META has no {key!r}")
    budget = _number(meta["budget"], meta_lines["budget"], "budget")
    if budget < 0:
        raise PabulibError(meta_lines["budget"], "the budget is negative")
    if meta["vote_type"] not in VOTE_TYPES:
        raise PabulibError(
            meta_lines["vote_type"],
            f"unknown vote_type {meta['vote_type']!r} (one of {', '.join(VOTE_TYPES)})",
        )
    for key in ("num_projects", "num_votes"):
        if not meta[key].isdigit():
            raise PabulibError(meta_lines[key], f"{key} {meta[key]!r} is not a whole number")


def _check_counts(meta, meta_lines, projects, ballots) -> None:
    for key, found in (("num_projects", len(projects)), ("num_votes", len(ballots))):
        if int(meta[key]) != found:
            raise PabulibError(meta_lines[key], f"{key} is {meta[key]} but the file has {found}")


def _ballot(vote_type, header, row, line, projects, shared) -> Ballot:
    record = _record(header, row, line)
    voter_id = record["voter_id"].strip()
    if not voter_id:
        raise PabulibError(line, "a vote without a voter_id")
    chosen = _items(record["vote"])
    for position, project_id in enumerate(chosen):
        project = projects.get(project_id)
        if project is None:
            raise PabulibError(line, f"vote for unknown project {project_id!r}")
        chosen[position] = project.id
    if len(set(chosen)) != len(chosen):
        raise PabulibError(line, "a project appears twice in one vote")
    if vote_type == "choose-1" and len(chosen) > 1:
        raise PabulibError(line, f"a choose-1 vote lists {len(chosen)} projects")
    points = None
    if "points" in record and (vote_type in POINTS_TYPES or record["points"].strip()):
        points = tuple(_number(p, line, "points") for p in _items(record["points"]))
        if len(points) != len(chosen):
            raise PabulibError(line, f"{len(chosen)} projects but {len(points)} points")
        if vote_type == "cumulative" and any(p < 0 for p in points):
            raise PabulibError(line, "negative points in a cumulative vote")
    elif vote_type in POINTS_TYPES:
        raise PabulibError(line, f"a {vote_type} vote without points")
    others = {
        k: shared.setdefault(v, v)
        for k, v in record.items()
        if k not in ("voter_id", "vote", "points")
    }
    return Ballot(voter_id, tuple(chosen), points, others)


def dumps(election: Election) -> str:
    """The election as `.pb` text (no byte-order mark, `\\n` line endings)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["META"])
    writer.writerow(["key", "value"])
    for key, value in election.meta.items():
        writer.writerow([key, value])
    writer.writerow(["PROJECTS"])
    writer.writerow(election.project_columns)
    for project in election.projects.values():
        writer.writerow([project.fields.get(c, "") for c in election.project_columns])
    writer.writerow(["VOTES"])
    writer.writerow(election.vote_columns)
    for ballot in election.ballots:
        cells = {**ballot.fields, "voter_id": ballot.voter_id, "vote": ",".join(ballot.projects)}
        if ballot.points is not None:
            cells["points"] = ",".join(str(p) for p in ballot.points)
        writer.writerow([cells.get(c, "") for c in election.vote_columns])
    return out.getvalue()


def write(election: Election, path: str | Path) -> None:
    Path(path).write_text(dumps(election), encoding="utf-8")
