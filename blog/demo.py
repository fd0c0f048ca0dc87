"""Demo content for the blog: posts from the project's own archive, retold in brief."""

import datetime

from taggit.models import Tag

from core.demo import paragraphs
from events.models import EventPage

from .models import (
    BlogIndexPage,
    BlogPage,
    BlogPageAuthor,
    BlogPageRelatedPost,
    BlogPageTag,
    Category,
    Series,
)

CATEGORIES = {
    "key-concepts": ("Key Concepts", "Ideas and words that help make the case for relationships."),
    "reflections": ("Reflections", "What we noticed, learned and wondered about along the way."),
    "policy": ("Policy", "How government, local and national, could put relationships first."),
    "practice": (
        "Practice",
        "Relationship-centred practice on the ground, and the infrastructure behind it.",
    ),
}
SERIES = {
    "key-concepts": (
        "Key Concepts",
        "Short essays, one idea at a time, on the language of relational practice.",
    ),
    "joining-the-dots": (
        "Joining the Dots",
        "How a scattered field of relationship-centred practice began to build shared infrastructure.",
    ),
}
PEOPLE = {
    "david": (
        "David Robinson",
        "Co-founder",
        "David co-founded the Relationships Project in 2019 after decades of community work in east London.",
    ),
    "iona": (
        "Iona Lawrence",
        "Co-founder",
        "Iona leads the project's work on infrastructure for the field of relationship-centred practice.",
    ),
    "immy": (
        "Immy",
        "Convenings and network lead",
        "Immy looks after the project's convenings and the network of practitioners around them.",
    ),
    "nick": (
        "Nick Sinclair",
        "Associate",
        "Nick writes about neighbourhoods, networks and the policy that shapes them.",
    ),
    "paul": (
        "Paul Morrison",
        "Associate",
        "Paul works on how government can design policy around networks of people and organisations.",
    ),
}


def quote(text, attribution="", role=""):
    return ("quote", {"text": text, "attribution": attribution, "role": role})


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


