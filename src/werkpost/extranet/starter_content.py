"""Starter content of the partner extranet: the access types and the page tree a fresh installation
loads, in Dutch (nl-BE, "je"-form), derived from the cooperation agreement and "Alles over
Extranet voor partners" (shared/seeds) and from what the Vacature Posting API actually does
(docs/api.md, docs/hr-xml.md). The PES edits or replaces all of it; the secured sections are
marked as example content.

Bodies are simple HTML (h2, h3, p, ul, ol, li, a, b, i, code) and well-formed, so they parse as
XML when wrapped in a <div>.
"""

# Page bodies keep one HTML block per source line, so commands inside <code> stay copyable as one line.
# ruff: noqa: E501

from __future__ import annotations

from typing import NotRequired, TypedDict


class StarterPage(TypedDict):
    slug: str
    title: str
    title_en: str
    intro: str
    body: str
    access_types: NotRequired[list[str]]
    children: NotRequired[list[StarterPage]]


ACCESS_TYPES: list[dict[str, str]] = [
    {
        "code": "extranet-mlp",
        "name_nl": "Extranet-MLP",
        "name_en": "Extranet MLP",
        "description_nl": (
            "Beveiligde pagina's voor organisaties die registreren in Mijn Loopbaan voor Partners "
            "(MLP): procedures, richtlijnen en rapporteringstermijnen voor trajectbegeleiding."
        ),
        "description_en": (
            "Secured pages for organisations that register in My Career for Partners (MLP): "
            "procedures, guidelines and reporting deadlines for guidance trajectories."
        ),
        "how_to_obtain_nl": (
            "Automatisch: wie MLP-rechten heeft of voor wie MLP werd aangevraagd, krijgt ook "
            "Extranet-MLP, met dezelfde login. Heb je geen MLP-rechten maar registreert je "
            "organisatie wel in MLP, vraag dan Extranet-MLP aan bij de administrator van je "
            "organisatie (Toegangsbeheer). Met vragen kan je ook terecht bij je contactpersoon "
            "bij VDAB."
        ),
        "how_to_obtain_en": (
            "Automatic: whoever has MLP rights, or for whom MLP was requested, also gets Extranet "
            "MLP, with the same login. Without MLP rights but with an organisation that registers "
            "in MLP, ask your organisation administrator (access management) for Extranet MLP. For "
            "questions you can also contact your PES contact person."
        ),
        "requires_pes_approval": "no",
        "prerequisite_nl": (
            "Je organisatie registreert in MLP. MLP-rechten zelf krijg je pas na de MLP-opleiding: "
            "wie de opleiding niet volgt, krijgt geen MLP-rechten en dus ook niet automatisch "
            "Extranet-MLP."
        ),
        "prerequisite_en": (
            "Your organisation registers in MLP. MLP rights themselves require the MLP training: "
            "without the training there are no MLP rights, and so no automatic Extranet MLP."
        ),
        "exclusions_nl": "",
        "exclusions_en": "",
    },
    {
        "code": "extranet-das",
        "name_nl": "Extranet-DAS",
        "name_en": "Extranet DAS",
        "description_nl": (
            "Beveiligde pagina's voor medewerkers die Digitaal Archief Samenwerking (DAS) "
            "gebruiken: werkwijze, handleidingen en afspraken over het archief."
        ),
        "description_en": (
            "Secured pages for staff who use the Digital Cooperation Archive (DAS): way of "
            "working, manuals and agreements about the archive."
        ),
        "how_to_obtain_nl": (
            "Automatisch: wie toegang heeft tot DAS (als Ar-DAS-gebruiker), heeft ook Extranet-DAS, "
            "met dezelfde login. Heb je nog geen DAS-toegang, vraag die dan aan bij de "
            "administrator van je organisatie (Toegangsbeheer) of bij je contactpersoon bij VDAB."
        ),
        "how_to_obtain_en": (
            "Automatic: whoever has access to DAS (as an Ar-DAS user) also has Extranet DAS, with "
            "the same login. Without DAS access yet, ask your organisation administrator (access "
            "management) or your PES contact person for it."
        ),
        "requires_pes_approval": "no",
        "prerequisite_nl": "Toegang tot DAS als Ar-DAS-gebruiker.",
        "prerequisite_en": "Access to DAS as an Ar-DAS user.",
        "exclusions_nl": "Auditoren krijgen geen toegang tot Extranet-DAS.",
        "exclusions_en": "Auditors do not get access to Extranet DAS.",
    },
    {
        "code": "extranet-esf",
        "name_nl": "Extranet-ESF-rapportering",
        "name_en": "Extranet ESF reporting",
        "description_nl": (
            "Pagina's voor organisaties die projecten van het Europees Sociaal Fonds (ESF) "
            "rapporteren: termijnen, werkwijze en bewijsstukken."
        ),
        "description_en": (
            "Pages for organisations that report on European Social Fund (ESF) projects: "
            "deadlines, way of working and supporting documents."
        ),
        "how_to_obtain_nl": (
            "Automatisch: wie toegang heeft tot ESF-rapportering, heeft ook "
            "Extranet-ESF-rapportering, met dezelfde login. Toegang tot ESF-rapportering vraag je "
            "aan bij de administrator van je organisatie (Toegangsbeheer) of bij je "
            "contactpersoon bij VDAB."
        ),
        "how_to_obtain_en": (
            "Automatic: whoever has access to ESF reporting also has Extranet ESF reporting, with "
            "the same login. Ask your organisation administrator (access management) or your PES "
            "contact person for access to ESF reporting."
        ),
        "requires_pes_approval": "no",
        "prerequisite_nl": "Je gebruikt de toepassing ESF-rapportering.",
        "prerequisite_en": "You use the ESF reporting application.",
        "exclusions_nl": "",
        "exclusions_en": "",
    },
    {
        "code": "extranet-career-guidance",
        "name_nl": "Extranet-Loopbaanbegeleiding",
        "name_en": "Extranet Career guidance",
        "description_nl": (
            "Pagina's voor gemandateerde loopbaancentra: werkwijze rond loopbaancheques en loopbaanbegeleiding."
        ),
        "description_en": ("Pages for mandated career centres: how to work with career vouchers and career guidance."),
        "how_to_obtain_nl": (
            "Automatisch: wie toegang heeft tot Registreer loopbaancheques of de rechten "
            "'Loopbaancentrum' heeft, krijgt ook Extranet-Loopbaanbegeleiding, met dezelfde login. "
            "Voor collega's die geen loopbaancheques registreren, maakt de administrator van je "
            "organisatie in Toegangsbeheer een profiel aan en vraagt hij of zij "
            "Extranet-Loopbaanbegeleiding aan."
        ),
        "how_to_obtain_en": (
            "Automatic: whoever has access to Register career vouchers or the 'Career centre' "
            "rights also gets Extranet Career guidance, with the same login. For colleagues who do "
            "not register career vouchers, your organisation administrator creates a profile in "
            "access management and requests Extranet Career guidance."
        ),
        "requires_pes_approval": "no",
        "prerequisite_nl": "Je organisatie is een loopbaancentrum dat loopbaancheques registreert.",
        "prerequisite_en": "Your organisation is a career centre that registers career vouchers.",
        "exclusions_nl": "",
        "exclusions_en": "",
    },
    {
        "code": "extranet-confidential",
        "name_nl": "Extranet-Vertrouwelijk luik",
        "name_en": "Extranet Confidential section",
        "description_nl": (
            "Richtlijnen, handleidingen en formulieren voor partners die de toepassing 'Enkel "
            "Vertrouwelijk dossier opzoeken' gebruiken: casemanagers zorg, artsen, bedrijfsartsen, "
            "adviserend artsen en psychologen."
        ),
        "description_en": (
            "Guidelines, manuals and forms for partners who use the 'Confidential file lookup "
            "only' application: care case managers, doctors, occupational physicians, medical "
            "advisers and psychologists."
        ),
        "how_to_obtain_nl": (
            "Automatisch: wie toegang heeft tot de toepassing 'Enkel Vertrouwelijk luik' voor "
            "casemanagers zorg, artsen, bedrijfsartsen, adviserend artsen en psychologen, heeft "
            "ook Extranet-Vertrouwelijk luik, met dezelfde login. Die toegang vraag je aan bij de "
            "administrator van je organisatie (Toegangsbeheer) of bij je contactpersoon bij VDAB."
        ),
        "how_to_obtain_en": (
            "Automatic: whoever has access to the 'Confidential section only' application for care "
            "case managers, doctors, occupational physicians, medical advisers and psychologists "
            "also has Extranet Confidential section, with the same login. Ask your organisation "
            "administrator (access management) or your PES contact person for that access."
        ),
        "requires_pes_approval": "no",
        "prerequisite_nl": (
            "Toegang tot 'Enkel Vertrouwelijk luik', in de functie van casemanager zorg, arts, "
            "bedrijfsarts, adviserend arts of psycholoog."
        ),
        "prerequisite_en": (
            "Access to 'Confidential section only', in the role of care case manager, doctor, "
            "occupational physician, medical adviser or psychologist."
        ),
        "exclusions_nl": "",
        "exclusions_en": "",
    },
    {
        "code": "extranet-payment-institutions",
        "name_nl": "Extranet voor Uitbetalingsinstellingen",
        "name_en": "Extranet for payment institutions",
        "description_nl": ("Informatie die alleen bestemd is voor medewerkers van de uitbetalingsinstellingen."),
        "description_en": "Information intended only for staff of the payment institutions.",
        "how_to_obtain_nl": (
            "Vraag de administrator van je vestiging om in Toegangsbeheer de toegangsrechten "
            "Extranet-Uitbetalingsinstellingen voor jou aan te vragen. VDAB keurt elke aanvraag "
            "goed of af: je krijgt de mail 'Je aangevraagde toegangsrechten werden toegekend' en "
            "daarna 'Je toegang tot Extranet' met je login en een link, of de mail 'Je "
            "aangevraagde toegangsrechten werden afgewezen'."
        ),
        "how_to_obtain_en": (
            "Ask the administrator of your branch to request the Extranet payment institutions "
            "rights for you in access management. The PES approves or rejects every request: you "
            "get the e-mail 'Your requested access rights were granted' and then 'Your access to "
            "Extranet' with your login and a link, or the e-mail 'Your requested access rights "
            "were rejected'."
        ),
        "requires_pes_approval": "yes",
        "prerequisite_nl": (
            "Je werkt bij een uitbetalingsinstelling, je hebt de informatie nodig voor je job, en "
            "je organisatie heeft toegang tot Extranet voor Uitbetalingsinstellingen: elke "
            "administrator van je vestiging (maximum 2) heeft het formulier Gebruiksvoorwaarden "
            "Extranet Uitbetalingsinstellingen ingevuld en ondertekend."
        ),
        "prerequisite_en": (
            "You work at a payment institution, you need the information for your job, and your "
            "organisation has access to Extranet for payment institutions: every administrator of "
            "your branch (at most 2) has filled in and signed the terms-of-use form for Extranet "
            "payment institutions."
        ),
        "exclusions_nl": ("Organisaties die geen uitbetalingsinstelling zijn, krijgen geen toegang."),
        "exclusions_en": "Organisations that are not a payment institution get no access.",
    },
]


HOME_INTRO = (
    "Op Extranet voor partners vind je alle informatie en toepassingen die je nodig hebt voor je "
    "samenwerking met VDAB: hoe je vacatures publiceert met de Vacature Posting API, de "
    "onboarding, de kwaliteitsrichtlijnen en het wijzigingsbeleid. De publieke pagina's lees je "
    "zonder in te loggen. Log je in, dan ga je snel naar je toepassingen, lees je ook de "
    "beveiligde pagina's van je profiel en kan je pagina's volgen."
)


_EXAMPLE_NOTICE = (
    "<p><i>Voorbeeldinhoud: deze pagina toont hoe een beveiligd gedeelte van Extranet eruitziet. "
    "VDAB vervangt ze door de eigen, actuele informatie. Termijnen en werkwijzen hieronder zijn "
    "illustratief en gelden pas als VDAB ze zo publiceert.</i></p>"
)


# --------------------------------------------------------------------------------------------
# 1. Vacature Posting API
# --------------------------------------------------------------------------------------------

