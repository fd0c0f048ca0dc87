"""Demo content: the real programme of past convenings (2021–2025) and two upcoming ones.

Titles, dates, places and guests come from the organisation's own record of its
convenings; where the record gives no time of day or year, a plausible one is used.
"""

import datetime
import zoneinfo

from django.utils import timezone

from core.demo import paragraphs

from .models import EventFormat, EventIndexPage, EventPage, EventPagePartner, EventPageSpeaker, EventSeries

LONDON = zoneinfo.ZoneInfo("Europe/London")
ONLINE, IN_PERSON, HYBRID = EventFormat.ONLINE, EventFormat.IN_PERSON, EventFormat.HYBRID

SERIES = {
    "relational-councils": (
        "Relational Councils",
        "A peer network of people in local government exploring what it takes for a council to put "
        "relationships first, from statutory duties to the cost of living.",
    ),
    "side-by-side": (
        "Side by Side",
        "A peer learning programme for Community Weavers, nurturing community activity without "
        "controlling or constraining it.",
    ),
    "book-club": (
        "Book Club",
        "Occasional conversations about books that help us think about relationships.",
    ),
}

PEOPLE = {
    "David Robinson": "Co-founder, The Relationships Project",
    "Elizabeth Oldfield": "Writer and broadcaster",
    "Matt Lloyd-Rose": "Associate, The Relationships Project",
    "Sarah Yardley": "Case Maker contributor",
    "Christine Frazer": "Case Maker contributor",
    "Russ Bellenie": "Local government practitioner",
    "Sonal Mehta": "Kitchen Table Guest",
    "Dionne Buckman": "Kitchen Table Guest",
    "Rob McCabe": "Kitchen Table Guest",
    "Maff Potts": "Kitchen Table Guest",
    "Noreen Blanluet": "Facilitator and coach",
    "Kirsty McNeill": "Respondent, LSE lecture",
    "Gemma Mortensen": "Respondent, LSE lecture",
    "Stephan Chambers": "Professor, London School of Economics",
    "Kate Cochrane": "Head of Resilience, NHS Scotland",
    "Paul Morrison": "Director, Homes for Ukraine",
    "Neil Denton": "Co-founder, After Disasters Network",
    "David Barclay": "Steward of the Warm Welcome Campaign",
    "David Jay": "Founder, Relationality Lab",
    "Bryony Shannon": "Author of the Rewriting Social Care blog",
    "Eliot Fineberg": "Local government practitioner",
    "Tony Clements": "Local government leader",
}