# slug, title, date, category, series (slug, position) or None, authors, guest, tags, featured, in brief, body
POSTS = [
    (
        "through-thick-and-thin",
        "Through Thick and Thin",
        datetime.date(2021, 3, 16),
        "practice",
        ("joining-the-dots", 1),
        ["iona"],
        "",
        ["infrastructure", "collaboration"],
        False,
        "What over a hundred conversations told us about the ties between people doing relational work, "
        "and why those ties are so often thin.",
        [
            *paragraphs(
                "Up and down the country, people are doing remarkable things to build better relationships: in "
                "schools, surgeries, housing estates and council offices. Yet when we asked them who they learn "
                "from, many named nobody outside their own organisation.",
                "Over the winter of 2020 we spoke to more than a hundred practitioners, funders and thinkers. The "
                "same picture kept coming back: strong nodes, weak links. Good ideas stay where they started, and "
                "people carry the emotional load of swimming against the tide on their own.",
            ),
            heading("What an infrastructure for relationships might be"),
            *paragraphs(
                "Infrastructure is a dull word for a lively thing. We mean the places, habits and tools that let "
                "practitioners find one another, share what works and make the case together. The goal is a world "
                "designed for and around relationships, where they are the first mile rather than the extra one."
            ),
            quote("Relationships are the first mile, not the extra mile.", "David Robinson"),
        ],
    ),
    (
        "building-a-relationship-collective-our-proposal",
        "Building a Relationship Collective: Our Proposal",
        datetime.date(2021, 7, 8),
        "practice",
        ("joining-the-dots", 2),
        ["iona", "david"],
        "",
        ["infrastructure", "funding"],
        False,
        "We are publishing our funding proposal in the open, so anyone can see what we hope to build and find ways "
        "to build it with us.",
        paragraphs(
            "Building on Through Thick and Thin, we have submitted an expression of interest to the National "
            "Lottery Community Fund's Bringing People Together Fund. It describes a two-year project to design, "
            "test and build the infrastructure a field of relational practice needs.",
            "Proposals are usually private documents. Borrowing a habit from friends in the democracy sector, we "
            "are sharing ours in full: partly to be accountable, mostly because collaboration starts earlier when "
            "people can see the plan.",
            "If you recognise your own work in it, or see a gap we have missed, we would love to hear from you.",
        ),
    ),
    (
        "two-years-of-bringing-people-together",
        "Two years of bringing people together",
        datetime.date(2023, 7, 20),
        "reflections",
        ("joining-the-dots", 3),
        ["iona"],
        "",
        ["infrastructure", "convenings"],
        False,
        "Two years on from our proposal, we look back at what the Relationships Collective did, what surprised us "
        "and what comes next.",
        paragraphs(
            "In July 2021 we shared our proposal; in July 2022 we reported on the first year. Now the funded "
            "period is over, and it is time to take stock honestly.",
            "We recruited a Relationships Collective, hosted convenings in Newcastle and online, and grew a map of "
            "people and organisations who put relationships first. Some experiments flourished; others taught us "
            "more by not working.",
            "The biggest lesson is the simplest: people want to be in the room with one another. Everything else "
            "we build should make that easier.",
        ),
    ),
    (
        "the-relationships-academy-why-what-and-how",
        "The Relationships Academy: Why, What and How",
        datetime.date(2024, 5, 14),
        "practice",
        ("joining-the-dots", 4),
        ["iona", "immy"],
        "",
        ["learning", "infrastructure"],
        False,
        "How do we meet the growing demand for knowledge about relational practice, and help people turn it into "
        "action where they are? Our answer is an academy.",
        paragraphs(
            "Demand for knowledge about relationship-centred practice keeps growing, and so does the request that "
            "follows it: help us do this here. We have been exploring how best to respond since we first floated "
            "the idea of an academy.",
            "Why: because practitioners learn most from one another. What: a programme of short courses, learning "
            "sets and open materials. How: co-designed with the people who will use it, and priced so that cost is "
            "never the reason someone stays away.",
        ),
    ),
    (
        "growing-connection-the-roots-programme",
        "Growing Connection: The story of the Roots Programme",
        datetime.date(2025, 1, 28),
        "practice",
        None,
        ["immy"],
        "",
        ["bridging", "neighbourhoods"],
        False,
        "Three members of the Roots Programme team on bridging gaps between people who rarely meet, and the "
        "lasting relationships that can follow.",
        [
            *paragraphs(
                "The Roots Programme brings together people from different backgrounds who might otherwise never "
                "share a table. Their exchanges, some online and some in neighbourhood spaces, are built around "
                "listening deeply and imagining a place together.",
                "We spoke to three of the team about why cultural exchange works, what makes a neutral space feel "
                "safe, and how a one-off conversation becomes a friendship.",
            ),
            quote(
                "We don't ask people to agree. We ask them to stay curious for an hour longer than feels comfortable.",
                "Roots Programme facilitator",
            ),
        ],
    ),
    (
        "the-man-in-the-hospital",
        "The man in the hospital",
        datetime.date(2024, 10, 22),
        "reflections",
        None,
        ["david"],
        "",
        ["health", "public services"],
        True,
        "A day at the hospital, and the case for 'critical synergy': the awesome science and warm, human "
        "relationships, together.",
        [
            *paragraphs(
                "I spent a long day at the hospital recently, beside someone I love. The science was astonishing. "
                "The moments that mattered most, though, were small: a nurse who used his name, a porter who stopped "
                "to explain where they were going.",
                "As the Health Secretary consults on the future of the NHS, it is tempting to frame the choice as "
                "technology or people. It is neither. We want the awesome science, and we want warmth and attention, "
                "because each makes the other work.",
            ),
            quote("We want the awesome science. We also want good relationships.", "David Robinson"),
            *paragraphs(
                "I call that critical synergy, and it should be a design principle, not a happy accident."
            ),
        ],
    ),
    (
        "a-glossary-of-relational-phrases",
        "A glossary of relational phrases",
        datetime.date(2023, 11, 2),
        "key-concepts",
        ("key-concepts", 1),
        ["immy", "david"],
        "",
        ["language"],
        False,
        "The words we reach for when making the case for relationships: a shared, growing list, offered as a "
        "starting point rather than a rulebook.",
        paragraphs(
            "Over the last few years many of us have talked more and more about putting relationships first. "
            "Along the way we have gathered terms and phrases that help explain the idea and argue for it.",
            "Some are well established; others are new. You may define them differently, and that is welcome. The "
            "aim is not to police language but to widen our shared vocabulary, so more of us can advocate for "
            "relational ways of working.",
        ),
    ),
    (
        "reflections-on-our-discussion-about-relational-phrases",
        "Reflections on our discussion about relational phrases",
        datetime.date(2023, 11, 24),
        "reflections",
        None,
        ["immy"],
        "",
        ["language", "convenings"],
        False,
        "Twenty of us met on Zoom to talk about the language of relationships. Definitions mattered less than "
        "we expected.",
        paragraphs(
            "This week twenty people joined us to discuss the words we use about relationships, prompted by our "
            "glossary of relational phrases.",
            "We started with definitions and soon moved past them. The richer question was who the words are for: "
            "a phrase that opens doors with a commissioner can close them with a neighbour.",
            "Thank you to everyone who came. The glossary will change as a result.",
        ),
    ),
    (
        "relationships-through-the-lens-of-power",
        "Relationships through the lens of power",
        datetime.date(2024, 3, 12),
        "key-concepts",
        None,
        [],
        "Kaiden, Samuel Centre for Social Connectedness Fellow",
        ["power", "patterns"],
        False,
        "Kaiden, who is helping us build a Pattern Library for relationship-centred practice, asks what changes "
        "when we look at relationships through the lens of power.",
        paragraphs(
            "Kaiden lives in Tiohtià:ke/Montréal and has spent their research fellowship helping us build a Pattern "
            "Library: recurring ways that relational practice succeeds, and the conditions it needs.",
            "Every relationship carries power, whether or not we name it. Patterns that ignore it tend to serve the "
            "people already holding it. Naming power is not a detour from relational work; it is part of it.",
        ),
    ),
    (
        "doing-what-anyone-would-do",
        "Doing what anyone would do",
        datetime.date(2024, 11, 12),
        "reflections",
        None,
        ["david"],
        "",
        ["kindness"],
        False,
        "We would run through fire for the people we love, yet study our phones when faced with a stranger. A short, "
        "personal piece on kindness as a human superpower.",
        paragraphs(
            "A stranger fell on the pavement ahead of me last week. Three people stopped within seconds; one "
            "called an ambulance, one knelt beside her, one held her shopping.",
            "Afterwards each of them said the same thing: I only did what anyone would do. Perhaps. But caring "
            "for people we do not know is a remarkable capacity, and our systems too rarely make room for it.",
        ),
    ),
    (
        "relational-offsetting-the-art-and-the-science",
        "Relational offsetting: the art and the science",
        datetime.date(2025, 2, 10),
        "key-concepts",
        ("key-concepts", 2),
        ["david", "iona"],
        "",
        ["public services", "technology"],
        True,
        "Could technology free up time for human relationships where they matter most? We outline the idea of "
        "relational offsetting, and its risks.",
        [
            *paragraphs(
                "Relational offsetting is a simple proposition: where technology makes a service faster or cheaper, "
                "some of the time saved should be reinvested in human relationships, where they matter most.",
            ),
            heading("The art and the science"),
            *paragraphs(
                "The science tells us where automation helps. The art tells us where a relationship is the "
                "service. Getting the balance right needs both, and it matters more now than ever.",
                "Join our open conversation on 24 February to test the idea with us.",
            ),
        ],
    ),
    (
        "reflections-on-relational-offsetting",
        "What we heard about relational offsetting",
        datetime.date(2025, 3, 11),
        "reflections",
        None,
        ["immy"],
        "",
        ["public services", "technology", "convenings"],
        False,
        "Thank you to everyone who came to our conversation on relational offsetting: the potential we heard "
        "about, and the risks people asked us to take seriously.",
        paragraphs(
            "Last week's conversation on relational offsetting was lively. People could see it working in their "
            "places: in housing, in social care, in the front office of a busy council.",
            "They were just as clear about the risks: that 'time saved' becomes a cut, or that relationships "
            "become a target to game. We have gathered the takeaways and will keep testing the idea in the open.",
        ),
    ),
    (
        "the-relational-neighbourhood",
        "The relational neighbourhood",
        datetime.date(2025, 4, 30),
        "policy",
        ("key-concepts", 3),
        ["nick", "david"],
        "",
        ["neighbourhoods", "policy"],
        False,
        "An area where connections matter as much as geography: how recent policy changes open the way to "
        "relational neighbourhoods.",
        paragraphs(
            "A neighbourhood is usually drawn on a map. A relational neighbourhood is drawn by the connections "
            "between the people in it: who knows whom, who would notice if someone went missing.",
            "Recent changes in policy, from neighbourhood health to devolution, create openings to design for "
            "those connections deliberately. We set out where to start.",
        ),
    ),
    (
        "a-relational-approach-to-public-policy",
        "A relational approach to public policy: why it's now essential",
        datetime.date(2025, 4, 3),
        "policy",
        None,
        ["paul"],
        "",
        ["policy", "networks"],
        False,
        "Five ways government could design policy that recognises change happens through networks of people and "
        "organisations.",
        paragraphs(
            "Nine months after the general election, ministers have promised to govern differently. We think "
            "that promise needs a deep commitment to relational practice.",
            "If you want to change what a system produces, change the relationships that shape it. Here are five "
            "practical ways to design policy that way, from how funding flows to how success is measured.",
        ),
    ),
    (
        "a-society-of-service",
        "A ‘Society of Service’? Practical ideas for local and central government",
        datetime.date(2024, 11, 5),
        "policy",
        None,
        ["david"],
        "",
        ["policy", "public services"],
        False,
        "A new Civil Society Compact, an NHS consultation and a tight budget: practical ideas for putting "
        "relationships at the centre of a society of service.",
        paragraphs(
            "In a single fortnight the Prime Minister launched a Civil Society Compact, the Health Secretary opened "
            "a consultation on the NHS, and the Chancellor set a budget that squeezes frontline services.",
            "Together they raise a question: what would a society of service look like if relationships were the "
            "starting point? We offer practical ideas for councils and for Whitehall.",
        ),
    ),
    (
        "relational-readiness",
        "Relational readiness",
        datetime.date(2025, 9, 22),
        "key-concepts",
        ("key-concepts", 4),
        ["immy", "david"],
        "",
        ["places", "learning"],
        True,
        "Some places are more ready than others to embrace relational practice. What are the signs, and can "
        "readiness be grown?",
        paragraphs(
            "We have been thinking about relational readiness: how receptive a person, organisation or community "
            "is to the values of relational practice, and how able to make it part of everyday work.",
            "What are the indicators that a place is ready? Trust between leaders, permission to take time, a "
            "story people already tell about themselves. Add your thoughts before our open Zoom.",
        ),
    ),
    (
        "changing-our-permissions",
        "Changing our permissions: notes from Birmingham",
        datetime.date(2024, 7, 19),
        "reflections",
        None,
        ["immy"],
        "",
        ["permissions", "convenings"],
        False,
        "120 practitioners met in Birmingham to explore the norms, beliefs and rules that help and hinder us in "
        "putting relationships first.",
        paragraphs(
            "On 12 July, 120 relationship-centred practitioners came together at the Button Factory in Birmingham. "
            "The theme was permission: the written rules and unwritten norms that decide whether we can put "
            "relationships first.",
            "Our kitchen-table guests spoke with real candour about the permissions they had to give themselves. "
            "Many people stayed long after the official end, which is, of course, the point.",
        ),
    ),
]
# Posts that reflect on a convening, matched by words in the convening's title.
CONVENINGS = {
    "reflections-on-our-discussion-about-relational-phrases": "relational terms",
    "reflections-on-relational-offsetting": "offsetting",
    "changing-our-permissions": "permissions",
}
# Hand-picked "read next" posts; each names posts that come earlier in POSTS.
RELATED = {
    "a-society-of-service": ["a-relational-approach-to-public-policy", "the-man-in-the-hospital"],
    "relational-readiness": ["relational-offsetting-the-art-and-the-science", "the-relational-neighbourhood"],
}