_API_QUICK_START: StarterPage = {
    "slug": "aan-de-slag",
    "title": "Aan de slag",
    "title_en": "Quick start",
    "intro": (
        "In tien minuten van testsleutel tot je eerste vacature in de testomgeving: controleer je "
        "sleutel, doe een proefvalidatie, publiceer en lees het resultaat."
    ),
    "body": """
<h2>Wat heb je nodig?</h2>
<ul>
<li>Een <b>testsleutel</b> die begint met <code>wp_test_</code>. Die krijg je in stap 1 van de onboarding, binnen 5 werkdagen na de ondertekening van de samenwerkingsovereenkomst.</li>
<li>Het adres van de API, bijvoorbeeld <code>https://werkpost.example/api/v1</code>. Test en productie gebruiken hetzelfde adres: de sleutel bepaalt de omgeving.</li>
<li>curl, of een andere HTTP-client.</li>
</ul>
<h2>Stap voor stap</h2>
<ol>
<li>Zet je gegevens klaar: <code>API=https://werkpost.example/api/v1</code> en <code>KEY=wp_test_...</code></li>
<li>Controleer je sleutel: <code>curl -s $API/ping -H "Authorization: Bearer $KEY"</code>. Het antwoord toont je SupplierID en de omgeving, bv. <code>{"supplierId": "ACME-ATS", "environment": "test"}</code>.</li>
<li>Maak een bestand <code>vacature.json</code> met minstens de verplichte velden: <code>title</code>, <code>occupationCode</code> (ISCO-08, bv. <code>7512</code> voor bakker), <code>description</code> (minstens 100 zichtbare tekens), <code>language</code>, <code>owner</code> (naam en, voor een Belgische werkgever, het ondernemingsnummer), <code>workplaces</code>, <code>contract</code> (type en regime) en <code>application</code> (een url, e-mailadres of telefoonnummer).</li>
<li>Doe een proefvalidatie. Die voert alle controles uit, maar bewaart niets: <code>jq '. + {vacancyId: "REQ-2026-0042"}' vacature.json | curl -s -X POST $API/validate -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" --data @-</code></li>
<li>Publiceer de vacature in de testomgeving: <code>curl -s -X PUT $API/vacancies/REQ-2026-0042 -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" --data @vacature.json</code>. Je krijgt <code>201</code> en een overdrachtsresultaat met <code>outcome</code> <code>accepted</code>.</li>
<li>Bekijk de vacature: <code>curl -s $API/vacancies/REQ-2026-0042 -H "Authorization: Bearer $KEY"</code></li>
<li>Lees de resultatenlijst: <code>curl -s "$API/results?limit=100" -H "Authorization: Bearer $KEY"</code></li>
<li>Sluit de vacature af: <code>curl -s -X POST $API/vacancies/REQ-2026-0042/close -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"reason": "filled"}'</code></li>
</ol>
<h2>Tips</h2>
<ul>
<li>Zet altijd <code>Content-Type: application/json</code>. Zonder die header stuurt curl een formulier en antwoordt de API met <code>415</code>.</li>
<li>Berichten zijn standaard in het Nederlands. Met <code>Accept-Language: en</code> krijg je ze in het Engels.</li>
<li>Stuur bij elke wijziging de volledige vacature opnieuw: de API kent geen gedeeltelijke updates.</li>
<li>Werk je met HR-XML, stuur dan hetzelfde naar dezelfde adressen met <code>Content-Type: application/xml</code>.</li>
<li>De volledige technische referentie vind je in de <a href="/api/v1/docs">interactieve API-documentatie</a>.</li>
</ul>
""",
}

_API_KEYS: StarterPage = {
    "slug": "sleutels-en-omgevingen",
    "title": "Sleutels en omgevingen",
    "title_en": "Keys and environments",
    "intro": (
        "Elke oproep van de API gebeurt met een API-sleutel. De sleutel bepaalt voor welke partner "
        "en in welke omgeving (test of productie) je werkt."
    ),
    "body": """
<h2>Twee omgevingen, één adres</h2>
<p>Test en productie gebruiken hetzelfde adres. Het voorvoegsel van je sleutel bepaalt de omgeving:</p>
<ul>
<li><code>wp_test_</code> gevolgd door 40 letters en cijfers: de <b>testomgeving</b>. Testvacatures doorlopen exact dezelfde controles en dezelfde levenscyclus, maar worden nooit aan werkzoekenden getoond of verspreid. Ze worden 30 dagen na hun laatste wijziging verwijderd; testresultaten 30 dagen na ontvangst.</li>
<li><code>wp_live_</code> gevolgd door 40 letters en cijfers: de <b>productieomgeving</b>. Die sleutel krijg je pas in stap 5 van de onboarding.</li>
</ul>
<p>Dezelfde vacature-ID in test en in productie zijn twee aparte vacatures. Gegevens gaan nooit over van de ene omgeving of partner naar de andere: een vacature die niet bij je sleutel hoort, bestaat voor jou niet (<code>404</code>).</p>
<h2>Een sleutel gebruiken</h2>
<p>Stuur de sleutel in elke oproep mee als <code>Authorization: Bearer wp_test_...</code>, altijd over HTTPS. Met <code>GET /api/v1/ping</code> controleer je welke partner en omgeving bij de sleutel horen.</p>
<ul>
<li><code>401 auth.missing_key</code>: er is geen sleutel meegestuurd.</li>
<li><code>401 auth.invalid_key</code>: de sleutel is onbekend, ingetrokken of verkeerd opgebouwd.</li>
<li><code>403 auth.partner_suspended</code>: VDAB heeft de toegang van je organisatie geschorst (zie <b>Sancties</b>).</li>
</ul>
<h2>Veilig bewaren</h2>
<p>VDAB toont een sleutel <b>één keer</b>, bij het aanmaken, en bewaart alleen een hash. Een verloren sleutel kan dus niet opnieuw getoond worden: je vraagt een nieuwe aan. Bewaar sleutels in een kluis of in de configuratie van je server, nooit in broncode, e-mails, tickets of URL's. Stuur ook bij een supportvraag nooit je sleutel mee.</p>
<h2>Sleutels vernieuwen zonder onderbreking</h2>
<p>Per omgeving kan je <b>maximum 2 actieve sleutels</b> hebben. Zo vervang je een sleutel zonder downtime:</p>
<ol>
<li>Vraag een tweede sleutel aan voor dezelfde omgeving.</li>
<li>Zet de nieuwe sleutel in je systeem en controleer hem met <code>GET /api/v1/ping</code>.</li>
<li>Laat de oude sleutel intrekken. Intrekken werkt onmiddellijk.</li>
</ol>
<p>Een derde sleutel kan pas als een van de twee actieve sleutels ingetrokken is. Denk je dat een sleutel uitgelekt is, laat hem dan meteen intrekken en meld het aan het API-team.</p>
<h2>Limieten</h2>
<p>Standaard mag elke sleutel 1.200 oproepen per minuut doen. Daarboven krijg je <code>429 request.rate_limited</code> met een <code>Retry-After</code>-header: wacht dat aantal seconden en probeer opnieuw. Veel vacatures tegelijk stuur je beter als batch.</p>
""",
}

_API_PUBLICATION: StarterPage = {
    "slug": "publicatieperiode",
    "title": "Publicatieperiode",
    "title_en": "Publication period",
    "intro": (
        "Een vacature staat online tussen een start- en einddatum. Zonder einddatum is dat "
        "standaard 90 dagen; je kan verlengen, afsluiten, opnieuw publiceren of intrekken."
    ),
    "body": """
<h2>Start en einde</h2>
<p>De publicatieperiode stuur je mee in het object <code>publication</code> met <code>start</code> en <code>end</code> (datums als <code>JJJJ-MM-DD</code>). Beide datums tellen mee, in Belgische tijd.</p>
<ul>
<li>Geen startdatum: de vacature staat vanaf vandaag online. Een startdatum in de toekomst maakt de vacature <code>scheduled</code>; ze gaat vanzelf online op die dag.</li>
<li>Geen einddatum: de vacature staat <b>90 dagen</b> online en gaat daarna automatisch offline (status <code>expired</code>).</li>
<li>Een einddatum moet na de startdatum liggen en mag hoogstens <b>365 dagen</b> na de start liggen.</li>
</ul>
<p>Let op: de startdatum van de publicatie is niet de startdatum van de job. Wanneer de nieuwe medewerker begint, zet je in <code>contract.startDate</code>.</p>
<h2>Bijwerken zonder de periode te verschuiven</h2>
<p>Stuur je een bestaande vacature opnieuw zonder <code>publication</code>, dan blijft de huidige periode behouden. Je kan dezelfde vacature dus gerust elke dag opnieuw sturen: de periode wordt daardoor niet langer. Een identieke vacature geeft het infobericht <code>vacancy.unchanged</code>.</p>
<h2>Verlengen</h2>
<p>Stuur de vacature opnieuw met een latere <code>publication.end</code>. De start blijft gelijk, dus het nieuwe einde moet binnen 365 dagen na de start blijven. Dat werkt ook voor een vacature die al verlopen is: ze komt dan weer online.</p>
<h2>Afsluiten, opnieuw publiceren, intrekken</h2>
<ul>
<li><b>Afsluiten</b> als de vacature ingevuld of geannuleerd is: <code>POST /api/v1/vacancies/{vacancyId}/close</code> met <code>{"reason": "filled"}</code> of <code>{"reason": "cancelled"}</code>. Doe dit zodra de job ingevuld is, zodat werkzoekenden niet voor niets solliciteren.</li>
<li><b>Opnieuw publiceren</b> van een verlopen of afgesloten vacature: <code>POST /api/v1/vacancies/{vacancyId}/republish</code>. De nieuwe periode start vandaag en loopt 90 dagen, of tot de einddatum die je meestuurt (hoogstens 365 dagen).</li>
<li><b>Intrekken</b>: <code>DELETE /api/v1/vacancies/{vacancyId}</code>. De vacature gaat offline en blijft bewaard voor de geschiedenis.</li>
</ul>
<h2>Statussen</h2>
<ul>
<li><code>scheduled</code>: aanvaard, de publicatie start later.</li>
<li><code>published</code>: online.</li>
<li><code>expired</code>: de einddatum is voorbij.</li>
<li><code>closed</code>: door jou afgesloten.</li>
<li><code>withdrawn</code>: door jou ingetrokken.</li>
<li><code>suspended</code>: door VDAB offline gehaald.</li>
</ul>
<p>Een actie die in de huidige status niet kan (bv. een verlopen vacature afsluiten), geeft <code>409 vacancy.action_not_allowed</code>. Een vacature waarvan de einddatum voorbij is, wordt nooit meer als gepubliceerd getoond.</p>
""",
}

_API_RESULTS: StarterPage = {
    "slug": "resultaten-opvolgen",
    "title": "Resultaten opvolgen",
    "title_en": "Following up results",
    "intro": (
        "Voor elke overdracht krijg je een resultaat met fouten en waarschuwingen. Als partner "
        "volg je deze resultatenlijst elke dag op en los je fouten op korte termijn op."
    ),
    "body": """
<h2>Eén resultaat per overdracht</h2>
<p>Elke PUT, elke actie (afsluiten, opnieuw publiceren, intrekken) en elk item van een batch levert precies één overdrachtsresultaat op, ook als de overdracht geweigerd wordt of de inhoud niet te lezen is. Je krijgt het resultaat meteen terug als antwoord, en het staat ook in de resultatenlijst.</p>
<ul>
<li><code>accepted</code>: aanvaard, zonder opmerkingen.</li>
<li><code>accepted_with_warnings</code>: aanvaard, maar met minstens één waarschuwing. De vacature staat online, maar je moet de oorzaak oplossen.</li>
<li><code>rejected</code>: geweigerd door minstens één fout. De bewaarde vacature blijft precies zoals ze was.</li>
</ul>
<p>Elk bericht heeft een vaste <code>code</code>, een <code>severity</code> (<code>error</code>, <code>warning</code> of <code>info</code>), een <code>path</code> naar het veld in je document (bij HR-XML ook een <code>xpath</code>), een leesbare tekst en een <code>docUrl</code> naar een uitlegpagina met oorzaak en oplossing. Programmeer altijd op de code, nooit op de tekst.</p>
<h2>Dagelijks opvolgen: een verplichting</h2>
<p>De samenwerkingsovereenkomst vraagt dat je de resultatenlijst <b>dagelijks</b> opvolgt en fouten in je aanleveringsproces op korte termijn corrigeert. Dat doe je het best automatisch:</p>
<ol>
<li>Vraag <code>GET /api/v1/results?limit=1000</code> op, de eerste keer zonder cursor.</li>
<li>Verwerk de resultaten en bewaar de waarde <code>cursor</code> van elke pagina.</li>
<li>Is <code>next</code> niet leeg, lees dan verder met <code>after=</code> die waarde, tot <code>next</code> leeg (<code>null</code>) is.</li>
<li>De volgende dag start je met <code>after=</code> de bewaarde cursor: zo krijg je alleen de nieuwe resultaten, zonder er een te missen.</li>
</ol>
<p>Met <code>outcome=rejected</code> of <code>outcome=accepted_with_warnings</code> filter je op wat aandacht vraagt; met <code>vacancyId=</code> zie je de geschiedenis van één vacature. Gebruik per combinatie van filters een eigen cursor.</p>
<h2>Wat niet in de resultatenlijst staat</h2>
<p>Wijzigingen door de kalender (een vacature die verloopt) of door VDAB (een vacature die offline gehaald wordt) zijn geen overdrachten van jou. Die zie je met <code>GET /api/v1/vacancies?status=expired</code> en <code>?status=suspended</code>. Een proefvalidatie met <code>POST /api/v1/validate</code> komt evenmin in de lijst.</p>
<h2>Bewaartermijnen</h2>
<p>Resultaten in productie blijven bewaard. Resultaten in de testomgeving worden na 30 dagen verwijderd. De ruwe inhoud van een geweigerde overdracht bewaren we 14 dagen, zodat je de oorzaak kan onderzoeken.</p>
""",
}