# (slug, title, date, start, end, format, venue, address, attendance, series, in brief,
#  reflections, speakers as (name, role), partners as (name, url))
PAST = [
    (
        "measuring-relationships",
        "Measuring relationships: What's the problem?",
        (2021, 6, 9),
        (12, 30),
        (14, 0),
        ONLINE,
        "",
        "",
        "",
        None,
        "A conversation about the 'measurement problem': what we are really trying to capture when we "
        "count relationships, and what could go wrong.",
        [
            "We arrived with a question and left with a longer list of them, which felt right. Numbers can "
            "make relationships visible to people who fund and commission services, but they can also flatten "
            "the very thing they try to describe.",
            "Several people argued for measuring the conditions for good relationships, such as time, "
            "continuity and trust, rather than the relationships themselves.",
        ],
        [("David Robinson", "Host")],
        [],
    ),
    (
        "the-lookout-young-people",
        "The Lookout: Reflecting on young people's experiences of the pandemic",
        (2021, 9, 22),
        (12, 30),
        (14, 0),
        ONLINE,
        "",
        "",
        "",
        None,
        "What has the pandemic done to young people's relationships, and what does adult society owe them "
        "as we recover?",
        [
            "This conversation sat alongside what we had been hearing directly from young people. The message "
            "was consistent: recovery plans talk about lost learning, but young people talk about lost friendships, "
            "lost mentors and lost places to simply be together.",
            "Participants asked that 'recovery' be measured by whether young people feel known by the adults "
            "around them, not only by exam results.",
        ],
        [],
        [],
    ),
    (
        "loneliness-and-political-life",
        "Loneliness and political life: A transatlantic conversation",
        (2021, 10, 12),
        (17, 0),
        (18, 30),
        ONLINE,
        "",
        "",
        "",
        None,
        "With Pepperdine University, speakers from different political traditions explored how loneliness "
        "shapes our public and political lives.",
        [
            "It was striking how much common ground emerged between speakers who would disagree on most policy "
            "questions. Isolation, they agreed, makes people easier to polarise and harder to persuade.",
            "The lively chat running alongside the speakers showed how hungry people are for political "
            "conversation that starts from connection rather than combat.",
        ],
        [],
        [("Pepperdine University", "https://www.pepperdine.edu/")],
    ),
    (
        "nurturing-community-activity",
        "Nurturing and sustaining community activity",
        (2021, 11, 10),
        (12, 30),
        (14, 0),
        ONLINE,
        "",
        "",
        "",
        None,
        "How can we nurture the community activity that sprang up in lockdown without controlling or "
        "constraining it?",
        [
            "We looked at both the possibilities and the pitfalls. Mutual aid groups thrived on informality, and "
            "several people worried that well-meant support from institutions can smother exactly that.",
            "There was a strong appetite to carry on the conversation, which became the seed of the Side by Side "
            "programme in 2022.",
        ],
        [],
        [],
    ),
    (
        "relational-councils-first-convening",
        "Relational Councils: First Convening",
        (2021, 12, 13),
        (14, 0),
        (15, 30),
        ONLINE,
        "",
        "",
        "",
        "relational-councils",
        "Local authorities from across the country met to unpick what it means to be a relational council.",
        [
            "We heard from Barking and Dagenham, Tony Clements and others about the work already under way. "
            "Rather than settle on a definition, the group surfaced the questions that matter most to people "
            "trying to change how a council relates to its residents.",
            "Those questions became the agenda for the network's next sessions.",
        ],
        [("Tony Clements", "Speaker")],
        [],
    ),
    (
        "side-by-side-peer-learning",
        "Side by Side: A peer learning programme",
        (2022, 1, 26),
        (10, 0),
        (12, 0),
        ONLINE,
        "",
        "",
        "",
        "side-by-side",
        "The opening session of a six-part programme for Community Weavers sustaining the community activity "
        "that erupted in the early lockdowns.",
        [
            "Across the first half of 2022 a group of Community Weavers met six times, joined by a generous line-up "
            "of speakers. We covered a lot of ground: power, funding, burnout, and how to stay informal while "
            "growing.",
            "The group's learning was gathered into the Community Weaver's Companion, a collection of tools, "
            "frameworks and stories for building strong communities from the inside.",
        ],
        [],
        [],
    ),
    (
        "relational-councils-second-convening",
        "Relational Councils: Second Convening",
        (2022, 2, 14),
        (14, 0),
        (15, 30),
        ONLINE,
        "",
        "",
        "",
        "relational-councils",
        "Relational approaches to statutory duties and risk management in local government.",
        [
            "Russ Bellenie and Eliot Fineberg opened with honest accounts of where duties and risk registers push "
            "councils towards transactions, and where they leave room for relationships.",
            "The discussion kept returning to permission: staff often assume rules forbid things that the rules "
            "are in fact silent about.",
        ],
        [("Russ Bellenie", "Speaker"), ("Eliot Fineberg", "Speaker")],
        [],
    ),
    (
        "relational-councils-third-convening",
        "Relational Councils: Third Convening",
        (2022, 4, 25),
        (14, 0),
        (15, 30),
        ONLINE,
        "",
        "",
        "",
        "relational-councils",
        "How can local authorities develop a more relational lexicon? The words we use shape the "
        "relationships we have.",
        [
            "Bryony Shannon, who writes Rewriting Social Care, helped us notice the words that make us wince and "
            "the small swaps that change how a conversation feels.",
            "Everyone left with one phrase they planned to retire and one they wanted to use more.",
        ],
        [("Bryony Shannon", "Speaker")],
        [],
    ),
    (
        "citizens-rising-save-the-children",
        "Citizen's Rising: A special briefing with Save the Children",
        (2022, 10, 5),
        (12, 30),
        (13, 30),
        ONLINE,
        "",
        "",
        "",
        None,
        "What we heard from young people about the pandemic, and what they need from adult society to thrive.",
        [
            "With Save the Children we shared what young people had told us in listening sessions. Their "
            "priorities were relational: trusted adults, places to meet, and being taken seriously.",
            "The briefing ended with practical asks for schools, councils and funders.",
        ],
        [],
        [("Save the Children", "https://www.savethechildren.org.uk/")],
    ),
    (
        "relationship-centred-practice-newcastle",
        "Relationship-Centred Practice: Unpacking the how, what and why",
        (2022, 11, 23),
        (10, 0),
        (16, 0),
        IN_PERSON,
        "Newcastle upon Tyne",
        "",
        "80 practitioners",
        None,
        "Eighty relationship-centred practitioners met in Newcastle to explore the how, what and why of "
        "putting relationships first.",
        [
            "The room was wonderfully mixed: thinkers, doers and enablers from different sectors, all committed "
            "to making relationships the first mile rather than the extra one.",
            "Being together in person mattered. Many had only met on screen, and the conversations over lunch "
            "were as valuable as anything on the programme.",
        ],
        [("David Robinson", "Host")],
        [],
    ),
    (
        "relational-councils-fourth-convening",
        "Relational Councils: Fourth Convening",
        (2023, 1, 30),
        (14, 0),
        (15, 30),
        ONLINE,
        "",
        "",
        "60 participants",
        "relational-councils",
        "How a more relational approach can help councils respond to the cost of living crisis.",
        [
            "Sixty members of the network shared what they were seeing on the ground and how relationships "
            "were helping, or could help, councils respond.",
            "A recurring theme: crisis responses work best when they build on relationships that already exist.",
        ],
        [],
        [],
    ),
    (
        "relational-learning-with-david-jay",
        "Relational Learning with David Jay",
        (2023, 3, 16),
        (16, 0),
        (17, 30),
        ONLINE,
        "",
        "",
        "",
        None,
        "Network builder and physicist David Jay on the methods he is developing to support relational "
        "learning.",
        [
            "David walked us through the practices behind Relationality Lab and how learning travels through "
            "relationships rather than reports.",
            "Many of us took away the simple discipline of asking, after any meeting, who now knows whom.",
        ],
        [("David Jay", "Speaker")],
        [],
    ),
    (
        "book-club-the-good-life",
        "Book Club: The Good Life by Bob Waldinger and Marc Schulz",
        (2023, 3, 28),
        (12, 30),
        (13, 30),
        ONLINE,
        "",
        "",
        "",
        "book-club",
        "We discussed The Good Life, drawn from the world's longest-running study of human happiness.",
        [
            "The study's headline finding, that the quality of our relationships predicts a good life better "
            "than wealth or fame, prompted a personal conversation as much as a professional one.",
            "We talked about 'social fitness' and whether organisations could make room for it too.",
        ],
        [],
        [],
    ),
    (
        "relational-councils-sustaining-the-care",
        "Relational Councils: Sustaining the Care",
        (2023, 5, 16),
        (14, 0),
        (15, 30),
        ONLINE,
        "",
        "",
        "",
        "relational-councils",
        "Learning from the community response to the cost of living crisis, with David Barclay of the Warm "
        "Welcome Campaign.",
        [
            "David Barclay described how warm spaces opened across the country in a single winter, and what it "
            "would take to keep the relationships formed there going.",
            "Members of the network compared notes on sustaining care once the emergency headlines fade.",
        ],
        [("David Barclay", "Speaker")],
        [],
    ),
    (
        "transactional-co-production",
        "Can a transactional approach to co-production ever be appropriate?",
        (2023, 6, 15),
        (12, 30),
        (14, 0),
        ONLINE,
        "",
        "",
        "85 participants",
        None,
        "Co-production done well transforms outcomes; done badly it becomes a box to tick. Is a "
        "transactional version ever good enough?",
        [
            "Eighty-five of us wrestled with the question. Some defended light-touch involvement as better than "
            "none; others argued that anything short of a real relationship risks doing harm.",
            "We agreed on one thing: people can tell the difference, and they remember.",
        ],
        [],
        [],
    ),
    (
        "relational-councils-learning-from-crisis",
        "Relational Councils: Learning from Crisis",
        (2023, 7, 12),
        (14, 0),
        (15, 30),
        ONLINE,
        "",
        "",
        "",
        "relational-councils",
        "How top-down and bottom-up responses to crisis can converge, and what we carry forward.",
        [
            "Kate Cochrane, Paul Morrison and Neil Denton brought experience from resilience planning, Homes for "
            "Ukraine and disaster recovery.",
            "The lesson that stuck: plans made in advance matter less than the relationships in place when the "
            "crisis arrives.",
        ],
        [("Kate Cochrane", "Speaker"), ("Paul Morrison", "Speaker"), ("Neil Denton", "Speaker")],
        [],
    ),
    (
        "relationships-learning-network",
        "Relationships Learning Network",
        (2023, 9, 21),
        (12, 30),
        (14, 0),
        ONLINE,
        "",
        "",
        "",
        None,
        "The first convening of the Relationships Learning Network, hosted with the After Disasters Network.",
        [
            "A first gathering of people who want to learn together about relationships across sectors. We "
            "spent most of the time getting to know one another, which was the point.",
        ],
        [],
        [("After Disasters Network", "")],
    ),
    (
        "relational-networks",
        "Relational Networks",
        (2023, 10, 3),
        (10, 0),
        (12, 30),
        ONLINE,
        "",
        "",
        "",
        None,
        "A practical, immersive session on becoming a Relational Network Builder, with Habitus Collective.",
        [
            "Habitus Collective led us through exercises that made the idea of network building tangible: "
            "mapping who we know, who they know, and where the gaps are.",
        ],
        [],
        [("Habitus Collective", "")],
    ),
    (
        "relational-councils-stewardship-loneliness",
        "Relational Councils: Stewardship approach to tackling loneliness",
        (2023, 10, 10),
        (14, 0),
        (15, 30),
        ONLINE,
        "",
        "",
        "",
        "relational-councils",
        "What stewardship approaches to loneliness in East Sussex and Barking and Dagenham can teach other "
        "councils.",
        [
            "Both areas have moved from commissioning services to stewarding a local system of relationships. "
            "We heard how that changes the role of officers and the expectations of partners.",
        ],
        [],
        [],
    ),
    (
        "building-relationships-online",
        "Building relationships in an increasingly online world",
        (2023, 10, 24),
        (12, 30),
        (14, 0),
        ONLINE,
        "",
        "",
        "",
        None,
        "Ideas and tips for building warm, purposeful connections online, co-hosted with Grapevine and "
        "Refugee Council.",
        [
            "Since 2020 many of us have learned to turn a cold web of transactions into a warmer web of "
            "connection. Our co-hosts shared what they had learned about small groups, good facilitation and "
            "following up offline.",
        ],
        [],
        [("Grapevine", ""), ("Refugee Council", "https://www.refugeecouncil.org.uk/")],
    ),
    (
        "lse-lecture-towards-a-world-of-good-relationships",
        "Towards a World of Good Relationships: LSE Lecture",
        (2023, 10, 31),
        (18, 30),
        (20, 0),
        HYBRID,
        "London School of Economics",
        "Houghton Street\nLondon",
        "",
        None,
        "David Robinson returned to the LSE for a public lecture on the unfolding story of the Relationships "
        "Project.",
        [
            "Five years after the lecture that started it all, David told the story of what has happened since "
            "and where the work goes next. Kirsty McNeill, Gemma Mortensen and Professor Stephan Chambers "
            "responded.",
            "The audience, in the room and online, brought powerful comments and questions. Thank you to "
            "everyone who came.",
        ],
        [
            ("David Robinson", "Speaker"),
            ("Kirsty McNeill", "Respondent"),
            ("Gemma Mortensen", "Respondent"),
            ("Stephan Chambers", "Respondent and chair"),
        ],
        [("London School of Economics", "https://www.lse.ac.uk/")],
    ),
    (
        "case-maker-launch",
        "Case Maker Launch",
        (2024, 4, 22),
        (12, 30),
        (13, 45),
        ONLINE,
        "",
        "",
        "",
        None,
        "Elizabeth Oldfield and Matt Lloyd-Rose launched the Case Maker with some of the people whose stories "
        "fill it.",
        [
            "A warm and lively conversation. Sarah Yardley, Christine Frazer and Russ Bellenie talked about the "
            "stories they shared in the Case Maker and why they chose to tell them.",
            "Thoughtful questions from those who joined took the conversation somewhere none of us had planned.",
        ],
        [
            ("Elizabeth Oldfield", "Host"),
            ("Matt Lloyd-Rose", "Host"),
            ("Sarah Yardley", "Guest"),
            ("Christine Frazer", "Guest"),
            ("Russ Bellenie", "Guest"),
        ],
        [],
    ),
    (
        "changing-our-permissions",
        "Changing Our Permissions",
        (2024, 7, 12),
        (10, 0),
        (16, 0),
        IN_PERSON,
        "The Yard at the Button Factory",
        "Birmingham",
        "120 practitioners",
        None,
        "A day in Birmingham exploring the norms, beliefs and rules that help and hinder us in putting "
        "relationships first.",
        [
            "One hundred and twenty of us filled the Yard. The ActUp! team opened the day with their mission to "
            "put relationships at the heart of mental health support.",
            "Our Kitchen Table Guests spoke with real candour about the permissions that shaped their own "
            "practice. Breakouts ranged from making relational work more inclusive to ten things we could do "
            "with a new government to centre relationships.",
            "Thank you for the energy, the ideas and the comradeship. Please add your own reflections.",
        ],
        [
            ("David Robinson", "Host"),
            ("Sonal Mehta", "Kitchen Table Guest"),
            ("Dionne Buckman", "Kitchen Table Guest"),
            ("Rob McCabe", "Kitchen Table Guest"),
            ("Maff Potts", "Kitchen Table Guest"),
            ("Noreen Blanluet", "Kitchen Table Guest"),
        ],
        [],
    ),
    (
        "relational-terms-and-phrases",
        "Relational terms and phrases: A Zoom conversation",
        (2024, 11, 18),
        (12, 0),
        (13, 30),
        ONLINE,
        "",
        "",
        "",
        None,
        "A conversation about the words and phrases that help us explore relationship-centred practice and "
        "make the case for it.",
        [
            "We shared our growing list of relational terms, not to fix definitions but to widen our common "
            "vocabulary. People brought words they use differently and gaps where no good word yet exists.",
            "The list keeps growing, and it now lives on the site as a glossary.",
        ],
        [],
        [],
    ),
    (
        "relational-offsetting",
        "Relational offsetting: a Zoom conversation",
        (2025, 2, 24),
        (13, 0),
        (14, 15),
        ONLINE,
        "",
        "",
        "",
        None,
        "Could relationships be taken out of one part of a service in order to double down on them where they "
        "matter most?",
        [
            "We explored the idea of relational offsetting: where it might help a place, where the risks lie, and "
            "where technology can help and where only a relationship will do.",
            "We left with as much to reflect on about the risks as the potential. The takeaways are shared in "
            "our blog.",
        ],
        [],
        [],
    ),
]


