"""Compiling releases into the current state of a contracting process (OCDS merge rules).

Objects merge field by field; arrays of objects that all have an "id" merge item by item on
that id; any other value (including other arrays) is replaced by the later release's value;
null removes a field. Releases are applied oldest first.
"""

import copy

OMIT = ("id", "date", "tag")


def _merge(into, new):
    if isinstance(new, dict) and isinstance(into, dict):
        for key, value in new.items():
            if value is None:
                into.pop(key, None)
            elif key in into:
                into[key] = _merge(into[key], value)
            else:
                into[key] = copy.deepcopy(value)
        return into
    if (
        isinstance(new, list)
        and isinstance(into, list)
        and new
        and all(isinstance(item, dict) and "id" in item for item in new + into)
    ):
        by_id = {item["id"]: item for item in into}
        order = [item["id"] for item in into]
        for item in new:
            if item["id"] in by_id:
                by_id[item["id"]] = _merge(by_id[item["id"]], item)
            else:
                by_id[item["id"]] = copy.deepcopy(item)
                order.append(item["id"])
        return [by_id[key] for key in order]
    return copy.deepcopy(new)


def compile_releases(releases: list[dict]) -> dict:
    """The compiled release: every release merged in date order, tagged "compiled"."""
    ordered = sorted(releases, key=lambda release: release.get("date", ""))
    compiled: dict = {}
    for release in ordered:
        _merge(compiled, {k: v for k, v in release.items() if k not in OMIT})
    if ordered:
        last = ordered[-1]
        compiled["id"] = f"{last.get('ocid', '')}-compiled-{last.get('id', '')}"
        compiled["date"] = last.get("date")
    compiled["tag"] = ["compiled"]
    return compiled