_API_CODE_TABLES: StarterPage = {
    "slug": "codetabellen",
    "title": "Codetabellen",
    "title_en": "Code tables",
    "intro": (
        "Beroepen, opleidingsniveaus, contracttypes, rijbewijzen, talen, landen en postcodes geef "
        "je door als codes uit de codetabellen van VDAB. Die tabellen veranderen: volg ze op."
    ),
    "body": """
<h2>Welke tabellen zijn er?</h2>
<p>Met <code>GET /api/v1/reference</code> krijg je de lijst van alle tabellen. De belangrijkste:</p>
<ul>
<li><code>occupations</code>: beroepen volgens ISCO-08 (4 cijfers), bv. <code>7512</code> voor bakker.</li>
<li><code>education-levels</code>: opleidingsniveaus volgens ISCED 2011, <code>isced-0</code> tot <code>isced-8</code>.</li>
<li><code>contract-types</code>, <code>contract-durations</code>, <code>work-regimes</code> en <code>work-systems</code>: contracttype, duur, voltijds of deeltijds en het werkrooster (dagwerk, ploegen, nachtwerk ...).</li>
<li><code>intermediary-types</code>: uitzendkantoor, rekruteringsbureau, servicebedrijf, openbare dienst.</li>
<li><code>driving-licences</code>, <code>certificates</code>, <code>languages</code> (ISO 639-1) en <code>language-levels</code> (ERK/CEFR, A1 tot C2).</li>
<li><code>countries</code> (ISO 3166-1), <code>postal-codes</code> (Belgische postcodes met gemeentenamen), <code>currencies</code> en <code>job-domains</code>.</li>
</ul>
<h2>Codes opzoeken</h2>
<p><code>GET /api/v1/reference/occupations?q=bakker</code> zoekt in de code en in de Nederlandse en Engelse omschrijving. Met <code>lang=nl</code> of <code>lang=en</code> kies je de taal van de omschrijving, met <code>limit</code> het aantal resultaten. Zonder <code>q</code> krijg je de volledige tabel.</p>
<h2>Codes veranderen</h2>
<p>VDAB beheert de codetabellen en past ze aan wanneer classificaties of regelgeving wijzigen. Elke code heeft een geldigheidsperiode:</p>
<ul>
<li>Een code met een <code>validUntil</code> wordt uitgefaseerd. Tot en met die datum krijg je de waarschuwing <code>reference.deprecated_code</code>: schakel over naar een andere code.</li>
<li>Na die datum is de code vervallen en wordt je vacature geweigerd met <code>reference.expired_code</code>.</li>
<li>Een code met een <code>validFrom</code> in de toekomst is nog niet bruikbaar (<code>reference.unknown_code</code>).</li>
</ul>
<p>Wijzigingen aan codetabellen kondigen we minstens een maand vooraf aan (zie <b>Wijzigingsbeleid</b>). Als partner voer je die wijzigingen ook door en test je ze opnieuw.</p>
<h2>Goede praktijk</h2>
<ul>
<li>Codeer de tabellen niet hard in je software: lees ze regelmatig in, bijvoorbeeld elke nacht.</li>
<li>Koppel je eigen lijsten (functies, diploma's) aan onze codes en controleer die koppeling na elke aankondiging.</li>
<li>Volg deze pagina, zodat je een mail krijgt wanneer we een wijziging aankondigen.</li>
</ul>
""",
}

_API_HRXML: StarterPage = {
    "slug": "hr-xml",
    "title": "HR-XML",
    "title_en": "HR-XML",
    "intro": (
        "Naast JSON aanvaardt de API vacatures als HR-XML PositionOpening, het formaat dat veel "
        "rekruteringspakketten exporteren. De controles en resultaten zijn dezelfde."
    ),
    "body": """
<h2>Hoe stuur je HR-XML?</h2>
<p>Stuur een HR-XML 2.x <code>PositionOpening</code> (namespace <code>http://ns.hr-xml.org/2007-04-15</code>) met <code>Content-Type: application/xml</code> naar dezelfde adressen als JSON:</p>
<ul>
<li><code>PUT /api/v1/vacancies/{vacancyId}</code>: één PositionOpening.</li>
<li><code>POST /api/v1/validate</code>: één PositionOpening; de vacature-ID komt uit <code>PositionRecordInfo/Id/IdValue</code>.</li>
<li><code>POST /api/v1/batches</code>: een omhullend document met veel PositionOpening-elementen.</li>
</ul>
<p>De API zet de XML om naar hetzelfde vacaturedocument als bij JSON en voert dan exact dezelfde controles uit. Elk bericht over een XML-document bevat naast het <code>path</code> ook een <code>xpath</code>, bv. <code>/PositionOpening/PositionProfile/PositionDetail/PositionTitle</code>, zodat je meteen ziet welk element je moet aanpassen.</p>
<h2>Verdraagzaam lezen</h2>
<p>Exports verschillen. De API leest elementen op hun lokale naam, met of zonder namespace of voorvoegsel, negeert de volgorde en slaat onbekende elementen over. Waarden zoals <code>Full Time</code>, <code>Voltijds</code> of <code>x:Day Work</code> worden herkend. Het beroep komt uit een <code>JobCategory</code> met een ISCO-code.</p>
<h2>De werkpost-uitbreiding</h2>
<p>Waar HR-XML geen element heeft, gebruik je in <code>UserArea</code> onze elementen in de namespace <code>urn:werkpost:hrxml:1</code>, bijvoorbeeld <code>wp:Language</code>, <code>wp:Remote</code>, <code>wp:WorkSystem</code>, <code>wp:HoursPerWeek</code>, <code>wp:ContractType</code>, <code>wp:IntermediaryType</code> en <code>wp:RecognitionNumber</code>. Een uitzendkantoor geeft zo zijn erkenningsnummer door. Een tikfout in zo'n element geeft de waarschuwing <code>hrxml.unknown_extension</code>.</p>
<h2>Beperkingen en veiligheid</h2>
<ul>
<li>Alleen UTF-8. Een andere codering wordt geweigerd.</li>
<li>Een <code>DOCTYPE</code> is niet toegelaten (<code>request.xml_doctype_forbidden</code>); externe bestanden worden nooit opgehaald.</li>
<li>Maximum 1 MB per vacature, 64 niveaus diep en 32 attributen per element. Een batch heeft zijn eigen limiet van 200 MB.</li>
</ul>
<h2>Tips</h2>
<ul>
<li>Gebruik met curl <code>--data-binary</code> en niet <code>--data</code>, zodat de regelnummers in foutberichten met je bestand overeenkomen.</li>
<li>Begin met de voorbeeldbestanden bij de documentatie (een vaste job en een uitzendjob) en vergelijk ze met je eigen export.</li>
<li>Een XSD-profiel beschrijft de ondersteunde elementen; de API zelf valideert niet tegen de XSD maar tegen de vacatureregels.</li>
<li>Alle berichtcodes die met <code>hrxml.</code> beginnen, staan bij de <a href="/docs/messages/">foutcodes</a>.</li>
</ul>
""",
}

_API: StarterPage = {
    "slug": "vacature-posting-api",
    "title": "Vacature Posting API",
    "title_en": "Vacancy Posting API",
    "intro": (
        "Met de Vacature Posting API publiceer je vacatures automatisch vanuit je eigen systeem op "
        "de vacaturesite van VDAB. Deze pagina geeft het overzicht; de subpagina's gaan dieper in "
        "op elk onderdeel."
    ),
    "body": """
<h2>Hoe werkt het?</h2>
<p>Je eigen systeem (je rekruteringspakket, je website of de toepassing van je servicebedrijf) stuurt elke vacature naar de API. De uitwisseling is gratis. Elke vacature heeft een unieke sleutel: je <b>SupplierID</b>, die de API uit je API-sleutel haalt, en je eigen <b>vacature-ID</b>, bv. <code>REQ-2026-0042</code> (1 tot 64 letters, cijfers, punten, underscores of koppeltekens). De werkgever (eigenaar) van de vacature geef je mee in <code>owner</code>.</p>
<p>Je stuurt altijd de volledige vacature met <code>PUT /api/v1/vacancies/{vacancyId}</code>. Bestaat ze nog niet, dan wordt ze aangemaakt; bestaat ze al, dan vervangt de nieuwe versie de vorige. Dezelfde vacature opnieuw sturen is veilig.</p>
<h2>JSON of HR-XML</h2>
<p>Je kiest zelf: JSON (<code>application/json</code>) of een HR-XML PositionOpening (<code>application/xml</code>). Beide doorlopen dezelfde controles en geven hetzelfde resultaat.</p>
<h2>Sleutels en omgevingen</h2>
<p>Je werkt eerst in de testomgeving met een sleutel die begint met <code>wp_test_</code> en daarna in productie met <code>wp_live_</code>. Je kan per omgeving twee actieve sleutels hebben, zodat je een sleutel kan vervangen zonder onderbreking.</p>
<h2>Publicatieperiode</h2>
<p>Zonder einddatum staat een vacature 90 dagen online; een einddatum mag hoogstens 365 dagen na de start liggen. Is de job ingevuld, sluit de vacature dan af. Een verlopen of afgesloten vacature kan je opnieuw publiceren, en je kan een vacature intrekken.</p>
<h2>Resultaten en proefvalidatie</h2>
<p>Elke overdracht geeft een resultaat: aanvaard, aanvaard met waarschuwingen of geweigerd, met berichten die precies zeggen wat je moet aanpassen. Je volgt die resultatenlijst elke dag op via <code>GET /api/v1/results</code>. Wil je eerst testen zonder iets op te slaan, gebruik dan <code>POST /api/v1/validate</code>: die voert alle controles uit, ook de kwaliteitsregels.</p>
<h2>Veel vacatures tegelijk</h2>
<p>Met <code>POST /api/v1/batches</code> stuur je een bestand met veel vacatures: JSON Lines (één vacature per regel) of een HR-XML-bestand met veel PositionOpening-elementen, tot 100.000 vacatures of 200 MB. Je krijgt meteen een batchnummer terug; de resultaten per vacature volg je via de batch en via de resultatenlijst. Stuur een <code>Idempotency-Key</code> mee, zodat een herhaalde upload niet dubbel verwerkt wordt.</p>
<h2>Codetabellen</h2>
<p>Beroepen, opleidingsniveaus, contracttypes, talen, postcodes en andere gegevens stuur je als codes uit de codetabellen van VDAB. Die veranderen soms: lees ze in via de API in plaats van ze hard te coderen.</p>
<h2>Technische referentie</h2>
<ul>
<li><a href="/api/v1/docs">Interactieve API-documentatie</a></li>
<li><a href="/api/v1/openapi.json">OpenAPI-beschrijving</a></li>
<li><a href="/docs/messages/">Alle berichtcodes met uitleg</a></li>
</ul>
""",
    "children": [
        _API_QUICK_START,
        _API_KEYS,
        _API_PUBLICATION,
        _API_RESULTS,
        _API_CODE_TABLES,
        _API_HRXML,
    ],
}


# --------------------------------------------------------------------------------------------
# 2. Onboarding
# --------------------------------------------------------------------------------------------

_ONBOARDING: StarterPage = {
    "slug": "onboarding-in-vijf-stappen",
    "title": "Onboarding in vijf stappen",
    "title_en": "Onboarding in five steps",
    "intro": (
        "Van ondertekende samenwerkingsovereenkomst tot vacatures in productie: zo verloopt de "
        "onboarding, en dit verwachten we van jou in elke stap."
    ),
    "body": """
<h2>Voor je begint</h2>
<p>Je organisatie ondertekent digitaal de samenwerkingsovereenkomst voor de Vacature Posting API, met je ondernemingsnummer, je adres, je erkenningsnummer als uitzendkantoor (indien van toepassing) en je vertegenwoordiger. Daarmee aanvaard je ook de kwaliteitsrichtlijnen en de procedure op dit extranet.</p>
<h2>De vijf stappen</h2>
<ol>
<li><b>Test credentials.</b> Binnen 5 werkdagen na de ondertekening krijg je een testsleutel (<code>wp_test_...</code>). Vanaf dan loopt de termijn van <b>6 maanden</b> waarbinnen je de initiële implementatie moet afronden.</li>
<li><b>Technische testen.</b> Je bouwt de koppeling en test ze in de testomgeving. Het platform meet zelf welke bewerkingen je al gebruikt hebt (publiceren, opvragen, afsluiten, opnieuw publiceren, intrekken, proefvalideren, de resultatenlijst lezen) en hoeveel overdrachten geweigerd worden.</li>
<li><b>Maturiteitstesten.</b> Je stuurt testvacatures die lijken op je echte vacatures: verschillende functies, contracttypes en werkplaatsen. Per vacature meten we de fouten en de waarschuwingen op de kwaliteitsrichtlijnen.</li>
<li><b>Feedback.</b> Het API-team van VDAB bekijkt je resultaten en geeft feedback. Zijn er nog werkpunten, dan pas je je koppeling aan en test je opnieuw.</li>
<li><b>Productie credentials.</b> Als alles in orde is, krijg je een productiesleutel (<code>wp_live_...</code>) en publiceer je echte vacatures.</li>
</ol>
<h2>De scorecard</h2>
<p>In de stappen 2 en 3 zie je een scorecard die het platform bijhoudt op basis van je testverkeer: welke bewerkingen je al uitgevoerd hebt, het aandeel geweigerde overdrachten en de kwaliteitsberichten per vacature. Zo weet je op elk moment wat nog ontbreekt, zonder te wachten op een manuele controle. Het API-team keurt stap 4 en stap 5 goed.</p>
<h2>De termijn van 6 maanden</h2>
<p>De initiële implementatie moet binnen zes maanden na het ontvangen van de test credentials klaar zijn. Lukt dat niet, neem dan tijdig contact op met het API-team en leg uit waar je vastloopt.</p>
<h2>Wat is een grondige wijziging?</h2>
<p>Verander je later je systeem grondig, of verander je van technische partner (servicebedrijf), dan doorloop je de testfasen opnieuw: je gaat terug naar <b>stap 2</b> (technische testen en kwaliteitscontrole), onder dezelfde voorwaarden. Voorbeelden van een grondige wijziging:</p>
<ul>
<li>je stapt over naar een ander rekruteringspakket of een ander servicebedrijf;</li>
<li>je schakelt over van JSON naar HR-XML, of van losse vacatures naar batches;</li>
<li>je herwerkt de manier waarop je velden of codes naar ons formaat omzet.</li>
</ul>
<p>Meld elke wijziging aan je eigen systeem vooraf aan het API-team. Kleine aanpassingen, zoals een nieuwe functie in je eigen lijst, zijn geen grondige wijziging.</p>
<h2>Duur van de overeenkomst</h2>
<p>De overeenkomst geldt één jaar vanaf de ondertekening en wordt daarna elk jaar automatisch met één jaar verlengd. Elke partij kan ze opzeggen met een opzegtermijn van één maand voor het einde van het lopende jaar. Bij het einde van de overeenkomst worden je sleutels afgesloten en verwijder je de verkregen vacaturegegevens uit je systemen.</p>
""",
}


