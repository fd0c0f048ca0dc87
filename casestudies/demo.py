"""Demo content for the Case Maker: the four parts of the case, the explorer's labels and real-world stories."""

from wagtail.rich_text import RichText

from core.demo import paragraphs
from events.models import EventPage

from .models import CaseMakerPage, CaseMakerSectionPage, CaseStudyPage, Enabler, Scale, Sector

SITE = "https://relationshipsproject.org/"
REPORT = ("A world of good relationships, The Relationships Project, 2021", SITE)
YOUGOV = ("YouGov for The Relationships Project, autumn 2020", SITE)

SECTORS = [
    (
        "Social care",
        "social-care",
        "Care and support for people of every age, at home and in residential settings.",
    ),
    ("Public health", "public-health", "Primary care, hospitals and the wider work of keeping people well."),
    ("The arts", "the-arts", "Making and sharing culture together, from choirs to community theatre."),
    ("Prison rehabilitation", "prison-rehabilitation", "Prisons, probation and life after a sentence."),
    (
        "Community organising",
        "community-organising",
        "Neighbours and local groups acting together on what matters to them.",
    ),
    ("Social integration", "social-integration", "Bringing together people who might otherwise never meet."),
    ("Deathcare", "deathcare", "Care at the end of life and for the people who grieve."),
    ("Education", "education", "Schools, colleges and learning outside the classroom."),
]
ENABLERS = [
    ("Time", "time", "Someone had the time to stop, listen and come back."),
    ("Continuity", "continuity", "The same people, week after week, long enough for trust to grow."),
    ("Permission", "permission", "People were allowed, or allowed themselves, to do things differently."),
    ("Shared purpose", "shared-purpose", "People were working on something they all cared about."),
    ("Power shared", "power-shared", "Decisions were made with people, not for them."),
    ("Somewhere to meet", "somewhere-to-meet", "A warm, welcoming place where people could find each other."),
]

SECTIONS = [
    (
        "what-we-mean",
        "What we mean by relationship-centred practice",
        "Putting relationships first: as the way things get done, and as a goal in their own right.",
        [
            *paragraphs(
                "Relationship-centred practice starts from a simple observation: almost everything we value, from "
                "good health to a good education to a safe neighbourhood, is built from the quality of our "
                "relationships. It treats relationships as the first mile, not the extra one.",
                "That means two things at once. Relationships are the means by which other goals are reached: "
                "a patient who trusts their doctor takes part in their own care. And they are an end in themselves, "
                "bringing companionship, support, joy and hope.",
                "In practice it looks less like a programme and more like a set of habits: giving people time, "
                "keeping the same faces around, sharing decisions, and noticing when systems squeeze the human "
                "contact out of a service.",
            ),
            (
                "quote",
                {
                    "text": "Relationships are the first order goal, as well as the means by which other goals will be achieved.",
                    "attribution": "David Robinson",
                    "role": "Co-founder, The Relationships Project",
                },
            ),
        ],
    ),
    (
        "impact",
        "The impact of investing in relationships",
        "What changes when organisations and places invest in relationships, and what the evidence says.",
        [
            *paragraphs(
                "Good relationships lead to better health, lower crime, higher educational outcomes and stronger "
                "communities. When they are missing, problems that look very different turn out to share a root: "
                "relationships broken, or never there to begin with.",
                "The pandemic showed the scale of what people will do for each other when they are trusted to. "
                "Our research with YouGov in autumn 2020 found millions of people caring for others outside their "
                "family, many of them for the first time.",
            ),
            (
                "evidence",
                {
                    "figure": "9 million",
                    "label": "people were caring for others outside their family for more than three hours a week in 2020",
                    "source": "YouGov for The Relationships Project, autumn 2020",
                    "source_url": SITE,
                },
            ),
            (
                "evidence",
                {
                    "figure": "3.94 million",
                    "label": "of them had done little or no volunteering before the pandemic",
                    "source": "YouGov for The Relationships Project, autumn 2020",
                    "source_url": SITE,
                },
            ),
            *paragraphs(
                "Investing in relationships is also smart management of scarce resources. Support that grows out of "
                "long-standing friendships can keep someone out of hospital or residential care, and it costs far "
                "less than the crisis it prevents."
            ),
        ],
    ),
    (
        "in-action",
        "Relationship-centred practice in action",
        "Stories from people who have put relationships first, in every kind of setting.",
        [
            (
                "paragraph",
                RichText(
                    "<p>There is no single beacon to guide us all, but lots of lanterns that can light our own paths. "
                    "The stories here come from GP surgeries and allotments, councils and cafés, mutual aid groups and "
                    "classrooms. Each one says what people did, what changed, and what made it possible.</p>"
                    '<p><a href="/case-maker/stories/">Explore the stories</a> by sector, by scale, or by what '
                    "enabled them, and print any of them as a case card for your next workshop.</p>"
                ),
            ),
        ],
    ),
    (
        "your-case",
        "Making your own case",
        "How to use the evidence and stories to argue for relationships where you are.",
        [
            *paragraphs(
                "Think of your own place: a team, a school, a neighbourhood or a council. What would change if good "
                "relationships were the starting point for every decision?",
                "Start with a story your audience will recognise. Pick one or two from the explorer that match your "
                "sector, then add the evidence that speaks to the outcomes your audience is accountable for.",
                "Be honest about what it takes. Relationships need time, continuity and permission; say which of "
                "those you are asking for, and what you will stop doing to make room.",
            ),
            (
                "paragraph",
                RichText(
                    '<p>Bring the stories into the room: <a href="/case-maker/cards/">print the case cards</a>, '
                    "each with a QR code and a short address that lead back to the full story.</p>"
                ),
            ),
        ],
    ),
]