def _at(day, clock):
    return datetime.datetime(*day, *clock, tzinfo=LONDON)


def _weekday_from(day):
    """The same day, or the Monday after if it falls at a weekend."""
    return day + datetime.timedelta(days=7 - day.weekday() if day.weekday() >= 5 else 0)


def _upcoming():
    """Two convenings dated from today, so the demo always has something ahead."""
    today = timezone.localdate()
    soon = _weekday_from(today + datetime.timedelta(weeks=3))
    later = _weekday_from(today + datetime.timedelta(days=61))
    return [
        {
            "slug": "relational-readiness",
            "title": "Relational readiness: a Zoom conversation",
            "start": datetime.datetime.combine(soon, datetime.time(12, 30), LONDON),
            "end": datetime.datetime.combine(soon, datetime.time(13, 45), LONDON),
            "format": ONLINE,
            "in_brief": "What tells us a place is ready to embrace and embed relationship-centred practice? "
            "Help us shape some indicators.",
            "registration_url": "https://relationshipsproject.org/connect/",
            "joining_link": "https://zoom.us/j/00000000000",
            "attendance": "40 places",
            "body": paragraphs(
                "Some places are more ready than others to put relationships first. We have been thinking about "
                "'relational readiness': how receptive a person, organisation or community is to relational "
                "practice, and how able it is to make that practice part of everyday work.",
                "Bring your experience of what helped, and what got in the way. The joining link is emailed to "
                "everyone who signs up.",
            ),
        },
        {
            "slug": "relational-neighbourhoods-gathering",
            "title": "Relational Neighbourhoods: a day together in Birmingham",
            "start": datetime.datetime.combine(later, datetime.time(10, 0), LONDON),
            "end": datetime.datetime.combine(later, datetime.time(16, 0), LONDON),
            "format": IN_PERSON,
            "venue_name": "The Yard at the Button Factory",
            "venue_address": "Birmingham",
            "in_brief": "A day for practitioners building neighbourhoods where connections matter as much as "
            "geography.",
            "registration_url": "https://relationshipsproject.org/connect/",
            "attendance": "100 places",
            "body": paragraphs(
                "New policy gives neighbourhoods a bigger part to play. We will spend a day together asking what a "
                "relational neighbourhood looks like and how we get there.",
                "Expect Kitchen Table conversations, practical breakouts and plenty of time to meet one another. "
                "Lunch is included.",
            ),
        },
    ]


