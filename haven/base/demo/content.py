"""The demo's words and facts.

The facts (figures, dates, numbers, names, addresses) come from the
collaborative's January 2022 awareness page; the prose is written for Haven.
"""

import datetime as dt

ORGANISATION = {
    "name": "Placer County CSEC Collaborative",
    "contact_email": "info@placerccw.org",
    "home_title": "Keeping children safe from exploitation",
    "home_introduction": (
        "<p>We are county staff, community partners and families working together so that "
        "every child and young person in Placer County can grow up free from trafficking "
        "and exploitation.</p>"
    ),
}

HOTLINES = {
    "national": {
        "name": "National Human Trafficking Hotline",
        "description": (
            "A free, confidential hotline for anyone in the United States: report a tip, "
            "find services or ask for help, by phone, text, e-mail or live chat."
        ),
        "call_number": "1-888-373-7888",
        "text_number": "233733",
        "text_keyword": "BEFREE",
        "chat_url": "https://humantraffickinghotline.org/en/chat",
        "hours": "24 hours a day, 7 days a week",
        "languages": "More than 200 languages",
        "source_name": "National Human Trafficking Hotline",
        "source_url": "https://humantraffickinghotline.org/",
        "last_verified": dt.date(2022, 1, 3),
    },
    "county": {
        "name": "Placer County Child Welfare Hotline",
        "description": (
            "Call if you know or suspect that a child is being commercially sexually exploited "
            "(CSEC) or is at risk of it."
        ),
        "call_number": "1-866-293-1940",
        "text_number": "",
        "text_keyword": "",
        "chat_url": "",
        "hours": "24 hours a day",
        "languages": "",
        "source_name": "Placer County Children's System of Care",
        "source_url": "https://www.placer.ca.gov/",
        "last_verified": dt.date(2022, 1, 3),
    },
}

VENUE = {
    "name": "Santucci Justice Center",
    "street_address": "10810 Justice Center Drive",
    "locality": "Roseville",
    "region": "CA",
    "postal_code": "95678",
    "country": "US",
}

INFOGRAPHICS = {
    "what-is-csec": {
        "title": "What is CSEC?",
        "alt_text": "Infographic: what commercial sexual exploitation of children (CSEC) means.",
        "points": [
            "CSEC is the commercial sexual exploitation of children.",
            "It happens when anyone under 18 is used in a sex act in exchange for something "
            "of value, such as money, food, shelter, drugs or gifts, given to them or anyone else.",
            "A child cannot consent to being exploited. It is abuse, never a choice.",
            "It can happen to any child. Exploiters are often someone the child knows and trusts.",
        ],
    },
    "risk-factors": {
        "title": "Risk factors",
        "alt_text": "Infographic: circumstances that put young people at higher risk of exploitation.",
        "points": [
            "Past abuse, neglect or trauma.",
            "Running away, or having no stable place to live.",
            "Being in foster care or in contact with the juvenile justice system.",
            "Feeling isolated, or rejected by family, including for being LGBTQ+.",
            "Substance use by the young person or at home.",
        ],
    },
    "red-flags": {
        "title": "Red flags",
        "alt_text": "Infographic: warning signs that a young person may be being exploited.",
        "points": [
            "New clothes, phones or money that they cannot explain.",
            "A much older boyfriend or girlfriend, or new friends who control them.",
            "Missing school, staying out all night or running away often.",
            "Tattoos or marks that look like branding.",
            "Someone else holds their ID, phone or money, or speaks for them.",
        ],
    },
}


def _points_html(key: str) -> str:
    items = "".join(f"<li>{point}</li>" for point in INFOGRAPHICS[key]["points"])
    return f"<ul>{items}</ul>"


