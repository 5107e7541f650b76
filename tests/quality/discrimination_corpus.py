"""Labelled vacancy fragments for the anti-discrimination checker (Dutch and English).

Each case is a fragment as it could appear in the title, description, profile or offer of a
vacancy, with the criteria a careful reviewer would flag and at which severity:

- ``E`` (error): an explicit exclusion or an explicit requirement on a protected criterion
  ("max. 35 jaar", "enkel mannen", "Belgische nationaliteit vereist", "moedertaal Nederlands");
- ``W`` (warning): an indirect signal that deters or filters out a protected group
  ("jonge, dynamische", "pas afgestudeerd", "representatief uiterlijk", "geen kinderen").

No criteria means nothing must be flagged: many of those are hard negatives (junior functions,
"ervaring met kinderen", "machines van max 2 jaar oud", diversity statements, job-relevant
language skills, legal minimum ages, student jobs, "uiterlijk 15 maart", "aantrekkelijk loon").

How it was built: the fragments were written by hand from the wording of real Flemish and
English-language job ads (typos, "j."/"jr" abbreviations, "tss", "u bent" included), per criterion
of the federal Anti-discrimination Act, the Gender Act, the Anti-racism Act and the Flemish
decree, before the checker existed. The labelling policy is the one of the issue: explicit is an
error, indirect a warning; civil status and family situation are warnings unless they are stated
as an explicit condition ("enkel", "voorkeur", "komen niet in aanmerking"); pregnancy counts as
gender; "born in" counts as origin, priority for children of staff as social origin (birth).

The split into a development half and a held-out half is fixed by a hash of the text (so it
does not depend on the order of the list and was decided before any tuning): the checker was
tuned on the development half only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

E = "error"
W = "warning"

CRITERIA = (
    "age",
    "gender",
    "origin",
    "religion",
    "disability",
    "sexual_orientation",
    "civil_status",
    "language",
    "physical",
    "social_origin",
    "wealth",
    "political",
)


@dataclass(frozen=True)
class Case:
    text: str
    expected: Mapping[str, str]  # criterion -> "error" | "warning"; empty: nothing to flag
    language: str
    section: str
    held_out: bool

    @property
    def criteria(self) -> frozenset[str]:
        return frozenset(self.expected)


_SECTION = ["?"]
_CASES: list[Case] = []


def _held_out(text: str) -> bool:
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % 2 == 1


def _add(text: str, language: str, expected: dict[str, str]) -> None:
    unknown = set(expected) - set(CRITERIA)
    if unknown:
        raise ValueError(f"unknown criteria {unknown} in {text!r}")
    _CASES.append(Case(text, expected, language, _SECTION[0], _held_out(text)))


def nl(text: str, **expected: str) -> None:
    _add(text, "nl", expected)


def en(text: str, **expected: str) -> None:
    _add(text, "en", expected)


def section(name: str) -> None:
    _SECTION[0] = name


# --- age -----------------------------------------------------------------------------------
section("age")
nl("Je bent maximum 35 jaar.", age=E)
nl("Leeftijd: 25-35j.", age=E)
nl("U bent tussen 25 en 40 en hebt ervaring in de horeca.", age=E)
nl("Kandidaten zijn niet ouder dan 45 jaar.", age=E)
nl("Max. 30 jaar, rijbewijs B is een must.", age=E)
nl("Geen 50-plussers a.u.b.", age=E)
nl("Je bent jonger dan 30 jaar en wil snel bijleren.", age=E)
nl("Leeftijd tussen 18 en 25 jaar.", age=E)
nl("Ideale leeftijd: eind twintig, begin dertig.", age=E)
nl("Je bent een twintiger met een passie voor mode.", age=E)
nl("Wij zoeken een jonge, dynamische bakker.", age=W)
nl("Jonge en enthousiaste verkoper gezocht voor onze winkel in Hasselt.", age=W)
nl("Je past perfect in ons jong team.", age=W)
nl("Je bent jong en ambitieus en wil carrière maken in de verkoop.", age=W)
nl("We zoeken jong talent voor ons kantoor in Mechelen.", age=W)
nl("Je bent pas afgestudeerd en wil je eerste stappen zetten in de IT.", age=W)
nl("Je bent recent afgestudeerd (2024 of 2025).", age=W)
nl("Je hebt maximaal 3 jaar werkervaring.", age=W)
nl("Max. 5 jaar ervaring in een gelijkaardige functie.", age=W)
nl("Je bent een schoolverlater met interesse in techniek.", age=W)
nl("Leeftijd: max 40 jaar.", age=E)
nl("Jonge dame gezocht voor het onthaal van ons hotel.", age=W, gender=E)
nl("Je bent tss 20 en 30 jaar oud.", age=E)
nl("Je bent geboren na 1990.", age=E)
nl("Leeftijdsgrens: 45 jaar.", age=E)
nl("Je bent hoogstens 40 jaar.", age=E)
nl("Profiel: je bent jonger dan 35j., hebt rijbewijs B en bent stressbestendig.", age=E)
nl("Bij voorkeur jonger dan 40.", age=E)
nl("Leeftijd +/- 30 jaar.", age=E)
nl("We zoeken een jonge kracht voor de afwas in ons restaurant.", age=W)
nl("Jeugdige verkoper (m/v/x) gezocht voor onze sportwinkel.", age=W)
nl("Frisse jonge medewerker voor ons callcenter in Antwerpen.", age=W)
nl("Jong geweld gezocht voor onze zaak in Leuven!", age=W)
nl("Je bent een jonge hond die wil scoren.", age=W)
nl("Dit is een job voor jonge mensen die graag reizen.", age=W)
nl("Je bent max. 28 jaar (doelgroep van onze klanten).", age=E)
nl("Kandidaten ouder dan 55 worden niet weerhouden.", age=E)
nl("Vijftigplussers komen niet in aanmerking.", age=E)
nl("De ideale kandidaat is tussen de 25 en 35 jaar.", age=E)
nl("Je hebt niet meer dan twee jaar ervaring.", age=W)
nl("Digital native met een neus voor sociale media.", age=W)
nl("Je bent minimum 25 jaar.", age=W)
nl("Leeftijd 20 à 30 jaar.", age=E)
nl("Magazijnier, max 45j.", age=E)
nl("Wij zoeken een jonge gemotiveerde kapper (m/v/x) voor ons salon.", age=W)
nl("Je bent jong van geest en lichaam.", age=W)
nl("Je bent tussen de 30 en 45 jaar oud en hebt een commerciële flair.", age=E)
nl("Leeftijd: 18-30 jaar", age=E)
nl("U bent niet ouder dan 40 jaar en bereid tot ploegenwerk.", age=E)
nl("Onze klanten verwachten een jonge uitstraling: je bent eind twintig.", age=E)
nl("Kandidaten jonger dan 45 jaar krijgen de voorkeur.", age=E)
nl("Ben jij jong, sportief en op zoek naar een uitdaging? Solliciteer nu!", age=W)
nl("Je bent afgestudeerd in de laatste twee jaar.", age=W)
nl("Deze job is ideaal voor een schoolverlater.", age=W)
en("Only candidates under 30 will be considered.", age=E)
en("You are aged between 25 and 35.", age=E)
en("Maximum age 40.", age=E)
en("Applicants must be no older than 45.", age=E)
en("We are looking for a young and dynamic sales representative.", age=W)
en("You are a recent graduate eager to learn.", age=W)
en("Digital natives preferred.", age=W)
en("You fit perfectly in our young team.", age=W)
en("Maximum 3 years of experience.", age=W)
en("Candidates over 50 need not apply.", age=E)
en("You are in your twenties.", age=E)
en("Ideal age: 25-30.", age=E)
en("Youthful, energetic waiter wanted for our beach bar.", age=W)
en("We want young blood in the team.", age=W)
en("You graduated within the last two years.", age=W)
en("Born after 1995.", age=E)
en("You are under 35 years old and willing to travel.", age=E)
en("Age limit: 40 years.", age=E)
en("Young professional wanted for our Brussels office.", age=W)
en("You have no more than 2 years of work experience.", age=W)
# hard negatives
nl("Junior developer gezocht voor ons team in Gent.")
nl("Dit is een juniorfunctie; je krijgt een uitgebreide opleiding.")
nl("Senior accountant met minstens 8 jaar ervaring.")
nl("Je hebt ervaring met kinderen tussen 3 en 12 jaar.")
nl("Je begeleidt jongeren tussen 16 en 25 jaar in hun zoektocht naar werk.")
nl("Je werkt met machines van max 2 jaar oud.")
nl("Je krijgt een bedrijfswagen van minder dan 5 jaar oud.")
nl("Minimum 18 jaar (wettelijke vereiste voor het schenken van alcohol).")
nl("Je bent minstens 18 jaar.")
nl("Je bent minimum 21 jaar en hebt rijbewijs D (wettelijke vereiste).")
nl("Studentenjob: je hebt het statuut van student.")
nl("Jobstudenten vanaf 16 jaar zijn welkom.")
nl("Flexi-job: je bent gepensioneerd of werkt minstens 4/5 bij een andere werkgever.")
nl("Deze functie is een startbaan (Rosetta): je bent jonger dan 26 jaar.")
nl("Startersjob: geen ervaring nodig, pas afgestudeerden zijn welkom.")
nl("We verwelkomen kandidaten ongeacht leeftijd, geslacht of afkomst.")
nl("Ook 50-plussers worden aangemoedigd om te solliciteren.")
nl("Je hebt minimum 5 jaar ervaring als elektricien.")
nl("Je hebt 2 à 5 jaar ervaring in de logistiek.")
nl("Een contract van bepaalde duur van maximum 12 maanden, met kans op vast.")
nl("Onze klanten zijn voornamelijk ouderen tussen 65 en 90 jaar.")
nl("Je werkt maximum 30 uur per week.")
nl("Je woont op maximum 30 km van Antwerpen.")
nl("Ons bedrijf bestaat al 40 jaar.")
nl("Je komt terecht in een jong en groeiend bedrijf.")
nl("Je zorgt voor jonge kinderen in onze kinderopvang.")
nl("Je kweekt jonge planten in onze serres in Sint-Katelijne-Waver.")
nl("Je begeleidt senioren in het woonzorgcentrum.")
nl("Je hebt ervaring in de ouderenzorg.")
nl("Ons wagenpark is gemiddeld 3 jaar oud.")
nl("Garantie van 2 jaar op alle herstellingen.")
nl("Je bent tussen 8 en 17 uur telefonisch bereikbaar.")
nl("Leerkracht voor het 3de leerjaar in een basisschool in Brugge.")
nl("Je geeft les aan leerlingen tussen 12 en 18 jaar.")
nl("We zijn een jong team van twaalf collega's.")
nl("De jongste collega is 19, de oudste 64: leeftijd speelt bij ons geen rol.")
nl("Ook herintreders en 45-plussers zijn welkom.")
nl("Na 10 jaar dienst krijg je een extra verlofdag.")
nl("De vacature staat open tot 30 juni.")
nl("Je krijgt een opleiding van 3 maanden.")
nl("Je bent minstens 16 jaar (jobstudent).")
nl("Junior boekhouder (m/v/x) - starters welkom.")
nl("Als senior consultant coach je de junior collega's.")
nl("Je werkt met jongeren met een beperking in een MFC.")
nl("Ervaring is geen must: ook schoolverlaters zijn welkom.")
nl("Je hebt minstens 3 jaar ervaring; meer ervaring is een pluspunt.")
nl("Leeftijd is voor ons geen criterium: motivatie wel.")
nl("De opleiding duurt maximaal 2 jaar.")
nl("De bestelwagen is maximaal 4 jaar oud en volledig uitgerust.")
en("Junior Software Engineer - Antwerp")
en("Senior project manager with at least 10 years of experience.")
en("You have experience working with children aged 3 to 12.")
en("All machinery is no more than 5 years old.")
en("We welcome applicants regardless of age, gender, religion or background.")
en("You must be at least 18 years old (legal requirement).")
en("Student job: you have student status.")
en("Recent graduates are also welcome to apply.")
en("You have 3 to 5 years of experience in B2B sales.")
en("Our company has been around for 25 years.")
en("You support young people aged 16 to 25 on their way to a job.")
en("Contract of up to 6 months, with a view to a permanent position.")
en("We are a young start-up with big ambitions.")
en("Flexible hours, up to 40 days of leave a year.")
en("You care for elderly residents in our nursing home.")

# --- gender --------------------------------------------------------------------------------
section("gender")
nl("Enkel mannen komen in aanmerking voor deze functie.", gender=E)
nl("Wij zoeken vrouwelijke kandidaten voor onze winkel.", gender=E)
nl("Vrouwelijke verkoopster gezocht voor kledingzaak in Brugge.", gender=E)
nl("We zoeken een stevige kerel voor de verhuisploeg.", gender=E)
nl("Sterke mannen gezocht voor zware bouwwerken.", gender=E)
nl("Mannelijke kandidaat gezocht voor het magazijn.", gender=E)
nl("Enkel dames voor de bediening.", gender=E)
nl("Vriendelijke dame voor het onthaal gezocht.", gender=E)
nl("Flinke jongen gezocht voor de afwas.", gender=E, age=W)
nl("Wij zoeken een flink meisje voor de winkel.", gender=E, age=W)
nl("Je bent niet zwanger en plant geen zwangerschap in het komende jaar.", gender=E)
nl("Gezien het zware werk is deze job enkel geschikt voor mannen.", gender=E)
nl("Vrouwen worden niet weerhouden voor deze functie.", gender=E)
nl("We zoeken een poetsvrouw voor 3 halve dagen per week.", gender=W)
nl("Voor onze bakkerij zoeken we een verkoopster.", gender=W)
nl("Serveerster gezocht voor de weekends.", gender=W)
nl("Secretaresse voor advocatenkantoor, 4/5.", gender=W)
nl("De kandidaat moet stressbestendig zijn. Hij werkt zelfstandig en nauwkeurig.", gender=W)
nl("Je bent een echte vakman.", gender=W)
nl("Klusjesman gezocht voor onderhoud van onze gebouwen.", gender=W)
nl("Gastvrouw voor ons restaurant in Knokke.", gender=W)
nl("Kapster met ervaring in kleuren en knippen.", gender=W)
nl("We zoeken een hostess voor beurzen en evenementen.", gender=W)
nl("De job is niet geschikt voor vrouwen wegens het zware tilwerk.", gender=E)
nl("Je hebt geen kinderwens op korte termijn.", gender=E)
nl("Jongedame voor administratie gezocht.", gender=E, age=W)
nl("Bij voorkeur een vrouw, want onze klanten zijn vooral vrouwen.", gender=E)
nl("Bij voorkeur een man.", gender=E)
nl("Wij zoeken een vrouw voor de verkoop van lingerie.", gender=E)
nl("Poetsvrouw gezocht voor privé-woning in Kapellen, 2x4 uur per week.", gender=W)
nl("De ideale kandidaat is een man met technische bagage.", gender=E)
nl("Zwangere vrouwen kunnen niet solliciteren.", gender=E)
nl("Je bent een vrouw met een hart voor mode.", gender=E)
nl("Onthaalster (halftijds) voor onze garage in Roeselare.", gender=W)
nl("We zoeken een verpleegster voor de nachtdienst.", gender=W)
en("Male candidates only.", gender=E)
en("We are looking for a strong guy to join our warehouse team.", gender=E)
en("Female applicants preferred.", gender=E)
en("We are hiring a friendly waitress for our café.", gender=W)
en("Salesman wanted for B2B accounts in Flanders.", gender=W)
en("The successful candidate will report to the CFO. He will manage a team of four.", gender=W)
en("You must not be pregnant.", gender=E)
en("Only women need apply.", gender=E)
en("Handyman needed for maintenance of our buildings.", gender=W)
en("Pretty girl for reception.", gender=E, physical=E, age=W)
en("We need a man for heavy lifting in our warehouse.", gender=E)
en("This role is not suitable for women.", gender=E)
en("Stewardess wanted for private jet charters.", gender=W)
# hard negatives
nl("Verkoper (m/v/x) voor onze winkel in Aalst.")
nl("Poetshulp (m/v/x) gezocht voor 20 uur per week.")
nl("Onthaalmedewerker (h/f/x) voor ons kantoor in Brussel.")
nl("Poetshulp (man/vrouw) voor een gezin in Zaventem.")
nl(
    "We moedigen vrouwen in het bijzonder aan om te solliciteren, omdat ze in ons technisch team "
    "ondervertegenwoordigd zijn."
)
nl("Je begeleidt zwangere vrouwen tijdens de prenatale consultaties.")
nl("Voor de rol van Julia in onze theaterproductie zoeken we een actrice.")
nl(
    "Voor de intieme verzorging van bewoonsters in ons vrouwenopvangcentrum zoeken we een vrouwelijke "
    "begeleider; dit is een wezenlijke en bepalende beroepsvereiste (wettelijke uitzondering)."
)
nl("Ervaring als dames- en herenkapper is een pluspunt.")
nl("Je adviseert klanten in onze herenmodezaak.")
nl("Gelijk loon voor vrouwen en mannen is voor ons vanzelfsprekend.")
nl("Ons team bestaat uit vijf mannen en drie vrouwen.")
nl("Je werkt mee aan de opvang van vrouwen en kinderen in nood.")
nl("Manager operations (m/v/x).")
nl("Ongeacht je geslacht of genderidentiteit ben je welkom.")
nl("Je helpt mee op de kraamafdeling van het ziekenhuis.")
nl("Hij of zij rapporteert aan de productieverantwoordelijke.")
nl("De kandidaat (m/v/x) werkt zelfstandig; hij/zij rapporteert aan de zaakvoerder.")
nl("Onze zaakvoerder Jan zal je persoonlijk inwerken. Hij heeft 20 jaar ervaring.")
nl("Verpleegkundige (m/v/x) voor de afdeling geriatrie.")
nl("Het moederbedrijf bevindt zich in Nederland.")
nl("Vakmanschap en precisie staan bij ons centraal.")
nl("Je bent een vakkracht met oog voor detail.")
nl("Vakman/vakvrouw (m/v/x) voor onze schrijnwerkerij.")
nl("Je beheert de mannequins en etalages in onze winkel.")
nl("Je adviseert klanten over damesmode en accessoires.")
nl("Je werkt in een team van vrouwen en mannen met verschillende achtergronden.")
nl("Je verzorgt de dagelijkse administratie; mannen en vrouwen worden gelijk behandeld.")
en("Sales Representative (m/f/x)")
en("We encourage women and non-binary people to apply.")
en("Experience in menswear retail is a plus.")
en("He or she will report to the plant manager.")
en("You will join a team of engineers led by our CTO; she has 15 years of experience.")
en("You are responsible for manpower planning in the warehouse.")
en("Human resources assistant for our office in Ghent.")
en("We are an equal opportunities employer and welcome applications from men and women alike.")
en("You support women in vulnerable situations in our shelter.")
en("Chairperson of the works council.")

# --- origin (nationality, so-called race, skin colour, descent, national or ethnic origin) -----
section("origin")
nl("Belgische nationaliteit vereist.", origin=E)
nl("Je hebt de Belgische nationaliteit.", origin=E)
nl("Enkel Belgen komen in aanmerking.", origin=E)
nl("Geen buitenlanders aub.", origin=E)
nl("Je bent van Belgische afkomst.", origin=E)
nl("Autochtone kandidaten krijgen de voorkeur.", origin=E)
nl("Wij zoeken een blanke medewerker voor de verkoop.", origin=E)
nl("Geen Oost-Europeanen.", origin=E)
nl("Je hebt de nationaliteit van een EU-lidstaat.", origin=E)
nl("Onze klanten wensen geen allochtonen aan de deur.", origin=E)
nl("Je bent geboren in België.", origin=E)
nl("Je bent een rasechte Vlaming.", origin=E)
nl("Kandidaten met een migratieachtergrond worden niet weerhouden.", origin=E)
nl("Europees uiterlijk is een vereiste voor deze functie.", origin=E)
nl("Je bent een Vlaming van origine.", origin=E)
nl("Nederlandse nationaliteit is een vereiste.", origin=E)
nl("Je bent hier geboren en getogen.", origin=W)
nl("Voorkeur voor kandidaten uit de streek met Vlaamse roots.", origin=W)
nl("Je hebt een Belgische achtergrond.", origin=E)
nl("Enkel kandidaten met de Belgische of Nederlandse nationaliteit.", origin=E)
nl("Geen Marokkanen of Turken.", origin=E)
nl("Je bent van Vlaamse afkomst en kent de streek.", origin=E)
nl("Je huidskleur past bij ons publiek.", origin=E)
en("Belgian nationality required.", origin=E)
en("Only EU citizens will be considered.", origin=E)
en("Applicants must be of Belgian origin.", origin=E)
en("White candidates preferred.", origin=E)
en("No foreigners.", origin=E)
en("You must be born in Belgium.", origin=E)
en("British nationals only.", origin=E)
en("Caucasian, well-groomed hostess for our VIP lounge.", origin=E, gender=W)
en("You are a native Belgian.", origin=E)
en("Candidates of African descent will not be considered.", origin=E)
en("You must hold Belgian citizenship.", origin=E)
# hard negatives
nl("Je hebt een Belgisch rijbewijs B.")
nl("Je beschikt over een geldige arbeidskaart of werkvergunning.")
nl("Je kent de Belgische wetgeving rond btw.")
nl("Ervaring met de Belgische markt is een pluspunt.")
nl("Je bereidt gerechten uit de Turkse keuken.")
nl("We leveren onze producten in België, Nederland en Polen.")
nl("Ons multicultureel team telt 14 nationaliteiten.")
nl("Je begeleidt nieuwkomers en anderstalige jongeren.")
nl("Iedereen is welkom, ongeacht huidskleur, afkomst of nationaliteit.")
nl("Je werkt voor de Vlaamse overheid in Brussel.")
nl("Voor onze vestiging in Vlaams-Brabant zoeken we een planner.")
nl("Kennis van de Belgische boekhoudnormen is vereist.")
nl("Je hebt een diploma dat in België erkend is (gelijkwaardigheid via NARIC).")
nl("In het kader van ons diversiteitsbeleid moedigen we personen met een migratieachtergrond aan om te solliciteren.")
nl("Je bent verantwoordelijk voor de export naar Marokko en Turkije.")
nl("Je bent bereid om af en toe naar ons filiaal in Nederland te reizen.")
nl("Je verkoopt Belgische bieren aan horecazaken.")
nl("Je maakt witte en bruine broden volgens traditioneel recept.")
nl("Je schildert muren in het wit en zorgt voor een strakke afwerking.")
en("You must have the right to work in Belgium.")
en("Valid EU work permit required.")
en("You develop white-label software for our clients.")
en("Native iOS and Android development experience is required.")
en("Experience with cloud-native architectures is a plus.")
en("Our customers are mainly Belgian SMEs.")
en("You keep the whiteboard planning in the workshop up to date.")
en("We are a multinational team with colleagues of 20 nationalities.")
en("Knowledge of Belgian labour law is required.")

# --- religion or belief --------------------------------------------------------------------
section("religion")
nl("Geen hoofddoek.", religion=E)
nl("Het dragen van een hoofddoek is niet toegestaan.", religion=E)
nl("Hoofddoeken zijn niet toegelaten op de werkvloer.", religion=E)
nl("Je bent katholiek.", religion=E)
nl("Moslims komen niet in aanmerking.", religion=E)
nl("Christelijke kandidaten krijgen voorrang.", religion=E)
nl("Je draagt geen religieuze kentekens zoals een hoofddoek of keppel.", religion=E)
nl(
    "Wij hanteren een neutraliteitsbeleid: zichtbare religieuze, politieke of levensbeschouwelijke tekens "
    "zijn niet toegestaan in contact met klanten.",
    religion=W,
)
nl("Je deelt onze christelijke waarden.", religion=W)
nl("Je bent een praktiserende christen.", religion=E)
nl("Geen islamitische kandidaten.", religion=E)
nl("Je neemt geen vrij op religieuze feestdagen.", religion=W)
nl("Kandidaten met een keppel of tulband komen niet in aanmerking.", religion=E)
nl("Een hoofddoek is niet toegelaten in de winkel.", religion=E)
nl("Je bent gelovig en gaat wekelijks naar de kerk.", religion=E)
nl("Hoofddoek dragen kan niet bij ons.", religion=E)
en("No headscarves allowed.", religion=E)
en("Christian candidates only.", religion=E)
en("You must share our Christian faith.", religion=E)
en("Religious head coverings are not permitted.", religion=E)
en("Muslims need not apply.", religion=E)
en("Visible religious symbols are not permitted under our neutrality policy.", religion=W)
en("You are a practising Catholic.", religion=E)
en("No hijab or turban in the shop.", religion=E)
# hard negatives
nl("Met respect voor elke religie en levensovertuiging.")
nl("Je onderschrijft het pedagogisch project van het katholiek onderwijs.")
nl("Leerkracht islamitische godsdienst voor het secundair onderwijs.")
nl("Je hebt ervaring met halal bereidingen.")
nl("Een hoofddoek dragen is bij ons geen probleem.")
nl("Je bent welkom, ongeacht je religie of levensbeschouwing.")
nl("We houden rekening met religieuze feestdagen bij de planning.")
nl("Je begeleidt bezoekers in de kathedraal en geeft uitleg over de geschiedenis van de kerk.")
nl(
    "Pastoraal werker voor de parochie Sint-Jan: je bent zelf gelovig en engageert je in de katholieke "
    "geloofsgemeenschap."
)
nl("Werkkledij wordt voorzien; een hoofddoek in de huisstijl is mogelijk.")
nl("Je bent verantwoordelijk voor het onderhoud van de kerken in de gemeente.")
nl("Je organiseert de kerstmarkt en de paasactiviteiten in het centrum.")
nl("Je bent gelovig in de kracht van teamwork.")
en("Our kitchen prepares kosher and halal meals.")
en("We respect all faiths and accommodate prayer times.")
en("You believe in the power of good design.")
en("Religious education teacher for a Catholic secondary school.")

# --- disability and health -----------------------------------------------------------------
section("disability")
nl("Je bent in perfecte gezondheid.", disability=E)
nl("Geen fysieke beperkingen.", disability=E)
nl("Kandidaten met een handicap komen niet in aanmerking.", disability=E)
nl("Je hebt geen chronische ziekte.", disability=E)
nl("Je hebt geen ziekteverleden.", disability=E)
nl("Je bent kerngezond.", disability=E)
nl("Je bent in goede gezondheid.", disability=W)
nl("Je bent zelden ziek.", disability=W)
nl("Geen rugproblemen.", disability=E)
nl("Je hebt geen burn-out of depressie gehad.", disability=E)
nl("Rolstoelgebruikers kunnen niet solliciteren.", disability=E)
nl("Je bent 100% valide.", disability=E)
nl("Je neemt geen medicatie.", disability=E)
nl("Je bent niet doof of slechthorend.", disability=E)
nl("Je hebt een goede gezondheid en weinig ziektedagen.", disability=W)
nl("Personen met een beperking kunnen deze job niet uitoefenen.", disability=E)
en("You must be in perfect health.", disability=E)
en("No disabilities.", disability=E)
en("Candidates must have no history of mental illness.", disability=E)
en("You are rarely sick.", disability=W)
en("Good health is essential.", disability=W)
en("Able-bodied candidates only.", disability=E)
en("You have no chronic illness.", disability=E)
en("You are not on any medication.", disability=E)
# hard negatives
nl("Je werkt met personen met een verstandelijke beperking.")
nl("We voorzien redelijke aanpassingen voor mensen met een handicap.")
nl("Personen met een arbeidshandicap worden aangemoedigd om te solliciteren.")
nl("Je werkt in de geestelijke gezondheidszorg.")
nl("Je kookt gezonde maaltijden voor onze bewoners.")
nl("Je ondergaat een verplicht medisch onderzoek (veiligheidsfunctie).")
nl("Je kan lasten tot 25 kg heffen.")
nl("Je bent fysiek fit en kan zwaar werk aan.")
nl("Hospitalisatieverzekering en groepsverzekering.")
nl("Je werkt in een ziekenhuis met 600 bedden.")
nl("Je verwittigt tijdig bij ziekte.")
nl("Je zorgt voor de veiligheid en gezondheid op de werf (preventieadviseur).")
nl("Je begeleidt kinderen met autisme in hun dagelijkse activiteiten.")
nl("Je hebt een goede gezondheidsopvolging dankzij onze arbeidsgeneesheer.")
en("We are a disability-confident employer and make reasonable adjustments.")
en("You will support clients with physical disabilities.")
en("Private health insurance for you and your family.")
en("You promote health and safety on site.")
en("You work in a healthy, sustainable company.")

# --- sexual orientation --------------------------------------------------------------------
section("sexual_orientation")
nl("Geen homo's.", sexual_orientation=E)
nl("Je bent heteroseksueel.", sexual_orientation=E)
nl("Holebi's komen niet in aanmerking.", sexual_orientation=E)
nl("Je hebt een normale geaardheid.", sexual_orientation=E)
nl("Lesbiennes zijn niet welkom in ons team.", sexual_orientation=E)
en("Straight candidates only.", sexual_orientation=E)
en("No gay applicants.", sexual_orientation=E)
en("We're looking for a straight-acting male host.", sexual_orientation=E, gender=E)
en("Homosexual applicants will not be considered.", sexual_orientation=E)
# hard negatives
nl("Wij zijn een holebi-vriendelijke werkgever.")
nl("Je werkt met holebi- en transjongeren in ons jongerenhuis.")
nl("Iedereen is welkom, ongeacht seksuele geaardheid of genderidentiteit.")
nl("Je werkt in ons gay-friendly hotel in Antwerpen.")
en("We are proud to be an LGBTQ+-inclusive employer.")
en("You communicate straight to the point.")
en("Regardless of sexual orientation, everyone gets equal opportunities.")
en("You go straight from the depot to the first customer.")

# --- civil status and family situation ------------------------------------------------------
section("civil_status")
nl("Je bent ongehuwd.", civil_status=W)
nl("Je hebt geen kinderen.", civil_status=W)
nl("Je bent alleenstaand en flexibel inzetbaar.", civil_status=W)
nl("Vrijgezel, want je reist veel.", civil_status=W)
nl("Je hebt geen gezinslast.", civil_status=W)
nl("Je hebt geen kleine kinderen thuis.", civil_status=W)
nl("Enkel ongehuwde kandidaten.", civil_status=E)
nl("Gehuwde vrouwen komen niet in aanmerking.", civil_status=E, gender=E)
nl("Je bent gehuwd en hebt een stabiel gezin.", civil_status=W)
nl("Je bent getrouwd.", civil_status=W)
nl("Je hebt geen gezinsverplichtingen die je flexibiliteit beperken.", civil_status=W)
nl("Kandidaten zonder kinderen krijgen de voorkeur.", civil_status=E)
en("You are single and have no children.", civil_status=W)
en("No family commitments.", civil_status=W)
en("Candidates without children preferred.", civil_status=E)
en("You are married.", civil_status=W)
en("Unmarried candidates only.", civil_status=E)
# hard negatives
nl("Je hebt ervaring met kinderen.")
nl("Je werkt graag met kinderen en jongeren.")
nl("Kinderverzorging: je zorgt voor baby's en peuters.")
nl("Je verzorgt kinderen in een gezinsvervangend tehuis.")
nl("Wij zijn een familiebedrijf met 40 medewerkers.")
nl("Flexibele uren voor een goede combinatie van werk en gezin.")
nl("Je begeleidt gezinnen in armoede.")
nl("Ongeacht burgerlijke staat of gezinssituatie.")
nl("Kinderopvang op de bedrijfssite.")
nl("Je neemt de zorg voor kinderen van 2,5 tot 12 jaar op je.")
nl("Je hebt geen kinderen onder je hoede tijdens de nachtdienst; dat doet de nachtwaker.")
nl("Je organiseert activiteiten voor gezinnen met kinderen in ons recreatiedomein.")
en("Experience with single sign-on and identity management.")
en("You are the single point of contact for our clients.")
en("Family-friendly policies, including childcare support.")
en("You plan activities for children and families at our holiday park.")
en("A single, centralised warehouse in Ghent.")

# --- language ------------------------------------------------------------------------------
section("language")
nl("Moedertaal Nederlands.", language=E)
nl("Je bent Nederlandstalig van moedertaal.", language=E)
nl("Nederlands is je moedertaal.", language=E)
nl("Franstalig van geboorte, met goede kennis van het Nederlands.", language=E)
nl("Je spreekt accentloos Nederlands.", language=W)
nl("Je spreekt Nederlands zonder accent.", language=W)
nl("Perfect Nederlands op moedertaalniveau.", language=W)
nl("Je bent tweetalig opgevoed (Nederlands-Frans).", language=E)
nl("Je hebt het Nederlands als moedertaal.", language=E)
nl("Moedertaal: Frans.", language=E)
nl("Je bent een native speaker Engels.", language=E)
nl("Anderstaligen komen niet in aanmerking.", language=E)
nl("Profiel: moedertaal Nederlands, goede kennis van Frans en Engels.", language=E)
en("Native English speaker.", language=E)
en("You are a native Dutch speaker.", language=E)
en("Native speakers of German only.", language=E)
en("Native-level English is a must.", language=W)
en("You speak English without an accent.", language=W)
en("Dutch mother tongue required.", language=E)
en("English must be your first language.", language=E)
# hard negatives
nl("Goede kennis van het Nederlands (B2).")
nl("Je spreekt vlot Frans.")
nl("Kennis van het Engels is een pluspunt.")
nl("Je bent tweetalig Nederlands-Frans.")
nl("Je geeft les aan kinderen met een andere moedertaal.")
nl("Je spreekt Nederlands op niveau C1 (ERK).")
nl("Nederlands voor anderstaligen (NT2): je geeft taallessen aan volwassenen.")
nl("Je helpt anderstalige nieuwkomers bij hun eerste stappen.")
nl("We organiseren taallessen voor medewerkers die hun Nederlands willen verbeteren.")
nl("Je schrijft foutloos Nederlands.")
nl("Je communiceert vlot in het Nederlands, zowel mondeling als schriftelijk.")
nl("Je werkt in een internationale omgeving; de voertaal is Engels.")
nl("Je spreekt minstens Nederlands en Engels; Frans is een troef.")
en("Fluent in English and Dutch.")
en("Excellent written English is required.")
en("Experience with native mobile apps.")
en("You speak Dutch at CEFR level C1 or higher.")
en("You will teach Dutch to speakers of other languages.")

# --- physical and genetic characteristics, appearance ---------------------------------------
section("physical")
nl("Representatief uiterlijk.", physical=W)
nl("Je hebt een representatief voorkomen.", physical=W)
nl("Je bent slank.", physical=E)
nl("Knappe verschijning gezocht voor onze stand op de autosalon.", physical=E)
nl("Aantrekkelijke hostess voor evenementen.", physical=E, gender=W)
nl("Gelieve een recente foto bij je cv te voegen.", physical=W)
nl("Stuur je cv met foto naar jobs@kapsalon-lien.example.", physical=W)
nl("Minimum 1m80 groot.", physical=E)
nl("Geen zichtbare tatoeages of piercings.", physical=W)
nl("Je hebt een goed figuur.", physical=E)
nl("Je draagt maat 36-38.", physical=E)
nl("Je hebt een verzorgd en aantrekkelijk uiterlijk.", physical=E)
nl("Je bent een mooie verschijning.", physical=E)
nl("Je hebt een representatieve uitstraling voor onze toonzaal.", physical=W)
nl("Je lengte is minimaal 1,75 m.", physical=E)
en("Attractive appearance required.", physical=E)
en("You are slim and well-presented.", physical=E)
en("Please send a photo with your CV.", physical=W)
en("Presentable appearance.", physical=W)
en("Good-looking staff wanted for our bar.", physical=E)
en("Minimum height 1.75 m.", physical=E)
en("No visible tattoos.", physical=W)
# hard negatives
nl("Solliciteer uiterlijk op 15 maart.")
nl("Je start uiterlijk in september.")
nl("Aantrekkelijk loon aangevuld met extralegale voordelen.")
nl("Je hebt een verzorgd voorkomen.")
nl("Werkkledij en veiligheidsschoenen worden voorzien.")
nl("Je fotografeert onze producten voor de webshop.")
nl("We werken volgens een slank productieproces (lean).")
nl("Een knap staaltje vakwerk afleveren: dat is wat je drijft.")
nl("Je kan lang rechtstaan en bent niet bang van fysiek werk.")
nl("Je bent een portretfotograaf met oog voor detail.")
nl("Je verkoopt kledij in maten 34 tot 52.")
nl("Je verzorgt het uiterlijk van onze etalages.")
nl("Je krijgt een aantrekkelijk pakket met bedrijfswagen.")
nl("Uiterlijk binnen twee weken na je sollicitatie krijg je antwoord.")
en("Attractive salary package and company car.")
en("Please attach your CV and a short motivation letter.")
en("You write clean, good-looking code.")
en("Our office has an attractive location near Antwerp Central.")
en("You take product photos for our webshop.")

# --- social origin (incl. birth) -----------------------------------------------------------
section("social_origin")
nl("Je komt uit een goede familie.", social_origin=E)
nl("Je bent van goede komaf.", social_origin=E)
nl("Kandidaten uit sociale woonwijken komen niet in aanmerking.", social_origin=E)
nl("Geen kandidaten met een OCMW-verleden.", social_origin=E)
nl("Kinderen van personeelsleden krijgen voorrang.", social_origin=W)
nl("Zonen en dochters van onze medewerkers hebben voorrang bij de selectie.", social_origin=W)
nl("Je komt uit een ondernemersfamilie.", social_origin=W)
nl("Je komt uit een gegoed milieu.", social_origin=E)
en("You come from a good family background.", social_origin=E)
en("Candidates from a working-class background need not apply.", social_origin=E)
en("Children of employees are given priority.", social_origin=W)
# hard negatives
nl("Je begeleidt mensen uit kansengroepen naar werk.")
nl("Tewerkstelling via artikel 60 in samenwerking met het OCMW.")
nl("Maatschappelijk werker bij het OCMW van Gent.")
nl("Ongeacht sociale afkomst krijgt iedereen dezelfde kansen.")
nl("Je werkt als opbouwwerker in een sociale woonwijk.")
nl("Je hebt affiniteit met mensen in armoede.")
en("Family business since 1920, now in its fourth generation.")
en("You support families from disadvantaged backgrounds.")

# --- wealth ----------------------------------------------------------------------------------
section("wealth")
nl("Je bent eigenaar van je woning.", wealth=E)
nl("Je hebt geen schulden.", wealth=E)
nl("Kandidaten met een collectieve schuldenregeling worden niet weerhouden.", wealth=E)
nl("Je hebt geen loonbeslag.", wealth=E)
nl("Je bent financieel onafhankelijk.", wealth=W)
nl("Je hebt een eigen huis in de regio.", wealth=E)
nl("Leefloners komen niet in aanmerking.", wealth=E)
nl("Je hebt voldoende spaargeld.", wealth=W)
en("Homeowners only.", wealth=E)
en("You have no outstanding debts.", wealth=E)
en("A clean credit history is required.", wealth=W)
en("You must own property in Belgium.", wealth=E)
# hard negatives
nl("Je beschikt over een eigen wagen.")
nl("Met eigen wagen, want je bezoekt klanten in heel Vlaanderen.")
nl("Je hebt eigen gereedschap.")
nl("Ervaring met vermogensbeheer voor private klanten.")
nl("Je begeleidt cliënten in schuldbemiddeling.")
nl("Je verkoopt woningen en appartementen in de regio Kortrijk.")
nl("Een eigen woning kopen? Wij bieden personeel een voordelige woonlening aan.")
nl("Je volgt de schulden van klanten op (debiteurenbeheer).")
en("Own transport is required as the site is not served by public transport.")
en("You advise high-net-worth clients on their investments.")
en("Bring your own laptop.")
en("You manage outstanding debts and payment plans of our customers.")

# --- political and union belief ---------------------------------------------------------------
section("political")
nl("Vakbondsleden komen niet in aanmerking.", political=E)
nl("Je bent geen lid van een vakbond.", political=E)
nl("Geen syndicale activiteiten.", political=E)
nl("Je hebt geen politieke engagementen.", political=E)
nl("Wij zijn een vakbondsvrij bedrijf en willen dat zo houden.", political=W)
nl("Je bent niet politiek actief.", political=E)
nl("Kandidaten met extreemlinkse sympathieën worden geweigerd.", political=E)
nl("Je deelt onze liberale overtuiging.", political=E)
nl("Je bent geen vakbondsmilitant.", political=E)
en("No union members.", political=E)
en("You must not be a member of a trade union.", political=E)
en("You share our conservative political views.", political=E)
en("We are a union-free company.", political=W)
# hard negatives
nl("Je overlegt met de vakbondsafgevaardigden.")
nl("Je hebt een master in de politieke wetenschappen.")
nl("Je volgt het Europese en Belgische politieke nieuws op (public affairs).")
nl("Het ACV zoekt een juridisch adviseur voor de regio Limburg.")
nl("Wij respecteren ieders politieke overtuiging.")
nl("Sociaal overleg met de vakbonden is voor ons belangrijk.")
nl("Beleidsmedewerker bij de gemeente Lier.")
en("Experience with European Union funding programmes.")
en("You manage relationships with third-party suppliers.")
en("You will organise the annual company party.")
en("You prepare briefings for political decision-makers.")

# --- mixed, longer fragments -----------------------------------------------------------------
section("mixed")
nl(
    "Profiel: je bent tussen 25 en 35 jaar, hebt rijbewijs B en spreekt vlot Frans. Je bent stressbestendig.",
    age=E,
)
nl(
    "Wie zoeken we? Een jonge, dynamische medewerker met moedertaal Nederlands en een representatief uiterlijk.",
    age=W,
    language=E,
    physical=W,
)
nl("Vrouwelijke onthaalmedewerker, max. 30 jaar, met representatief voorkomen.", gender=E, age=E, physical=W)
nl("Voor onze winkel zoeken we een Belgische verkoopster van max 35 jaar.", origin=E, gender=W, age=E)
nl(
    "Je hebt een bachelordiploma, bent maximum 30 jaar en beschikt over een eigen wagen.",
    age=E,
)
nl(
    "Je bent een jonge vrouw met een verzorgd uiterlijk en geen kinderen.",
    age=W,
    gender=E,
    civil_status=W,
)
nl(
    "We zoeken een pas afgestudeerde ingenieur (m/v/x). Je hebt maximum 2 jaar ervaring en spreekt vlot Engels.",
    age=W,
)
nl(
    "Ons jong en dynamisch team zoekt een nieuwe collega die er goed bij past: je bent jonger dan 30.",
    age=E,
)
en(
    "We are looking for a young, dynamic native English speaker with a presentable appearance.",
    age=W,
    language=E,
    physical=W,
)
en("Female receptionist, max 30 years, slim and attractive.", gender=E, age=E, physical=E)
en("You are a male Belgian national under 40.", gender=E, origin=E, age=E)
nl(
    "Je werkt in een klein team, bent klantvriendelijk en hebt ervaring met kinderen tussen 6 en 12 jaar. "
    "Iedereen is welkom, ongeacht leeftijd, geslacht, afkomst of handicap.",
)
nl(
    "Je hebt een goede kennis van het Nederlands (B2) en een Belgisch rijbewijs B. Je bent minstens 18 jaar "
    "(wettelijke vereiste) en beschikt over een eigen wagen.",
)
nl(
    "Junior medewerker (m/v/x) voor ons jong en groeiend bedrijf. Starters en herintreders zijn welkom.",
)
en(
    "We welcome applications from everyone, regardless of age, gender, origin, religion, disability or "
    "sexual orientation, and make reasonable adjustments where needed.",
)
en(
    "Junior data analyst (m/f/x): recent graduates and career switchers are welcome. You speak fluent "
    "English; Dutch is a plus.",
)

# --- neutral vacancy text ------------------------------------------------------------------
section("neutral")
nl("Je hebt een bachelordiploma in de toegepaste informatica.")
nl("Je bent stressbestendig en werkt nauwkeurig.")
nl("We bieden een vast contract met maaltijdcheques en ecocheques.")
nl("Je werkt in een 2-ploegensysteem (6-14u / 14-22u).")
nl("Je bent flexibel en bereid om af en toe in het weekend te werken.")
nl("Rijbewijs B is een pluspunt.")
nl("Je beschikt over een VCA-attest of bent bereid het te behalen.")
nl("Je bent een teamspeler met een hands-on mentaliteit.")
nl("We bieden 32 vakantiedagen en thuiswerk tot 2 dagen per week.")
nl("Je hebt ervaring met SAP en Excel.")
nl("Je bent klantvriendelijk en communicatief sterk.")
nl("Je hebt minimum 2 jaar ervaring als heftruckchauffeur.")
nl("Opleiding: minimum bachelor.")
nl("Loon: tussen 2.800 en 3.400 euro bruto per maand.")
nl("Je werkt tussen 20 en 30 uur per week.")
nl("Je hebt een diploma secundair onderwijs (TSO/BSO).")
nl("We zoeken een enthousiaste collega voor onze afdeling logistiek.")
nl("Dynamische werkomgeving met veel groeikansen.")
nl("Je bent dynamisch, gedreven en klantgericht.")
nl("Onze vloot telt 45 vrachtwagens, gemiddeld 3 jaar oud.")
nl("We bestaan 30 jaar en vieren dat met een personeelsfeest.")
nl("Je bent beschikbaar vanaf 1 september.")
nl("De selectieprocedure bestaat uit twee gesprekken en een assessment.")
nl("Je staat in voor het onderhoud van 25 heftrucks.")
nl("Je werkt 38 uur per week, van maandag tot vrijdag.")
nl("Je bent handig en hebt technisch inzicht.")
nl("Je rapporteert aan de plant manager.")
nl("We bieden een competitief loon volgens PC 200 en een hospitalisatieverzekering.")
nl("Je bent een echte doener en neemt graag verantwoordelijkheid.")
nl("Je houdt van een propere werkplek.")
en("You are a team player with excellent communication skills.")
en("Competitive salary, meal vouchers and hospitalisation insurance.")
en("You have a master's degree in engineering.")
en("You work 38 hours a week in a day shift.")
en("You have a valid forklift certificate.")
en("You report to the head of finance and work closely with the controllers.")
en("We offer 20 days of holiday plus 12 ADV days.")
en("Salary between 3,200 and 4,100 euro gross per month.")
en("You are hands-on, curious and eager to learn.")
en("Starting date: as soon as possible.")

CORPUS: tuple[Case, ...] = tuple(_CASES)
DEVELOPMENT: tuple[Case, ...] = tuple(case for case in CORPUS if not case.held_out)
HELD_OUT: tuple[Case, ...] = tuple(case for case in CORPUS if case.held_out)
