"""Turn scores into what the results and group pages show: grids, findings with links, history."""

from core.visibility import site_pages

from .scoring import Cell, Row, element_means, findings, rounded, statement_grid


def resolve_links(request, found):
    """Replace the page ids of each next step with the live, public pages they name (one query)."""
    ids = {pk for items in found.values() for item in items for step in item["steps"] for pk in step["links"]}
    pages = {page.pk: page for page in site_pages().live().public().filter(pk__in=ids)} if ids else {}
    for items in found.values():
        for item in items:
            for step in item["steps"]:
                step["pages"] = [
                    (pages[pk].title, pages[pk].get_url(request)) for pk in step["links"] if pk in pages
                ]
    return found


def finding_groups(found):
    """Strengths, areas to work on and the elements in between, as (kind, heading, items)."""
    return [
        ("strengths", "Strengths", found["strengths"]),
        ("work_on", "Areas to work on", found["work_on"]),
        ("developing", "Developing: neither yet", found["developing"]),
    ]


def person_report(request, structure, scores):
    means = element_means(structure, scores)
    return {
        "rows": statement_grid(structure, scores),
        "columns": range(1, structure.max_statements() + 1),
        "findings_groups": finding_groups(resolve_links(request, findings(structure, means))),
    }


def over_time(structure, moments):
    """Rows of elements × moments (oldest first) from [(label, {element key: mean})], matching elements
    by their permanent keys so that a reworded version still lines up; names come from `structure`."""
    rows = []
    for element in structure.elements:
        cells = [Cell(rounded(means.get(element["key"])), label) for label, means in moments]
        rows.append(Row(element["key"], element["name"], cells))
    return rows


def people_grid(structure, people):
    """Rows of elements × people (anonymous, numbered in the order they finished)."""
    return [
        Row(
            element["key"],
            element["name"],
            [
                Cell(rounded(person.get(element["key"])), f"{element['name']}, person {number}")
                for number, person in enumerate(people, start=1)
            ],
        )
        for element in structure.elements
    ]


def disagreements(structure, stats, limit=3):
    """The statements with the widest spread of scores, widest first; none where everyone agrees."""
    ranked = []
    for key, element in structure.statements.items():
        row = stats.get(key)
        if row and row["spread"]:
            text = next(s["text"] for s in element["statements"] if s["key"] == key)
            ranked.append(
                {
                    "element": element["name"],
                    "text": text,
                    "spread": rounded(row["spread"]),
                    "mean": rounded(row["mean"]),
                }
            )
    ranked.sort(key=lambda item: -item["spread"])
    return ranked[:limit]
