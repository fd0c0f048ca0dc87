"""A Heatmap page with a small question set, and helpers that take it through the public views."""

import uuid

import factory
import wagtail_factories

from heatmap.models import HeatmapPage, HeatmapResult
from heatmap.tokens import digest


def element(name, statements, next_steps=()):
    return {
        "type": "item",
        "id": str(uuid.uuid4()),
        "value": {
            "name": name,
            "explanation": f"What {name.lower()} means here.",
            "statements": [{"type": "item", "value": text, "id": str(uuid.uuid4())} for text in statements],
            "next_steps": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {
                        "band": band,
                        "text": f"<p>{text}</p>",
                        "links": [{"type": "item", "value": pk, "id": str(uuid.uuid4())} for pk in links],
                    },
                }
                for band, text, links in next_steps
            ],
        },
    }


def section(title, elements):
    return {
        "type": "section",
        "id": str(uuid.uuid4()),
        "value": {"title": title, "introduction": "<p>About this step.</p>", "elements": elements},
    }


def two_step_sections():
    """Two steps: Trusting (2 statements) and Time (2) first, then Curiosity (3)."""
    return [
        section(
            "With each other",
            [
                element(
                    "Trusting",
                    ["People are trusted to decide.", "We ask what happened, not who is to blame."],
                    [
                        ("strength", "Tell newcomers how trust works here.", []),
                        ("work_on", "Remove one sign-off for a month.", []),
                    ],
                ),
                element(
                    "Time",
                    ["We make time to talk.", "Conversations are unhurried."],
                    [("work_on", "Protect ten minutes to catch up.", [])],
                ),
            ],
        ),
        section(
            "Reaching out",
            [
                element(
                    "Curiosity",
                    ["We try small experiments.", "We talk about what failed.", "Anyone's idea counts."],
                )
            ],
        ),
    ]


class HeatmapPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3)
    in_brief = factory.Faker("sentence", nb_words=12)
    introduction = "<p>Reflect on your relationships.</p>"
    contexts = factory.LazyFunction(
        lambda: [("context", {"name": "A team", "description": "Take it together."})]
    )
    sections = factory.LazyFunction(two_step_sections)

    class Meta:
        model = HeatmapPage


def token_from(response):
    """The private token in a redirect to /hm/r/<token>/..."""
    return response["Location"].split("/")[3]


def result_for(token):
    return HeatmapResult.objects.get(token_hash=digest(token))


def step_data(structure, step, score):
    """A step's POST body: `score` is a number for every statement or a function of the statement key."""
    section = structure.section(step)
    data = {"version": "", "move": "next"}
    for key in structure.statement_keys(section):
        data[f"s-{key}"] = score(key) if callable(score) else score
    return data


def take(client, token, score):
    """Answer every step of the result behind `token`; returns the last response."""
    result = result_for(token)
    structure = result.version.questions
    response = None
    for step in range(1, structure.step_count + 1):
        data = step_data(structure, step, score)
        data["version"] = result.version.number
        response = client.post(f"/hm/r/{token}/step/{step}/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
    return response