STORIES = [
    {
        "slug": "a-little-chat-with-maureen",
        "title": "A little chat with Maureen",
        "in_brief": "A GP practice turned the queue at reception into a daily coffee morning, and freed up doctors' time.",
        "organisation": "A town-centre GP practice",
        "place": "East London",
        "sectors": ["public-health"],
        "scale": "organisation",
        "enablers": ["time", "somewhere-to-meet", "permission"],
        "storyteller": "David Robinson",
        "what_they_did": "Patients could book appointments on a console on the wall, but some still queued to speak "
        "to the receptionist because they liked a chat with her. Rather than steer everyone to the screen, the "
        "practice set aside a room each morning for coffee, hosted by a community worker.",
        "what_changed": "A dozen or more regulars now meet each morning. Some leave reassured without needing an "
        "appointment; friendships form that outlast any consultation, and GP time goes to the patients who need "
        "it most.",
        "evidence": (
            "12+",
            "patients a morning sharing the 'little chat' in place of a queue at reception",
            REPORT,
        ),
        "quote": ("I like a little chat with Maureen.", "A patient at the practice", ""),
        "palette": 0,
    },
    {
        "slug": "the-allotment-that-looked-after-its-own",
        "title": "The allotment that looked after its own",
        "in_brief": "When flu struck an older gardener, his allotment group cooked, shopped and checked in until he was back digging onions.",
        "organisation": "A neighbourhood allotment group",
        "place": "Outer London",
        "sectors": ["social-care", "community-organising"],
        "scale": "individual",
        "enablers": ["continuity", "shared-purpose"],
        "storyteller": "David Robinson",
        "what_they_did": "Two older people living independently caught the same flu; both stopped eating and forgot "
        "their medication. One had years of friendships from the allotment. Its members cooked meals, ran errands "
        "and called in every day without being asked.",
        "what_changed": "He recovered at home and is back on his plot. The other person, with no such circle, moved "
        "permanently into a nursing home at public expense. Nobody in the allotment group calls themselves a carer.",
        "evidence": (
            "9 million",
            "people cared for others outside their family for more than three hours a week in 2020",
            YOUGOV,
        ),
        "quote": ("We did what anyone would do.", "Allotment group member", ""),
        "palette": 1,
    },
    {
        "slug": "breakfast-at-the-cafe",
        "title": "Breakfast at the café",
        "in_brief": "A café with no hurry left room for a stranger's kindness, and for two women to start talking.",
        "organisation": "A neighbourhood café",
        "place": "London",
        "sectors": ["social-integration"],
        "scale": "individual",
        "enablers": ["time", "somewhere-to-meet"],
        "storyteller": "David Robinson",
        "what_they_did": "An older woman, wet from the rain, fumbled for her purse at the counter. The café assistant "
        "waited; there was no queue and no hurry. A younger customer stepped forward and asked to pay for her "
        "breakfast, and the staff let the moment happen.",
        "what_changed": "The two women sat at neighbouring tables and were soon deep in conversation about their "
        "children. It was a small thing, but the kind of small thing that spreads: the staff noticed, and so did "
        "everyone who saw it.",
        "evidence": (
            "Almost 70%",
            "of people who helped others during the pandemic wanted to carry on afterwards",
            REPORT,
        ),
        "quote": ("Please, I would like to.", "A customer at the café", ""),
        "palette": 2,
    },
    {
        "slug": "kit-for-councils",
        "title": "Kit for Councils: putting relationships at the centre of a local authority",
        "in_brief": "Councils used a shared kit and a peer network to sustain community relationships without squashing them.",
        "organisation": "The Relational Councils Network",
        "place": "Councils across England",
        "sectors": ["community-organising", "social-care"],
        "scale": "system",
        "enablers": ["permission", "power-shared"],
        "storyteller_name": "Tony Clements",
        "storyteller_role": "Council director and associate of The Relationships Project",
        "what_they_did": "Working with a council director, The Relationships Project produced a kit to help local "
        "authorities nurture community relationships and rethink services with relationships as the central "
        "principle. Councils then met regularly to try the ideas and share what happened.",
        "what_changed": "Councils talked openly about statutory duties, risk and the language they use with "
        "residents. Staff found permission to work relationally, and peers to learn from when it got hard.",
        "evidence": (
            "60",
            "people from councils met at the Relational Councils Network's fourth convening",
            ("Relational Councils Network, January 2023", SITE),
        ),
        "quote": (
            "Being in this space has solidified how crucial relationships are. It has affirmed how much can change "
            "if you have good relationships.",
            "Relational Councils Network member",
            "",
        ),
        "palette": 3,
    },
    {
        "slug": "active-neighbours",
        "title": "Active Neighbours: keeping the spirit without the jam jar",
        "in_brief": "Millions of people helped their neighbours in 2020. A field guide helps organisations support them without taking over.",
        "organisation": "Active Neighbours",
        "place": "Across the UK",
        "sectors": ["community-organising", "social-integration"],
        "scale": "place",
        "enablers": ["power-shared", "permission", "shared-purpose"],
        "storyteller_name": "The Relationships Project team",
        "what_they_did": "After research showed how many people were caring for neighbours during lockdown, the "
        "project worked with those who support volunteers to write a field guide: who these time givers are, why "
        "they help, and what they need from councils and charities.",
        "what_changed": "Organisations started asking how to back people up rather than recruit them into "
        "schemes, keeping the informal, neighbourly character that made the help work in the first place.",
        "evidence": (
            "6.29 million",
            "people intended to keep caring for others, as much or more, after the pandemic",
            YOUGOV,
        ),
        "quote": (
            "She said it's a good time for people who are always lonely. People have helped her sort out her phone "
            "and join prayers online, and they're bringing her home-cooked food.",
            "Relationships Observatory contributor",
            "",
        ),
        "palette": 4,
    },
    {
        "slug": "bridge-builders",
        "title": "Bridge Builders: local connectors who think like mediators",
        "in_brief": "Mutual aid groups learned to reach across divides, using practical steps drawn from conflict transformation.",
        "organisation": "Bridge Builders",
        "place": "Communities across the UK",
        "sectors": ["social-integration", "community-organising"],
        "scale": "team",
        "enablers": ["shared-purpose", "continuity"],
        "storyteller_name": "Neil Denton",
        "storyteller_role": "Conflict mediator and associate of The Relationships Project",
        "what_they_did": "Lockdown drew neighbours closer but pushed communities apart. A handbook translated "
        "conflict-transformation practice into steps local connectors could use to meet groups they rarely "
        "worked with, alone or through guided learning.",
        "what_changed": "Connectors who had organised food and prescriptions for their own streets began hosting "
        "conversations across lines of ethnicity and income, and found they could hold disagreement without "
        "losing the relationship.",
        "evidence": (
            "100+",
            "people shared the challenges of prioritising relationships in Through Thick and Thin",
            ("Through Thick and Thin, The Relationships Project, 2021", SITE),
        ),
        "quote": (
            "We need to reimagine infrastructure. Sharing and spreading needs to be key. All this stuff doesn't "
            "need big organisations.",
            "Contributor to Through Thick and Thin",
            "",
        ),
        "palette": 0,
    },
    {
        "slug": "the-lookout",
        "title": "The Lookout: young people's own account of the pandemic",
        "in_brief": "Children and young people shared what the pandemic did to their relationships, and what they need from adults now.",
        "organisation": "The Lookout, with Save the Children",
        "place": "Across the UK",
        "sectors": ["education"],
        "scale": "organisation",
        "enablers": ["time", "power-shared"],
        "storyteller_name": "Catriona Maclay",
        "storyteller_role": "Champion of young people and associate of The Relationships Project",
        "what_they_did": "Instead of asking adults what young people needed, the project asked young people. "
        "They shared experiences of lockdown and their hopes for the future, and adults from schools, charities "
        "and councils met to listen and respond.",
        "what_changed": "Recovery plans began to treat friendships, trusted adults and time together as part of "
        "learning, not a distraction from it.",
        "evidence": (
            "2021",
            "the summer The Lookout opened, as schools planned their recovery from lockdown",
            REPORT,
        ),
        "quote": (
            "Listening deeply takes time, but it is itself an exercise in relationship building.",
            "The Relationships Project team",
            "",
        ),
        "palette": 1,
    },
    {
        "slug": "good-morning-dennis",
        "title": "Good morning, Dennis",
        "in_brief": "Two encounters on one hospital ward show how much a patient's care depends on the relationship.",
        "organisation": "A hospital ward",
        "place": "England",
        "sectors": ["public-health", "social-care"],
        "scale": "individual",
        "enablers": ["time", "continuity"],
        "storyteller": "David Robinson",
        "what_they_did": "A doctor sat on the bed, took an elderly patient's hand, looked him in the eye and greeted "
        "him by name. Less than an hour later a nurse took his blood pressure without saying a word.",
        "what_changed": "With the doctor he listened, smiled and cooperated in his own care. After the silent "
        "observation he refused his lunch. The same ward, the same day: the difference was the relationship.",
        "evidence": (
            "Under an hour",
            "between a greeting that won his cooperation and a silent check that lost it",
            REPORT,
        ),
        "quote": ("I'm not dead yet.", "Dennis, a patient", ""),
        "palette": 2,
    },
]


