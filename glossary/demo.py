"""Demo glossary: terms from the organisation's own vocabulary, marked where other demo pages use them.

Runs after the other apps, so the posts, convenings and stories it marks already exist.
"""

import re

from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText

from blog.models import BlogPage
from events.models import EventPage

from .models import (
    GlossaryGroup,
    GlossaryIndexPage,
    GlossaryRelatedTerm,
    GlossarySuggestion,
    GlossaryTermPage,
)
from .rich_text import LINKTYPE

# (title, group slug, short definition, fields); "related" names earlier terms only, and
# "discussed" is a word from the title of the post or convening where it first came up.
TERMS = [
    (
        "Relationship-centred practice",
        "why-put-relationships-first",
        "Ways of working that treat the quality of relationships as the foundation of good outcomes, not a by-product of them.",
        {
            "also_called": "relational practice, relationship-centred approach",
            "explanation": "It applies to public services, charities, businesses and neighbourhoods alike: the question is always what it would take for the relationships involved to flourish.",
            "discussed": "Relationship-Centred Practice",
        },
    ),
    (
        "The first mile, not the extra mile",
        "why-put-relationships-first",
        "The conviction that relationships come first: the route by which other goals are reached, not an optional extra added once the 'real' work is done.",
        {
            "also_called": "first mile",
            "quoted_definition": "Relationships are the first order goal, as well as the means by which other goals will be achieved.",
            "quote_source": "David Robinson",
            "related": ["Relationship-centred practice"],
        },
    ),
    (
        "Social capital",
        "why-put-relationships-first",
        "The value carried by networks of trust and give-and-take between people: the help, information and goodwill that keep communities and economies working.",
        {
            "explanation": "Surveys of social capital are one of the ways researchers notice a community pulling together, or drifting apart."
        },
    ),
    (
        "Radical incrementalism",
        "why-put-relationships-first",
        "Change built from many small, local acts that, sustained and added together, shift the wider system.",
        {
            "explanation": "Place-by-place progress is well informed and deep rooted, but some obstacles can only be moved on a bigger canvas, so local action needs a framework that supports it.",
            "related": ["Relationship-centred practice"],
        },
    ),
    (
        "Active neighbours",
        "types-of-relationships",
        "People who help others outside their own family, formally or informally; around nine million did so during 2020.",
        {"also_called": "active neighbour, time givers"},
    ),
    (
        "Community weavers",
        "types-of-relationships",
        "Local connectors and organisers who knit people together, many of whom led their neighbourhood's response in the early lockdowns.",
        {
            "also_called": "community weaver",
            "discussed": "Community Weaver",
            "related": ["Active neighbours"],
        },
    ),
    (
        "Bridge builders",
        "types-of-relationships",
        "People who deliberately connect across divides of background, belief or place, helping different groups find shared ground.",
        {"also_called": "bridge building, bridge builder", "related": ["Community weavers"]},
    ),
    (
        "Relational networks",
        "types-of-relationships",
        "Networks designed around the relationships between their members rather than around a structure, programme or funding stream.",
        {"also_called": "relational network", "discussed": "Relational Networks"},
    ),
    (
        "Warm web vs cold web",
        "types-of-relationships",
        "The difference between online spaces that nurture real connection (warm) and those built only for transactions (cold).",
        {"also_called": "warm web, cold web", "discussed": "online"},
    ),
    (
        "Tokenism",
        "the-cost-of-not-doing-so",
        "Involving people in name only: consulting or 'co-producing' to tick a box while decisions stay exactly where they were.",
        {"also_called": "tokenistic co-production"},
    ),
    (
        "Transactional services",
        "the-cost-of-not-doing-so",
        "Services designed around one-off exchanges, a form filled or a visit logged, rather than around an ongoing relationship between people.",
        {"also_called": "transactional approach", "related": ["Relationship-centred practice"]},
    ),
    (
        "Relational offsetting",
        "the-cost-of-not-doing-so",
        "Deliberately making up for the relationships a service or system wears away by investing in relationships elsewhere.",
        {
            "explanation": "Like carbon offsetting, it holds promise and risk: it can direct scarce time to where human contact matters most, or it can excuse the harm in the first place.",
            "discussed": "offsetting",
            "related": ["Transactional services"],
        },
    ),
    (
        "Social plumbing",
        "places-and-spaces",
        "The everyday places, routines and small structures, from benches to noticeboards, through which relationships flow, mostly unnoticed until they are missing.",
        {
            "also_called": "social infrastructure",
            "explanation": "A social plumbing test asks of every new development: where will people bump into each other?",
            "related": ["Social capital"],
        },
    ),
    (
        "Third places",
        "places-and-spaces",
        "Places that are neither home nor work, such as cafés, libraries and barbers, where people meet informally and relationships grow.",
        {"also_called": "third place", "related": ["Social plumbing"]},
    ),
    (
        "Warm spaces",
        "places-and-spaces",
        "Free, welcoming rooms opened in libraries, churches and community centres during the cost-of-living crisis, offering warmth and company.",
        {"also_called": "warm welcome, warm space", "related": ["Third places"]},
    ),
    (
        "20-minute neighbourhood",
        "places-and-spaces",
        "A neighbourhood where most daily needs are within a 20-minute walk, giving people more chances to meet along the way.",
        {"related": ["Social plumbing"]},
    ),
    (
        "Relational readiness",
        "the-work-of-putting-relationships-first",
        "How open a person, organisation or place is to relational ways of working, and how able it is to build them into everyday practice.",
        {
            "explanation": "Some places are more ready than others; readiness can be grown, and knowing where you start helps choose the first step.",
            "discussed": "readiness",
            "related": ["Relationship-centred practice"],
        },
    ),
    (
        "Relational councils",
        "the-work-of-putting-relationships-first",
        "Local authorities that put relationships with and between residents at the centre of how they plan, decide and deliver.",
        {
            "also_called": "relational council",
            "discussed": "Relational Councils",
            "related": ["Relationship-centred practice"],
        },
    ),
    (
        "Relational lexicon",
        "the-work-of-putting-relationships-first",
        "The words an organisation uses about the people it serves; a relational lexicon swaps procedural jargon for language that respects relationships.",
        {"also_called": "relational language", "related": ["Relational councils"]},
    ),
    (
        "Co-production",
        "the-work-of-putting-relationships-first",
        "Designing and delivering services as equal partners with the people who use them, sharing power as well as tasks.",
        {"also_called": "co-produce, coproduction", "discussed": "co-production", "related": ["Tokenism"]},
    ),
    (
        "Stewardship",
        "the-work-of-putting-relationships-first",
        "Looking after community activity without taking it over: offering support and permission while control stays with the people who started it.",
        {"also_called": "stewardship approach", "discussed": "Stewardship", "related": ["Community weavers"]},
    ),
    (
        "The 'me to we' shift",
        "covid-era-terms",
        "The move from individual concern to collective care seen after disasters, the pandemic included, which tends to fade within months unless it is nurtured.",
        {"also_called": "me to we", "related": ["Social capital"]},
    ),
    (
        "Mutual aid groups",
        "covid-era-terms",
        "Neighbour-run groups that sprang up in spring 2020 to share shopping, prescriptions and phone calls, organised without formal structures.",
        {"also_called": "mutual aid", "related": ["Active neighbours", "The 'me to we' shift"]},
    ),
]