# --------------------------------------------------------------------------------------------
# 3. Kwaliteitsrichtlijnen
# --------------------------------------------------------------------------------------------

_QUALITY_DISCRIMINATION: StarterPage = {
    "slug": "anti-discriminatie",
    "title": "Anti-discriminatie",
    "title_en": "Anti-discrimination",
    "intro": (
        "Een vacature staat open voor iedereen die de job kan doen. Beschrijf de taken en wat de "
        "job vraagt, niet wie de kandidaat moet zijn."
    ),
    "body": """
<h2>Wat zegt de wet?</h2>
<p>De Belgische en Vlaamse antidiscriminatiewetgeving verbiedt bij aanwerving onderscheid op basis van beschermde kenmerken. Dat geldt ook voor vacatureteksten, zowel rechtstreeks (een leeftijdsgrens) als onrechtstreeks (een formulering die bepaalde groepen uitsluit). De beschermde criteria zijn onder meer:</p>
<ul>
<li>geslacht, zwangerschap en kinderwens, genderidentiteit en genderexpressie;</li>
<li>leeftijd;</li>
<li>nationaliteit, een zogenaamd ras, huidskleur, afkomst en nationale of etnische afstamming;</li>
<li>seksuele geaardheid;</li>
<li>burgerlijke staat en gezinssituatie;</li>
<li>geboorte en sociale afkomst;</li>
<li>vermogen;</li>
<li>geloof of levensbeschouwing;</li>
<li>politieke en syndicale overtuiging;</li>
<li>taal;</li>
<li>huidige of toekomstige gezondheidstoestand en handicap;</li>
<li>fysieke of genetische eigenschappen.</li>
</ul>
<h2>Zo schrijf je neutraal</h2>
<ul>
<li>Niet: "jonge, dynamische verkoopster". Wel: "verkoper (m/v/x) met zin voor initiatief".</li>
<li>Niet: "Nederlandstalig van moedertaal". Wel: "je spreekt Nederlands op niveau B2".</li>
<li>Niet: "maximum 5 jaar ervaring" of "pas afgestudeerd". Wel: "je hebt ervaring met ..." of "ook starters zijn welkom".</li>
<li>Niet: "representatief uiterlijk". Wel: "je staat klanten vriendelijk en verzorgd te woord".</li>
<li>Niet: "geen kinderen ten laste". Wel: beschrijf de werkuren en de verplaatsingen die de job meebrengt.</li>
</ul>
<h2>Wat mag wel?</h2>
<ul>
<li>Vragen naar de kennis, vaardigheden, diploma's, attesten en ervaring die de job echt nodig heeft.</li>
<li>Een taalniveau op de ERK-schaal (A1 tot C2), een rijbewijs of een eigen wagen als de job dat vraagt.</li>
<li>Het recht om in België te werken.</li>
<li>Wettelijke uitzonderingen, zoals een wettelijke minimumleeftijd, studentenjobs, flexi-jobs en startbanen, of een wezenlijke en bepalende beroepsvereiste die de vacature vermeldt.</li>
<li>Een diversiteitsverklaring: "we verwelkomen alle kandidaten, ongeacht ...".</li>
</ul>
<h2>Hoe controleert de API dit?</h2>
<p>De API leest titel en teksten en geeft per gevonden formulering een waarschuwing met een code die begint met <code>discrimination.</code>, bv. <code>discrimination.age</code> of <code>discrimination.gender</code>. Het bericht noemt het stuk tekst en stelt een neutrale formulering voor. De controle kijkt naar de context: een diversiteitsverklaring of een wettelijke uitzondering wordt niet gemeld. Een waarschuwing weigert de vacature niet, maar je moet de oorzaak wel oplossen: een vacature die discrimineert, is een inbreuk op de kwaliteitsrichtlijnen. Twijfel je, bekijk dan de uitleg bij de code op de pagina met <a href="/docs/messages/">foutcodes</a>.</p>
""",
}

_QUALITY_MESSAGES: StarterPage = {
    "slug": "foutcodes-en-waarschuwingen",
    "title": "Foutcodes en waarschuwingen",
    "title_en": "Error codes and warnings",
    "intro": (
        "Elk bericht in een overdrachtsresultaat heeft een vaste code met een eigen uitlegpagina. "
        "Zo lees je de codes en zo los je ze op."
    ),
    "body": """
<h2>Drie soorten berichten</h2>
<ul>
<li><b>error</b>: de overdracht wordt geweigerd. De bewaarde vacature verandert niet.</li>
<li><b>warning</b>: de overdracht wordt aanvaard, maar je moet de oorzaak oplossen. Waarschuwingen die blijven terugkomen, kunnen tot een verwittiging leiden.</li>
<li><b>info</b>: ter informatie, bv. <code>vacancy.unchanged</code> als je een identieke vacature opnieuw stuurt.</li>
</ul>
<h2>Een bericht lezen</h2>
<p>Elk bericht bevat:</p>
<ul>
<li><code>code</code>: een stabiele code in kleine letters met punten, bv. <code>schema.required</code> of <code>quality.title.not_gender_neutral</code>. Programmeer altijd op de code, nooit op de tekst.</li>
<li><code>path</code>: het veld in je document als JSON Pointer, bv. <code>/workplaces/0/postalCode</code>; bij HR-XML ook een <code>xpath</code>.</li>
<li><code>message</code>: een uitleg in het Nederlands, of in het Engels met <code>Accept-Language: en</code>.</li>
<li><code>docUrl</code>: de uitlegpagina van de code, met oorzaak en oplossing.</li>
</ul>
<h2>De families</h2>
<ul>
<li><code>schema.*</code>: de structuur van het document (verplichte of onbekende velden, types, lengtes, datums).</li>
<li><code>reference.*</code>: codes uit de codetabellen (onbekend, uitgefaseerd of vervallen).</li>
<li><code>content.*</code>: de HTML van de teksten en de lengte van de beschrijving.</li>
<li><code>publication.*</code>: de publicatieperiode.</li>
<li><code>quality.*</code>: de kwaliteitsrichtlijnen (titel, taal, loon, echte job, kosten voor werkzoekenden).</li>
<li><code>discrimination.*</code>: discriminerende formuleringen.</li>
<li><code>hrxml.*</code>: het omzetten van HR-XML.</li>
<li><code>request.*</code>, <code>auth.*</code>, <code>batch.*</code>, <code>vacancy.*</code>: fouten op het niveau van de oproep, de sleutel, de batch of de actie.</li>
</ul>
<h2>Tips bij het oplossen</h2>
<ul>
<li>De controles gebeuren in fasen: eerst de structuur, dan inhoud, formaten en codes, en als laatste de publicatieperiode. Na het oplossen van een reeks fouten kunnen dus nieuwe verschijnen.</li>
<li>Gebruik <code>POST /api/v1/validate</code> om een correctie te testen zonder iets op te slaan.</li>
<li>Kom je een code tegen die je nog niet kent, behandel hem dan volgens zijn <code>severity</code>: de lijst kan groeien.</li>
<li>VDAB kan de ernst van een kwaliteitsregel aanpassen (bv. van waarschuwing naar fout). Dat kondigen we vooraf aan, en de uitlegpagina van de code vermeldt het.</li>
</ul>
<p>Alle codes met hun betekenis en oplossing, in het Nederlands en het Engels, vind je in de <a href="/docs/messages/">lijst met berichtcodes</a>.</p>
""",
}

_QUALITY: StarterPage = {
    "slug": "kwaliteitsrichtlijnen",
    "title": "Kwaliteitsrichtlijnen",
    "title_en": "Quality guidelines",
    "intro": (
        "Elke vacature die je via de API publiceert, moet voldoen aan de kwaliteitsrichtlijnen. "
        "Zo vinden werkzoekenden snel de juiste job en blijft de vacaturesite betrouwbaar."
    ),
    "body": """
<h2>Je bent verantwoordelijk voor je vacatures</h2>
<p>Als partner draag je de volledige verantwoordelijkheid voor de juistheid van de vacatures die je doorstuurt. Met de samenwerkingsovereenkomst heb je de kwaliteitsrichtlijnen gelezen en aanvaard. VDAB kan de richtlijnen aanpassen; volg deze pagina om geen wijziging te missen.</p>
<h2>De richtlijnen</h2>
<ul>
<li><b>Wettelijk.</b> Een vacature bevat niets wat strijdig is met de geldende wetten. Een uitzendkantoor vermeldt zijn erkenningsnummer.</li>
<li><b>Niet discriminerend.</b> Je selecteert op competenties, niet op beschermde kenmerken zoals leeftijd, geslacht of afkomst. Meer uitleg vind je op de pagina <b>Anti-discriminatie</b>.</li>
<li><b>Duidelijk en volledig.</b> Beschrijf de taken, het profiel en het aanbod: contract, uren, loon, werkplaats. Hoe vollediger, hoe beter je vacature gevonden wordt. De beschrijving telt minstens 100 zichtbare tekens.</li>
<li><b>Eén job per vacature.</b> Zoek je een bakker en een verkoper, stuur dan twee vacatures.</li>
<li><b>Een genderneutrale functienaam.</b> Gebruik een neutrale naam ("verpleegkundige", "schoonmaker") of vermeld beide vormen, en schrijf "(m/v/x)" in plaats van "(m/v)". De titel bevat alleen de functienaam: geen hoofdletters, uitroeptekens, bedragen of telefoonnummers.</li>
<li><b>Nederlands voor werkplaatsen in Vlaanderen.</b> De hoofdtaal van een vacature met een werkplaats in het Vlaamse Gewest is Nederlands. Vreemde woorden, zoals een functienaam of een technologie, mogen. Andere talen die de job vraagt, vermeld je bij de vereisten.</li>
<li><b>Alleen echte jobs.</b> Geen beloftes van makkelijk geld, geen werving voor piramide- of kettingverkoop, geen opleidingen of zelfstandige activiteiten vermomd als job.</li>
<li><b>Geen kosten voor werkzoekenden.</b> Je vraagt werkzoekenden nooit geld om aangeworven of geselecteerd te worden: geen inschrijvingskosten, geen waarborg, geen betalende opleiding als voorwaarde.</li>
<li><b>Tussenpersonen maken zich bekend.</b> Publiceer je voor een andere werkgever, als uitzendkantoor, rekruteringsbureau of servicebedrijf, vermeld dat dan in het veld <code>intermediary</code>.</li>
<li><b>Actueel.</b> Is de job ingevuld, sluit de vacature dan af.</li>
</ul>
<h2>Hoe controleren we?</h2>
<p>De API controleert elke vacature automatisch en meldt problemen als fout of waarschuwing met een eigen code. Bij een vacature krijg je ook een kwaliteitsscore van 0 tot 100 met de onderdelen volledigheid, correctheid, duidelijkheid en eerlijkheid. Daarnaast bekijken kwaliteitsmedewerkers van VDAB vacatures. VDAB mag een vacature aanpassen, bv. om een onwettige of discriminerende vermelding te schrappen of een storende taalfout te verbeteren, of ze afsluiten. Wie de richtlijnen niet naleeft, krijgt een verwittiging (zie <b>Sancties</b>).</p>
<h2>Verspreiding</h2>
<p>Gepubliceerde vacatures kunnen ook op andere jobsites en in de zoekresultaten van Google verschijnen. Een goede vacature werkt dus overal in je voordeel.</p>
""",
    "children": [_QUALITY_DISCRIMINATION, _QUALITY_MESSAGES],
}


# --------------------------------------------------------------------------------------------
# 4. Sancties, 5. Wijzigingsbeleid, 6. Dienstverlening en onderhoud
# --------------------------------------------------------------------------------------------

