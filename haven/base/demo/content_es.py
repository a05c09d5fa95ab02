"""The demo in Spanish.

Each English text of the demo (as wagtail-localize splits it into segments:
a field, a paragraph, a list item) and its translation, written for Spanish
speakers in California; the interface addresses readers as "usted", as the
catalogue does. load_demo stores them as real wagtail-localize translations,
so translators find them in the admin and can change any of them.

Names that stay the same in Spanish (the hotline's keyword, hashtags,
addresses, programme names) are listed with themselves as translation:
a translator has looked at them, so the admin shows the pages as fully
translated.
"""

SPANISH: dict[str, str] = {
    # The organiser named on events
    "Placer County CSEC Collaborative": "Placer County CSEC Collaborative",
    # Hotlines
    "National Human Trafficking Hotline": "Línea Nacional contra la Trata de Personas",
    "A free, confidential hotline for anyone in the United States: report a tip, find services or ask for "
    "help, by phone, text, e-mail or live chat.": (
        "Una línea gratuita y confidencial para cualquier persona en los Estados Unidos: denuncie una "
        "sospecha, encuentre servicios o pida ayuda por teléfono, mensaje de texto, correo electrónico o "
        "chat en vivo."
    ),
    "24 hours a day, 7 days a week": "Las 24 horas del día, los 7 días de la semana",
    "More than 200 languages": "En más de 200 idiomas, español incluido",
    "Placer County Child Welfare Hotline": "Línea de Bienestar Infantil del Condado de Placer",
    "Call if you know or suspect that a child is being commercially sexually exploited (CSEC) or is at risk "
    "of it.": (
        "Llame si sabe o sospecha que un niño, niña o adolescente está siendo víctima de explotación sexual "
        "comercial (CSEC, por sus siglas en inglés) o corre el riesgo de serlo."
    ),
    "24 hours a day": "Las 24 horas del día",
    "Placer County Children's System of Care": "Sistema de Atención Infantil del Condado de Placer",
    # Venue: a proper name and an address, the same in both languages
    "Santucci Justice Center": "Santucci Justice Center",
    "10810 Justice Center Drive": "10810 Justice Center Drive",
    "Roseville": "Roseville",
    "CA": "CA",
    "95678": "95678",
    "US": "US",
    # Home page
    "Keeping children safe from exploitation": "Protegemos a niños y jóvenes de la explotación",
    "home": "inicio",
    "We are county staff, community partners and families working together so that every child and young "
    "person in Placer County can grow up free from trafficking and exploitation.": (
        "Somos personal del condado, organizaciones de la comunidad y familias que trabajamos juntos para "
        "que todos los niños, niñas y jóvenes del Condado de Placer crezcan libres de la trata y de la "
        "explotación."
    ),
    # Events page
    "Events": "Eventos",
    "events": "eventos",
    "Community events to learn, remember and act together.": (
        "Eventos comunitarios para aprender, recordar y actuar juntos."
    ),
    # Red Sand Project
    "Red Sand Project": "Proyecto Arena Roja",
    "red-sand-project": "proyecto-arena-roja",
    "America/Los_Angeles": "America/Los_Angeles",
    "Fill sidewalk cracks with red sand to draw attention to the people who fall through the cracks, and "
    "share your photos with #RedSandProject.": (
        "Rellene con arena roja las grietas de la acera para llamar la atención sobre las personas que se "
        "quedan sin protección, y comparta sus fotos con #RedSandProject."
    ),
    "The Red Sand Project is a participatory artwork: people pour red sand into sidewalk cracks to make "
    "visible the vulnerabilities that lead to human trafficking.": (
        "El Proyecto Arena Roja es una obra de arte participativa: la gente vierte arena roja en las grietas "
        "de las aceras para hacer visibles las vulnerabilidades que llevan a la trata de personas."
    ),
    "Placer County staff, the CSEC Collaborative and our community partners invite everyone to join in on "
    "National Human Trafficking Awareness Day. Staff from the Placer County System of Care will hand out "
    "free bags of red sand from 3:30 PM. Photograph your sidewalk and post it with #RedSandProject.": (
        "El personal del Condado de Placer, la Colaborativa CSEC y nuestras organizaciones aliadas invitan a "
        "todos a participar en el Día Nacional de Concientización sobre la Trata de Personas. Desde las "
        "3:30 p. m., el personal del Sistema de Atención del Condado de Placer repartirá bolsas de arena roja "
        "gratis. Tome una foto de su acera y publíquela con #RedSandProject."
    ),
    "RedSandProject": "RedSandProject",
    # Film screening
    "Virtual Film Viewing & Panel Discussion": "Proyección virtual de película y panel de conversación",
    "californias-forgotten-children-screening": "proyeccion-los-ninos-olvidados-de-california",
    "An online screening of “California’s Forgotten Children”, followed by a panel discussion. Free; "
    "registration is required and places are limited.": (
        "Proyección en línea del documental «California’s Forgotten Children» (Los niños olvidados de "
        "California), seguida de un panel de conversación. Gratis; es necesario inscribirse y los cupos son "
        "limitados."
    ),
    "“California’s Forgotten Children” is a feature documentary about a diverse group of resilient "
    "survivors who overcame commercial sexual exploitation as children and now work to make sure no child "
    "is forgotten.": (
        "«California’s Forgotten Children» es un largometraje documental sobre un grupo diverso de "
        "sobrevivientes que superaron la explotación sexual comercial que sufrieron de niñas y niños, y que "
        "hoy trabajan para que ningún niño quede en el olvido."
    ),
    "Watch it with us online, then stay for a panel discussion. There is no cost to attend.": (
        "Véala con nosotros en línea y quédese después para el panel de conversación. La participación es "
        "gratuita."
    ),
    "Registration is required and places are limited.": "Es necesario inscribirse y los cupos son limitados.",
    # Campaign
    "Human Trafficking Awareness Month": "Mes de Concientización sobre la Trata de Personas",
    "human-trafficking-awareness-month": "mes-de-concientizacion-sobre-la-trata-de-personas",
    "Human Trafficking Awareness Month: preventing exploitation": (
        "Mes de Concientización sobre la Trata de Personas: prevenir la explotación"
    ),
    "January is National Slavery and Human Trafficking Prevention Month. Learn the warning signs, find help "
    "24/7 and join a community event.": (
        "Enero es el Mes Nacional de Prevención de la Esclavitud y la Trata de Personas. Conozca las señales "
        "de alerta, encuentre ayuda a toda hora y participe en un evento de la comunidad."
    ),
    "HTAM": "HTAM",
    "<b>Preventing exploitation.</b> January has been National Slavery and Human Trafficking Prevention Month "
    "since President Barack Obama first proclaimed it in 2010. This January we commit again to a future in "
    "which our children, young people and families can thrive, free from exploitation.": (
        "<b>Prevenir la explotación.</b> Enero es el Mes Nacional de Prevención de la Esclavitud y la Trata "
        "de Personas desde que el presidente Barack Obama lo proclamó por primera vez en 2010. Este enero "
        "renovamos nuestro compromiso con un futuro en el que nuestros niños, jóvenes y familias puedan "
        "prosperar, libres de explotación."
    ),
    "WearBlue": "WearBlue",
    "On January 11, wear blue for National Human Trafficking Awareness Day and share a photo to show that "
    "our community stands with survivors.": (
        "El 11 de enero, vístase de azul por el Día Nacional de Concientización sobre la Trata de Personas y "
        "comparta una foto para mostrar que nuestra comunidad apoya a los sobrevivientes."
    ),
    "The scale of the problem": "La magnitud del problema",
    "facts": "datos",
    "reports of suspected child sexual exploitation were made to the National Center for Missing & "
    "Exploited Children's CyberTipline in 2020, a record.": (
        "denuncias de posible explotación sexual infantil recibió en 2020 la CyberTipline del Centro Nacional "
        "para Niños Desaparecidos y Explotados, una cifra récord."
    ),
    "National Center for Missing & Exploited Children, CyberTipline data": (
        "Centro Nacional para Niños Desaparecidos y Explotados (NCMEC), datos de la CyberTipline"
    ),
    "Child sex trafficking can do lasting harm: to health, through psychological and physical trauma, and "
    "sometimes it costs a child's life. Prevention and early help keep children safer. Report every missing "
    "child to local law enforcement, especially a child who has run away.": (
        "La trata sexual de menores puede causar daños duraderos: a la salud, por el trauma psicológico y "
        "físico, y a veces le cuesta la vida a un niño o una niña. La prevención y la ayuda temprana protegen "
        "a los niños. Reporte siempre a la policía local la desaparición de un menor, sobre todo si se ha "
        "escapado de casa."
    ),
    "young people have been identified by California's Child Welfare Services for suspected exploitation or "
    "trafficking since SB 855 became law in 2014.": (
        "jóvenes han sido identificados por los Servicios de Bienestar Infantil de California por posible "
        "explotación o trata desde que la ley SB 855 entró en vigor en 2014."
    ),
    "California Department of Social Services, CSEC Program": (
        "Departamento de Servicios Sociales de California, Programa CSEC"
    ),
    "of those young people were the subject of at least one allegation of exploitation before they turned "
    "18.": (
        "de esos jóvenes fueron objeto de al menos una denuncia de explotación antes de cumplir los 18 años."
    ),
    "Know the warning signs": "Conozca las señales de alerta",
    "warning-signs": "senales-de-alerta",
    "Talk with a young person in your life today about the warning signs of human trafficking. Knowing them "
    "helps you support a child who may be at risk.": (
        "Hable hoy con un joven cercano a usted sobre las señales de alerta de la trata de personas. "
        "Conocerlas le ayuda a apoyar a un niño o una niña que pueda estar en riesgo."
    ),
    "What is CSEC?": "¿Qué es la CSEC?",
    "Infographic: what commercial sexual exploitation of children (CSEC) means.": (
        "Infografía: qué significa la explotación sexual comercial de menores (CSEC)."
    ),
    "CSEC is the commercial sexual exploitation of children.": (
        "CSEC son las siglas en inglés de la explotación sexual comercial de niños, niñas y adolescentes."
    ),
    "It happens when anyone under 18 is used in a sex act in exchange for something of value, such as money, "
    "food, shelter, drugs or gifts, given to them or anyone else.": (
        "Ocurre cuando se utiliza a una persona menor de 18 años en un acto sexual a cambio de algo de valor, "
        "como dinero, comida, un lugar donde dormir, drogas o regalos, que se le da a ella o a otra persona."
    ),
    "A child cannot consent to being exploited. It is abuse, never a choice.": (
        "Un niño o una niña no puede consentir su propia explotación. Es abuso, nunca una decisión propia."
    ),
    "It can happen to any child. Exploiters are often someone the child knows and trusts.": (
        "Le puede pasar a cualquier menor. Con frecuencia, quien lo explota es alguien que conoce y en quien "
        "confía."
    ),
    "Risk factors": "Factores de riesgo",
    "Infographic: circumstances that put young people at higher risk of exploitation.": (
        "Infografía: circunstancias que aumentan el riesgo de explotación de los jóvenes."
    ),
    "Past abuse, neglect or trauma.": "Abuso, negligencia o trauma en el pasado.",
    "Running away, or having no stable place to live.": "Escaparse de casa o no tener un hogar estable.",
    "Being in foster care or in contact with the juvenile justice system.": (
        "Estar en cuidado de crianza temporal (foster care) o en contacto con el sistema de justicia juvenil."
    ),
    "Feeling isolated, or rejected by family, including for being LGBTQ+.": (
        "Sentirse aislado o rechazado por la familia, también por ser LGBTQ+."
    ),
    "Substance use by the young person or at home.": "Consumo de drogas o alcohol por parte del joven o en casa.",
    "Red flags": "Señales de alerta",
    "Infographic: warning signs that a young person may be being exploited.": (
        "Infografía: señales de que un joven podría estar siendo explotado."
    ),
    "New clothes, phones or money that they cannot explain.": (
        "Ropa, teléfonos o dinero nuevos que no puede explicar."
    ),
    "A much older boyfriend or girlfriend, or new friends who control them.": (
        "Una pareja mucho mayor, o amistades nuevas que lo controlan."
    ),
    "Missing school, staying out all night or running away often.": (
        "Faltar a la escuela, pasar la noche fuera o escaparse de casa con frecuencia."
    ),
    "Tattoos or marks that look like branding.": "Tatuajes o marcas que parecen una señal de propiedad.",
    "Someone else holds their ID, phone or money, or speaks for them.": (
        "Otra persona le guarda la identificación, el teléfono o el dinero, o habla por él o ella."
    ),
    "Upcoming community events": "Próximos eventos comunitarios",
    "Listen, learn, seek help": "Escuche, aprenda, pida ayuda",
    "Listen": "Escuche",
    "This month we honour survivors and thrivers first: their voices shape our local and national work. Hear "
    "survivor leaders and advocates in the StoryCorps Human Trafficking Archive.": (
        "Este mes honramos ante todo a quienes sobrevivieron y hoy salen adelante: sus voces guían nuestro "
        "trabajo local y nacional. Escuche a líderes sobrevivientes y a defensores en el archivo de StoryCorps "
        "sobre la trata de personas."
    ),
    "Listen to StoryCorps stories": "Escuche las historias de StoryCorps (en inglés)",
    "Learn": "Aprenda",
    "Prevention is the way to a brighter future. Keep teaching young people, families and neighbours about "
    "trafficking, with PACT's Prevention Guide of California trainers and programmes.": (
        "La prevención es el camino hacia un futuro mejor. Siga enseñando a jóvenes, familias y vecinos sobre "
        "la trata, con los capacitadores y programas de la Guía de Prevención de California de PACT."
    ),
    "Seek help": "Pida ayuda",
    "Help is there day and night, in more than 200 languages. Call, text or chat with the National Human "
    "Trafficking Hotline below.": (
        "Hay ayuda de día y de noche, en más de 200 idiomas, también en español. Llame, envíe un mensaje de "
        "texto o chatee con la Línea Nacional contra la Trata de Personas, más abajo."
    ),
    "Get help now": "Pida ayuda ahora",
    "help": "ayuda",
    "A safe place to report a tip, find services or ask for help.": (
        "Un lugar seguro para denunciar una sospecha, encontrar servicios o pedir ayuda."
    ),
    "If you know or suspect that a child in Placer County is being exploited.": (
        "Si sabe o sospecha que un niño, niña o adolescente del Condado de Placer está siendo explotado."
    ),
    "KidsFirst CSEC Team": "Equipo CSEC de KidsFirst",
    "KidsFirst, Placer County": "KidsFirst, Condado de Placer",
    "KidsFirst runs a programme in Placer County for children and young people who are being, or are at risk "
    "of being, commercially sexually exploited. The team connects young people and their families with "
    "services for their overall wellbeing.": (
        "KidsFirst ofrece en el Condado de Placer un programa para niños, niñas y jóvenes que son víctimas de "
        "explotación sexual comercial o corren el riesgo de serlo. El equipo pone en contacto a los jóvenes y "
        "a sus familias con servicios para su bienestar integral."
    ),
    "It works side by side with the Placer County District Attorney's Office, law enforcement, mental health "
    "agencies, Probation and the Children's System of Care.": (
        "Trabaja de la mano con la Fiscalía del Condado de Placer, las fuerzas del orden, las agencias de salud "
        "mental, el Departamento de Libertad Condicional y el Sistema de Atención Infantil."
    ),
    "Meet the KidsFirst CSEC team": "Conozca al equipo CSEC de KidsFirst (en inglés)",
    # Last year's Red Sand Project, in the events archive
    "Red Sand Project 2022": "Proyecto Arena Roja 2022",
    "red-sand-project-2022": "proyecto-arena-roja-2022",
    "Neighbours filled the sidewalk cracks outside the Santucci Justice Center with red sand on National "
    "Human Trafficking Awareness Day.": (
        "Vecinas y vecinos llenaron de arena roja las grietas de la acera frente al Santucci Justice Center "
        "en el Día Nacional de Concientización sobre la Trata de Personas."
    ),
    "Placer County System of Care staff handed out free bags of red sand from 3:30 PM, and the CSEC "
    "Collaborative and community partners shared their sidewalk photos with #RedSandProject.": (
        "El personal del Sistema de Atención del Condado de Placer repartió bolsas de arena roja gratis desde "
        "las 3:30 p. m., y el CSEC Collaborative y sus aliados en la comunidad compartieron sus fotos de las "
        "aceras con #RedSandProject."
    ),
}

TRANSLATIONS = {"es": SPANISH}

# Each event's flyer, in Spanish (a PDF of its own, chosen in the translation).
FLYERS = {
    "es": {
        "red-sand-project": {
            "title": "Volante del Proyecto Arena Roja",
            "lines": [
                "Día Nacional de Concientización sobre la Trata de Personas: 11 de enero, de 3:30 a 4:30 p. m.",
                "Santucci Justice Center, 10810 Justice Center Drive, Roseville, CA 95678.",
                "Bolsas de arena roja gratis, entregadas por el personal del Sistema de Atención del Condado de "
                "Placer.",
                "Rellene una grieta de la acera, tome una foto y compártala con #RedSandProject.",
            ],
        },
        "californias-forgotten-children-screening": {
            "title": "Volante de la proyección de California's Forgotten Children",
            "lines": [
                "Proyección virtual de película y panel de conversación: 25 de enero, de 6:00 a 8:00 p. m.",
                "California's Forgotten Children (Los niños olvidados de California), largometraje documental.",
                "Participación gratuita. Es necesario inscribirse y los cupos son limitados.",
            ],
        },
    }
}