SUGGESTIONS = [
    {
        "term": "Relational welfare",
        "definition": "A welfare state built around supportive relationships rather than transactions.",
        "source": "Hilary Cottam, Radical Help",
        "name": "A reader",
    },
    {
        "term": "Social plumbing",
        "definition": "I would add that it includes the people who hold the keys to community buildings.",
    },
]


def load(demo):
    """The glossary page, its terms and a couple of suggestions; then mark terms in other pages."""
    glossary = demo.page(
        demo.home,
        GlossaryIndexPage,
        "glossary",
        title="Glossary",
        introduction=(
            "The words and phrases that help people talk about putting relationships first: some well "
            "established, some new. It grows with every conversation, so tell us what is missing."
        ),
    )
    groups = {group.slug: group for group in GlossaryGroup.objects.all()}
    terms = {}
    for title, group_slug, short_definition, extra in TERMS:
        extra = dict(extra)
        related = [terms[name] for name in extra.pop("related", [])]
        discussed = extra.pop("discussed", None)
        explanation = extra.pop("explanation", "")
        terms[title] = demo.page(
            glossary,
            GlossaryTermPage,
            slug_for(title),
            title=title,
            short_definition=short_definition,
            group=groups.get(group_slug),
            explanation=f"<p>{explanation}</p>" if explanation else "",
            first_discussed_in=first_discussed_in(discussed),
            related_term_links=[GlossaryRelatedTerm(term=term) for term in related],
            **extra,
        )
    if not GlossarySuggestion.objects.exists():
        for suggestion in SUGGESTIONS:
            GlossarySuggestion.objects.create(**suggestion)
        demo.created += len(SUGGESTIONS)
    mark_terms_in_pages(demo, list(terms.values()))
    return glossary