_SANCTIONS: StarterPage = {
    "slug": "sancties",
    "title": "Sancties",
    "title_en": "Sanctions",
    "intro": (
        "Leef je de kwaliteitsrichtlijnen niet na, dan krijg je eerst een verwittiging per e-mail "
        "en een maand om het op te lossen. Gebeurt dat niet, dan gaan je vacatures offline."
    ),
    "body": """
<h2>Stap 1: een verwittiging per e-mail</h2>
<p>Stellen we een inbreuk op de kwaliteitsrichtlijnen vast, dan krijg je een verwittiging per e-mail. Die vermeldt welke vacatures het betreft, welke richtlijn niet nageleefd is en tegen wanneer je het moet oplossen. Je krijgt daarvoor <b>één maand</b>.</p>
<h2>Stap 2: oplossen</h2>
<p>Pas de betrokken vacatures aan of sluit ze af, en zoek de oorzaak in je aanleveringsproces, zodat het niet opnieuw gebeurt. Laat het API-team weten wat je gedaan hebt. Gebruik <code>POST /api/v1/validate</code> om te controleren of je aangepaste vacatures geen fouten of waarschuwingen meer geven.</p>
<h2>Stap 3: vacatures offline en sleutels geschorst</h2>
<p>Is de inbreuk na een maand niet opgelost, dan:</p>
<ul>
<li>worden je vacatures offline gehaald (status <code>suspended</code>);</li>
<li>wordt je toegang tot de Vacature Posting API met onmiddellijke ingang afgesloten: je sleutels geven <code>403 auth.partner_suspended</code>.</li>
</ul>
<p>VDAB bepaalt hoe lang de schorsing duurt, afhankelijk van de aard en de ernst van de inbreuk. Bij herhaalde inbreuken kan de toegang voor een langere periode of zelfs definitief ontzegd worden. Na afloop van een schorsing bespreekt het API-team met je hoe je weer veilig kan publiceren.</p>
<h2>Ingrijpen in een vacature</h2>
<p>Los van een sanctie mag VDAB een vacature aanpassen, bijvoorbeeld om een onwettige of discriminerende vermelding te schrappen of een storende taalfout te verbeteren, of een vacature afsluiten. Je ziet zo'n wijziging terug bij de vacature. Stuur je daarna de oorspronkelijke tekst opnieuw, dan staat de inbreuk er opnieuw in: pas dus ook de bron aan.</p>
<h2>Einde van de samenwerking</h2>
<p>Bij een herhaalde inbreuk op de samenwerkingsovereenkomst die niet binnen zeven kalenderdagen na de melding hersteld is, kan de overeenkomst onmiddellijk beëindigd worden. Je API-toegang wordt dan afgesloten en je verwijdert de verkregen vacaturegegevens uit je systemen.</p>
<h2>Extranet</h2>
<p>VDAB kan ook de toegang tot Extranet tijdelijk schorsen of definitief afsluiten als er twijfels zijn over het naleven van de gebruiksvoorwaarden.</p>
<h2>Zo voorkom je sancties</h2>
<ul>
<li>Volg de resultatenlijst dagelijks op en los waarschuwingen even snel op als fouten.</li>
<li>Houd de kwaliteitsscore van je vacatures in het oog.</li>
<li>Volg de pagina's <b>Kwaliteitsrichtlijnen</b> en <b>Wijzigingsbeleid</b>, zodat je nieuwe regels op tijd kent.</li>
<li>Zorg dat de verwittigingen bij de juiste persoon aankomen: houd je contactgegevens bij het API-team actueel.</li>
</ul>
""",
}

_CHANGE_POLICY: StarterPage = {
    "slug": "wijzigingsbeleid",
    "title": "Wijzigingsbeleid",
    "title_en": "Change policy",
    "intro": (
        "Wijzigingen aan de API, de codetabellen of de regels kondigen we tijdig aan. Hoe lang op "
        "voorhand hangt af van het soort wijziging."
    ),
    "body": """
<h2>Waarom een wijzigingsbeleid?</h2>
<p>Codetabellen veranderen, wetgeving verandert en de API krijgt nieuwe mogelijkheden. Bij wijzigingen aan de kant van VDAB voer jij ze ook door en test je ze opnieuw. Daarom communiceren we elke wijziging op tijd, met een aankondigingsperiode die afhangt van het type wijziging.</p>
<h2>Soorten wijzigingen en aankondigingstermijnen</h2>
<ul>
<li><b>Uitbreidingen die niets breken</b>, zoals een nieuw optioneel veld, een nieuw eindpunt of een nieuwe infocode: minstens 2 weken vooraf. Je koppeling moet onbekende velden in antwoorden en onbekende berichtcodes kunnen verdragen.</li>
<li><b>Wijzigingen aan codetabellen</b> (nieuwe, gewijzigde of uitgefaseerde codes): minstens <b>1 maand</b> vooraf. Een uitgefaseerde code geeft tot haar einddatum de waarschuwing <code>reference.deprecated_code</code> en pas daarna een fout.</li>
<li><b>Nieuwe of strengere kwaliteitsregels</b>: minstens 1 maand vooraf. Een nieuwe regel start in de regel als waarschuwing voor hij een fout wordt.</li>
<li><b>Brekende wijzigingen aan de API</b>, zoals een veld dat verdwijnt of een regel die een geldige vacature voortaan weigert: minstens <b>6 maanden</b> vooraf. We brengen dan een nieuwe versie uit en houden de oude versie draaiende tot het einde van die periode, zodat je op je eigen tempo kan overschakelen.</li>
<li><b>Wijzigingen door nieuwe wetgeving</b>: zodra we ze kennen. Valt de datum van inwerkingtreding vroeger dan de gewone termijnen, dan volgen we de wettelijke datum.</li>
<li><b>Dringende veiligheidsaanpassingen</b>: onmiddellijk, met een melding achteraf als we niet vooraf konden verwittigen.</li>
</ul>
<h2>Hoe kondigen we aan?</h2>
<ul>
<li>Op dit extranet, op de pagina van het betrokken onderdeel, bv. <b>Codetabellen</b> of deze pagina.</li>
<li>Per e-mail aan de contactpersonen van partners bij grote of brekende wijzigingen.</li>
<li>In de API-documentatie en de uitlegpagina's van de berichtcodes.</li>
</ul>
<p>Elke aankondiging vermeldt wat er verandert, vanaf wanneer, wat je moet doen en of je opnieuw moet testen.</p>
<h2>Volg de pagina's</h2>
<p>Log in, volg deze pagina en de pagina's van de onderdelen die je gebruikt, en kies in je profiel bij Mailing 'Dagelijks' of 'Wekelijks'. Zo krijg je automatisch een mail zodra een gevolgde pagina wijzigt.</p>
<h2>Wijzigingen aan jouw kant</h2>
<p>Verander je zelf iets aan je systeem, meld dat dan aan het API-team. Bij een grondige wijziging of een nieuw servicebedrijf doorloop je de technische testen en de kwaliteitscontrole opnieuw (zie <b>Onboarding in vijf stappen</b>).</p>
""",
}

_SERVICE_LEVEL: StarterPage = {
    "slug": "dienstverlening-en-onderhoud",
    "title": "Dienstverlening en onderhoud",
    "title_en": "Service level and maintenance",
    "intro": (
        "De API is altijd beschikbaar, behalve tijdens aangekondigd onderhoud en noodonderhoud. "
        "Technische vragen stel je per e-mail aan het API-team."
    ),
    "body": """
<h2>Beschikbaarheid</h2>
<p>De API's zijn constant beschikbaar, behalve:</p>
<ul>
<li><b>tijdens onderhoud.</b> We plannen onderhoud zoveel mogelijk in het weekend of buiten de kantooruren en kondigen het vooraf aan op deze pagina. Volg deze pagina om een mail te krijgen.</li>
<li><b>tijdens noodonderhoud</b> na een onvoorziene fout in een van onze systemen. Dat kunnen we niet vooraf aankondigen; we melden het zo snel mogelijk.</li>
</ul>
<p>VDAB is niet aansprakelijk voor de gevolgen van een tijdelijke onbeschikbaarheid van de API.</p>
<h2>Wat ziet je systeem tijdens onderhoud?</h2>
<p>Elke oproep krijgt <code>503</code> met de code <code>service.maintenance</code> en een <code>Retry-After</code>-header met het aantal seconden dat je best wacht. Zo ga je ermee om:</p>
<ul>
<li>Zet je vacatures in een wachtrij en probeer opnieuw na de aangegeven tijd.</li>
<li>Herhaal een PUT gerust: die is idempotent, dezelfde vacature twee keer sturen geeft geen dubbele vacature.</li>
<li>Doe hetzelfde bij <code>429</code> (te veel oproepen) en bij netwerkfouten of <code>5xx</code>.</li>
<li>Stuur batches met een <code>Idempotency-Key</code>, zodat een herhaalde upload niet dubbel verwerkt wordt.</li>
</ul>
<h2>Ondersteuning</h2>
<p>Bij technische problemen of vragen stuur je een e-mail naar het API-team op <b>api-team@werkpost.example</b>. Je krijgt een antwoord binnen een redelijke termijn, in de regel binnen 2 werkdagen. Vermeld in je vraag:</p>
<ul>
<li>je SupplierID en de omgeving (test of productie);</li>
<li>de vacature-ID en de <code>transferId</code> van het overdrachtsresultaat, of de <code>batchId</code>;</li>
<li>het tijdstip, de foutcode en wat je verwachtte;</li>
<li>nooit je API-sleutel of persoonsgegevens die we niet nodig hebben.</li>
</ul>
<h2>Online partnerservice</h2>
<p>Dit extranet is onze online partnerservice, met informatie, documentatie en voorbeeldbestanden. De technische referentie staat in de <a href="/api/v1/docs">interactieve API-documentatie</a>, en elke berichtcode heeft een <a href="/docs/messages/">uitlegpagina</a>. Vind je iets niet of is iets onduidelijk, gebruik dan het feedbackformulier onderaan elke pagina.</p>
<h2>Overmacht</h2>
<p>Geen van beide partijen is in gebreke als ze haar verplichtingen niet kan nakomen door omstandigheden die redelijkerwijs buiten haar macht liggen. Duurt de overmacht langer dan drie maanden, dan mag elke partij de overeenkomst met onmiddellijke ingang beëindigen.</p>
""",
}


# --------------------------------------------------------------------------------------------
# 7. Veelgestelde vragen, 8. Extranet gebruiken, 9. Gebruiksvoorwaarden, 10. Disclaimer
# --------------------------------------------------------------------------------------------

_FAQ: StarterPage = {
    "slug": "veelgestelde-vragen",
    "title": "Veelgestelde vragen",
    "title_en": "Frequently asked questions",
    "intro": (
        "Antwoorden op de vragen die partners ons het vaakst stellen over de Vacature Posting API en over Extranet."
    ),
    "body": """
<h3>Kost de Vacature Posting API iets?</h3>
<p>Nee. De uitwisseling van vacatures via de API is gratis. Je hebt wel een ondertekende samenwerkingsovereenkomst nodig.</p>
<h3>Hoe lang staat mijn vacature online?</h3>
<p>Zonder einddatum 90 dagen. Met een einddatum tot die datum, hoogstens 365 dagen na de start. Daarna gaat de vacature automatisch offline.</p>
<h3>De job is ingevuld. Wat doe ik?</h3>
<p>Sluit de vacature af met <code>POST /api/v1/vacancies/{vacancyId}/close</code> en <code>{"reason": "filled"}</code>. Wordt de vacature toch weer nodig, dan publiceer je ze opnieuw met <code>republish</code>.</p>
<h3>Wat is het verschil tussen afsluiten en intrekken?</h3>
<p>Afsluiten (<code>close</code>) zegt dat de job ingevuld of geannuleerd is; je kan de vacature later opnieuw publiceren. Intrekken (<code>DELETE</code>) haalt de vacature definitief offline; een nieuwe PUT met dezelfde vacature-ID start een nieuwe publicatie.</p>
<h3>Mag ik dezelfde vacature elke dag opnieuw sturen?</h3>
<p>Ja. Een identieke vacature geeft het infobericht <code>vacancy.unchanged</code> en verandert niets. De publicatieperiode wordt daardoor ook niet verlengd.</p>
<h3>Hoe verleng ik een vacature?</h3>
<p>Stuur ze opnieuw met een latere <code>publication.end</code>, binnen 365 dagen na de start. Wil je langer, publiceer ze dan opnieuw: dan start een nieuwe periode vanaf vandaag.</p>
<h3>Mijn vacature staat online maar heeft een waarschuwing. Moet ik iets doen?</h3>
<p>Ja. Een waarschuwing weigert de vacature niet, maar wijst op een probleem dat je moet oplossen, vaak een kwaliteitsrichtlijn. Inbreuken die blijven duren, leiden tot een verwittiging en eventueel tot een sanctie.</p>
<h3>Ik krijg 401 auth.invalid_key.</h3>
<p>De sleutel is onbekend, ingetrokken of verkeerd overgenomen. Controleer of je de volledige sleutel met <code>wp_test_</code> of <code>wp_live_</code> gebruikt en of je <code>Authorization: Bearer</code> schrijft. Een verloren sleutel kan niet opnieuw getoond worden: vraag een nieuwe aan.</p>
<h3>Ik krijg 415 request.unsupported_media_type.</h3>
<p>Je stuurt geen of een verkeerde <code>Content-Type</code>. Gebruik <code>application/json</code> voor JSON en <code>application/xml</code> voor HR-XML.</p>
<h3>Zien werkzoekenden mijn testvacatures?</h3>
<p>Nee. Vacatures in de testomgeving worden nooit gepubliceerd of verspreid en worden 30 dagen na hun laatste wijziging verwijderd.</p>
<h3>Hoe test ik een vacature zonder ze op te slaan?</h3>
<p>Met <code>POST /api/v1/validate</code>. Die voert alle controles uit en geeft hetzelfde resultaat als een PUT, maar bewaart niets.</p>
<h3>We stappen over naar een ander servicebedrijf. Wat nu?</h3>
<p>Meld het aan het API-team. Een nieuwe technische partner of een grondige wijziging van je systeem betekent dat je de technische testen en de kwaliteitscontrole opnieuw doorloopt, vanaf stap 2 van de onboarding.</p>
<h3>Verschijnt mijn vacature ook op andere sites?</h3>
<p>Gepubliceerde vacatures kunnen ook op andere jobsites en in de zoekresultaten van Google verschijnen.</p>
<h3>Ik ben ingelogd maar zie geen beveiligde pagina's.</h3>
<p>Inloggen geeft alleen toegang tot de beveiligde pagina's van je profiel. Heb je alleen een login om vacatures te plaatsen, dan lees je de publieke pagina's, maar geen beveiligde pagina's, en kan je geen pagina's volgen. Vraag de administrator van je organisatie welke toegang je nodig hebt.</p>
<h3>Bij wie kan ik terecht met een technische vraag?</h3>
<p>Bij het API-team, per e-mail. Vermeld je SupplierID, de omgeving, de vacature-ID en de <code>transferId</code>, maar nooit je API-sleutel.</p>
""",
}

