"""Freeze a Heatmap's questions as plain data, so results keep the exact version they were answered on.

The structure is what a result, a group and the admin totals read: never the live page, whose
statements editors may change at any time.
"""

import hashlib
import json

SCALE_SIZE = 5


def freeze(page):
    """The page's scale, sections, elements, statements and next steps as JSON-ready data."""
    sections = []
    for section in page.sections:
        value = section.value
        elements = []
        for element in value["elements"].bound_blocks:
            element_value = element.value
            elements.append(
                {
                    "key": element.id,
                    "name": element_value["name"],
                    "explanation": element_value["explanation"],
                    "statements": [
                        {"key": statement.id, "text": statement.value}
                        for statement in element_value["statements"].bound_blocks
                    ],
                    "next_steps": [
                        {
                            "band": step["band"],
                            "text": step["text"].source,
                            "links": [link.pk for link in step["links"] if link is not None],
                        }
                        for step in element_value["next_steps"]
                    ],
                }
            )
        sections.append(
            {
                "key": section.id,
                "title": value["title"],
                "introduction": value["introduction"].source,
                "elements": elements,
            }
        )
    return {"scale": page.scale_labels(), "sections": sections}


def fingerprint(structure):
    return hashlib.sha256(json.dumps(structure, sort_keys=True).encode()).hexdigest()


class Structure:
    """Read-only helpers over one frozen version."""

    def __init__(self, data):
        self.data = data
        self.sections = data["sections"]
        self.scale = data["scale"]
        self.elements = [element for section in self.sections for element in section["elements"]]
        self.statements = {
            statement["key"]: element for element in self.elements for statement in element["statements"]
        }

    @property
    def step_count(self):
        return len(self.sections)

    def section(self, step):
        """The section shown at `step` (1-based), or None outside the range."""
        if 1 <= step <= len(self.sections):
            return self.sections[step - 1]
        return None

    def statement_keys(self, section):
        return [statement["key"] for element in section["elements"] for statement in element["statements"]]

    def max_statements(self):
        return max((len(element["statements"]) for element in self.elements), default=0)