def slug_for(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower().replace("'", "")).strip("-")


def first_discussed_in(word):
    """The earliest live post or convening with `word` in its title, if any."""
    if not word:
        return None
    candidates = [
        *BlogPage.objects.live().filter(title__icontains=word).order_by("date")[:1],
        *EventPage.objects.live().filter(title__icontains=word).order_by("start")[:1],
    ]
    return candidates[0] if candidates else None


TAG = re.compile(r"(<[^>]+>)")


def wrap_first(html, pattern, term_id):
    """`html` with the first match of `pattern` outside any link marked as the term, or None."""
    parts = TAG.split(html)
    in_link = False
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            if re.match(r"<a[\s>]", part):
                in_link = True
            elif part.startswith("</a"):
                in_link = False
            continue
        match = None if in_link else pattern.search(part)
        if match:
            mark = f'<a linktype="{LINKTYPE}" id="{term_id}">{match.group(0)}</a>'
            parts[index] = part[: match.start()] + mark + part[match.end() :]
            return "".join(parts)
    return None


def mark_terms_in_pages(demo, terms):
    """Mark each term's first use in every live page body, publishing a revision where anything changed.

    A page that already marks a term is left alone for that term, so loading twice changes nothing.
    """
    patterns = [
        (
            term,
            re.compile(
                rf"(?<![\w-])({'|'.join(map(re.escape, sorted_names(term)))})(?![\w-])", re.IGNORECASE
            ),
        )
        for term in terms
    ]
    for page in Page.objects.live().not_type(GlossaryIndexPage, GlossaryTermPage).specific():
        body = getattr(page, "body", None)
        if not isinstance(body, StreamValue) or page.has_unpublished_changes:
            continue
        changed = False
        for term, pattern in patterns:
            marked = f'linktype="{LINKTYPE}" id="{term.pk}"'
            paragraphs = [(i, child) for i, child in enumerate(body) if child.block_type == "paragraph"]
            if any(marked in child.value.source for _, child in paragraphs):
                continue
            for index, child in paragraphs:
                html = wrap_first(child.value.source, pattern, term.pk)
                if html:
                    body[index] = ("paragraph", RichText(html), child.id)
                    changed = True
                    break
        if changed:
            page.save_revision().publish()
            demo.created += 1
            demo.log(f"Marked glossary terms in {page.title}")


def sorted_names(term):
    """The term's names, longest first, so 'warm web' does not win over 'warm web vs cold web'."""
    return sorted([term.title, *term.alternative_names], key=len, reverse=True)