def load(demo):
    """Create the blog index, its categories, series and posts; return the index for the menu."""
    index = demo.page(
        demo.home,
        BlogIndexPage,
        "blog",
        title="Blog",
        in_brief="News and thoughts from the field: essays, reflections on our convenings and ideas in progress.",
    )
    categories = {
        slug: Category.objects.get_or_create(slug=slug, defaults={"name": name, "description": text})[0]
        for slug, (name, text) in CATEGORIES.items()
    }
    series = {
        slug: Series.objects.get_or_create(slug=slug, defaults={"title": title, "description": text})[0]
        for slug, (title, text) in SERIES.items()
    }
    people = {key: demo.person(name, role, bio) for key, (name, role, bio) in PEOPLE.items()}
    existing = set(index.get_children().values_list("slug", flat=True))
    posts = {}
    for number, post in enumerate(POSTS):
        slug, title, date, category, in_series, authors, guest, tags, featured, in_brief, body = post
        if slug in existing:
            posts[slug] = BlogPage.objects.get(slug=slug)
            continue
        convening = CONVENINGS.get(slug)
        posts[slug] = demo.page(
            index,
            BlogPage,
            slug,
            title=title,
            date=date,
            in_brief=in_brief,
            body=body,
            category=categories[category],
            series=series[in_series[0]] if in_series else None,
            series_position=in_series[1] if in_series else None,
            authors=[BlogPageAuthor(person=people[key], sort_order=i) for i, key in enumerate(authors)],
            guest_author=guest,
            tagged_items=[BlogPageTag(tag=Tag.objects.get_or_create(name=name)[0]) for name in tags],
            hero_image=demo.image(f"blog-{slug}", f"Illustration for {title}", number),
            hero_alt="An abstract drawing of hand-drawn circles overlapping on warm paper.",
            featured=featured,
            exclude_from_newsletter=slug == "two-years-of-bringing-people-together",
            related_convening=EventPage.objects.filter(title__icontains=convening).first()
            if convening
            else None,
            related_links=[
                BlogPageRelatedPost(post=posts[other], sort_order=i)
                for i, other in enumerate(RELATED.get(slug, []))
            ],
        )
    return index
