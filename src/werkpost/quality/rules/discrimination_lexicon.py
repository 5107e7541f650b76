"""The word lists and patterns of the anti-discrimination checker (Dutch and English).

Everything here is matched against *normalised* text: lower case, accents removed ("à" → "a",
"ë" → "e"), typographic quotes and dashes made plain. `discrimination.py` compiles it.

A `Spec` is one explainable rule: a pattern, the criterion it is about, the *frame* that must
hold around it before it counts, the severity, and a neutral wording to suggest in Dutch and in
English (the checker picks the language of the sentence: a partner replaces a Dutch sentence
with Dutch, an English one with English).

Frames (see `discrimination.py` for the exact windows):

- ``always``: the words discriminate wherever they stand ("moedertaal Nederlands");
- ``negated``: only with a negation before it in the clause ("geen hoofddoek", "no disabilities")
  or an exclusion after it in the sentence ("... is niet toegestaan", "... need not apply");
- ``group``: a group of people, flagged only when it is restricted ("enkel", "geen", "only"),
  excluded ("komen niet in aanmerking") or preferred ("krijgen de voorkeur");
- ``required``: a trait, flagged only when the candidate must have it ("je bent katholiek",
  "you are married", or a list item that starts with it: "slank en representatief");
- ``sought``: like ``required``, or the person the vacancy looks for ("we zoeken een Belgische
  verkoper", "Belgische medewerker gezocht").

Every frame is off in a sentence that is a diversity statement ("ongeacht", "regardless of",
"zijn welkom", "we moedigen ... aan"), and some criteria know legal exceptions (see EXCEPTIONS).
With ``explicit``, a warning becomes an error when the sentence restricts, excludes or prefers
("enkel ongehuwde kandidaten" against "je bent ongehuwd").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

type Frame = Literal["always", "negated", "group", "required", "sought"]
type Level = Literal["error", "warning"]

E: Level = "error"
W: Level = "warning"


@dataclass(frozen=True)
class Spec:
    name: str
    criterion: str
    pattern: str
    frame: Frame
    severity: Level
    suggestion: tuple[str, str]  # Dutch, English ({lang}: the language named in the fragment)
    start_ok: bool = False  # "required": a list item that starts with the trait counts too
    softened_by: str = ""  # a context in the sentence that makes it a warning (a neutrality policy)
    # Word prefixes (3-4 letters) one of which every match contains. By default they are derived
    # from the pattern's first words; give them when those are too short or too common ("van").
    anchors: tuple[str, ...] = ()
    ages: bool = False  # also search texts with a number that can be an age (16-75)
    marks: str = ""  # also search texts with one of these characters ("50+")
    negation_clears: bool = False  # a negation just before ("geen foto", "zonder foto"): no condition
    explicit: bool = False  # restricting / excluding / preferring makes it an error


# --- shared word lists -------------------------------------------------------------------------

LANGUAGES = (
    r"nederlands|vlaams|frans|engels|duits|spaans|italiaans|portugees|arabisch|turks|pools|roemeens|"
    r"dutch|flemish|french|english|german|spanish|italian|portuguese|arabic|turkish|polish|romanian"
)
NATIONALITY = (
    r"belgische?|nederlandse?|franse?|duitse?|britse?|engelse?|europese?|eu|vlaamse?|waalse?|"
    r"marokkaanse?|turkse?|poolse?|roemeense?|amerikaanse?|afrikaanse?|aziatische?|arabische?|"
    r"oost-europese?|westerse?|belgian|dutch|french|german|british|english|european|american|"
    r"flemish|moroccan|turkish|polish|romanian|african|asian|arab|eastern european|western|"
    r"caucasian|non-eu|non-european"
)

# Negations before a term, in the same clause, with at most four words between.
NEGATION = r"geen|niet|no|not|zonder|without|nooit|never|non|free of|free from|vrij van"

# After a term, in the same sentence: the group or trait is excluded.
EXCLUSION = (
    r"\b(?:komen|komt|kom)\s+(?:dus\s+)?niet\s+in\s+aanmerking|\bniet\s+in\s+aanmerking|"
    r"\bniet\s+(?:weerhouden|aanvaard|toegestaan|toegelaten|gewenst|welkom|mogelijk|geschikt|aangenomen)|"
    r"\b(?:worden|wordt)\s+(?:\w+\s+)?(?:geweigerd|uitgesloten)|\bverboden\b|"
    r"\b(?:kan|kunnen|mag|mogen)\s+(?:\w+\s+){0,3}?niet\b|"
    r"\bnot\s+(?:be\s+)?(?:permitted|allowed|accepted|considered|eligible|welcome|tolerated|suitable|hired)|"
    r"\bneed\s+not\s+apply|\bneedn't\s+apply|\bprohibited|\bforbidden|\bare\s+excluded|\bwill\s+be\s+rejected|"
    r"\b(?:hoeven|hoeft)\s+niet\s+te\s+solliciteren|\bniet\s+solliciteren|\bshould\s+not\s+apply"
)

# After a term, in the same sentence: the group is preferred or the only one allowed.
PREFERENCE = (
    r"\b(?:krijgen|krijgt|hebben|heeft|genieten|geniet)\s+(?:de\s+|een\s+)?(?:voorkeur|voorrang)|"
    r"\bbij\s+voorkeur\b|\bpreferred\b|\b(?:are|is)\s+given\s+(?:priority|preference)|"
    r"\b(?:get|have|take)\s+priority|\bonly\b|\bexclusively\b|\bvereist\b|\brequired\b"
)

# Before a term, at most three words before it in the same clause (the group frame also takes
# a negation: "geen buitenlanders").
RESTRICTION = (
    r"enkel|alleen|uitsluitend|only|exclusively|bij voorkeur|voorkeur voor|liefst|preferably|"
    r"geschikt voor|suitable for"
)

# Before a trait: the candidate must have it.
REQUIREMENT = (
    r"je\s+bent|u\s+bent|jij\s+bent|ben\s+je|ben\s+jij|bent\s+u|je\s+hebt|u\s+hebt|heb\s+je|je\s+moet|"
    r"je\s+dient|je\s+draagt|you\s+are|you're|you\s+must(?:\s+be)?|you\s+should\s+be|must\s+be|"
    r"should\s+be|you\s+have|you\s+need\s+to\s+be|kandidaat\s+is|candidate\s+is|je\s+deelt|you\s+share|"
    r"must\s+share|onderschrijft|you\s+must\s+own|must\s+hold|you\s+hold"
)

# A diversity statement, an invitation, an accommodation: nothing in the sentence excludes.
INCLUSIVE = (
    r"\bongeacht|\bregardless|\birrespective|\bzonder\s+onderscheid|\bwithout\s+distinction|"
    r"(?<!niet\s)(?<!geen\s)\bwelkom\b|(?<!not\s)\bwelcome\b|\bwelcomes\b|\bverwelkom\w*|\baangemoedigd|"
    r"\baanmoedig\w*|\bmoedig\w*\b.{0,80}\baan\b|\bencourag\w*|\bgelijke\s+kansen|\bequal\s+opportunit\w*|"
    r"\bspeelt\s+(?:\w+\s+){0,3}geen\s+rol|\bgeen\s+criterium|\bmaakt\s+(?:\w+\s+)?niet\s+uit|\bdoes(?:n't|\s+not)\s+matter|"
    r"\bgeen\s+probleem|\bno\s+problem|\bgeen\s+bezwaar|\bmet\s+respect\s+voor|\brespect(?:eren|eert)?\b|"
    r"\binclusi\w*|\bdiversiteit\w*|\bdiversity|\bredelijke\s+aanpassing\w*|\breasonable\s+adjustment\w*|"
    r"\bpositieve\s+actie|\bpositive\s+action|\bgelijk\s+loon|\bgelijk\s+behandeld|\bequal\s+pay|"
    r"\bvriendelijke\s+werkgever|\bfriendly\s+employer"
)

# Legal exceptions and measures, per criterion (in the same sentence).
EXCEPTIONS = {
    "age": (
        r"\bwettelijk\w*|\blegal\w*|\bby\s+law\b|\brosetta\b|\bstartba\w*|\bstartersjob\w*|\bstarterscontract\w*|"
        r"\bjobstudent\w*|\bstudentenjob\w*|\bwerkstudent\w*|\bstatuut\s+van\s+student|\bstudent\s+(?:job|status)|"
        r"\bflexi\w*|\bjeugdvakantiewerk\w*"
    ),
    "gender": (
        r"\brol\b|\brollen\b|\bpersonage\w*|\brole\s+of\b|\bcharacter\b|\bcasting\b|\bberoepsvereiste\w*|"
        r"\boccupational\s+requirement|\bwettelijke\s+uitzondering|\blegal\s+exception|\bpositieve\s+actie|"
        r"\bpositive\s+action"
    ),
    "religion": (
        r"\bparochie\w*|\bpastora\w*|\bgeloofsgemeenschap\w*|\bgodsdienst\w*|\bcatechese|\bbisdom\w*|"
        r"\bkerkfabriek\w*|\blevensbeschouwelijke\s+organisatie\w*|\btendensonderneming\w*|"
        r"\bkatholiek\s+onderwijs|\bpedagogisch\s+project|\breligious\s+education|\bparish\w*|\bdiocese|"
        r"\bcongregation|\bfaith-based\s+organi[sz]ation|\bchaplain\w*|\baalmoezenier\w*"
    ),
}

SPECS: tuple[Spec, ...] = (
    # --- age -------------------------------------------------------------------------------
    Spec(
        "age.decade",
        "age",
        r"\b(?:twintigers?|dertigers?|veertigers?|(?:begin|eind|midden|half|laat|vroeg)\s+(?:de\s+)?"
        r"(?:twintig|dertig|veertig|vijftig))\b",
        "always",
        E,
        ("laat de leeftijd weg en beschrijf wat de job vraagt", "leave out the age and describe what the job requires"),
    ),
    Spec(
        "age.decade_en",
        "age",
        r"\bin\s+(?:your|their|his|her)\s+(?:early\s+|mid-?\s*|late\s+)?(?:twenties|thirties|forties|fifties|"
        r"20s|30s|40s|50s)\b|\b(?:twenty|thirty|forty)-?somethings?\b",
        "always",
        E,
        ("laat de leeftijd weg en beschrijf wat de job vraagt", "leave out the age and describe what the job requires"),
        anchors=("twen", "thir", "fort", "fift", "20s", "30s", "40s", "50s"),
    ),
    Spec(
        "age.born",
        "age",
        r"\b(?:geboren|born)\s+(?:na|voor|tussen|in|vanaf|after|before|between|from|in)\s+(?:19|20)\d\d\b",
        "always",
        E,
        (
            "laat het geboortejaar weg en beschrijf wat de job vraagt",
            "leave out the year of birth and describe what the job requires",
        ),
    ),
    Spec(
        "age.graduate",
        "age",
        r"\b(?:pas|net|recent|recente|vers|kersvers)\s+afgestudeerd\w*|\bschoolverlater\w*|"
        r"\bafgestudeerd\s+(?:in|tijdens)\s+(?:de\s+)?(?:laatste|afgelopen)\s+\w+\s+jaar\b|"
        r"\bafgestudeerd\s+(?:in|na)\s+(?:19|20)\d\d\b",
        "always",
        W,
        ("starters zijn welkom (ervaren kandidaten ook)", "starters are welcome (as are experienced candidates)"),
        anchors=("afge", "scho"),
    ),
    Spec(
        "age.graduate_en",
        "age",
        r"\b(?:recent|new|fresh)\s+graduates?\b|\brecently\s+graduated\b|\bnewly\s+graduated\b|"
        r"\bgraduated\s+(?:within|in)\s+the\s+(?:last|past)\s+\w+\s+years?\b|\bgraduated\s+(?:in|after)\s+(?:19|20)\d\d",
        "always",
        W,
        ("starters zijn welkom (ervaren kandidaten ook)", "starters are welcome (as are experienced candidates)"),
        anchors=("grad",),
    ),
    Spec(
        "age.digital_native",
        "age",
        r"\bdigital[- ]natives?\b",
        "always",
        W,
        ("je werkt vlot met digitale tools", "confident with digital tools"),
    ),
    Spec(
        "age.youthful",
        "age",
        r"\bjeugdig\w*|\bjong\s+van\s+geest\b|\bjong\s+(?:geweld|bloed|talent)\b",
        "always",
        W,
        ("gemotiveerd, enthousiast", "motivated, enthusiastic"),
    ),
    Spec(
        "age.youthful_en",
        "age",
        r"\byouthful\b|\byoung\s+blood\b",
        "always",
        W,
        ("gemotiveerd, enthousiast", "motivated, enthusiastic"),
    ),
    Spec(
        "age.plus",
        "age",
        r"\b(?:[3-7]\d|dertig|veertig|vijftig|zestig|forty|fifty|sixty)\s*-?\s*(?:plussers?|\+(?:ers?|'ers?)?)(?!\w)",
        "group",
        E,
        (
            "laat de leeftijd weg: iedereen met het gevraagde profiel kan solliciteren",
            "leave out the age: anyone with the profile can apply",
        ),
        anchors=("dert", "veer", "vijf", "zest", "fort", "fift", "sixt", "plus"),
        marks="+",
    ),
    Spec(
        "age.experience_max",
        "age",
        r"\b(?:max(?:imum|imaal)?\.?|hoogstens|ten\s+hoogste|niet\s+meer\s+dan|no\s+more\s+than|not\s+more\s+than|"
        r"at\s+most|up\s+to|maximum\s+of|a\s+maximum\s+of)\s*(?:\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|"
        r"negen|tien|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:jaar|jr\.?|years?|yrs?)\s+"
        r"(?:(?:relevante|relevant|professionele|professional)\s+)?(?:\w*ervaring|experience|"
        r"of\s+(?:\w+\s+)?experience|work\s+experience)\b",
        "always",
        W,
        (
            "beschrijf het niveau (bv. 'junior', 'minstens 1 jaar ervaring') in plaats van een maximum",
            "describe the level (e.g. 'junior', 'at least 1 year of experience') instead of a maximum",
        ),
        anchors=("jaar", "jr", "year", "yrs"),
    ),
    # --- gender ----------------------------------------------------------------------------
    Spec(
        "gender.pregnancy",
        "gender",
        r"\bzwanger\w*|\bkinderwens\w*|\bgezinsuitbreiding\w*|\bpregnan\w*|\bfamily\s+planning\b",
        "negated",
        E,
        ("laat zwangerschap en gezinsplanning weg", "leave out pregnancy and family plans"),
    ),
    Spec(
        "gender.pregnancy_wish",
        "gender",
        r"\bkinderwens\w*",
        "always",
        E,
        ("laat zwangerschap en gezinsplanning weg", "leave out pregnancy and family plans"),
    ),
    # --- origin ----------------------------------------------------------------------------
    Spec(
        "origin.nationality",
        "origin",
        rf"\b(?:{NATIONALITY})\s+(?:nationaliteit|staatsburgerschap|paspoort|afkomst|origine|komaf|achtergrond|"
        r"afstamming|nationality|citizenship|passport|nationals?|citizens?|origin|descent|ancestry|background)\b|"
        r"\bnationaliteit\s+van\s+(?:een\s+|de\s+)?(?:eu|europese|belgie|nederland)\w*|"
        r"\b(?:van|of)\s+(?:\w+\s+)?origine\b|\bnative\s+(?:belgians?|flemings?|speakers?\s+of\s+belgian)\b|"
        r"\brasechte?\b|\bechte\s+vlaming\b",
        "always",
        E,
        (
            "je hebt een geldige arbeidskaart of verblijfsvergunning (als dat nodig is)",
            "you have the right to work in Belgium",
        ),
        anchors=(
            "nati",
            "staa",
            "pasp",
            "afko",
            "orig",
            "koma",
            "acht",
            "afst",
            "citi",
            "pass",
            "desc",
            "ance",
            "back",
            "rase",
            "vlam",
        ),
    ),
    Spec(
        "origin.nationality_en",
        "origin",
        r"\b(?:belgian|british|eu|european|dutch|french|german|american)\s+(?:nationality|citizenship|"
        r"passport|nationals?|citizens?)\b",
        "always",
        E,
        (
            "je hebt een geldige arbeidskaart of verblijfsvergunning (als dat nodig is)",
            "you have the right to work in Belgium",
        ),
        anchors=("nati", "citi", "pass"),
    ),
    Spec(
        "origin.nationality_person",
        "origin",
        r"\b(?:belgische|nederlandse|franse|duitse|britse|europese|vlaamse|autochtone|belgian|flemish|dutch|british)\s+"
        r"(?:kandidaten|kandidaat|kandidate|sollicitanten|medewerkers?|medewerkster|werknemers?|collega'?s?|"
        r"verkopers?|verkoopster|kracht|man|vrouw|dame|jongen|meisje|candidates?|applicants?|employees?|staff|"
        r"workers?|persons?|people)\b",
        "sought",
        E,
        (
            "laat de nationaliteit weg; vraag zo nodig een geldige arbeidskaart",
            "leave out nationality; ask for the right to work if needed",
        ),
    ),
    Spec(
        "origin.roots",
        "origin",
        rf"\b(?:{NATIONALITY})\s+roots\b|\bgeboren\s+en\s+getogen\b|\bborn\s+and\s+(?:raised|bred)\b",
        "always",
        W,
        (
            "laat afkomst weg; beschrijf de kennis die de job vraagt (bv. van de regio)",
            "leave out origin; describe the knowledge the job requires (e.g. of the region)",
        ),
        anchors=("root", "gebo", "born"),
    ),
    Spec(
        "origin.born_in",
        "origin",
        r"\b(?:geboren|born)\s+in\s+(?!(?:19|20)\d\d)(?:belgie|vlaanderen|nederland|europa|de\s+eu|belgium|"
        r"flanders|the\s+netherlands|europe|the\s+eu|\w+)\b",
        "always",
        E,
        ("laat geboorteplaats en afkomst weg", "leave out place of birth and origin"),
    ),
    Spec(
        "origin.groups",
        "origin",
        r"\b(?:belgen|vlamingen|walen|nederlanders|buitenlanders?|vreemdelingen|allochto\w*|autochto\w*|migranten|immigranten|marokkanen|"
        r"turken|polen|roemenen|bulgaren|oost-europeanen|afrikanen|zwarten|negers?|arabieren|aziaten|"
        r"flemings|foreigners?|immigrants?|migrants?|belgians|moroccans|turks|poles|africans|asians|blacks|whites)\b|"
        r"\b(?:migratieachtergrond|migrantenachtergrond|migration\s+background)\b|"
        r"\b(?:of|van)\s+(?:\w+\s+)?(?:afkomst|descent|origin)\b",
        "group",
        E,
        (
            "laat afkomst weg: iedereen met het gevraagde profiel kan solliciteren",
            "leave out origin: anyone with the profile can apply",
        ),
        anchors=(
            "belg",
            "vlam",
            "wale",
            "nede",
            "flem",
            "buit",
            "vree",
            "allo",
            "auto",
            "migr",
            "immi",
            "maro",
            "turk",
            "pole",
            "roem",
            "bulg",
            "oost",
            "afri",
            "zwar",
            "nege",
            "arab",
            "azia",
            "fore",
            "moro",
            "asia",
            "blac",
            "whit",
            "afko",
            "desc",
            "orig",
        ),
    ),
    Spec(
        "origin.skin",
        "origin",
        r"\b(?:blanke?|zwarte|gekleurde|white|black|coloured|colored)\s+(?:\w+\s+)?(?:kandidaten|kandidaat|"
        r"medewerkers?|persoon|personen|mensen|werknemers?|collega'?s|huid|candidates?|applicants?|people|"
        r"person|staff|employees?|workers?|skin)\b|\b(?:caucasian|kaukasisch\w*)\b|\bhuidskleur\b|"
        r"\bskin\s+colou?r\b|\beuropees\s+uiterlijk\b|\bwesters\s+uiterlijk\b|\beuropean\s+(?:appearance|looks?)\b",
        "always",
        E,
        ("laat huidskleur en afkomst weg", "leave out skin colour and origin"),
    ),
    Spec(
        "origin.skin_trait",
        "origin",
        r"\b(?:blank|blanke|caucasian|white)\b",
        "required",
        E,
        ("laat huidskleur en afkomst weg", "leave out skin colour and origin"),
    ),
    # --- religion --------------------------------------------------------------------------
    Spec(
        "religion.garment",
        "religion",
        r"\b(?:hoofddoek\w*|sluier\w*|keppel\w*|kippa\w*|tulband\w*|boerka\w*|boerkini\w*|niqab\w*|hijab\w*|"
        r"headscar\w*|head\s*coverings?|headwear|turbans?|yarmulke\w*|burqa\w*|kippah\w*)\b|"
        r"\b(?:religieuze|levensbeschouwelijke|religious)\s+(?:kentekens|tekens|symbolen|symbols?|signs?|dress|"
        r"clothing|attire)\b",
        "negated",
        E,
        (
            "laat dit weg, of verwijs naar een algemeen neutraliteitsbeleid dat voor iedereen geldt",
            "leave this out, or refer to a general neutrality policy that applies to everyone",
        ),
        softened_by=r"\bneutralit\w*|\bneutraal\b|\bneutral\b",
    ),
    Spec(
        "religion.groups",
        "religion",
        r"\b(?:moslims?|moslima'?s?|christenen|joden|katholieken|protestanten|hindoes|boeddhisten|atheisten|"
        r"gelovigen|ongelovigen|muslims?|christians|jews|catholics|protestants|hindus|buddhists|atheists)\b|"
        r"\b(?:islamitische|christelijke|joodse|katholieke|protestantse|muslim|christian|jewish|catholic)\s+"
        r"(?:kandidaten|kandidaat|sollicitanten|medewerkers?|candidates?|applicants?|staff|employees?)\b",
        "group",
        E,
        (
            "laat godsdienst weg: iedereen met het gevraagde profiel kan solliciteren",
            "leave out religion: anyone with the profile can apply",
        ),
    ),
    Spec(
        "religion.trait",
        "religion",
        r"\b(?:katholiek|christen|christelijk|moslim|islamitisch|joods|protestants|gelovig(?!\s+in\b)|"
        r"praktiserende?\s+(?:christen|moslim|katholiek|jood)\w*|catholic|christian|muslim|jewish|"
        r"religious|practi[sc]ing\s+(?:catholic|christian|muslim|jew)\w*|believer)\b",
        "required",
        E,
        ("laat godsdienst of overtuiging weg", "leave out religion or belief"),
    ),
    Spec(
        "religion.faith",
        "religion",
        r"\b(?:christelijke|katholieke|islamitische|joodse|religieuze)\s+(?:overtuiging|geloof|levensvisie)\b|"
        r"\b(?:christian|catholic|islamic|jewish|religious)\s+(?:faith|beliefs?)\b|\bgeloofsovertuiging\b",
        "required",
        E,
        ("laat godsdienst of overtuiging weg", "leave out religion or belief"),
    ),
    Spec(
        "religion.values",
        "religion",
        r"\b(?:christelijke|katholieke|islamitische|joodse|religieuze)\s+(?:waarden|normen)\b|"
        r"\b(?:christian|catholic|islamic|jewish|religious)\s+values\b",
        "required",
        W,
        (
            "beschrijf de waarden zelf (bv. respect en zorg voor elkaar), zonder godsdienst",
            "describe the values themselves (e.g. respect and care for each other), without religion",
        ),
    ),
    Spec(
        "religion.holidays",
        "religion",
        r"\b(?:religieuze|religious)\s+(?:feestdagen|feesten|holidays|holy\s+days)\b|\bramadan\b|"
        r"\bvrijdaggebed\b|\bgebed\w*\b|\bprayers?\b",
        "negated",
        W,
        ("laat dit weg; verlof wordt in overleg gepland", "leave this out; leave is planned by agreement"),
    ),
    # --- disability and health -------------------------------------------------------------
    Spec(
        "disability.condition",
        "disability",
        r"\b(?:handicap\w*|beperking(?:en)?(?!\s+(?:op|van|in|qua|aan|voor|inzake))|fysieke\s+beperking\w*|lichamelijke\s+beperking\w*|"
        r"chronische\s+(?:ziekte|aandoening)\w*|ziekteverleden|medisch\s+verleden|medische\s+voorgeschiedenis|"
        r"rugproblemen|hartproblemen|gezondheidsproblemen|gezondheidsklachten|medische\s+(?:problemen|klachten|aandoening\w*)|"
        r"psychische\s+(?:problemen|aandoening\w*)|"
        r"rugklachten|burn-?out|depressie|medicatie|medicijnen|doof|doven|slechthorend\w*|blind|"
        r"slechtziend\w*|epilepsie|diabetes|suikerziekte|rolstoel\w*|disabilit\w*|disabled|"
        r"chronic\s+(?:illness|condition|disease)\w*|mental\s+illness|illness|medication|"
        r"health\s+(?:problems|issues|conditions)|medical\s+history|deaf|hearing\s+impair\w*|"
        r"visual\w*\s+impair\w*|impairments?|wheelchair\s+users?|(?:physical|medical|mental)\s+limitations?)\b",
        "negated",
        E,
        (
            "beschrijf de taken (bv. 'je tilt dagelijks tot 20 kg'); we voorzien redelijke aanpassingen",
            "describe the tasks (e.g. 'you lift up to 20 kg daily'); we make reasonable adjustments",
        ),
    ),
    Spec(
        "disability.perfect_health",
        "disability",
        r"\bperfecte\s+gezondheid\b|\bperfect\s+health\b|\bkerngezond\w*|\b100\s*%\s*(?:valide|gezond|fit)\b|"
        r"\bvalide\b|\bable-bodied\b|\bin\s+perfecte\s+(?:fysieke\s+)?conditie\b|\bgezond\s+van\s+lijf\s+en\s+leden\b",
        "always",
        E,
        (
            "beschrijf de taken (bv. 'je tilt dagelijks tot 20 kg')",
            "describe the tasks (e.g. 'you lift up to 20 kg daily')",
        ),
        anchors=("perf", "kern", "vali", "able", "gezo", "100"),
    ),
    Spec(
        "disability.good_health",
        "disability",
        r"\bgoede\s+gezondheid\b|\bgood\s+health\b|\bzelden\s+ziek\b|\brarely\s+(?:sick|ill)\b|"
        r"\bseldom\s+(?:sick|ill)\b|\bweinig\s+(?:ziektedagen|ziekteverzuim|afwezigheden)\b|\bniet\s+vaak\s+ziek\b|"
        r"\blow\s+absenteeism\b",
        "always",
        W,
        (
            "beschrijf de taken en werkomstandigheden in plaats van de gezondheid",
            "describe the tasks and working conditions instead of health",
        ),
        anchors=("gezo", "heal", "ziek", "sick", "ill", "afwe", "abse"),
    ),
    Spec(
        "disability.healthy",
        "disability",
        r"\b(?:gezond|healthy|in\s+good\s+shape)\b",
        "required",
        W,
        (
            "beschrijf de taken en werkomstandigheden in plaats van de gezondheid",
            "describe the tasks and working conditions instead of health",
        ),
        anchors=("gezo", "heal", "shap"),
    ),
    # --- sexual orientation ----------------------------------------------------------------
    Spec(
        "sexual_orientation.groups",
        "sexual_orientation",
        r"\b(?:homo'?s|homos|homo|holebi'?s|holebis|lesbiennes?|lesbische|homoseksuel\w*|homofiel\w*|"
        r"biseksuel\w*|transgenders?|gays?|lesbians?|homosexuals?|homosexual|bisexuals?|queers?)\b(?!-)",
        "group",
        E,
        ("laat seksuele geaardheid weg", "leave out sexual orientation"),
    ),
    Spec(
        "sexual_orientation.straight",
        "sexual_orientation",
        r"\bheterosexu\w*|\bheteroseksu\w*|\bnormale\s+geaardheid\b|\bstraight-acting\b|"
        r"\bstraight\s+(?:candidates?|applicants?|men|women|people|person|male|female)\b",
        "always",
        E,
        ("laat seksuele geaardheid weg", "leave out sexual orientation"),
    ),
    Spec(
        "sexual_orientation.trait",
        "sexual_orientation",
        r"\b(?:homo|homoseksueel|lesbisch|lesbienne|biseksueel|holebi|gay|lesbian|homosexual|bisexual|"
        r"transgender)\b(?!-)",
        "required",
        E,
        ("laat seksuele geaardheid weg", "leave out sexual orientation"),
    ),
    # --- civil status and family situation --------------------------------------------------
    Spec(
        "civil_status.unmarried",
        "civil_status",
        r"\bongehuwd\w*|\bongetrouwd\w*|\bvrijgezel(?:le)?n?\b|\balleenstaand\w*|\bunmarried\b",
        "always",
        W,
        ("beschrijf de uren en verplaatsingen die de job vraagt", "describe the hours and travel the job involves"),
        explicit=True,
    ),
    Spec(
        "civil_status.married",
        "civil_status",
        r"\b(?:gehuwd\w*|getrouwd|gescheiden|weduwe\w*|married|divorced|widowed|"
        r"single(?!\s*(?:-|sign|point|source|use|page|click|room|bed|file|view|market|player|shift|,)))\b",
        "required",
        W,
        ("beschrijf de uren en verplaatsingen die de job vraagt", "describe the hours and travel the job involves"),
        explicit=True,
    ),
    Spec(
        "civil_status.married_group",
        "civil_status",
        r"\bgehuwde\s+(?:vrouwen|mannen|kandidaten|mensen)\b|\bmarried\s+(?:women|men|candidates|applicants)\b",
        "group",
        E,
        ("laat de burgerlijke staat weg", "leave out civil status"),
    ),
    Spec(
        "civil_status.children",
        "civil_status",
        r"\b(?:kinderen|kids|children|kind|gezin|gezinslast\w*|"
        r"gezinsverplichting\w*|familiale\s+verplichting\w*|family\s+(?:commitments|obligations|responsibilities)|"
        r"dependants|dependents)\b(?!\s+(?:onder\s+(?:je|jouw|uw)\s+hoede|te\s+begeleiden|in\s+(?:je|de)\s+groep))",
        "negated",
        W,
        ("beschrijf de uren en verplaatsingen die de job vraagt", "describe the hours and travel the job involves"),
        explicit=True,
    ),
    # --- language --------------------------------------------------------------------------
    Spec(
        "language.mother_tongue",
        "language",
        rf"\b(?<!andere\s)moedertaal\s*:?\s*(?:is\s+)?(?:het\s+)?(?P<lang>{LANGUAGES})\b|"
        rf"\b(?P<lang2>{LANGUAGES})\s+(?:is|als)\s+(?:je|jouw|uw)?\s*moedertaal\b|"
        r"\b(?P<lang3>nederlands|frans|engels|duits)talig\w*\s+van\s+(?:moedertaal|geboorte|huis\s+uit|origine)\b|"
        r"\btweetalig\s+opgevoed\b|\bmoedertaalspreker\w*|\bnative\s+(?P<lang5>nederlands|frans|engels|duits)talig\w*|"
        rf"\bnative\s+speakers?\s+(?:(?:of\s+)?(?P<lang4>{LANGUAGES}))?",
        "always",
        E,
        ("je spreekt vlot {lang} (niveau C1)", "fluent {lang} (CEFR level C1 or higher)"),
        anchors=("moed", "gebo", "huis", "orig", "twee", "nati"),
    ),
    Spec(
        "language.native_en",
        "language",
        rf"\bnative\s+(?P<lang>{LANGUAGES})(?:\s+speakers?)?\b|\b(?P<lang2>{LANGUAGES})\s+(?:native\s+speaker|"
        r"mother\s+tongue)\b|\bmother\s+tongue\b|"
        rf"\b(?P<lang3>{LANGUAGES})\s+(?:must\s+be|as|is)\s+(?:your|a|the)\s+(?:first|native)\s+language\b",
        "always",
        E,
        ("je spreekt vlot {lang} (niveau C1)", "fluent {lang} (CEFR level C1 or higher)"),
        anchors=("nati", "moth", "firs"),
    ),
    Spec(
        "language.level",
        "language",
        r"\bmoedertaalniveau\b|\bnative[- ]level\b|\bnear[- ]native\b|"
        r"\bnative(?:-like)?\s+(?:proficiency|fluency|command)\b",
        "always",
        W,
        ("je spreekt vlot {lang} (niveau C2)", "fluent {lang} (CEFR level C2)"),
    ),
    Spec(
        "language.accent",
        "language",
        r"\baccentloo\w*|\bzonder\s+(?:\w+\s+)?accent\b|\bwithout\s+(?:an?\s+)?(?:\w+\s+)?accent\b|"
        r"\baccent-?free\b|\b(?:no|geen)\s+(?:\w+\s+)?accent\b",
        "always",
        W,
        ("je spreekt vlot en verstaanbaar {lang}", "you speak clear, fluent {lang}"),
        anchors=("acce",),
    ),
    Spec(
        "language.groups",
        "language",
        r"\b(?:anderstaligen|anderstalige\s+(?:kandidaten|sollicitanten)|niet-nederlandstaligen|"
        r"non-native\s+speakers)\b",
        "group",
        E,
        (
            "beschrijf het taalniveau dat de job vraagt (bv. Nederlands B2)",
            "describe the language level the job requires (e.g. Dutch B2)",
        ),
        anchors=("ande", "nede", "nati"),
    ),
    # --- physical characteristics and appearance --------------------------------------------
    Spec(
        "physical.representative",
        "physical",
        r"\brepresentatie(?:f|ve)\s+(?:\w+\s+)?(?:uiterlijk|voorkomen|uitstraling|verschijning)\b|"
        r"\bpresentable(?:\s+appearance)?\b|\bwell-presented\b",
        "always",
        W,
        ("verzorgd voorkomen, klantvriendelijk", "well-groomed, customer-friendly"),
        negation_clears=True,
    ),
    Spec(
        "physical.photo",
        "physical",
        r"\b(?:cv|sollicitatie|kandidatuur|brief)\s+(?:met|en|plus|inclusief)\s+(?:een\s+)?(?:recente\s+)?(?:pas)?foto\b|"
        r"\b(?:pasfoto|foto)\s+(?:bij|toevoegen|meesturen|mee\s+te\s+sturen|toe\s+te\s+voegen)\b|\bpasfoto\b|"
        r"\b(?:send|include|attach|enclose|add)\s+(?:us\s+)?(?:a\s+|your\s+)?(?:recent\s+)?photo(?:graph)?\b|"
        r"\b(?:cv|resume|application)\s+(?:with|and)\s+(?:a\s+)?(?:recent\s+)?photo(?:graph)?\b|"
        r"\bphoto(?:graph)?\s+(?:with|of\s+yourself)\b",
        "always",
        W,
        ("stuur je cv (zonder foto)", "send your CV (no photo)"),
        anchors=("foto", "pasf", "phot"),
        negation_clears=True,
    ),
    Spec(
        "physical.looks",
        "physical",
        r"\bknap\w*\s+(?:verschijning|uiterlijk|voorkomen|meisje|dame|vrouw|man|jongen|medewerkster?|hostess|"
        r"kandidaten|kandidate?)\b|\bmooie?\s+(?:verschijning|figuur|uiterlijk)\b|\b(?:goed|mooi|slank)\s+figuur\b|"
        r"\bgoede\s+lichaamsbouw\b|\baantrekkelijk\w*\s+(?:\w+\s+)?(?:uiterlijk|verschijning|voorkomen|hostess|"
        r"dame|vrouw|meisje|medewerkster?|kandidaten|kandidate?|persoon)\b|\battractive\s+(?:appearance|looks?|"
        r"women|woman|girls?|ladies|lady|staff|hostess|receptionist|candidates?|people|person)\b|"
        r"\bgood-?looking\s+(?:staff|people|candidates?|women|men|girls?|guys?|hostess|waitress|person|"
        r"bartenders?)\b|\bpretty\s+(?:girls?|women|woman|lady|ladies|face|hostess)\b|\bgood\s+looks\b|"
        r"\bnice\s+figure\b",
        "always",
        E,
        (
            "laat het uiterlijk weg; beschrijf de klantgerichte houding",
            "leave out looks; describe the customer-oriented attitude",
        ),
    ),
    Spec(
        "physical.slim",
        "physical",
        r"\b(?:slank|slanke|slim|knap)\b(?!\s+(?:staaltje|productie\w*|proces\w*|organisatie|werk\w*|chance|margins?))",
        "required",
        E,
        (
            "laat het uiterlijk weg; beschrijf de klantgerichte houding",
            "leave out looks; describe the customer-oriented attitude",
        ),
        start_ok=True,
    ),
    Spec(
        "physical.pretty",
        "physical",
        r"\b(?:mooi|aantrekkelijk|attractive|pretty|good-looking|beautiful|knappe\s+verschijning)\b",
        "required",
        E,
        (
            "laat het uiterlijk weg; beschrijf de klantgerichte houding",
            "leave out looks; describe the customer-oriented attitude",
        ),
    ),
    Spec(
        "physical.height",
        "physical",
        r"\b(?:minimum|minimaal|minstens|min\.?|at\s+least|lengte(?:\s+is)?|height|gestalte)\s*:?\s*"
        r"(?:minimaal|minimum|van)?\s*1\s*[m.,]\s*\d{2}\s*(?:m\b|cm\b)?(?:\s*groot)?|\b1\s*m\s*\d{2}\s+groot\b|"
        r"\b1\s*[.,m]\s*\d{2}\s*(?:m\b|cm\b)?\s*(?:tall|groot|lang)\b|\bje\s+draagt\s+maat\s*\d{2}|\bconfectiemaat\b|\bminimum\s+height\b|\bheight\s+of\s+at\s+least\b",
        "always",
        E,
        ("laat lengte en maat weg; beschrijf de taken", "leave out height and size; describe the tasks"),
        anchors=("min", "leng", "heig", "maat", "gest", "groo", "conf", "1m", "tall", "lang"),
    ),
    Spec(
        "physical.tattoo",
        "physical",
        r"\b(?:tatoeages?|tattoos?|piercings?)\b",
        "negated",
        W,
        (
            "beschrijf de kledijvoorschriften van de functie, als die er zijn",
            "describe the dress code of the job, if there is one",
        ),
    ),
    # --- social origin (and birth) ----------------------------------------------------------
    Spec(
        "social_origin.family",
        "social_origin",
        r"\b(?:uit|van)\s+(?:een\s+)?(?:goede|gegoede|nette|degelijke|welgestelde|rijke)\s+(?:familie|"
        r"komaf|milieu|afkomst|achtergrond|huize)\b|\bgoede\s+komaf\b|\bgegoed(?:e)?\s+milieu\b|"
        r"\b(?:uit|van|from)\s+(?:een\s+|a\s+)?(?:goed|degelijk|warm)\s+nest\b|\bgood\s+family(?:\s+background)?\b|\b(?:respectable|wealthy|upper-class)\s+(?:family\s+)?background\b",
        "always",
        E,
        (
            "laat familie en sociale afkomst weg; selecteer op competenties",
            "leave out family and social background; select on skills",
        ),
        anchors=("goed", "gego", "koma", "nett", "dege", "welg", "rijk", "resp", "weal", "uppe", "good"),
    ),
    Spec(
        "social_origin.class",
        "social_origin",
        r"\b(?:arbeidersmilieu|arbeidersklasse|working-class|working\s+class|sociale\s+woonwijk\w*|"
        r"sociale\s+woning\w*|social\s+housing|council\s+estates?|ocmw-verleden|ocmw\s+verleden|kansarme\s+buurt\w*|"
        r"achtergestelde\s+buurt\w*)\b",
        "group",
        E,
        (
            "laat sociale afkomst en woonplaats weg; selecteer op competenties",
            "leave out social background and neighbourhood; select on skills",
        ),
        anchors=("arbe", "clas", "woon", "woni", "hous", "esta", "ocmw", "kans", "buur"),
    ),
    Spec(
        "social_origin.staff_children",
        "social_origin",
        r"\b(?:kinderen|zonen|dochters|familieleden|children|sons|daughters|relatives|family\s+members)\s+"
        r"(?:en\s+(?:dochters|zonen)\s+)?(?:van|of)\s+(?:onze\s+|our\s+|de\s+|the\s+)?(?:personeelsleden|"
        r"personeel|medewerkers|werknemers|employees|staff)\b",
        "group",
        W,
        ("iedereen krijgt dezelfde kansen in de selectie", "everyone gets the same chances in the selection"),
    ),
    Spec(
        "social_origin.entrepreneurs",
        "social_origin",
        r"\bondernemersfamilie\b|\b(?:uit|from)\s+(?:een|an?)\s+(?:ondernemers|academische|artsen|entrepreneurial|"
        r"academic)\s*(?:familie|family|milieu|nest)\b",
        "always",
        W,
        ("je hebt een ondernemende ingesteldheid", "you have an entrepreneurial attitude"),
        anchors=("onde", "acad", "arts", "entr"),
    ),
    # --- wealth ----------------------------------------------------------------------------
    Spec(
        "wealth.property",
        "wealth",
        r"\beigenaar\s+van\s+(?:je|jouw|uw|een|de)\s+(?:eigen\s+)?(?:woning|huis|appartement|woonst)\b|"
        r"\bhomeowners?\b|\bproperty\s+owners?\b|\bown\s+(?:a\s+)?(?:house|home|property)\b",
        "always",
        E,
        ("laat eigendom en vermogen weg", "leave out property and wealth"),
        anchors=("woni", "huis", "appa", "woon", "home", "prop", "hous"),
    ),
    Spec(
        "wealth.own_house",
        "wealth",
        r"\beigen\s+(?:woning|huis|woonst)\b",
        "required",
        E,
        ("laat eigendom en vermogen weg", "leave out property and wealth"),
        anchors=("woni", "huis", "woon"),
    ),
    Spec(
        "wealth.debts",
        "wealth",
        r"\b(?:schulden|loonbeslag|beslag\s+op\s+(?:je|het)\s+loon|collectieve\s+schuldenregeling|"
        r"betalingsachterstand\w*|financiele\s+(?:problemen|moeilijkheden|zorgen)|"
        r"financial\s+(?:problems|difficulties|trouble)|leefloon|leefloners|debts?|wage\s+garnish\w*|bankruptc\w*|faillissement\w*)\b",
        "negated",
        E,
        ("laat schulden en vermogen weg", "leave out debts and wealth"),
        anchors=("schu", "loon", "besl", "coll", "beta", "fina", "leef", "debt", "wage", "bank", "fail"),
    ),
    Spec(
        "wealth.means",
        "wealth",
        r"\bfinancieel\s+onafhankelijk\b|\bfinancially\s+independent\b|\bspaargeld\b|\bspaarcenten\b|"
        r"\bcredit\s+(?:history|check|score|record)\b|\bkredietwaardig\w*|\bfinanciele\s+draagkracht\b|"
        r"\bvoldoende\s+(?:eigen\s+)?(?:middelen|vermogen|kapitaal)\b",
        "always",
        W,
        (
            "laat vermogen weg, tenzij de wet het voor deze functie vraagt",
            "leave out wealth, unless the law requires it for this job",
        ),
    ),
    # --- political and union belief --------------------------------------------------------
    Spec(
        "political.union",
        "political",
        r"\b(?:vakbond(?:en|s)?|vakbondsleden|vakbondslid\w*|vakbondsmilitant\w*|syndica\w*|"
        r"lid\s+van\s+een\s+(?:politieke\s+)?(?:vakbond|partij)|union\s+members?(?:hip)?|"
        r"member\s+of\s+a\s+(?:trade\s+|labou?r\s+)?union|trade\s+unions?|labou?r\s+unions?|"
        r"politieke?\s+(?:engagement\w*|activiteit\w*|partij\w*|mandaat\w*|overtuiging\w*|voorkeur\w*|kleur)|"
        r"politiek\s+(?:actief|geengageerd)|partijlid\w*|(?:extreem(?:links|rechts)|links|rechts)e?\s+sympathie\w*|"
        r"political\s+(?:views|affiliation|activit\w*|part(?:y|ies)|engagement\w*|beliefs?|opinions?))\b",
        "negated",
        E,
        ("laat vakbondslidmaatschap en politieke overtuiging weg", "leave out union membership and political belief"),
        anchors=("vakb", "synd", "part", "unio", "poli", "symp"),
    ),
    Spec(
        "political.union_group",
        "political",
        r"\b(?:vakbondsleden|vakbondsmilitanten|union\s+members|(?:extreem(?:links|rechts)|links|rechts)e?\s+sympathie\w*)\b",
        "group",
        E,
        ("laat vakbondslidmaatschap en politieke overtuiging weg", "leave out union membership and political belief"),
        anchors=("vakb", "unio", "symp"),
    ),
    Spec(
        "political.views",
        "political",
        r"\b(?:liberale|socialistische|nationalistische|conservatieve|progressieve|groene|linkse|rechtse|"
        r"liberal|socialist|nationalist|conservative|progressive|left-wing|right-wing)\s+(?:politieke\s+)?"
        r"(?:overtuiging|ideologie|politieke\s+visie|political\s+views|views|beliefs?|ideology)\b",
        "required",
        E,
        ("laat politieke overtuiging weg", "leave out political belief"),
        anchors=("over", "ideo", "visi", "view", "beli"),
    ),
    Spec(
        "political.union_free",
        "political",
        r"\bvakbondsvrij\w*|\bunion-?free\b|\bzonder\s+vakbond(?:en)?\b|\bnon-?union\b",
        "always",
        W,
        (
            "laat dit weg: werknemers kiezen zelf of ze lid zijn van een vakbond",
            "leave this out: employees choose whether to join a union",
        ),
        anchors=("vakb", "unio"),
    ),
)