_USING_EXTRANET: StarterPage = {
    "slug": "extranet-gebruiken",
    "title": "Extranet gebruiken",
    "title_en": "Using the extranet",
    "intro": (
        "Zo werkt Extranet voor partners: publieke en beveiligde pagina's, toegangen per profiel, "
        "pagina's volgen, zoeken, feedback geven en toegangsbeheer."
    ),
    "body": """
<h2>Publieke en beveiligde pagina's</h2>
<p>Publieke pagina's lees je zonder in te loggen, zoals alles over de Vacature Posting API. Beveiligde pagina's bevatten informatie voor een specifiek profiel: die vind en lees je alleen na inloggen, en alleen als je de juiste toegang hebt. Inloggen kan op elke pagina, rechtsboven bij Inloggen. Na het inloggen ga je vanaf de homepagina snel naar je toepassingen.</p>
<h2>Toegangen</h2>
<p>Je profiel bepaalt welke beveiligde pagina's je ziet. Er zijn zes toegangen: Extranet-MLP, Extranet-DAS, Extranet-ESF-rapportering, Extranet-Loopbaanbegeleiding, Extranet-Vertrouwelijk luik en Extranet voor Uitbetalingsinstellingen. De meeste krijg je automatisch samen met de toepassing waar ze bij horen; voor Extranet voor Uitbetalingsinstellingen moet VDAB je aanvraag goedkeuren.</p>
<p>Let op: inloggen betekent niet dat je alle beveiligde pagina's kan lezen. Heb je alleen een login om vacatures te plaatsen, dan kan je inloggen en de publieke pagina's lezen, maar geen beveiligde pagina's lezen of pagina's volgen.</p>
<h2>Zoeken</h2>
<p>Je kan zoeken op alle pagina's. Ben je ingelogd, dan vind je afhankelijk van je profiel meer resultaten: ook de beveiligde pagina's waartoe je toegang hebt.</p>
<h2>Pagina's volgen</h2>
<ol>
<li>Log in.</li>
<li>Ga naar je profiel en kies bij Mailing hoe vaak je een mail wil krijgen. Standaard staat dat op 'Nooit'. Kies 'Dagelijks' voor een mail elke ochtend of 'Wekelijks' voor een mail op maandagochtend, en sla op.</li>
<li>Ga naar een pagina en klik rechtsboven op 'Volg deze pagina' (het oogje). Met 'Volg deze pagina niet meer' stop je.</li>
</ol>
<p>De mail bevat de gevolgde pagina's die sinds de vorige mail gewijzigd zijn. Is er niets gewijzigd, dan krijg je geen mail. In je profiel zie je het overzicht van je gevolgde pagina's: met de vuilbak verwijder je een pagina uit de lijst, met het oogje zet je ze terug, zolang je de pagina niet verlaat of vernieuwt.</p>
<h2>Feedback</h2>
<p>Onderaan elke pagina vind je 'Geef feedback'. Laat ons daar weten wat onduidelijk is, wat ontbreekt of wat beter kan.</p>
<h2>Toegangsbeheer en administrators</h2>
<p>Elke organisatie heeft een of twee administrators: maximum 2 per organisatie of vestiging. We raden een tweede administrator aan als back-up. De administrator maakt in Toegangsbeheer gebruikersprofielen aan voor collega's en vinkt per gebruiker de nodige toegangsrechten aan. Rechten die goedkeuring van VDAB vragen, gaan eerst naar VDAB. De gebruiker krijgt dan de mail 'Je aangevraagde toegangsrechten werden toegekend' of 'Je aangevraagde toegangsrechten werden afgewezen', en bij toekenning de mail 'Je toegang tot Extranet' met de login en een link.</p>
<p>Gaat een administrator uit dienst, zorg dan dat een nieuwe collega de rol overneemt. Waar een formulier met gebruiksvoorwaarden nodig is, zoals bij de uitbetalingsinstellingen, ondertekent de nieuwe administrator dat eerst.</p>
""",
}

_TERMS: StarterPage = {
    "slug": "gebruiksvoorwaarden",
    "title": "Gebruiksvoorwaarden",
    "title_en": "Terms of use",
    "intro": (
        "Als je Extranet voor partners gebruikt, ga je akkoord met deze gebruiksvoorwaarden. Je "
        "aanvaardt ze bij je eerste aanmelding en opnieuw telkens als ze wijzigen."
    ),
    "body": """
<h2>Aanvaarding</h2>
<p>Bij je eerste aanmelding vragen we je deze gebruiksvoorwaarden te aanvaarden. Wijzigen ze, dan vragen we je ze bij je volgende aanmelding opnieuw te aanvaarden. Zonder aanvaarding kan je de beveiligde pagina's niet gebruiken.</p>
<h2>Vertrouwelijkheid van beveiligde informatie</h2>
<ul>
<li>Je leest alleen de pagina's die je nodig hebt om je wettelijke opdracht of je opdracht voor VDAB uit te voeren.</li>
<li>Je gebruikt de informatie alleen binnen je eigen organisatie, in je job als partner van VDAB.</li>
<li>Je geeft de informatie van beveiligde pagina's niet door, per mail of op een andere manier, aan klanten of andere personen.</li>
<li>Collega's die de informatie nodig hebben voor hun job, vragen zelf toegang aan via de administrator van hun organisatie.</li>
</ul>
<h2>Je account is persoonlijk</h2>
<ul>
<li>Je login is persoonlijk. Je deelt je login of wachtwoord met niemand, ook niet met collega's.</li>
<li>Je meldt je af op een gedeeld toestel en beschermt je wachtwoord.</li>
<li>Vermoed je misbruik van je account, meld het dan meteen aan de administrator van je organisatie en aan VDAB.</li>
<li>Ga je uit dienst of heb je de toegang niet meer nodig, dan laat de administrator je rechten intrekken.</li>
</ul>
<h2>Persoonsgegevens</h2>
<p>VDAB verwerkt je persoonsgegevens volgens de algemene verordening gegevensbescherming (AVG/GDPR) en de andere toepasselijke regelgeving:</p>
<ul>
<li>We verwerken alleen de gegevens die nodig zijn: je naam, je e-mailadres, je organisatie, je toegangsrechten, je gevolgde pagina's en je mailingvoorkeur.</li>
<li>We verwerken en bewaren de gegevens op servers binnen de Europese Economische Ruimte (EER).</li>
<li>We bewaren ze niet langer dan nodig voor je toegang tot Extranet en de samenwerking.</li>
<li>We registreren de toegang tot Extranet (wie, wanneer, welke beveiligde pagina) om de beveiliging te bewaken en misbruik op te sporen.</li>
<li>Feedback die je via het formulier stuurt, gebruiken we alleen om Extranet te verbeteren en om je vraag te beantwoorden.</li>
</ul>
<h2>Naleving</h2>
<p>VDAB kan je toegang tot Extranet tijdelijk schorsen of definitief afsluiten als er twijfels zijn over het naleven van deze gebruiksvoorwaarden. Lees ook de <b>Disclaimer</b>.</p>
""",
}

_DISCLAIMER: StarterPage = {
    "slug": "disclaimer",
    "title": "Disclaimer",
    "title_en": "Disclaimer",
    "intro": (
        "VDAB zorgt voor correcte en actuele informatie op Extranet voor partners, maar kan niet "
        "garanderen dat alle informatie op elk moment volledig en foutloos is."
    ),
    "body": """
<h2>Informatie op Extranet</h2>
<p>De informatie op Extranet voor partners is met zorg samengesteld. Toch kan ze onvolledig, verouderd of onjuist zijn. VDAB kan niet aansprakelijk gesteld worden voor schade die voortvloeit uit het gebruik van de informatie. Zie je een fout, laat het ons dan weten via het feedbackformulier onderaan de pagina.</p>
<h2>Wat heeft voorrang?</h2>
<p>De informatie op Extranet verduidelijkt de samenwerking, maar vervangt de samenwerkingsovereenkomst niet. Bij tegenstrijdigheid gaat de ondertekende overeenkomst voor. De kwaliteitsrichtlijnen en het wijzigingsbeleid waarnaar de overeenkomst verwijst, staan op dit extranet in hun geldende versie.</p>
<h2>Voorbeelden</h2>
<p>Voorbeeldbestanden, codevoorbeelden en voorbeeldvacatures dienen om de werking uit te leggen. Ze zijn geen juridisch advies en geen garantie dat een vacature aan alle wettelijke vereisten voldoet. Test je eigen koppeling altijd in de testomgeving.</p>
<h2>Vacatures van partners</h2>
<p>De partner draagt de volledige verantwoordelijkheid voor de juistheid van de vacatures die hij via de API aanlevert, en voor het correcte gebruik van de gegevens die hij verkrijgt. VDAB kan niet aansprakelijk gesteld worden voor fouten of inbreuken op de wettelijke bepalingen in vacatures van partners, of voor fouten en inbreuken van partners of hun onderaannemers. De automatische controles van de API helpen om fouten te vinden, maar ontslaan de partner niet van die verantwoordelijkheid.</p>
<h2>Beschikbaarheid</h2>
<p>VDAB streeft ernaar Extranet en de API's constant beschikbaar te houden, maar kan onderbrekingen door onderhoud of storingen niet uitsluiten en is niet verantwoordelijk voor de gevolgen van een tijdelijke onbeschikbaarheid.</p>
<h2>Links naar andere sites</h2>
<p>Extranet kan verwijzen naar websites van derden. VDAB heeft geen controle over die sites en is niet verantwoordelijk voor hun inhoud of hun omgang met persoonsgegevens.</p>
<h2>Wijzigingen</h2>
<p>VDAB kan de inhoud van Extranet, de kwaliteitsrichtlijnen en deze disclaimer op elk moment aanpassen. Volg de pagina's die voor jou belangrijk zijn om op de hoogte te blijven.</p>
<h2>Toepasselijk recht</h2>
<p>Op het gebruik van Extranet is het Belgische recht van toepassing.</p>
""",
}


# --------------------------------------------------------------------------------------------
# Secured sections: one per access type (example content; children inherit the restriction)
# --------------------------------------------------------------------------------------------

_MLP: StarterPage = {
    "slug": "mlp-partners",
    "title": "MLP-partners",
    "title_en": "MLP partners",
    "intro": (
        "Informatie voor organisaties die registreren in Mijn Loopbaan voor Partners (MLP): "
        "procedures voor trajectbegeleiding en rapportering."
    ),
    "access_types": ["extranet-mlp"],
    "body": _EXAMPLE_NOTICE
    + """
<h2>Voor wie is dit gedeelte?</h2>
<p>Deze pagina's zijn voor medewerkers van organisaties die in opdracht van VDAB werkzoekenden begeleiden en hun acties registreren in Mijn Loopbaan voor Partners (MLP). Je ziet ze omdat je Extranet-MLP hebt: automatisch met je MLP-rechten, of aangevraagd door de administrator van je organisatie.</p>
<h2>Wat vind je hier?</h2>
<ul>
<li><b>Procedures trajectbegeleiding</b>: hoe je een traject start, opvolgt en afsluit in MLP, en wat je registreert bij elke stap.</li>
<li><b>Rapportering en termijnen</b>: welke rapportering VDAB verwacht, tegen wanneer, en hoe we ze controleren.</li>
</ul>
<h2>Basisafspraken voor trajectbegeleiding</h2>
<ul>
<li>Je registreert elke actie in het dossier van de werkzoekende in MLP, niet in een apart document dat je mailt.</li>
<li>Je registreert feitelijk en respectvol: wat is afgesproken, wat is gebeurd, wat is de volgende stap.</li>
<li>Je raadpleegt alleen de dossiers van werkzoekenden die aan jouw organisatie zijn toegewezen.</li>
<li>Vind je samen met de werkzoekende een passende vacature, registreer dan ook de sollicitatie en het resultaat ervan, zodat de bemiddelaar van VDAB het traject kan volgen.</li>
</ul>
<h2>MLP-rechten en de MLP-opleiding</h2>
<p>MLP-rechten krijg je alleen na de MLP-opleiding. Een collega die alleen deze pagina's moet lezen maar niet in MLP registreert, heeft geen MLP-rechten nodig: de administrator vraagt dan alleen Extranet-MLP aan in Toegangsbeheer. Geef dus geen MLP-rechten aan iemand die alleen Extranet-MLP nodig heeft.</p>
<h2>Vragen</h2>
<p>Met vragen over een traject of een dossier kan je terecht bij je contactpersoon bij VDAB. Technische problemen met MLP meld je via de gewone helpdesk. Volg deze pagina's: wijzigingen aan de procedure of de termijnen kondigen we hier aan.</p>
""",
    "children": [
        {
            "slug": "mlp-procedures-trajectbegeleiding",
            "title": "Procedures trajectbegeleiding",
            "title_en": "Guidance trajectory procedures",
            "intro": (
                "Hoe je een traject start, opvolgt en afsluit in Mijn Loopbaan voor Partners, en "
                "wat je bij elke stap registreert."
            ),
            "body": _EXAMPLE_NOTICE
            + """
<h2>1. Start van het traject</h2>
<p>Na de toewijzing van een werkzoekende plan je een intakegesprek. In MLP registreer je de start van de trajectbegeleiding met de datum van het intakegesprek en de afspraken die je samen maakte. Kan de werkzoekende niet starten, registreer dan de reden, zodat VDAB het dossier verder kan opvolgen.</p>
<h2>2. Het actieplan</h2>
<p>Samen met de werkzoekende stel je een actieplan op: de doelen, de acties en de timing. Registreer het actieplan in MLP. Pas het aan zodra de situatie verandert, bijvoorbeeld als de werkzoekende een opleiding start of een ander beroep wil verkennen.</p>
<h2>3. Opvolging</h2>
<ul>
<li>Registreer elk begeleidingsmoment: gesprek, workshop, sollicitatietraining, jobhunting.</li>
<li>Registreer sollicitaties op een vacature met de naam van de werkgever en het resultaat.</li>
<li>Komt de werkzoekende afspraken niet na, volg dan de procedure voor het melden van tekortkomingen en registreer de feiten, niet je interpretatie.</li>
</ul>
<h2>4. Afsluiten</h2>
<p>Je sluit de trajectbegeleiding af bij werkhervatting, bij het einde van de voorziene duur of bij een voortijdige stopzetting. Registreer de reden en het resultaat, en schrijf het eindverslag (zie <b>Rapportering en termijnen</b>).</p>
<h2>Privacy</h2>
<p>De gegevens in MLP zijn persoonsgegevens van werkzoekenden. Je gebruikt ze alleen voor de begeleiding, je deelt ze niet buiten je organisatie en je noteert geen gevoelige gegevens die niet nodig zijn voor het traject. Medische informatie hoort niet in MLP.</p>
""",
        },
        {
            "slug": "mlp-rapportering-en-termijnen",
            "title": "Rapportering en termijnen",
            "title_en": "Reporting and deadlines",
            "intro": (
                "Welke rapportering VDAB verwacht bij trajectbegeleiding in MLP, tegen wanneer, "
                "en hoe we ze controleren."
            ),
            "body": _EXAMPLE_NOTICE
            + """
<h2>Termijnen (voorbeeld)</h2>
<ul>
<li><b>Start van het traject</b>: registreren binnen 5 werkdagen na het intakegesprek.</li>
<li><b>Acties en begeleidingsmomenten</b>: registreren binnen 5 werkdagen nadat ze plaatsvonden.</li>
<li><b>Tussentijdse rapportering</b>: elke maand een korte stand van zaken per lopend traject, uiterlijk op de tiende van de volgende maand.</li>
<li><b>Eindverslag</b>: binnen 10 werkdagen na het afsluiten van het traject.</li>
</ul>
<h2>Wat staat in het eindverslag?</h2>
<ul>
<li>de doelen uit het actieplan en in hoeverre ze bereikt zijn;</li>
<li>de belangrijkste acties en hun resultaat;</li>
<li>het resultaat van het traject: werk, opleiding, doorverwijzing of stopzetting, met de reden;</li>
<li>een advies voor de verdere begeleiding door VDAB, als de werkzoekende nog geen werk heeft.</li>
</ul>
<h2>Controle</h2>
<p>VDAB controleert de rapportering steekproefsgewijs en bespreekt de resultaten in het periodieke overleg met je organisatie. Laattijdige of onvolledige rapportering kan gevolgen hebben voor de vergoeding volgens je opdrachtovereenkomst. Lukt een termijn niet, verwittig dan vooraf je contactpersoon bij VDAB.</p>
<h2>Tips</h2>
<ul>
<li>Registreer meteen na elk gesprek: dat is sneller en vollediger dan achteraf.</li>
<li>Gebruik de rapporten in MLP om lopende trajecten zonder recente actie op te sporen.</li>
<li>Volg deze pagina om wijzigingen aan de termijnen of de procedure niet te missen.</li>
</ul>
""",
        },
    ],
}