def load(demo):
    """The convenings page, its series and the programme; returns the index page for the menu."""
    index = demo.page(
        demo.home,
        EventIndexPage,
        "convenings",
        title="Convenings",
        intro="Online conversations and in-person gatherings where relationship-centred practitioners learn "
        "from one another, explore shared challenges and swap ideas.",
    )
    series = {}
    for slug, (name, description) in SERIES.items():
        series[slug], created = EventSeries.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
        demo.created += created

    for number, row in enumerate(PAST):
        (slug, title, day, start, end, event_format, venue, address, attendance, series_slug) = row[:10]
        in_brief, reflections, speakers, partners = row[10:]
        demo.page(
            index,
            EventPage,
            slug,
            title=title,
            in_brief=in_brief,
            start=_at(day, start),
            end=_at(day, end),
            format=event_format,
            venue_name=venue,
            venue_address=address,
            attendance=attendance,
            series=series.get(series_slug),
            reflections=paragraphs(*reflections),
            listing_image=demo.image(f"event-{slug}", f"Convening: {title}", number),
            speakers=[
                EventPageSpeaker(person=demo.person(name, PEOPLE[name]), role=role, sort_order=order)
                for order, (name, role) in enumerate(speakers)
            ],
            partners=[
                EventPagePartner(name=name, url=url, sort_order=order)
                for order, (name, url) in enumerate(partners)
            ],
        )

    for number, fields in enumerate(_upcoming()):
        slug = fields.pop("slug")
        demo.page(
            index,
            EventPage,
            slug,
            listing_image=demo.image(f"event-{slug}", f"Convening: {fields['title']}", number + 2),
            speakers=[
                EventPageSpeaker(person=demo.person("David Robinson", PEOPLE["David Robinson"]), role="Host")
            ],
            **fields,
        )
    return index