EVENTS = [
    {
        "slug": "red-sand-project",
        "title": "Red Sand Project",
        "day": 11,
        "start": dt.time(15, 30),
        "end": dt.time(16, 30),
        "time_zone": "America/Los_Angeles",
        "in_person": True,
        "hashtag": "RedSandProject",
        "summary": (
            "Fill sidewalk cracks with red sand to draw attention to the people who fall "
            "through the cracks, and share your photos with #RedSandProject."
        ),
        "description": (
            "<p>The Red Sand Project is a participatory artwork: people pour red sand into "
            "sidewalk cracks to make visible the vulnerabilities that lead to human trafficking.</p>"
            "<p>Placer County staff, the CSEC Collaborative and our community partners invite "
            "everyone to join in on National Human Trafficking Awareness Day. Staff from the "
            "Placer County System of Care will hand out free bags of red sand from 3:30 PM. "
            "Photograph your sidewalk and post it with #RedSandProject.</p>"
        ),
        "registration_note": "",
        "flyer_title": "Red Sand Project flyer",
        "flyer_lines": [
            "National Human Trafficking Awareness Day: January 11, 3:30-4:30 PM.",
            "Santucci Justice Center, 10810 Justice Center Drive, Roseville, CA 95678.",
            "Free bags of red sand from Placer County System of Care staff.",
            "Fill a sidewalk crack, take a photo, share it with #RedSandProject.",
        ],
    },
    {
        "slug": "californias-forgotten-children-screening",
        "title": "Virtual Film Viewing & Panel Discussion",
        "day": 25,
        "start": dt.time(18, 0),
        "end": dt.time(20, 0),
        "time_zone": "America/Los_Angeles",
        "in_person": False,
        "hashtag": "",
        "summary": (
            "An online screening of “California’s Forgotten Children”, followed by a panel "
            "discussion. Free; registration is required and places are limited."
        ),
        "description": (
            "<p>“California’s Forgotten Children” is a feature documentary about a diverse "
            "group of resilient survivors who overcame commercial sexual exploitation as "
            "children and now work to make sure no child is forgotten.</p>"
            "<p>Watch it with us online, then stay for a panel discussion. There is no cost to "
            "attend.</p>"
        ),
        "registration_note": "Registration is required and places are limited.",
        "registration": {
            "registration_enabled": True,
            "capacity": 40,
            "max_places_per_registration": 2,
            "waiting_list_enabled": True,
            "online_link": "https://meet.example.org/placer-forgotten-children",
            "reminder_hours": 24,
        },
        "flyer_title": "California's Forgotten Children screening flyer",
        "flyer_lines": [
            "Virtual film viewing and panel discussion: January 25, 6:00-8:00 PM.",
            "California's Forgotten Children, a feature documentary.",
            "Free to attend. Registration is required and places are limited.",
        ],
    },
]

# Last year's edition, dated in the past, so the events archive has something in it.
PAST_EVENTS = [
    {
        "slug": "red-sand-project-2022",
        "title": "Red Sand Project 2022",
        "date": dt.date(2022, 1, 11),
        "start": dt.time(15, 30),
        "end": dt.time(16, 30),
        "time_zone": "America/Los_Angeles",
        "in_person": True,
        "hashtag": "RedSandProject",
        "summary": (
            "Neighbours filled the sidewalk cracks outside the Santucci Justice Center with red "
            "sand on National Human Trafficking Awareness Day."
        ),
        "description": (
            "<p>Placer County System of Care staff handed out free bags of red sand from 3:30 PM, "
            "and the CSEC Collaborative and community partners shared their sidewalk photos "
            "with #RedSandProject.</p>"
        ),
        "registration_note": "",
        "flyer_title": "Red Sand Project 2022 flyer",
        "flyer_lines": [
            "National Human Trafficking Awareness Day: January 11, 2022, 3:30-4:30 PM.",
            "Santucci Justice Center, 10810 Justice Center Drive, Roseville, CA 95678.",
        ],
    },
]