_DAS: StarterPage = {
    "slug": "das-partners",
    "title": "DAS-partners",
    "title_en": "DAS partners",
    "intro": (
        "Informatie voor medewerkers die Digitaal Archief Samenwerking (DAS) gebruiken: "
        "werkwijze, afspraken en handleidingen."
    ),
    "access_types": ["extranet-das"],
    "body": _EXAMPLE_NOTICE
    + """
<h2>Wat is DAS?</h2>
<p>Digitaal Archief Samenwerking (DAS) is het archief waarin VDAB en partners de documenten van hun samenwerking delen: overeenkomsten, rapportering, verslagen van overleg en bewijsstukken. Iedereen die aan de samenwerking werkt, vindt zo dezelfde, actuele versie terug, zonder documenten te mailen.</p>
<h2>Wie heeft toegang?</h2>
<p>Je ziet deze pagina's omdat je toegang hebt tot DAS als Ar-DAS-gebruiker: dan heb je automatisch ook Extranet-DAS, met dezelfde login. Auditoren hebben geen toegang tot Extranet-DAS. De administrator van je organisatie beheert in Toegangsbeheer wie DAS mag gebruiken.</p>
<h2>Basisafspraken</h2>
<ul>
<li>Een document staat maar één keer in DAS. Een nieuwe versie vervangt de vorige, zodat er geen verwarring ontstaat.</li>
<li>Je laadt alleen documenten op die bij de samenwerking horen. Persoonsgegevens neem je alleen op als ze echt nodig zijn.</li>
<li>Een document dat je oplaadt, is zichtbaar voor alle DAS-gebruikers van de samenwerking. Controleer dus of het niet vertrouwelijk is voor een beperktere groep.</li>
<li>Je verwijdert geen documenten die een ander heeft opgeladen; meld een fout aan je contactpersoon bij VDAB.</li>
</ul>
<h2>Wat vind je hier?</h2>
<ul>
<li><b>Documenten opladen in DAS</b>: de procedure, de naamgeving en de bestandsformaten.</li>
</ul>
<p>Met vragen over DAS kan je terecht bij je contactpersoon bij VDAB. Volg deze pagina om aanpassingen aan de werkwijze te zien.</p>
""",
    "children": [
        {
            "slug": "das-documenten-opladen",
            "title": "Documenten opladen in DAS",
            "title_en": "Uploading documents to DAS",
            "intro": (
                "De procedure om een document in Digitaal Archief Samenwerking op te laden, met "
                "afspraken over naamgeving en bestandsformaten."
            ),
            "body": _EXAMPLE_NOTICE
            + """
<h2>Procedure</h2>
<ol>
<li>Log in op DAS en kies de samenwerking waar het document bij hoort.</li>
<li>Kies de juiste map: overeenkomst, rapportering, overleg of bewijsstukken.</li>
<li>Laad het document op en vul het documenttype, de periode waarop het betrekking heeft en een korte omschrijving in.</li>
<li>Vervangt het document een eerdere versie, kies dan 'Nieuwe versie' bij het bestaande document in plaats van een nieuw document aan te maken.</li>
<li>Controleer na het opladen of het document correct geopend kan worden.</li>
</ol>
<h2>Naamgeving</h2>
<p>Gebruik de vorm <code>JJJJ-MM_documenttype_organisatie</code>, bijvoorbeeld <code>2026-03_rapportering_partnerorganisatie</code>. Zo staan documenten in DAS vanzelf in de juiste volgorde en vind je ze snel terug met de zoekfunctie.</p>
<h2>Bestandsformaten</h2>
<ul>
<li>Documenten die niet meer wijzigen: PDF.</li>
<li>Tabellen die VDAB verder verwerkt: een rekenblad, zonder macro's.</li>
<li>Geen gecomprimeerde mappen en geen bestanden met een wachtwoord: die kunnen anderen niet openen.</li>
</ul>
<h2>Bewaren en verwijderen</h2>
<p>DAS bewaart documenten zolang de samenwerking loopt en daarna zo lang als de regelgeving vraagt. Heb je per vergissing een verkeerd document opgeladen, bijvoorbeeld met persoonsgegevens die er niet in horen, meld het dan meteen aan je contactpersoon bij VDAB, zodat het document verwijderd wordt.</p>
""",
        },
    ],
}

_ESF: StarterPage = {
    "slug": "esf-rapportering",
    "title": "ESF-rapportering",
    "title_en": "ESF reporting",
    "intro": (
        "Informatie voor organisaties die projecten van het Europees Sociaal Fonds rapporteren: "
        "de procedure, de termijnen en de bewijsstukken."
    ),
    "access_types": ["extranet-esf"],
    "body": _EXAMPLE_NOTICE
    + """
<h2>Voor wie is dit gedeelte?</h2>
<p>Deze pagina's zijn voor medewerkers die de toepassing ESF-rapportering gebruiken om deelnemers en resultaten van projecten van het Europees Sociaal Fonds (ESF) te rapporteren. Wie toegang heeft tot ESF-rapportering, heeft automatisch Extranet-ESF-rapportering, met dezelfde login.</p>
<p>De meeste informatie over ESF-rapportering staat op publieke pagina's. Hier vind je aanvullende werkinstructies voor wie rapporteert.</p>
<h2>Wat rapporteer je?</h2>
<ul>
<li>de deelnemers aan het project, met de gegevens die het ESF vraagt bij de start en bij het einde van hun deelname;</li>
<li>de activiteiten per deelnemer;</li>
<li>de resultaten: bijvoorbeeld werk, een opleiding of een kwalificatie na het project, of een vacature waarop een deelnemer werd aangeworven;</li>
<li>de bewijsstukken die de rapportering staven.</li>
</ul>
<h2>Zorgvuldig met persoonsgegevens</h2>
<p>ESF-rapportering bevat persoonsgegevens van deelnemers. Je verzamelt alleen wat de rapportering vraagt, je informeert de deelnemers over het gebruik van hun gegevens en je bewaart papieren formulieren veilig.</p>
<h2>Wat vind je hier?</h2>
<ul>
<li><b>Termijnen en procedure</b>: wanneer en hoe je rapporteert, en hoe de controle verloopt.</li>
</ul>
<p>Volg deze pagina om aanpassingen aan de rapportering niet te missen.</p>
""",
    "children": [
        {
            "slug": "esf-termijnen-en-procedure",
            "title": "Termijnen en procedure",
            "title_en": "Deadlines and procedure",
            "intro": (
                "Wanneer en hoe je de ESF-rapportering indient, en hoe de controle van je rapportering verloopt."
            ),
            "body": _EXAMPLE_NOTICE
            + """
<h2>Termijnen (voorbeeld)</h2>
<ul>
<li><b>Start van een deelnemer</b>: registreren binnen 10 werkdagen na de start.</li>
<li><b>Einde van een deelnemer</b>: registreren binnen 10 werkdagen na het einde van de deelname, met het resultaat.</li>
<li><b>Periodieke rapportering</b>: per kwartaal, uiterlijk op de vijftiende dag na het einde van het kwartaal.</li>
<li><b>Eindrapportering van het project</b>: binnen twee maanden na de einddatum van het project.</li>
</ul>
<h2>Procedure</h2>
<ol>
<li>Registreer de deelnemers en hun activiteiten doorlopend in ESF-rapportering.</li>
<li>Controleer voor elke periodieke rapportering de volledigheid: ontbrekende startgegevens, deelnemers zonder einddatum, resultaten zonder bewijsstuk.</li>
<li>Dien de rapportering in. Je krijgt een bevestiging met de datum van indiening.</li>
<li>Bewaar de bewijsstukken zo lang als de ESF-regels het vragen, zodat ze bij een controle beschikbaar zijn.</li>
</ol>
<h2>Controle</h2>
<p>Bij een controle vragen we bewijsstukken op voor een steekproef van deelnemers. Zorg dat je per deelnemer snel de aanwezigheidslijsten, de documenten over het resultaat en de toestemming voor het gebruik van de gegevens kan voorleggen. Stellen we fouten vast, dan krijg je de kans om ze binnen een afgesproken termijn recht te zetten.</p>
<h2>Vragen</h2>
<p>Met vragen over de rapportering kan je terecht bij je contactpersoon bij VDAB. Meld problemen met de toepassing zelf zo snel mogelijk, zeker vlak voor een termijn.</p>
""",
        },
    ],
}

_CAREER_GUIDANCE: StarterPage = {
    "slug": "loopbaanbegeleiding",
    "title": "Loopbaanbegeleiding",
    "title_en": "Career guidance",
    "intro": (
        "Informatie voor gemandateerde loopbaancentra: werken met loopbaancheques, registreren en kwaliteitsafspraken."
    ),
    "access_types": ["extranet-career-guidance"],
    "body": _EXAMPLE_NOTICE
    + """
<h2>Voor wie is dit gedeelte?</h2>
<p>Deze pagina's zijn voor medewerkers van gemandateerde loopbaancentra. Wie toegang heeft tot Registreer loopbaancheques of de rechten 'Loopbaancentrum' heeft, krijgt automatisch Extranet-Loopbaanbegeleiding. Voor collega's die geen loopbaancheques registreren, vraagt de administrator van je organisatie Extranet-Loopbaanbegeleiding aan in Toegangsbeheer.</p>
<p>De informatie voor loopbaancentra staat grotendeels op publieke pagina's. Hier vind je aanvullende werkinstructies.</p>
<h2>Kwaliteitsafspraken</h2>
<ul>
<li>Loopbaanbegeleiding vertrekt vanuit de vraag van de klant en leidt tot een persoonlijk ontwikkelingsplan.</li>
<li>Je registreert elke begeleiding correct en op tijd, zodat de loopbaancheques juist verrekend worden.</li>
<li>Je maakt geen reclame die de begeleiding voorstelt als een manier om een concrete vacature of job te krijgen: loopbaanbegeleiding is geen bemiddeling.</li>
<li>Je gaat vertrouwelijk om met wat de klant je vertelt en deelt niets met de werkgever van de klant.</li>
</ul>
<h2>Wat vind je hier?</h2>
<ul>
<li><b>Loopbaancheques registreren</b>: de procedure stap voor stap en de meest gemaakte fouten.</li>
</ul>
<p>Volg deze pagina om wijzigingen aan de procedure of de kwaliteitsafspraken niet te missen.</p>
""",
    "children": [
        {
            "slug": "loopbaancheques-registreren",
            "title": "Loopbaancheques registreren",
            "title_en": "Registering career vouchers",
            "intro": (
                "De procedure om loopbaancheques te registreren in de toepassing Registreer "
                "loopbaancheques, met de fouten die we het vaakst zien."
            ),
            "body": _EXAMPLE_NOTICE
            + """
<h2>Procedure</h2>
<ol>
<li>Controleer bij het eerste gesprek of de klant geldige loopbaancheques heeft en of de klant de voorwaarden voor loopbaanbegeleiding vervult.</li>
<li>Registreer de start van de begeleiding in Registreer loopbaancheques, met de datum van het eerste gesprek.</li>
<li>Registreer elke gebruikte cheque na het gesprek waarvoor hij gebruikt werd.</li>
<li>Sluit de begeleiding af in de toepassing zodra het persoonlijk ontwikkelingsplan afgerond is, of als de klant stopt.</li>
</ol>
<h2>Termijnen (voorbeeld)</h2>
<ul>
<li>Registreer een gebruikte cheque binnen 10 werkdagen na het gesprek.</li>
<li>Sluit een begeleiding af binnen 10 werkdagen na het laatste gesprek.</li>
</ul>
<h2>Meest gemaakte fouten</h2>
<ul>
<li>Een cheque registreren voor een gesprek dat nog niet plaatsvond.</li>
<li>Een begeleiding niet afsluiten, waardoor de klant geen nieuwe begeleiding kan starten.</li>
<li>De begeleiding registreren onder de naam van een collega: elke loopbaanbegeleider registreert met de eigen, persoonlijke login.</li>
</ul>
<h2>Rapportering</h2>
<p>VDAB gebruikt de registraties voor de rapportering over loopbaanbegeleiding en voor de controle van de centra. Een correcte registratie is dus ook een kwaliteitsvoorwaarde voor je mandaat. Twijfel je over een registratie, vraag het dan eerst aan je contactpersoon bij VDAB.</p>
""",
        },
    ],
}