def load(demo):
    """The Case Maker, its four sections, the explorer's labels and the stories; idempotent."""
    sectors = {slug: _label(demo, Sector, name, slug, text) for name, slug, text in SECTORS}
    enablers = {slug: _label(demo, Enabler, name, slug, text) for name, slug, text in ENABLERS}
    # A migration creates the five scales; one an editor has since deleted is simply left off.
    scales = Scale.objects.in_bulk(field_name="slug")
    launch = EventPage.objects.filter(slug="case-maker-launch").first()
    case_maker = demo.page(
        demo.home,
        CaseMakerPage,
        "case-maker",
        title="Case Maker",
        in_brief="The case for putting relationships first: what it means, why it matters, and stories of it in action.",
        introduction=(
            "<p>The Case Maker brings together evidence and real stories from social care, public health, the arts, "
            "community organising, education and more. It is for anyone who needs to persuade a board, a "
            "commissioner or a colleague that relationships are worth investing in.</p>"
            + (
                "<p>Elizabeth Oldfield and Matt Lloyd-Rose launched it in conversation with Sarah Yardley, "
                "Christine Frazer and Russ Bellenie, three of the people whose stories are in it: "
                f'<a linktype="page" id="{launch.pk}">read about the Case Maker launch</a>.</p>'
                if launch
                else ""
            )
        ),
        # The launch conversation has no published recording we can point to, so the video is left
        # empty rather than filled with a made-up address; editors add it when there is one.
        launch_video="",
        use_it_to="\n".join(
            [
                "understand what relationship-centred practice means",
                "find evidence of the difference relationships make",
                "share a story that your colleagues will recognise",
                "print case cards for a workshop or team meeting",
                "make the case for relationships in your own place",
            ]
        ),
    )
    for slug, title, in_brief, body in SECTIONS:
        demo.page(case_maker, CaseMakerSectionPage, slug, title=title, in_brief=in_brief, body=body)
    for story in STORIES:
        _story(demo, case_maker, story, sectors, scales, enablers)
    return case_maker