CAMPAIGN = {
    "slug": "human-trafficking-awareness-month",
    "title": "Human Trafficking Awareness Month",
    "kicker": "HTAM",
    "seo_title": "Human Trafficking Awareness Month: preventing exploitation",
    "search_description": (
        "January is National Slavery and Human Trafficking Prevention Month. Learn the warning "
        "signs, find help 24/7 and join a community event."
    ),
    "hashtag": "WearBlue",
    "share_text": (
        "On January 11, wear blue for National Human Trafficking Awareness Day and share a "
        "photo to show that our community stands with survivors."
    ),
    "introduction": (
        "<p><b>Preventing exploitation.</b> January has been National Slavery and Human "
        "Trafficking Prevention Month since President Barack Obama first proclaimed it in "
        "2010. This January we commit again to a future in which our children, young people "
        "and families can thrive, free from exploitation.</p>"
    ),
    "body": [
        {"type": "heading", "value": {"text": "The scale of the problem", "anchor": "facts"}},
        {
            "type": "statistic",
            "value": {
                "figure": "21.7 million",
                "sentence": (
                    "reports of suspected child sexual exploitation were made to the National "
                    "Center for Missing & Exploited Children's CyberTipline in 2020, a record."
                ),
                "source_name": "National Center for Missing & Exploited Children, CyberTipline data",
                "source_url": "https://www.missingkids.org/gethelpnow/cybertipline/cybertiplinedata",
                "as_of": "2020-12-31",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Child sex trafficking can do lasting harm: to health, through psychological "
                "and physical trauma, and sometimes it costs a child's life. Prevention and early "
                "help keep children safer. Report every missing child to local law enforcement, "
                "especially a child who has run away.</p>"
            ),
        },
        {
            "type": "statistic",
            "value": {
                "figure": "14,892",
                "sentence": (
                    "young people have been identified by California's Child Welfare Services "
                    "for suspected exploitation or trafficking since SB 855 became law in 2014."
                ),
                "source_name": "California Department of Social Services, CSEC Program",
                "source_url": "https://www.cdss.ca.gov/inforesources/child-welfare-protection/csec",
                "as_of": "2022-01-01",
            },
        },
        {
            "type": "statistic",
            "value": {
                "figure": "9,297",
                "sentence": (
                    "of those young people were the subject of at least one allegation of "
                    "exploitation before they turned 18."
                ),
                "source_name": "California Department of Social Services, CSEC Program",
                "source_url": "https://www.cdss.ca.gov/inforesources/child-welfare-protection/csec",
                "as_of": "2022-01-01",
            },
        },
        {"type": "heading", "value": {"text": "Know the warning signs", "anchor": "warning-signs"}},
        {
            "type": "text",
            "value": (
                "<p>Talk with a young person in your life today about the warning signs of "
                "human trafficking. Knowing them helps you support a child who may be at risk.</p>"
            ),
        },
        {
            "type": "infographic",
            "value": {
                "title": INFOGRAPHICS["what-is-csec"]["title"],
                "image_key": "what-is-csec",
                "alt_text": INFOGRAPHICS["what-is-csec"]["alt_text"],
                "text_alternative": _points_html("what-is-csec"),
            },
        },
        {
            "type": "infographic",
            "value": {
                "title": INFOGRAPHICS["risk-factors"]["title"],
                "image_key": "risk-factors",
                "alt_text": INFOGRAPHICS["risk-factors"]["alt_text"],
                "text_alternative": _points_html("risk-factors"),
            },
        },
        {
            "type": "infographic",
            "value": {
                "title": INFOGRAPHICS["red-flags"]["title"],
                "image_key": "red-flags",
                "alt_text": INFOGRAPHICS["red-flags"]["alt_text"],
                "text_alternative": _points_html("red-flags"),
            },
        },
        {"type": "events", "value": {"heading": "Upcoming community events", "limit": 5}},
        {
            "type": "cards",
            "value": {
                "heading": "Listen, learn, seek help",
                "cards": [
                    {
                        "title": "Listen",
                        "text": (
                            "This month we honour survivors and thrivers first: their voices shape "
                            "our local and national work. Hear survivor leaders and advocates in "
                            "the StoryCorps Human Trafficking Archive."
                        ),
                        "link_text": "Listen to StoryCorps stories",
                        "page": None,
                        "external_url": "https://archive.storycorps.org/",
                    },
                    {
                        "title": "Learn",
                        "text": (
                            "Prevention is the way to a brighter future. Keep teaching young "
                            "people, families and neighbours about trafficking, with PACT's "
                            "Prevention Guide of California trainers and programmes."
                        ),
                        "link_text": "",
                        "page": None,
                        "external_url": "",
                    },
                    {
                        "title": "Seek help",
                        "text": (
                            "Help is there day and night, in more than 200 languages. Call, text "
                            "or chat with the National Human Trafficking Hotline below."
                        ),
                        "link_text": "",
                        "page": None,
                        "external_url": "",
                    },
                ],
            },
        },
        {"type": "heading", "value": {"text": "Get help now", "anchor": "help"}},
        {
            "type": "hotline",
            "value": {
                "hotline_key": "national",
                "note": "A safe place to report a tip, find services or ask for help.",
            },
        },
        {
            "type": "hotline",
            "value": {
                "hotline_key": "county",
                "note": "If you know or suspect that a child in Placer County is being exploited.",
            },
        },
        {
            "type": "spotlight",
            "value": {
                "name": "KidsFirst CSEC Team",
                "organisation": "KidsFirst, Placer County",
                "text": (
                    "<p>KidsFirst runs a programme in Placer County for children and young people "
                    "who are being, or are at risk of being, commercially sexually exploited. The "
                    "team connects young people and their families with services for their "
                    "overall wellbeing.</p><p>It works side by side with the Placer County "
                    "District Attorney's Office, law enforcement, mental health agencies, "
                    "Probation and the Children's System of Care.</p>"
                ),
                "link_text": "Meet the KidsFirst CSEC team",
                "link_url": "https://www.kidsfirstnow.org/",
            },
        },
    ],
}

# Comments on the campaign page: two approved (one with the organisation's
# reply) and one still waiting for a moderator.
COMMENTS = [
    {
        "author_name": "Maria G.",
        "author_email": "maria.demo@example.org",
        "text": (
            "Our youth group wore blue on January 11 and went through the red flags together.\n"
            "Two students said it was the first time anyone had explained grooming to them. Thank you!"
        ),
        "status": "approved",
        "reply": (
            "Thank you, Maria, and thank you to your youth group. If you would like printed copies "
            "of the red flags infographic for your group, write to us at the address below."
        ),
    },
    {
        "author_name": "Daniel",
        "author_email": "daniel.demo@example.org",
        "text": "Is the virtual film viewing open to parents too, or only to teachers and staff?",
        "status": "approved",
        "reply": "",
    },
    {
        "author_name": "Sam",
        "author_email": "sam.demo@example.org",
        "text": "Will there be a Red Sand Project event in Auburn this year as well?",
        "status": "pending",
        "reply": "",
    },
]