_CONFIDENTIAL: StarterPage = {
    "slug": "vertrouwelijk-luik",
    "title": "Vertrouwelijk luik",
    "title_en": "Confidential section",
    "intro": (
        "Richtlijnen, handleidingen en formulieren voor casemanagers zorg, artsen, "
        "bedrijfsartsen, adviserend artsen en psychologen die de toepassing 'Enkel Vertrouwelijk "
        "dossier opzoeken' gebruiken."
    ),
    "access_types": ["extranet-confidential"],
    "body": _EXAMPLE_NOTICE
    + """
<h2>Voor wie is dit gedeelte?</h2>
<p>Deze pagina's zijn alleen voor partners die met het vertrouwelijk luik van het dossier van een werkzoekende werken: casemanagers zorg, artsen, bedrijfsartsen, adviserend artsen en psychologen. Wie toegang heeft tot 'Enkel Vertrouwelijk luik', heeft automatisch Extranet-Vertrouwelijk luik, met dezelfde login.</p>
<h2>Wat is het vertrouwelijk luik?</h2>
<p>Het vertrouwelijk luik is het afgeschermde deel van het dossier waarin medische, psychische of sociale informatie staat die nodig is voor een aangepaste begeleiding naar werk. Gewone bemiddelaars en andere partners zien dit deel niet. Alleen wie door een beroepsgeheim gebonden is en de informatie nodig heeft voor zijn of haar opdracht, krijgt toegang.</p>
<h2>Basisprincipes</h2>
<ul>
<li><b>Beroepsgeheim.</b> Je beroepsgeheim blijft volledig gelden. Toegang tot het vertrouwelijk luik verandert niets aan je deontologie.</li>
<li><b>Noodzaak.</b> Je raadpleegt alleen dossiers van personen die je begeleidt of onderzoekt, en alleen wat je nodig hebt voor je opdracht.</li>
<li><b>Toestemming.</b> De persoon weet welke informatie in het vertrouwelijk luik staat en waarvoor ze gebruikt wordt.</li>
<li><b>Scheiding.</b> Medische en psychische informatie hoort alleen in het vertrouwelijk luik, nooit in het gewone dossier, in een vacature of in een verslag voor een werkgever.</li>
<li><b>Registratie.</b> Elke raadpleging wordt geregistreerd. VDAB kan nagaan wie welk dossier wanneer heeft geraadpleegd.</li>
</ul>
<h2>Wat vind je hier?</h2>
<ul>
<li><b>Omgaan met medische informatie</b>: praktische richtlijnen voor het noteren, delen en bewaren.</li>
<li><b>Vertrouwelijk dossier opzoeken</b>: de procedure in de toepassing.</li>
</ul>
""",
    "children": [
        {
            "slug": "omgaan-met-medische-informatie",
            "title": "Omgaan met medische informatie",
            "title_en": "Handling medical information",
            "intro": (
                "Praktische richtlijnen voor het noteren, delen en bewaren van medische en "
                "psychische informatie in het vertrouwelijk luik, met respect voor het "
                "beroepsgeheim."
            ),
            "body": _EXAMPLE_NOTICE
            + """
<h2>Noteren</h2>
<ul>
<li>Noteer alleen wat nodig is voor de begeleiding naar werk: de gevolgen voor het werk (wat kan iemand, wat niet, welke aanpassingen zijn nodig), niet de volledige medische voorgeschiedenis.</li>
<li>Formuleer functioneel: "kan geen zware lasten tillen" in plaats van een diagnose, tenzij de diagnose zelf nodig is voor een collega-hulpverlener met hetzelfde beroepsgeheim.</li>
<li>Vermeld de bron en de datum van de informatie, zodat een collega weet hoe actueel ze is.</li>
</ul>
<h2>Delen</h2>
<ul>
<li>Binnen het vertrouwelijk luik deel je informatie alleen met hulpverleners die ook door een beroepsgeheim gebonden zijn en die de persoon mee begeleiden (gedeeld beroepsgeheim).</li>
<li>Naar bemiddelaars, trajectbegeleiders of werkgevers vertaal je de informatie naar een advies over geschikt werk of nodige aanpassingen, zonder medische details en met medeweten van de persoon.</li>
<li>Stuur vertrouwelijke informatie nooit per gewone e-mail. Gebruik de toepassing.</li>
</ul>
<h2>Bewaren</h2>
<ul>
<li>Bewaar geen kopieën van het vertrouwelijk luik op je eigen computer of op papier, tenzij je deontologie of regelgeving dat vraagt, en dan beveiligd.</li>
<li>Informatie die niet meer relevant is, laat je niet onnodig in het dossier staan: meld het aan je contactpersoon bij VDAB.</li>
</ul>
<h2>Als het misgaat</h2>
<p>Heb je per vergissing informatie in het gewone dossier gezet of met de verkeerde persoon gedeeld, meld het dan meteen aan je contactpersoon bij VDAB. Snel melden beperkt de gevolgen voor de persoon. Misbruik van de toegang of een schending van het beroepsgeheim kan leiden tot het afsluiten van je toegang.</p>
""",
        },
        {
            "slug": "vertrouwelijk-dossier-opzoeken",
            "title": "Vertrouwelijk dossier opzoeken",
            "title_en": "Looking up a confidential file",
            "intro": (
                "De procedure om een vertrouwelijk dossier op te zoeken en aan te vullen in de "
                "toepassing 'Enkel Vertrouwelijk dossier opzoeken'."
            ),
            "body": _EXAMPLE_NOTICE
            + """
<h2>Procedure</h2>
<ol>
<li>Log in met je persoonlijke login. Gebruik nooit de login van een collega, ook niet bij afwezigheid.</li>
<li>Zoek de persoon op met het rijksregisternummer of de naam en geboortedatum. Controleer of je de juiste persoon voor je hebt.</li>
<li>Geef de reden van je raadpleging op. Die wordt samen met je naam en het tijdstip geregistreerd.</li>
<li>Lees alleen de onderdelen die je voor je opdracht nodig hebt.</li>
<li>Vul het dossier aan volgens de richtlijnen op de pagina <b>Omgaan met medische informatie</b>.</li>
<li>Sluit de toepassing af als je klaar bent, zeker op een gedeeld toestel.</li>
</ol>
<h2>Geen toegang tot een dossier?</h2>
<p>Je ziet alleen dossiers van personen voor wie je organisatie een opdracht heeft. Vind je een dossier niet terwijl je de persoon wel begeleidt, neem dan contact op met je contactpersoon bij VDAB. Vraag een collega niet om het dossier voor jou op te zoeken.</p>
<h2>Controle</h2>
<p>VDAB controleert regelmatig de registraties van raadplegingen. Een raadpleging zonder duidelijke reden kan tot een vraag om uitleg leiden. Bij misbruik wordt de toegang afgesloten en kan VDAB de betrokken organisatie verwittigen, met respect voor het beroepsgeheim.</p>
<h2>Formulieren</h2>
<p>Hier plaatst VDAB de formulieren om een vergissing te melden of toegang aan te vragen voor een nieuwe collega. Tot dan vraag je ze aan bij je contactpersoon bij VDAB.</p>
""",
        },
    ],
}

_PAYMENT_INSTITUTIONS: StarterPage = {
    "slug": "uitbetalingsinstellingen",
    "title": "Uitbetalingsinstellingen",
    "title_en": "Payment institutions",
    "intro": (
        "Informatie die alleen bestemd is voor medewerkers van de uitbetalingsinstellingen: "
        "werkinstructies, procedures en afspraken over de gegevensuitwisseling met VDAB."
    ),
    "access_types": ["extranet-payment-institutions"],
    "body": _EXAMPLE_NOTICE
    + """
<h2>Voor wie is dit gedeelte?</h2>
<p>Deze pagina's zijn alleen voor medewerkers van uitbetalingsinstellingen die de informatie nodig hebben voor hun job. Toegang vraag je aan via de administrator van je vestiging in Toegangsbeheer, en VDAB keurt elke aanvraag goed of af. Je organisatie heeft pas toegang als elke administrator het formulier Gebruiksvoorwaarden Extranet Uitbetalingsinstellingen ingevuld en ondertekend heeft.</p>
<h2>Administrators</h2>
<ul>
<li>Per vestiging zijn er maximum 2 administrators. Een tweede administrator als back-up is aanbevolen.</li>
<li>Gaat een administrator uit dienst, dan vult de nieuwe administrator eerst het formulier Gebruiksvoorwaarden in en ondertekent het, bij voorkeur digitaal met eID, voor hij of zij toegang krijgt tot Toegangsbeheer.</li>
<li>De administrator vraagt toegang alleen aan voor collega's die de informatie echt nodig hebben, en laat rechten intrekken van wie uit dienst gaat of van functie verandert.</li>
</ul>
<h2>Vertrouwelijkheid</h2>
<p>De informatie op deze pagina's is bestemd voor intern gebruik binnen je uitbetalingsinstelling. Je geeft ze niet door aan klanten of derden, ook niet in uittreksels. Verwijs klanten voor algemene informatie naar de publieke pagina's van VDAB.</p>
<h2>Wat vind je hier?</h2>
<ul>
<li><b>Werkinstructies gegevensuitwisseling</b>: de procedure voor de uitwisseling met VDAB en wat je doet bij een probleem.</li>
</ul>
<p>Volg deze pagina om nieuwe werkinstructies niet te missen.</p>
""",
    "children": [
        {
            "slug": "werkinstructies-gegevensuitwisseling",
            "title": "Werkinstructies gegevensuitwisseling",
            "title_en": "Data exchange work instructions",
            "intro": (
                "De procedure voor de uitwisseling van gegevens tussen je uitbetalingsinstelling "
                "en VDAB, en wat je doet bij een fout of een vertraging."
            ),
            "body": _EXAMPLE_NOTICE
            + """
<h2>Procedure</h2>
<ol>
<li>VDAB stelt de gegevens die je uitbetalingsinstelling nodig heeft dagelijks ter beschikking via de afgesproken elektronische weg.</li>
<li>Je verwerkt de gegevens binnen de afgesproken termijn en controleert de ontvangstbevestiging.</li>
<li>Stel je een fout vast in de ontvangen gegevens, bijvoorbeeld een ontbrekend of onlogisch gegeven, pas het dan niet zelf aan maar meld het aan VDAB met de referentie van het bericht.</li>
<li>VDAB onderzoekt de melding en stuurt een gecorrigeerd bericht of een toelichting.</li>
</ol>
<h2>Termijnen (voorbeeld)</h2>
<ul>
<li>Een fout in ontvangen gegevens meld je binnen 5 werkdagen na ontvangst.</li>
<li>VDAB antwoordt op een melding binnen 5 werkdagen, of laat weten wanneer een antwoord volgt.</li>
</ul>
<h2>Een vraag over een dossier</h2>
<p>Heb je een vraag over een individueel dossier, gebruik dan het afgesproken contactkanaal voor uitbetalingsinstellingen en vermeld de referentie van het dossier. Stuur geen persoonsgegevens via gewone e-mail.</p>
<h2>Storingen</h2>
<p>Komen de gegevens niet of onvolledig aan, meld het dan dezelfde dag. Geplande onderbrekingen kondigen we vooraf aan op deze pagina. Volg ze, zodat je een mail krijgt als we een onderbreking of een nieuwe procedure aankondigen.</p>
""",
        },
    ],
}


PAGES: list[StarterPage] = [
    _API,
    _ONBOARDING,
    _QUALITY,
    _SANCTIONS,
    _CHANGE_POLICY,
    _SERVICE_LEVEL,
    _FAQ,
    _USING_EXTRANET,
    _TERMS,
    _DISCLAIMER,
    _MLP,
    _DAS,
    _ESF,
    _CAREER_GUIDANCE,
    _CONFIDENTIAL,
    _PAYMENT_INSTITUTIONS,
]