def _label(demo, model, name, slug, description):
    label, created = model.objects.get_or_create(
        slug=slug, defaults={"name": name, "description": description}
    )
    demo.created += created
    return label


def _story(demo, case_maker, story, sectors, scales, enablers):
    figure, label, (source, source_url) = story["evidence"]
    quote, attribution, role = story["quote"]
    storyteller = story.get("storyteller")
    demo.page(
        case_maker,
        CaseStudyPage,
        story["slug"],
        title=story["title"],
        in_brief=story["in_brief"],
        organisation=story["organisation"],
        place=story["place"],
        scale=scales.get(story["scale"]),
        sectors=[sectors[slug] for slug in story["sectors"]],
        enablers=[enablers[slug] for slug in story["enablers"]],
        storyteller=demo.person(storyteller, "Co-founder") if storyteller else None,
        storyteller_name=story.get("storyteller_name", ""),
        storyteller_role=story.get("storyteller_role", ""),
        what_they_did=story["what_they_did"],
        what_changed=story["what_changed"],
        evidence=[
            (
                "evidence",
                {"figure": figure, "label": label, "source": source, "source_url": source_url},
            )
        ],
        quotes=[("quote", {"text": quote, "attribution": attribution, "role": role})],
        listing_image=demo.image(f"story-{story['slug']}", f"Story: {story['title']}", story["palette"]),
    )
