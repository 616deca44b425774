"""The one catalogue of interface texts: every text a user reads, keyed, in Dutch (the
default) and English, and the few functions that look them up.

One file on purpose, though it is mostly data and over 400 lines: a translator reviews and
completes it in one place, and tests/test_text_catalogue.py checks that every key has both
languages with the same {fields} and that every key the code names exists. Sections follow
the product: labels, dashboard, analysis, allocation, exports, parameters, messages."""

from __future__ import annotations

from collections.abc import Callable

from .file_problems import FILE_PROBLEM_TEXTS
from .problems_catalogue import PROBLEM_TEXTS

TEXTS: dict[str, dict[str, str]] = {
    "case": {"nl": "Businesscase", "en": "Business case"},
    "location": {"nl": "Locatie", "en": "Location"},
    "formulas": {"nl": "Voorzieningen", "en": "Formulas"},
    "meeting_space": {"nl": "ontmoetingsruimte", "en": "meeting space"},
    "community_builder": {"nl": "community builder", "en": "community builder"},
    "care_in_complex": {"nl": "zorg in complex", "en": "care in the complex"},
    "period": {"nl": "Periode", "en": "Period"},
    "n_dwellings": {"nl": "{n} woningen", "en": "{n} dwellings"},
    "case_now": {"nl": "Zoals nu doorgerekend", "en": "As now computed"},
    "years": {"nl": "jaar", "en": "years"},
    "prices_of": {"nl": "prijspeil", "en": "prices of"},
    "discounting": {"nl": "Disconteren", "en": "Discounting"},
    "end_of_year": {
        "nl": "einde jaar (als NHW in een spreadsheet)",
        "en": "end of year (as a spreadsheet NPV)",
    },
    "first_year_undiscounted": {
        "nl": "eerste jaar niet verdisconteerd (SROI-praktijk)",
        "en": "first year undiscounted (SROI practice)",
    },
    "social_rate": {
        "nl": "maatschappelijke discontovoet (reëel)",
        "en": "social discount rate (real)",
    },
    "key_figures": {"nl": "Kerncijfers", "en": "Key figures"},
    "investment": {"nl": "Investering", "en": "Investment"},
    "operating_cost_first_year": {
        "nl": "Exploitatielasten eerste jaar",
        "en": "Operating cost, first year",
    },
    "total_pv_costs": {
        "nl": "Contante waarde kosten (zonder overdrachten)",
        "en": "Present value of costs (transfers excluded)",
    },
    "total_pv_benefits": {
        "nl": "Contante waarde baten (zonder overdrachten)",
        "en": "Present value of benefits (transfers excluded)",
    },
    "total_pv_transfers": {
        "nl": "Overdrachten tussen partijen (vallen weg in het totaal)",
        "en": "Transfers between pockets (cancel in the total)",
    },
    "sroi_definition": {
        "nl": "SROI-ratio = baten / kosten, beide zonder overdrachten tussen partijen "
        "(een betaling van de ene partij aan de andere is kosten én baten en valt weg). "
        "Per partij tellen overdrachten wel mee.",
        "en": "SROI ratio = benefits / costs, both without transfers between pockets (a "
        "payment from one partner to another is a cost and a benefit and cancels). "
        "Per partner, transfers do count.",
    },
    "irr_no_flows": {"nl": "geen financiële stromen", "en": "no financial flows"},
    "irr_no_investment": {
        "nl": "geen investering (alleen inkomsten)",
        "en": "no investment (only receives)",
    },
    "irr_no_sign_change": {
        "nl": "geen tekenwisseling (alleen uitgaven)",
        "en": "no change of sign (only pays)",
    },
    "irr_no_root": {"nl": "niet gedefinieerd", "en": "not defined"},
    "zero_alternative": {"nl": "Nulalternatief", "en": "Zero alternative"},
    "other_price_year": {
        "nl": "bedrag van prijsjaar {year}; het model rekent alles in prijzen van {price_year}: "
        "reken het om en zet year op {price_year}",
        "en": "amount at {year} prices; the model reads every amount at {price_year} prices: "
        "convert it and set year to {price_year}",
    },
    "social_npv": {
        "nl": "MKBA-saldo (t.o.v. nulalternatief)",
        "en": "Social NPV (against the zero alternative)",
    },
    "sroi_ratio": {"nl": "SROI-ratio", "en": "SROI ratio"},
    "payback_year": {"nl": "Terugverdienjaar", "en": "Payback year"},
    "per_partner": {"nl": "Per partij (contante waarde)", "en": "Per partner (present value)"},
    "partner": {"nl": "Partij", "en": "Partner"},
    "pv_costs": {"nl": "Kosten", "en": "Costs"},
    "pv_benefits": {"nl": "Baten", "en": "Benefits"},
    "net_position": {"nl": "Saldo", "en": "Net position"},
    "benefit_cost_ratio": {"nl": "B/K", "en": "B/C"},
    "financial_npv": {"nl": "Financiële NCW", "en": "Financial NPV"},
    "irr": {"nl": "IRR", "en": "IRR"},
    "total": {"nl": "Totaal", "en": "Total"},
    "never": {"nl": "niet binnen de looptijd", "en": "not within the horizon"},
    "warnings": {"nl": "Let op", "en": "Note"},
    "outside_range": {
        "nl": "waarde {value} ligt buiten de bandbreedte {low} – {high}",
        "en": "value {value} lies outside the range {low} – {high}",
    },
    # the columns of an allocation (CLI, dashboard, report)
    "benefit": {"nl": "Baten", "en": "Benefit"},
    "contribution_today": {"nl": "Bijdrage nu", "en": "Pays today"},
    "fair_contribution": {"nl": "Eerlijke bijdrage", "en": "Fair contribution"},
    "fair_contribution_per_year": {"nl": "per jaar", "en": "a year"},
    "net_before": {"nl": "Saldo nu", "en": "Net before"},
    "net_after": {"nl": "Saldo na", "en": "Net after"},
    "change_per_year": {"nl": "Verschil per jaar", "en": "Change a year"},
    "financial_note": {
        "nl": "Financiële NCW: kas, inzet in natura en verzilverbare besparingen, nominaal, "
        "tegen de eigen discontovoet van de partij.",
        "en": "Financial NPV: cash, in-kind and cashable savings, nominal, at the partner's "
        "own discount rate.",
    },
    # -- flow types
    "flow_cash": {"nl": "Geld", "en": "Cash"},
    "flow_in_kind": {"nl": "In natura", "en": "In kind"},
    "flow_cashable_saving": {"nl": "Verzilverbare besparing", "en": "Cashable saving"},
    "flow_non_cashable_saving": {"nl": "Vrijgespeelde capaciteit", "en": "Non-cashable saving"},
    "flow_societal_value": {"nl": "Maatschappelijke waarde", "en": "Societal value"},
    # -- dashboard
    "title": {"nl": "Maatschappelijke businesscase", "en": "Social business case"},
    "tab_setup": {"nl": "Opzet", "en": "Set-up"},
    "tab_assumptions": {"nl": "Aannames", "en": "Assumptions"},
    "tab_results": {"nl": "Resultaat", "en": "Results"},
    "tab_split": {"nl": "Verdeling", "en": "Fair split"},
    "tab_meeting": {"nl": "Vergadermodus", "en": "Meeting mode"},
    "tab_uncertainty": {"nl": "Onzekerheid", "en": "Uncertainty"},
    "tab_scenarios": {"nl": "Scenario's", "en": "Scenarios"},
    "tab_why": {"nl": "Waarom dit getal?", "en": "Why this number?"},
    "case_file": {"nl": "Voorziening(en)", "en": "Formula(s)"},
    "dwellings": {"nl": "Aantal woningen", "en": "Number of dwellings"},
    "dwellings_box": {"nl": "of typ het aantal", "en": "or type the number"},
    "horizon": {"nl": "Looptijd (jaar)", "en": "Horizon (years)"},
    "start_year": {"nl": "Startjaar", "en": "Start year"},
    "discount_rate": {"nl": "Maatschappelijke discontovoet", "en": "Social discount rate"},
    "partners": {"nl": "Partijen", "en": "Partners"},
    "name_nl": {"nl": "Naam (NL)", "en": "Name (Dutch)"},
    "name_en": {"nl": "Naam (EN)", "en": "Name (English)"},
    "takes_part": {"nl": "Doet mee", "en": "Takes part"},
    "add_partner": {"nl": "Partij toevoegen", "en": "Add partner"},
    "without_flows": {
        "nl": "Zonder geldstromen: {names}",
        "en": "Without flows: {names}",
    },
    "role": {"nl": "Rol", "en": "Role"},
    "share": {"nl": "Aandeel in de rol", "en": "Share of the role"},
    "own_role": {"nl": "(eigen rol)", "en": "(own role)"},
    "bulk_partners": {"nl": "Partijen in één keer toevoegen", "en": "Add partners in bulk"},
    "bulk_help": {
        "nl": (
            "Eén partij per regel: naam, rol, aandeel (gescheiden door tab, puntkomma of "
            "komma; plakken uit Excel werkt). Of upload een CSV- of Excelbestand met de "
            "kolommen name, role, share (en eventueel type). Rollen: {roles}."
        ),
        "en": (
            "One partner a line: name, role, share (separated by tab, semicolon or comma; "
            "pasting from Excel works). Or upload a CSV or Excel file with the columns name, "
            "role, share (and optionally type). Roles: {roles}."
        ),
    },
    "bulk_add": {"nl": "Lijst toevoegen", "en": "Add the list"},
    "bulk_added": {"nl": "{n} partij(en) toegevoegd.", "en": "{n} partner(s) added."},
    "bulk_upload": {"nl": "Lijst uploaden (.csv, .xlsx)", "en": "Upload a list (.csv, .xlsx)"},
    "search_participants": {"nl": "Zoek een partij", "en": "Search a partner"},
    "share_not_allowed": {
        "nl": "Aandeel '{value}' kan niet: een getal van 0 of meer",
        "en": "Share '{value}' is not allowed: a number of 0 or more",
    },
    "participants_count": {
        "nl": "{n} van {total} partijen doen mee",
        "en": "{n} of {total} partners take part",
    },
    "remove_partner": {"nl": "Verwijderen", "en": "Remove"},
    "new_partner_name": {"nl": "Naam nieuwe partij", "en": "Name of the new partner"},
    "filter": {"nl": "Zoek een aanname", "en": "Search an assumption"},
    "group": {"nl": "Groep", "en": "Group"},
    "item": {"nl": "Onderdeel", "en": "Item"},
    "field": {"nl": "Aanname", "en": "Assumption"},
    "name": {"nl": "Aanname", "en": "Assumption"},
    "value": {"nl": "Waarde", "en": "Value"},
    "unit": {"nl": "Eenheid", "en": "Unit"},
    "low": {"nl": "Laag", "en": "Low"},
    "high": {"nl": "Hoog", "en": "High"},
    "confidence": {"nl": "Zekerheid", "en": "Confidence"},
    "estimate": {"nl": "Schatting", "en": "Estimate"},
    "source": {"nl": "Bron of onderbouwing", "en": "Source or reasoning"},
    "reset": {"nl": "Herstel", "en": "Reset"},
    "changed": {"nl": "Gewijzigd", "en": "Changed"},
    "key": {"nl": "Sleutel", "en": "Key"},
    "reset_all": {"nl": "Alles herstellen", "en": "Reset all"},
    "changed_count": {"nl": "{n} aanname(s) gewijzigd", "en": "{n} assumption(s) changed"},
    "method": {"nl": "Verdeelmethode", "en": "Allocation method"},
    "basis": {"nl": "Wat telt als baat", "en": "What counts as benefit"},
    "basis_cash": {"nl": "Alleen geld", "en": "Cash only"},
    "basis_financial": {
        "nl": "Financieel (ook vrijgespeelde capaciteit)",
        "en": "Financial (incl. capacity freed)",
    },
    "basis_societal": {"nl": "Ook maatschappelijke waarde", "en": "Including societal value"},
    "participants": {"nl": "Wie doet mee", "en": "Who takes part"},
    "proposal": {"nl": "Voorstel: bijdragen per jaar", "en": "Proposal: contributions a year"},
    "proposal_help": {
        "nl": "Vul per partij een bijdrage per jaar in; de toets rekent direct mee.",
        "en": "Type a contribution a year per partner; the check updates at once.",
    },
    "transfers": {"nl": "Betalingen tussen partijen", "en": "Payments between partners"},
    "no_transfers": {"nl": "Geen betalingen nodig.", "en": "No payments needed."},
    "stability": {"nl": "Stabiliteit", "en": "Stability"},
    "explanation": {"nl": "Uitleg", "en": "Explanation"},
    "costs_benefits_year": {
        "nl": "Kosten en baten per jaar (prijspeil {y})",
        "en": "Costs and benefits a year ({y} prices)",
    },
    "cumulative": {
        "nl": "Cumulatief saldo (contante waarde)",
        "en": "Cumulative balance (present value)",
    },
    "who_pays": {"nl": "Wie betaalt, wie profiteert", "en": "Who pays, who gains"},
    "by_flow_type": {"nl": "Baten naar soort", "en": "Benefits by kind"},
    "costs": {"nl": "Kosten", "en": "Costs"},
    "benefits": {"nl": "Baten", "en": "Benefits"},
    "net": {"nl": "Saldo", "en": "Net"},
    "payback": {"nl": "terugverdiend", "en": "paid back"},
    "corporation_npv": {"nl": "Financiële NCW corporatie", "en": "Corporation's financial NPV"},
    "corporation_irr": {"nl": "IRR corporatie", "en": "Corporation's IRR"},
    "error": {"nl": "Niet overgenomen", "en": "Not applied"},
    "internal_error": {
        "nl": "Er ging intern iets mis (geen fout in uw invoer). Het is vastgelegd in het "
        "logboek van de server; meld het aan de beheerder. De laatste goede berekening blijft "
        "staan.",
        "en": "Something went wrong inside the program (not a mistake in your input). It is "
        "logged on the server; please report it. The last good result stays.",
    },
    "upload_too_big": {
        "nl": "{name}: {size} MB; een bestand mag hoogstens {max} MB zijn. Het is niet "
        "verstuurd; de huidige businesscase blijft staan.",
        "en": "{name}: {size} MB; a file can be at most {max} MB. It was not sent; the current "
        "case stays.",
    },
    "lock": {"nl": "Invoer vergrendelen", "en": "Lock inputs"},
    "unlock": {"nl": "Vergrendeling opheffen", "en": "Unlock inputs"},
    "locked_no_upload": {
        "nl": "De invoer is vergrendeld (vergadermodus): hef de vergrendeling op om een "
        "bestand te openen.",
        "en": "The inputs are locked (meeting mode): unlock them to open a file.",
    },
    "why_metric": {"nl": "Welk getal", "en": "Which figure"},
    "why_lines": {"nl": "Regels uit het grootboek", "en": "Ledger lines"},
    # -- a proposal in euros a year or in percent of the cost to cover (issue 15)
    "proposal_unit_euro": {"nl": "€ per jaar", "en": "€ a year"},
    "proposal_unit_percent": {"nl": "% van de kosten", "en": "% of the cost"},
    "proposal_is_percent": {
        "nl": "{partner}: '{text}' is een percentage, maar het voorstel staat in euro's per "
        "jaar. Zet de schakelaar op '% van de kosten' of typ een bedrag, bijvoorbeeld 12.000.",
        "en": "{partner}: '{text}' is a percentage, but the proposal is in euros a year. "
        "Switch to '% of the cost' or type an amount, for example 12,000.",
    },
    "proposal_is_euro": {
        "nl": "{partner}: '{text}' is een bedrag, maar het voorstel staat in procenten van de "
        "kosten. Zet de schakelaar op '€ per jaar' of typ een percentage, bijvoorbeeld 40.",
        "en": "{partner}: '{text}' is an amount, but the proposal is in percent of the cost. "
        "Switch to '€ a year' or type a percentage, for example 40.",
    },
    "proposal_not_number": {
        "nl": "{partner}: '{text}' is geen getal; typ een bedrag of percentage, bijvoorbeeld "
        "12.000 of 40",
        "en": "{partner}: '{text}' is not a number; type an amount or a percentage, for "
        "example 12,000 or 40",
    },
    "proposal_percent_range": {
        "nl": "{partner}: {text}% kan niet; een aandeel ligt tussen 0 en 100%",
        "en": "{partner}: {text}% is not possible; a share lies between 0 and 100%",
    },
    "proposal_negative": {
        "nl": "{partner}: {text} kan niet; een bijdrage is 0 of meer euro per jaar",
        "en": "{partner}: {text} is not possible; a contribution is 0 or more euros a year",
    },
    "proposal_together": {
        "nl": "Samen {percent} van de kosten: {amount} van {cost} per jaar",
        "en": "Together {percent} of the cost: {amount} of {cost} a year",
    },
    # -- why this number: the formula of every figure in words (issue 15)
    "why_item": {
        "nl": "{lead}: {formula}; contant gemaakt tegen {rate}",
        "en": "{lead}: {formula}; discounted at {rate}",
    },
    "why_per_year": {"nl": "per jaar", "en": "a year"},
    "why_whole_case": {"nl": "Hele businesscase", "en": "Whole business case"},
    "why_formula": {"nl": "Berekening", "en": "Calculation"},
    "why_parameters": {"nl": "Aannames erachter", "en": "Assumptions behind it"},
    "why_once": {"nl": "eenmalig", "en": "once"},
    "why_lifetime": {"nl": "(levensduur {years} jaar)", "en": "(lifetime {years} years)"},
    "why_indexed": {
        "nl": "× index {category} ({rate} per jaar boven de inflatie)",
        "en": "× {category} index ({rate} a year above inflation)",
    },
    "why_formula_social_npv": {
        "nl": "Maatschappelijk saldo = baten {benefits} − kosten {costs} = {value}: contante "
        "waarde tegen {rate} (maatschappelijke discontovoet), prijzen van {price_year}; "
        "betalingen tussen partijen vallen tegen elkaar weg",
        "en": "Social balance = benefits {benefits} − costs {costs} = {value}: present value "
        "at {rate} (social discount rate), prices of {price_year}; payments between "
        "partners cancel out",
    },
    "why_formula_pv_benefits": {
        "nl": "Baten = som van {n} batenregels na deadweight, attributie, verplaatsing en "
        "overlap = {value}, contant tegen {rate}, prijzen van {price_year}",
        "en": "Benefits = sum of {n} benefit lines after deadweight, attribution, "
        "displacement and overlap = {value}, discounted at {rate}, prices of {price_year}",
    },
    "why_formula_pv_costs": {
        "nl": "Kosten = som van {n} kostenregels (investeringen, vervanging min restwaarde, "
        "exploitatie) = {value}, contant tegen {rate}, prijzen van {price_year}",
        "en": "Costs = sum of {n} cost lines (investments, replacement less residual value, "
        "operating) = {value}, discounted at {rate}, prices of {price_year}",
    },
    "why_formula_sroi_ratio": {
        "nl": "SROI-ratio = baten {numerator} ÷ kosten {denominator} = {value}",
        "en": "SROI ratio = benefits {numerator} ÷ costs {denominator} = {value}",
    },
    "why_formula_investment": {
        "nl": "Investering = som van {n} investeringen bij de start = {value} (prijzen van "
        "{price_year}, niet contant gemaakt)",
        "en": "Investment = sum of {n} investments at the start = {value} (prices of "
        "{price_year}, not discounted)",
    },
    "why_formula_operating_cost_first_year": {
        "nl": "Exploitatiekosten in het eerste jaar = som van {n} exploitatieregels in jaar 1 "
        "= {value} (prijzen van {price_year})",
        "en": "Operating cost in the first year = sum of {n} operating lines in year 1 = "
        "{value} (prices of {price_year})",
    },
    "why_formula_payback_year": {
        "nl": "Terugverdienjaar = het eerste jaar waarin het opgetelde saldo van alle jaren "
        "(contant tegen {rate}) niet meer negatief is: {value}",
        "en": "Payback year = the first year in which the cumulative balance of all years "
        "(discounted at {rate}) is no longer negative: {value}",
    },
    "why_formula_partner_net_position": {
        "nl": "Saldo van {partner} = baten {benefits} − kosten {costs} = {value}, contant "
        "tegen {rate}; betalingen die de partij doet of ontvangt tellen mee",
        "en": "Net position of {partner} = benefits {benefits} − costs {costs} = {value}, "
        "discounted at {rate}; payments it makes or receives count",
    },
    "why_formula_partner_pv_benefits": {
        "nl": "Baten van {partner} = som van {n} regels = {value}, contant tegen {rate}",
        "en": "Benefits of {partner} = sum of {n} lines = {value}, discounted at {rate}",
    },
    "why_formula_partner_pv_costs": {
        "nl": "Kosten van {partner} = som van {n} regels = {value}, contant tegen {rate}",
        "en": "Costs of {partner} = sum of {n} lines = {value}, discounted at {rate}",
    },
    "why_formula_partner_benefit_cost_ratio": {
        "nl": "B/K van {partner} = baten {numerator} ÷ kosten {denominator} = {value}",
        "en": "B/C of {partner} = benefits {numerator} ÷ costs {denominator} = {value}",
    },
    "why_formula_partner_financial_npv": {
        "nl": "Financiële NCW van {partner} = ontvangsten {benefits} − uitgaven {costs} = "
        "{value}: geld, inzet in natura en verzilverbare besparingen, nominaal (inflatie "
        "{inflation}) en contant tegen de eigen voet van {rate}",
        "en": "Financial NPV of {partner} = receipts {benefits} − outlays {costs} = {value}: "
        "cash, contributions in kind and cashable savings, nominal (inflation {inflation}) "
        "and discounted at its own rate of {rate}",
    },
    "why_formula_irr": {
        "nl": "IRR van {partner} = de voet waartegen de nominale geldstromen van de {n} "
        "regels samen nul zijn: {value}",
        "en": "IRR of {partner} = the rate at which the nominal flows of its {n} lines add "
        "up to zero: {value}",
    },
    "why_formula_partner_financial_payback_year": {
        "nl": "Terugverdienjaar van {partner} = het eerste jaar waarin zijn eigen geldstromen "
        "opgeteld (contant tegen {rate}) niet meer negatief zijn: {value}",
        "en": "Payback year of {partner} = the first year in which its own flows, added up "
        "(discounted at {rate}), are no longer negative: {value}",
    },
    "why_formula_partner_unprofitable_top": {
        "nl": "Onrendabele top van {partner} = investering {investment} − contante waarde "
        "van de eigen netto exploitatiekasstromen {operating} (tegen de eigen voet van "
        "{rate}) = {value}",
        "en": "Unprofitable top of {partner} = investment {investment} − present value of "
        "its own net operating cash flows {operating} (at its own rate of {rate}) = "
        "{value}",
    },
    "unprofitable_top": {"nl": "Onrendabele top", "en": "Unprofitable top"},
    "financial_payback_year": {"nl": "Terugverdienjaar (eigen)", "en": "Payback year (own)"},
    "language": {"nl": "Taal", "en": "Language"},
    "shortfall": {"nl": "Tekort", "en": "Shortfall"},
    "covers": {"nl": "Dekt de kosten", "en": "Covers the cost"},
    "worse_off": {"nl": "Slechter af dan zonder mee te doen", "en": "Worse off than not joining"},
    "distance": {"nl": "Verschil met methode (per jaar)", "en": "Difference from method (a year)"},
    "nobody": {"nl": "niemand", "en": "nobody"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    # -- one catalogue: allocation, exports, parameters, messages (issue 13)
    # the allocation methods: name, and what the method means
    "method_shapley": {"nl": "Shapley-waarde", "en": "Shapley value"},
    "method_shapley_about": {
        "nl": "Elke opbrengst wordt gelijk gedeeld door de partijen die ervoor nodig zijn en de "
        "partij die haar ontvangt; elke partij draagt haar eigen kosten. Zo krijgt wie iets "
        "mogelijk maakt een deel van wat het oplevert, ook als het in de zak van een ander "
        "belandt. De enige verdeling die symmetrisch is, niemand iets geeft die niets "
        "bijdraagt en optelt over deelprojecten.",
        "en": "Each return is shared equally by the partners it needs and the partner receiving "
        "it; each partner carries its own costs. Whoever makes a return possible gets part "
        "of it, even when it lands in another's pocket. The only split that is symmetric, "
        "gives nothing to those who add nothing, and adds up over sub-projects.",
    },
    "method_owen": {"nl": "Owen-waarde (in blokken)", "en": "Owen value (in blocs)"},
    "method_owen_about": {
        "nl": "De partijen onderhandelen in blokken, zoals alle corporaties samen of alle "
        "zorgaanbieders samen. Elke opbrengst wordt eerst gelijk gedeeld door de blokken die "
        "ervoor nodig zijn, en binnen elk blok gelijk door de partijen die ervoor nodig zijn; "
        "elke partij draagt haar eigen kosten. Met één partij per blok is dit de "
        "Shapley-waarde.",
        "en": "The partners negotiate in blocs, such as all corporations together or all care "
        "providers together. Each return is first shared equally by the blocs it needs, and "
        "within each bloc equally by the partners it needs; each partner carries its own "
        "costs. With one partner per bloc this is the Shapley value.",
    },
    "method_nucleolus": {"nl": "Nucleolus", "en": "Nucleolus"},
    "method_nucleolus_about": {
        "nl": "De verdeling die de meest ontevreden groep partijen zo tevreden mogelijk maakt, "
        "dan de volgende, enzovoort. Ligt in de kern als er een stabiele verdeling bestaat: "
        "geen groep doet het dan alleen beter.",
        "en": "The split that makes the most dissatisfied group of partners as satisfied as "
        "possible, then the next, and so on. It lies in the core whenever a stable split "
        "exists: then no group does better on its own.",
    },
    "method_bloc_nucleolus": {"nl": "Nucleolus tussen blokken", "en": "Nucleolus between blocs"},
    "method_bloc_nucleolus_about": {
        "nl": "De partijen onderhandelen in blokken, zoals alle corporaties samen. Tussen de "
        "blokken geldt de nucleolus: het meest ontevreden groepje blokken zo tevreden "
        "mogelijk, dan het volgende, enzovoort. Binnen een blok wordt zijn deel verdeeld naar "
        "rato van de aandelen van de partijen (gelijk als er geen aandelen zijn).",
        "en": "The partners negotiate in blocs, such as all corporations together. Between the "
        "blocs the nucleolus applies: the most dissatisfied group of blocs as satisfied as "
        "possible, then the next, and so on. Within a bloc its part is split in proportion "
        "to the partners' shares (equally when there are none).",
    },
    "method_prenucleolus": {"nl": "Prenucleolus", "en": "Pre-nucleolus"},
    "method_prenucleolus_about": {
        "nl": "Als de nucleolus, maar zonder de eis dat elke partij minstens krijgt wat zij "
        "alleen zou halen.",
        "en": "As the nucleolus, without requiring that each partner gets at least what it "
        "would get alone.",
    },
    "method_equal_surplus": {
        "nl": "Gelijke verdeling van de meerwaarde",
        "en": "Equal split of the surplus",
    },
    "method_equal_surplus_about": {
        "nl": "Elke partij krijgt wat zij alleen zou halen, plus een gelijk deel van wat de "
        "samenwerking daarbovenop oplevert. Ook een partij die niets bijdraagt en niets "
        "ontvangt krijgt zo'n gelijk deel; bij een negatieve businesscase is dat een gelijk "
        "deel van het tekort.",
        "en": "Each partner gets what it would get alone, plus an equal share of what working "
        "together adds. A partner that adds nothing and receives nothing gets such an equal "
        "share too; when the case is negative, it is an equal share of the shortfall.",
    },
    "method_proportional_benefit": {
        "nl": "Naar rato van de baten",
        "en": "In proportion to benefit",
    },
    "method_proportional_benefit_about": {
        "nl": "De kosten worden verdeeld naar rato van wat elke partij ontvangt: iedereen krijgt "
        "hetzelfde rendement per geïnvesteerde euro.",
        "en": "Costs are shared in proportion to what each partner receives: everyone gets the "
        "same return per euro.",
    },
    "method_proportional_cashable": {
        "nl": "Naar rato van verzilverbare baten",
        "en": "In proportion to cashable benefit",
    },
    "method_proportional_cashable_about": {
        "nl": "De kosten worden verdeeld naar rato van het geld dat elke partij echt terugziet "
        "(kasstromen en verzilverbare besparingen).",
        "en": "Costs are shared in proportion to the money each partner really gets back (cash "
        "and cashable savings).",
    },
    "method_as_is": {"nl": "Huidige verdeling", "en": "Current split"},
    "method_as_is_about": {
        "nl": "Iedere partij betaalt wat zij nu betaalt.",
        "en": "Each partner pays what it pays today.",
    },
    "method_proposal": {"nl": "Voorstel", "en": "Proposal"},
    "method_proposal_about": {
        "nl": "De bijdragen zoals de partijen ze hebben ingevuld.",
        "en": "The contributions as the partners typed them in.",
    },
    # the explanation of an allocation, built from its numbers
    "explain_method": {"nl": "Methode: {name}. {about}", "en": "Method: {name}. {about}"},
    "explain_totals": {
        "nl": "Samen ontvangen de partijen {benefits} aan baten en betalen zij {costs} aan kosten "
        "(contante waarde, {first}–{last}); het saldo is {balance}.",
        "en": "Together the partners receive {benefits} in benefits and pay {costs} in costs "
        "(present value, {first}–{last}); the balance is {balance}.",
    },
    "explain_negative": {
        "nl": "Deze businesscase is negatief: geen verdeling maakt iedere partij beter af. Er "
        "ontbreekt {gap} (ongeveer {gap_per_year} per jaar); dat tekort verdwijnt alleen "
        "als de kosten dalen, de baten stijgen of iemand een verlies accepteert.",
        "en": "This case is negative: no split makes every partner better off. {gap} (about "
        "{gap_per_year} a year) is missing; it closes only if costs fall, benefits rise, "
        "or someone accepts a loss.",
    },
    "explain_pays": {"nl": "draagt {amount} per jaar bij", "en": "pays {amount} a year"},
    "explain_receives": {
        "nl": "ontvangt netto {amount} per jaar",
        "en": "receives {amount} a year net",
    },
    "explain_pays_more": {
        "nl": "{name} {does} in plaats van {now} te betalen: {change} meer.",
        "en": "{name} {does} instead of paying {now}: {change} more.",
    },
    "explain_pays_less": {
        "nl": "{name} {does} in plaats van {now} te betalen: {change} minder.",
        "en": "{name} {does} instead of paying {now}: {change} less.",
    },
    "explain_payments": {"nl": "Betalingen: {payments}.", "en": "Payments: {payments}."},
    "transfer_sentence": {
        "nl": "{payer} betaalt {receiver} {amount} per jaar",
        "en": "{payer} pays {receiver} {amount} a year",
    },
    "no_group_does_better": {
        "nl": "Geen groep partijen doet het alleen beter",
        "en": "No group of partners does better on its own",
    },
    "split_is_stable": {"nl": "de verdeling is stabiel", "en": "the split is stable"},
    "explain_unstable": {
        "nl": "Niet stabiel: {names} zou(den) het alleen (of door niet mee te doen) {excess} "
        "beter doen.",
        "en": "Not stable: {names} would do {excess} better on their own (or by staying out).",
    },
    "unstable_split": {
        "nl": "{names}: {excess} beter af alleen of door niet mee te doen",
        "en": "{names}: {excess} better off on their own or by staying out",
    },
    "explain_lost": {
        "nl": "Zonder de partijen die niet meedoen gaat {lost} aan baten verloren.",
        "en": "Without the partners who do not take part, {lost} of benefits is lost.",
    },
    "outside_partnership": {"nl": "Buiten de samenwerking", "en": "Outside the partnership"},
    # the report, the agreement sheets and the workbook
    "report_title": {
        "nl": "Rapportage maatschappelijke businesscase",
        "en": "Social business case report",
    },
    "report_per_year": {"nl": "Kosten en baten per jaar", "en": "Costs and benefits per year"},
    "report_who": {
        "nl": "Wie betaalt, wie profiteert (contante waarde)",
        "en": "Who pays, who gains (present value)",
    },
    "fair_split": {"nl": "Eerlijke verdeling", "en": "Fair split"},
    # -- a programme of themes (CLI, export)
    "programme": {"nl": "Programma", "en": "Programme"},
    "programme_total": {"nl": "Programma", "en": "Programme"},
    "theme": {"nl": "Thema", "en": "Theme"},
    "programme_themes": {"nl": "Thema's", "en": "Themes"},
    "programme_per_partner": {
        "nl": "Per partij, opgeteld over de thema's (per jaar)",
        "en": "Per partner, summed over the themes (a year)",
    },
    "programme_joins": {"nl": "Wie doet mee", "en": "Who joins"},
    "programme_pays": {
        "nl": "Wat betaalt wie (eerlijke bijdrage per jaar)",
        "en": "Who pays what (fair contribution a year)",
    },
    "programme_gains": {
        "nl": "Wat wint wie (baten per jaar)",
        "en": "Who gains what (benefit a year)",
    },
    "status_short_taking_part": {"nl": "D", "en": "T"},
    "status_short_left": {"nl": "U", "en": "L"},
    "status_short_no_flows": {"nl": "L", "en": "M"},
    "theme_value": {"nl": "Saldo (contante waarde)", "en": "Net value (PV)"},
    "programme_benefit_per_year": {"nl": "Baten per jaar", "en": "Benefit a year"},
    "programme_today_per_year": {"nl": "Bijdrage nu per jaar", "en": "Pays today a year"},
    "programme_fair_per_year": {
        "nl": "Eerlijke bijdrage per jaar",
        "en": "Fair contribution a year",
    },
    "theme_cost_per_year": {"nl": "Te dekken per jaar", "en": "To cover a year"},
    "theme_partners": {"nl": "Partijen in het spel", "en": "Partners in the game"},
    "blocs": {"nl": "Blokken", "en": "Blocs"},
    "blocs_none": {"nl": "geen", "en": "none"},
    "blocs_role": {"nl": "per rol", "en": "per role"},
    "blocs_given": {"nl": "zoals opgegeven", "en": "as given"},
    "programme_legend": {
        "nl": "D = doet mee, U = stapt uit, L = lid zonder stromen in dit thema, . = geen lid",
        "en": "T = taking part, L = left, M = member without flows in this theme, . = not a member",
    },
    # -- the themes page of the dashboard
    "tab_themes": {"nl": "Thema's", "en": "Themes"},
    "theme_status_taking_part": {"nl": "doet mee", "en": "takes part"},
    "theme_status_left": {"nl": "stapt uit", "en": "left"},
    "theme_status_no_flows": {"nl": "lid, geen stromen", "en": "member, no flows"},
    "theme_joins": {"nl": "doet mee", "en": "joins"},
    "theme_pays": {"nl": "betaalt/jr", "en": "pays/yr"},
    "theme_gains": {"nl": "baten/jr", "en": "gains/yr"},
    "themes_no_programme": {
        "nl": "Deze businesscase is geen programma. Kies op Opzet een programma (bijvoorbeeld "
        "het illustratieve programma Zuidoost-Drenthe) om de thema's naast elkaar te zien.",
        "en": "This business case is not a programme. Choose a programme on Set-up (for "
        "example the illustrative Zuidoost-Drenthe programme) to see its themes side by side.",
    },
    "themes_intro": {
        "nl": "{themes} thema's, {partners} partijen. Elk thema is een eigen coalitie van "
        "de bereidwilligen: wie uit een thema stapt, verandert alleen dat thema.",
        "en": "{themes} themes, {partners} partners. Each theme is a coalition of the willing "
        "of its own: leaving a theme changes that theme only.",
    },
    "themes_shown": {
        "nl": "Thema op de andere pagina's",
        "en": "Theme on the other pages",
    },
    "themes_taking_part": {"nl": "Doen mee aan {theme}", "en": "Taking part in {theme}"},
    "themes_matrix": {
        "nl": "Partijen × thema's: wie doet mee, wat betaalt en wint elk per jaar",
        "en": "Partners × themes: who joins, what each pays and gains a year",
    },
    "themes_payments": {
        "nl": "Betalingen tussen partijen (programma)",
        "en": "Payments between partners (programme)",
    },
    "themes_outside": {
        "nl": "In geen enkel thema: {names}",
        "en": "In no theme: {names}",
    },
    "uncertainty": {"nl": "Onzekerheid", "en": "Uncertainty"},
    "report_appendix": {
        "nl": "Bijlage: alle aannames en hun bronnen",
        "en": "Appendix: every assumption and its source",
    },
    "agreement_sheet": {"nl": "Afsprakenblad", "en": "Agreement sheet"},
    "contribution_per_year": {"nl": "Bijdrage per jaar", "en": "Contribution a year"},
    "receives_per_year": {
        "nl": "Wat de partij ontvangt (per jaar)",
        "en": "What the partner receives (a year)",
    },
    "pays_to": {"nl": "Betaalt aan", "en": "Pays to"},
    "receives_from": {"nl": "Ontvangt van", "en": "Receives from"},
    "depends_most": {
        "nl": "Aannames waar dit deel het meest van afhangt",
        "en": "Assumptions this part depends on most",
    },
    "review_moment": {"nl": "Evaluatiemoment", "en": "Review moment"},
    "review_text": {
        "nl": "De partijen bespreken de uitkomsten en de aannames opnieuw in {year} en passen de "
        "bijdragen zo nodig aan.",
        "en": "The partners review the results and the assumptions in {year} and adjust the "
        "contributions where needed.",
    },
    "agreed_on_behalf": {"nl": "Voor akkoord, namens", "en": "Agreed, on behalf of"},
    "none": {"nl": "geen", "en": "none"},
    "draws": {"nl": "trekkingen", "en": "draws"},
    "range": {"nl": "Bandbreedte", "en": "Range"},
    "source_short": {"nl": "Bron", "en": "Source"},
    "year": {"nl": "Jaar", "en": "Year"},
    "sheet_summary": {"nl": "Samenvatting", "en": "Summary"},
    "sheet_assumptions": {"nl": "Aannames", "en": "Assumptions"},
    "sheet_flows": {"nl": "Kasstromen", "en": "Flows"},
    "sheet_partners": {"nl": "Per partij", "en": "Per partner"},
    "sheet_split": {"nl": "Verdeling", "en": "Fair split"},
    "sheet_uncertainty": {"nl": "Onzekerheid", "en": "Uncertainty"},
    # the living workbook: named inputs, the ledger as formulas, results as formulas
    "sheet_readme": {"nl": "Lees mij", "en": "Read me"},
    "sheet_calculation": {"nl": "Berekening", "en": "Calculation"},
    "sheet_results": {"nl": "Uitkomsten", "en": "Results"},
    "sheet_payments": {"nl": "Betalingen", "en": "Payments"},
    "calc_col_category": {"nl": "Regel", "en": "Line"},
    "calc_col_item": {"nl": "Onderdeel (code)", "en": "Item (id)"},
    "calc_col_label": {"nl": "Omschrijving", "en": "Description"},
    "calc_col_id": {"nl": "Partij (code)", "en": "Partner (id)"},
    "calc_col_partner": {"nl": "Partij", "en": "Partner"},
    "calc_col_role_code": {"nl": "Kant (code)", "en": "Side (code)"},
    "calc_col_category_code": {"nl": "Soort (code)", "en": "Category (code)"},
    "calc_col_flow_type": {"nl": "Soort stroom (code)", "en": "Flow type (code)"},
    "calc_col_share": {"nl": "Aandeel", "en": "Share"},
    "calc_years_since_price_year": {"nl": "Jaren sinds prijspeil", "en": "Years since price year"},
    "calc_discount_factor": {
        "nl": "Disconteringsfactor (maatschappelijk)",
        "en": "Discount factor (social)",
    },
    "calc_index": {"nl": "Reële index", "en": "Real index"},
    "calc_derived": {"nl": "Afgeleide omvang", "en": "Derived driver"},
    "calc_profile": {"nl": "Effectprofiel", "en": "Outcome profile"},
    "calc_overlap_size": {"nl": "Overlap: omvang lid", "en": "Overlap: member size"},
    "calc_overlap_scale": {"nl": "Overlap: schaal", "en": "Overlap: scale"},
    "calc_pv_per_year": {"nl": "Saldo per jaar (contant)", "en": "Net per year (present value)"},
    "calc_cumulative": {"nl": "Cumulatief saldo (contant)", "en": "Cumulative net (present value)"},
    "calc_stays": {"nl": "Blijft terugverdiend", "en": "Stays paid back"},
    "computed_by": {
        "nl": "berekend door businesscase {version} op {date}",
        "en": "computed by businesscase {version} on {date}",
    },
    "input_out_of_range": {
        "nl": "Buiten de bandbreedte {low} tot {high}: het model rekent ermee, maar "
        "controleer de waarde.",
        "en": "Outside the range {low} to {high}: the model computes with it, but check the value.",
    },
    "live_formula": {"nl": "Formule (rekent mee)", "en": "Formula (recalculates)"},
    "at_export": {"nl": "Bij export", "en": "At export"},
    "col_name": {"nl": "Naam in Excel", "en": "Excel name"},
    "at_export_note": {
        "nl": "De kolom 'Bij export' is",
        "en": "The column 'At export' is",
    },
    "payments_note": {
        "nl": "Betalingen die de verdeling ({method}) uitvoeren, per exploitatiejaar. De "
        "verdeling is geen spreadsheetformule: deze bedragen rekenen niet mee met de aannames.",
        "en": "Payments that carry out the split ({method}), per operating year. The split is "
        "no spreadsheet formula: these amounts do not follow the assumptions.",
    },
    "figures_at_export": {
        "nl": "Deze cijfers zijn bij het exporteren {computed}; het blad {results} rekent mee "
        "met de aannames.",
        "en": "These figures were {computed} at export; the sheet {results} follows the "
        "assumptions.",
    },
    "readme_title": {
        "nl": "Lees mij: hoe dit werkboek rekent",
        "en": "Read me: how this workbook computes",
    },
    "readme_text": {
        "nl": "Invoer: de blauwe cellen in de kolom Waarde van het blad {assumptions}. Elke cel "
        "heeft een naam in Excel, gelijk aan de sleutel van de aanname (bijvoorbeeld "
        "costs.host.amount); een waarde buiten de bandbreedte geeft een waarschuwing.\n"
        "Berekening: het blad {calculation} heeft per regel en per jaar een formule op die "
        "namen; het blad {results} telt ze op per partij en in totaal (namen social_npv, "
        "sroi_ratio, pv_costs, pv_benefits, payback_year en net_position.<partij>).\n"
        "Prijspeil: alle bedragen zijn reëel, in euro's van {price_year}. Een index per soort "
        "kosten (lonen, prijzen, huren, zorgtarieven) is een reële verandering bovenop de "
        "inflatie; inflatie alleen verandert geen reëel of maatschappelijk cijfer. Nominale "
        "bedragen en de financiële kijk per partij staan op het blad Kasstromen (waarden).\n"
        "Tijd: jaar 0 is {start} (de investering), de exploitatiejaren lopen tot en met {end}.\n"
        "Disconteren: {discounting}, tegen de maatschappelijke discontovoet; contante waarde = "
        "reëel bedrag / (1 + voet)^jaren.\n"
        "Soorten stromen: kasgeld, in natura, besparing op een begroting, vrijgekomen "
        "capaciteit (geen geld) en maatschappelijke waarde (welzijn, voor niemand geld). "
        "Overdrachten tussen partijen staan aan beide kanten en vallen weg in de totalen.\n"
        "Effecten: aantal × proxy × (1 − deadweight) × (1 − attributie) × (1 − verplaatsing) "
        "× profiel (aanloop, duur, uitdoving); overlappende effecten tellen één keer "
        "(grootste + alfa × de rest).\n"
        "Niet als formule: de looptijd bepaalt de vorm van de bladen "
        "(exporteer opnieuw na een andere looptijd); de eerlijke verdeling, de betalingen en "
        "de onzekerheid zijn waarden, berekend door businesscase.\n"
        "Terug inlezen: businesscase run dit-bestand.xlsx leest de waarden van {assumptions}.",
        "en": "Inputs: the blue cells in the Value column of the sheet {assumptions}. Each "
        "cell has an Excel name equal to the assumption's key (for example "
        "costs.host.amount); a value outside its range gives a warning.\n"
        "Calculation: the sheet {calculation} holds a formula on those names per line and "
        "year; the sheet {results} adds them up per partner and in total (names social_npv, "
        "sroi_ratio, pv_costs, pv_benefits, payback_year and net_position.<partner>).\n"
        "Price level: every amount is real, in euros of {price_year}. An index per cost "
        "category (wages, prices, rents, care tariffs) is a real change on top of "
        "inflation; inflation alone moves no real or social figure. Nominal amounts and each "
        "partner's financial view are on the sheet Flows (values).\n"
        "Time: year 0 is {start} (the investment), the operating years run up to and "
        "including {end}.\n"
        "Discounting: {discounting}, at the social discount rate; present value = real "
        "amount / (1 + rate)^years.\n"
        "Flow types: cash, in kind, cashable saving, non-cashable saving (capacity freed, "
        "no money) and societal value (wellbeing, money for nobody). Transfers between "
        "partners stand on both sides and cancel in the totals.\n"
        "Outcomes: quantity × proxy × (1 − deadweight) × (1 − attribution) × (1 − "
        "displacement) × profile (ramp-up, duration, drop-off); overlapping outcomes count "
        "once (largest + alpha × the others).\n"
        "Not a formula: the horizon shapes the sheets (export again after "
        "changing the horizon); the fair split, the payments and the uncertainty are values "
        "computed by businesscase.\n"
        "Reading back: businesscase run this-file.xlsx reads the values of {assumptions}.",
    },
    "download_excel": {"nl": "Excel", "en": "Excel"},
    "download_report_html": {"nl": "Rapport (HTML)", "en": "Report (HTML)"},
    "download_report_pdf": {"nl": "Rapport (PDF)", "en": "Report (PDF)"},
    "download_agreements": {"nl": "Afsprakenbladen", "en": "Agreement sheets"},
    # the parameter names users see (the glossary's pairs) and their groups
    "field_deadweight": {"nl": "deadweight (wat toch al gebeurd was)", "en": "deadweight"},
    "field_attribution": {"nl": "attributie (aandeel van anderen)", "en": "attribution"},
    "field_displacement": {"nl": "verplaatsing", "en": "displacement"},
    "field_drop_off": {"nl": "uitdoving", "en": "drop-off"},
    "field_ramp_up_years": {"nl": "aanloopjaren", "en": "ramp-up years"},
    "field_first_year": {"nl": "eerste jaar", "en": "first year"},
    "field_duration": {"nl": "duur", "en": "duration"},
    "field_proxy": {"nl": "financiële proxy", "en": "financial proxy"},
    "field_amount": {"nl": "bedrag", "en": "amount"},
    "field_lifetime": {"nl": "levensduur", "en": "lifetime"},
    "field_alpha": {"nl": "alfa (deel van de overlap)", "en": "alpha (share of the overlap)"},
    "field_social_discount_rate": {
        "nl": "maatschappelijke discontovoet",
        "en": "social discount rate",
    },
    "field_financial_discount_rate": {
        "nl": "financiële discontovoet",
        "en": "financial discount rate",
    },
    "field_inflation": {"nl": "inflatie", "en": "inflation"},
    "field_wages": {"nl": "lonen", "en": "wages"},
    "field_prices": {"nl": "prijzen", "en": "prices"},
    "field_rents": {"nl": "huren", "en": "rents"},
    "field_care_tariffs": {"nl": "zorgtarieven", "en": "care tariffs"},
    "group_economics": {"nl": "Economie", "en": "Economics"},
    "group_partners": {"nl": "Partijen", "en": "Partners"},
    "group_drivers": {"nl": "Omvang", "en": "Size"},
    "group_costs": {"nl": "Kosten", "en": "Costs"},
    "group_revenues": {"nl": "Opbrengsten", "en": "Revenues"},
    "group_outcomes": {"nl": "Effecten", "en": "Outcomes"},
    "group_wellbeing": {"nl": "Welzijnswaarde", "en": "Wellbeing value"},
    # -- what must be true, and the investor's view ---------------------------------------
    # -- workbook columns: every header a sheet shows ---------------------------------------
    "col_id": {"nl": "Code", "en": "Id"},
    "col_t": {"nl": "Jaarindex", "en": "Year index"},
    "col_label": {"nl": "Omschrijving", "en": "Description"},
    "col_category": {"nl": "Soort", "en": "Category"},
    "col_flow_type": {"nl": "Soort stroom", "en": "Flow type"},
    "col_nominal": {"nl": "Nominaal (€ van het jaar)", "en": "Nominal (€ of the year)"},
    "col_real": {"nl": "Reëel (€ prijspeil)", "en": "Real (€ of the price year)"},
    "col_pv_social": {
        "nl": "Contante waarde (maatschappelijk)",
        "en": "Present value (social rate)",
    },
    "col_pv_financial": {
        "nl": "Contante waarde (financieel, eigen voet)",
        "en": "Present value (financial, own rate)",
    },
    "col_irr_note": {"nl": "Toelichting IRR", "en": "IRR note"},
    "col_payer": {"nl": "Betaler", "en": "Payer"},
    "col_receiver": {"nl": "Ontvanger", "en": "Receiver"},
    "col_pv": {"nl": "Contante waarde", "en": "Present value"},
    "col_per_year": {"nl": "Per jaar", "en": "Per year"},
    "col_output": {"nl": "Uitkomst", "en": "Output"},
    "col_mean": {"nl": "Gemiddelde", "en": "Mean"},
    "col_p10": {"nl": "P10", "en": "P10"},
    "col_p50": {"nl": "P50 (mediaan)", "en": "P50 (median)"},
    "col_p90": {"nl": "P90", "en": "P90"},
    "col_p_positive": {"nl": "Kans > 0", "en": "P(> 0)"},
    "col_change": {"nl": "Verandering", "en": "Change"},
    "role_cost": {"nl": "kosten", "en": "cost"},
    "role_benefit": {"nl": "baten", "en": "benefit"},
    "category_investment": {"nl": "investering", "en": "investment"},
    "category_replacement": {"nl": "vervanging", "en": "replacement"},
    "category_residual_value": {"nl": "restwaarde", "en": "residual value"},
    "category_operating": {"nl": "exploitatie", "en": "operating"},
    "category_revenue": {"nl": "overdracht", "en": "transfer"},
    "category_outcome": {"nl": "effect", "en": "outcome"},
    "category_overlap_correction": {"nl": "overlapcorrectie", "en": "overlap correction"},
    **PROBLEM_TEXTS,
    **FILE_PROBLEM_TEXTS,
    "sign_name": {"nl": "Naam", "en": "Name"},
    "sign_function": {"nl": "Functie", "en": "Position"},
    "sign_date": {"nl": "Datum", "en": "Date"},
    "sign_place": {"nl": "Plaats", "en": "Place"},
    "sign_signature": {"nl": "Handtekening", "en": "Signature"},
    "mbt_title": {"nl": "Wat moet waar zijn?", "en": "What must be true?"},
    "mbt_about": {
        "nl": "Voor de aannames met de meeste invloed: bij welke waarde het MKBA-saldo, en "
        "het saldo van elke partij die er nu op verliest, nul wordt. Naast de huidige "
        "waarde, de bandbreedte en de zekerheid; een omslagwaarde buiten de bandbreedte is "
        "gemarkeerd.",
        "en": "For the assumptions with the most influence: the value at which the social "
        "NPV, and the net position of each partner that now loses, reaches zero. Beside the "
        "current value, the range and the confidence; a break-even outside the range is "
        "marked.",
    },
    "mbt_positive": {
        "nl": "Het MKBA-saldo is positief en geen partij verliest: er is geen omslagpunt te "
        "zoeken.",
        "en": "The social NPV is positive and no partner loses: there is no break-even to find.",
    },
    "mbt_target": {"nl": "Wat nul wordt", "en": "What reaches zero"},
    "mbt_now": {"nl": "Nu", "en": "Now"},
    "mbt_break_even": {"nl": "Omslagwaarde", "en": "Break-even value"},
    "mbt_outside": {"nl": "buiten de bandbreedte", "en": "outside the range"},
    "mbt_none": {
        "nl": "geen omslag binnen de toegestane waarden",
        "en": "no break-even within the allowed values",
    },
    "inv_title": {"nl": "Blik van de investeerder", "en": "The investor's view"},
    "inv_about": {
        "nl": "Onrendabele top = investering − contante waarde van de eigen netto "
        "exploitatiekasstromen, tegen de eigen discontovoet van de partij; naast het "
        "maatschappelijk rendement.",
        "en": "Unprofitable top = investment − present value of the partner's own net "
        "operating cash flows at its own rate; beside the social return.",
    },
    "inv_rate": {"nl": "Eigen discontovoet", "en": "Own discount rate"},
    "inv_operating_pv": {
        "nl": "Contante waarde eigen exploitatie",
        "en": "Present value of own operation",
    },
    "inv_tornado": {
        "nl": "Wat het saldo van {partner} het meest beweegt",
        "en": "What moves the net position of {partner} most",
    },
    "inv_low": {"nl": "Saldo bij laagste waarde", "en": "Net position at low value"},
    "inv_high": {"nl": "Saldo bij hoogste waarde", "en": "Net position at high value"},
    # -- the wellbeing layer: beside the balance, never in it ------------------------------
    "wellbeing_title": {
        "nl": "Met welzijnswaarde (aparte laag, niet in het saldo)",
        "en": "With wellbeing value (a separate layer, not in the balance)",
    },
    "wellbeing_about": {
        "nl": "Het MKBA-saldo hierboven telt besparingen en bescheiden proxy's. Deze laag "
        "waardeert daarnaast gezondheidswinst in QALY's tegen de Nederlandse "
        "referentiewaarde per QALY; een proxy die hetzelfde welzijn al waardeerde, wordt "
        "vervangen en niet dubbel geteld. De verdeling en de posities per partij gebruiken "
        "deze laag nooit.",
        "en": "The social NPV above counts savings and modest proxies. This layer also "
        "values health gains in QALYs at the Dutch reference value per QALY; a proxy that "
        "already valued the same wellbeing is replaced, not counted twice. The split and "
        "the partners' positions never use this layer.",
    },
    "pv_wellbeing": {"nl": "Welzijnswaarde (contante waarde)", "en": "Wellbeing value (PV)"},
    "pv_replaced": {
        "nl": "Vervangen proxy's (contante waarde)",
        "en": "Proxies replaced (PV)",
    },
    "social_npv_with_wellbeing": {
        "nl": "MKBA-saldo met welzijnswaarde",
        "en": "Social NPV with wellbeing value",
    },
    "sroi_with_wellbeing": {
        "nl": "SROI-ratio met welzijnswaarde",
        "en": "SROI ratio with wellbeing value",
    },
    "group_overlap_groups": {"nl": "Overlap", "en": "Overlap"},
    # uncertainty: draws, optimism bias, break-even
    "draws_range": {
        "nl": "het aantal trekkingen moet een heel getal van 1 tot {top} zijn, niet {n!r}",
        "en": "the number of draws must be a whole number from 1 to {top}, not {n!r}",
    },
    "draws_memory": {
        "nl": "{many} trekkingen van deze businesscase vragen ongeveer {gb} GB geheugen, meer "
        "dan er vrij is; er passen er nu hoogstens {top}",
        "en": "{many} draws of this case need about {gb} GB of memory, more than is free; at "
        "most {top} draws fit now",
    },
    "optimism_bias_grades": {
        "nl": "Correctie voor optimisme (kosten / baten / jaren later), naar zekerheid: {grades}",
        "en": "Optimism bias (costs / benefits / years later), by confidence: {grades}",
    },
    "chance_better_off_split": {
        "nl": "Kans beter af na de verdeling ({method}): {chances}",
        "en": "P(better off after the split, {method}): {chances}",
    },
    "no_break_even": {
        "nl": "{parameter}: geen omslagpunt binnen het toegestane bereik",
        "en": "{parameter}: no break-even within its allowed range",
    },
    # the scenario database: every way it can fail, {db} is the database
    "store_missing_folder": {
        "nl": "scenariodatabase {db}: de map {folder} bestaat niet; maak hem aan of kies een "
        "ander bestand",
        "en": "scenario database {db}: the folder {folder} does not exist; create it, or choose "
        "another file with --db or BUSINESSCASE_DATABASE_URL",
    },
    "store_folder_is_file": {
        "nl": "scenariodatabase {db}: {folder} is een bestand, geen map; kies een pad in een "
        "bestaande map",
        "en": "scenario database {db}: {folder} is a file, not a folder; choose a path in an "
        "existing folder",
    },
    "store_is_folder": {
        "nl": "scenariodatabase {db} is een map, geen bestand; geef een bestandsnaam, zoals "
        "{db}/scenarios.db",
        "en": "scenario database {db} is a folder, not a file; give a file name in it, such as "
        "{db}/scenarios.db",
    },
    "store_not_database": {
        "nl": "{db} is geen scenariodatabase (geen SQLite-bestand); het bestand is niet "
        "gewijzigd: kies het juiste bestand, of een nieuwe naam voor een lege database",
        "en": "{db} is not a scenario database (not an SQLite file); it was left untouched: "
        "choose the right file, or a new file name for an empty store",
    },
    "store_foreign_database": {
        "nl": "{db} is een database van een ander programma (tabellen: {tables}), geen "
        "scenariodatabase; het bestand is niet gewijzigd: kies een ander bestand",
        "en": "{db} is a database of another program (tables: {tables}), not a scenario store; "
        "it was left untouched: choose another file",
    },
    "store_corrupt": {
        "nl": "scenariodatabase {db} is beschadigd ({detail}); zet een reservekopie terug of "
        "red wat er nog is met: sqlite3 {db} .recover",
        "en": "scenario database {db} is damaged ({detail}); restore it from a backup, or save "
        "what is left with: sqlite3 {db} .recover",
    },
    "store_read_only": {
        "nl": "scenariodatabase {db} is alleen-lezen, dus er is niets opgeslagen; opslaan vraagt "
        "schrijfrechten op het bestand en de map (bekijken, openen en exporteren werken wel)",
        "en": "scenario database {db} is read-only, so nothing was saved; saving needs write "
        "permission on the file and its folder (listing, opening and exporting work)",
    },
    "store_opened_read_only": {
        "nl": "scenariodatabase {db} is alleen-lezen: bekijken, openen en exporteren werken; "
        "opslaan vraagt schrijfrechten op het bestand en de map",
        "en": "scenario database {db} is read-only: listing, opening and exporting work; saving "
        "needs write permission on the file and its folder",
    },
    "store_cannot_create": {
        "nl": "kan de scenariodatabase {db} niet aanmaken: geen schrijfrechten in de map "
        "{folder}; kies een map waarin je mag schrijven",
        "en": "cannot create the scenario database {db}: no write permission in the folder "
        "{folder}; choose a folder you may write to",
    },
    "store_cannot_read": {
        "nl": "kan de scenariodatabase {db} niet lezen ({detail}); controleer de leesrechten of "
        "kies een ander bestand",
        "en": "cannot read the scenario database {db} ({detail}); check that the file may be "
        "read, or choose another file",
    },
    "store_locked": {
        "nl": "scenariodatabase {db} is vergrendeld door een ander programma dat erin schrijft "
        "({seconds:g} s gewacht), dus er is niets opgeslagen; probeer het zo opnieuw",
        "en": "scenario database {db} is locked by another program that is writing to it "
        "(waited {seconds:g} s), so nothing was saved; try again in a moment",
    },
    "store_full": {
        "nl": "scenariodatabase {db}: de schijf is vol (of de database heeft haar maximale "
        "grootte), dus er is niets opgeslagen en eerdere versies zijn intact; maak ruimte "
        "vrij en sla opnieuw op",
        "en": "scenario database {db}: the disk is full (or the database reached its size "
        "limit), so nothing was saved and earlier versions are intact; free some space and "
        "save again",
    },
    "store_disk_error": {
        "nl": "scenariodatabase {db}: de schijf gaf een fout ({detail}); controleer de schijf en "
        "probeer het opnieuw",
        "en": "scenario database {db}: the disk reported an error ({detail}); check the disk and "
        "try again",
    },
    "store_bad_url": {
        "nl": "database-URL {db} is onbruikbaar: {detail}; geef een bestandspad, "
        "sqlite:///pad/naar/bestand.db of postgresql+psycopg://gebruiker@host/naam",
        "en": "database URL {db} cannot be used: {detail}; give a file path, "
        "sqlite:///path/to/file.db or postgresql+psycopg://user@host/name",
    },
    "store_no_driver": {
        "nl": "database-URL {db} vraagt het Python-pakket {module}, dat niet geïnstalleerd is; "
        "installeer het (pip install {module}) of gebruik een SQLite-bestand",
        "en": "database URL {db} needs the Python package {module}, which is not installed; "
        "install it (pip install {module}) or use an SQLite file",
    },
    "store_unreachable": {
        "nl": "kan de database {db} niet gebruiken: {detail}; controleer de URL, het wachtwoord "
        "en of de server draait",
        "en": "cannot use the database {db}: {detail}; check the URL, the password and that the "
        "server runs",
    },
    # -- the confidential contribution round ({round} its number; never a limit or a code)
    "round_privacy": {
        "nl": "Vertrouwelijk: niemand ziet wat een partner als maximum opgeeft, ook de "
        "procesbegeleider niet. Je ziet alleen hoeveel partners hebben ingevuld. Na het "
        "sluiten ziet iedereen alleen de voorgestelde verdeling, of bij geen akkoord alleen "
        "het totale tekort.",
        "en": "Confidential: nobody sees what a partner states as its maximum, the facilitator "
        "included. You see only how many partners have entered. Once the round closes, "
        "everyone sees only the proposed split, or without a deal only the total shortfall.",
    },
    "round_codes_once": {
        "nl": "De codes staan hier één keer en worden alleen als hash bewaard: geef elke "
        "partner alleen zijn eigen code of link. Links:",
        "en": "These codes are shown once and stored only as hashes: give each partner only "
        "its own code or link. Links:",
    },
    "round_bad_name": {
        "nl": "een ronde heeft een naam nodig van 1 tot {most} tekens, zonder stuurtekens",
        "en": "a round needs a name of 1 to {most} characters, without control characters",
    },
    "round_bad_method": {
        "nl": "onbekende verdeelmethode; kies uit {allowed}",
        "en": "unknown split method; choose one of {allowed}",
    },
    "round_bad_basis": {
        "nl": "onbekende grondslag; kies uit {allowed}",
        "en": "unknown basis; choose one of {allowed}",
    },
    "round_no_partners": {
        "nl": "een ronde nodigt minstens één partner uit; partners in de verdeling: {allowed}",
        "en": "a round invites at least one partner; partners in the split: {allowed}",
    },
    "round_unknown_partners": {
        "nl": "--partners: {unknown} zit niet in de verdeling; partners in de verdeling: {allowed}",
        "en": "--partners: {unknown} is not in the split; partners in the split: {allowed}",
    },
    "round_programme": {
        "nl": "een ronde opent op één businesscase; een ronde over een programma met thema's "
        "is er nog niet: open een ronde per thema op het bestand van dat thema",
        "en": "a round opens on one case; a round over a programme with themes is not built "
        "yet: open a round per theme on that theme's case file",
    },
    "round_case_or_scenario": {
        "nl": "geef een businesscase-bestand of --scenario ID, niet allebei",
        "en": "give a case file or --scenario ID, not both",
    },
    "round_no_store": {
        "nl": "er is geen scenariodatabase {db}, dus ook geen ronde; kies de database met "
        "--db of BUSINESSCASE_DATABASE_URL",
        "en": "there is no scenario store {db}, so no round either; choose the store with "
        "--db or BUSINESSCASE_DATABASE_URL",
    },
    "round_newer_store": {
        "nl": "de ronden in {db} zijn gemaakt door een nieuwere versie van dit programma; "
        "werk het programma bij",
        "en": "the rounds in {db} were made by a newer version of this program; update the program",
    },
    "round_unknown": {
        "nl": "ronde {round} bestaat niet in {db}",
        "en": "round {round} does not exist in {db}",
    },
    "round_locked": {
        "nl": "te veel verkeerde codes voor deze ronde: probeer het over {seconds} s opnieuw "
        "(er is niets gewijzigd)",
        "en": "too many wrong codes for this round: try again in {seconds} s (nothing was changed)",
    },
    "round_not_invited": {
        "nl": "partner {partner} is niet uitgenodigd voor ronde {round}; uitgenodigd: "
        "{invited} (er is niets gewijzigd)",
        "en": "partner {partner} is not invited to round {round}; invited: {invited} "
        "(nothing was changed)",
    },
    "round_wrong_facilitator_code": {
        "nl": "dit is niet de code van de procesbegeleider van ronde {round}; er is niets "
        "gewijzigd",
        "en": "this is not the facilitator's code of round {round}; nothing was changed",
    },
    "round_wrong_partner_code": {
        "nl": "dit is niet de code van {partner} in ronde {round}; een partner vult alleen "
        "voor zichzelf in, met zijn eigen code; er is niets gewijzigd",
        "en": "this is not the code of {partner} in round {round}; a partner enters only for "
        "itself, with its own code; nothing was changed",
    },
    "round_closed": {
        "nl": "ronde {round} is gesloten ({closed_at}); invullen of wijzigen kan niet meer",
        "en": "round {round} is closed ({closed_at}); entries can no longer be made or changed",
    },
    "round_already_closed": {
        "nl": "ronde {round} is al gesloten ({closed_at}) en verandert niet meer; 'round "
        "status' toont de uitkomst",
        "en": "round {round} was already closed ({closed_at}) and does not change any more; "
        "'round status' shows its outcome",
    },
    "round_amount_not_number": {
        "nl": "--max-per-year: geef het maximum als een getal in euro per jaar, zoals 12500",
        "en": "--max-per-year: give the maximum as a number of euros a year, such as 12500",
    },
    "round_amount_negative": {
        "nl": "--max-per-year: het maximum kan niet negatief zijn; geef 0 of meer euro per jaar",
        "en": "--max-per-year: the maximum cannot be negative; give 0 or more euros a year",
    },
    "round_condition_too_long": {
        "nl": "een voorwaarde heeft hoogstens {most} tekens",
        "en": "a condition has at most {most} characters",
    },
    "round_entry_saved": {
        "nl": "ingevuld voor {partner} in ronde {round} ({when}); {entered} van {invited} "
        "partners hebben ingevuld",
        "en": "entered for {partner} in round {round} ({when}); {entered} of {invited} "
        "partners have entered",
    },
    "round_status_head": {
        "nl": "ronde {round}: {name} ({state}); {entered} van {invited} partners hebben ingevuld",
        "en": "round {round}: {name} ({state}); {entered} of {invited} partners have entered",
    },
    "round_state_open": {"nl": "open", "en": "open"},
    "round_state_closed": {"nl": "gesloten", "en": "closed"},
    "round_partner_entered": {"nl": "ingevuld {when}", "en": "entered {when}"},
    "round_partner_waiting": {"nl": "nog niet ingevuld", "en": "not entered yet"},
    "round_deal": {
        "nl": "akkoord: de maxima dekken samen de te dekken kosten van {cost} per jaar "
        "(prijspeil {price_year})",
        "en": "deal: the limits together cover the cost to cover of {cost} a year (prices of "
        "{price_year})",
    },
    "round_no_deal": {
        "nl": "geen akkoord: de maxima schieten samen {shortfall} per jaar tekort op de te "
        "dekken kosten van {cost} per jaar (prijspeil {price_year}); alleen dit totaal wordt "
        "getoond",
        "en": "no deal: the limits together fall short of the cost to cover of {cost} a year "
        "by {shortfall} a year (prices of {price_year}); only this total is shown",
    },
    "round_proposed_head": {
        "nl": "voorgestelde bijdrage per jaar (de eerlijke verdeling, {method}, ernaast):",
        "en": "proposed contribution a year (the fair split, {method}, beside it):",
    },
    "round_held_at_fair": {
        "nl": "(niet uitgenodigd: op de eerlijke bijdrage gehouden)",
        "en": "(not invited: held at the fair contribution)",
    },
    "round_stable_yes": {
        "nl": "stabiel: geen groep partners is alleen beter af",
        "en": "stable: no group of partners does better on its own",
    },
    "round_stable_no": {
        "nl": "niet stabiel: de groep {group} zou alleen {excess} per jaar beter af zijn",
        "en": "not stable: the group {group} would do better on its own by {excess} a year",
    },
    "round_payments_head": {
        "nl": "betalingen tussen partners die dit uitvoeren (per jaar):",
        "en": "payments between partners that implement it (a year):",
    },
    "round_payment": {
        "nl": "{payer} betaalt {receiver} {amount}",
        "en": "{payer} pays {receiver} {amount}",
    },
    "round_no_payments": {
        "nl": "geen betalingen tussen partners nodig",
        "en": "no payments between partners needed",
    },
    "round_scope_single_case": {
        "nl": "kleinere opzet: deze ronde gaat over één businesscase zonder thema's, dus is "
        "niet nagegaan of een deel ervan wel gedekt is (dat vraagt een ronde over een "
        "programma, die er nog niet is)",
        "en": "smaller scope: this round is on a single case without themes, so whether a "
        "part of it would be covered was not checked (that needs a round over a programme, "
        "which is not built yet)",
    },
    # -- the round's pages (a link ?ronde=ID&code=CODE opens them instead of the dashboard)
    "round_link_invalid": {
        "nl": "Deze link opent geen ronde: de ronde bestaat niet, de code klopt niet, of er "
        "zijn net te veel verkeerde codes geprobeerd (probeer het dan over een paar minuten "
        "opnieuw). Vraag de procesbegeleider zo nodig om je link.",
        "en": "This link opens no round: the round does not exist, the code is wrong, or too "
        "many wrong codes were just tried (then try again in a few minutes). Ask the "
        "facilitator for your link if needed.",
    },
    "round_page_amount_not_number": {
        "nl": "geef je maximum als een bedrag in euro per jaar, zoals 12.500 of 12500,50",
        "en": "give your maximum as an amount in euros a year, such as 12,500 or 12500.50 "
        "(the page reads a decimal comma, as in 12500,50)",
    },
    "round_page_amount_negative": {
        "nl": "je maximum kan niet negatief zijn; geef 0 of meer euro per jaar",
        "en": "your maximum cannot be negative; give 0 or more euros a year",
    },
    "round_page_title": {"nl": "Bijdrageronde", "en": "Contribution round"},
    "round_page_partner_head": {
        "nl": "{partner} in de ronde {name}",
        "en": "{partner} in the round {name}",
    },
    "round_page_facilitator_head": {
        "nl": "Procesbegeleider: wie heeft ingevuld (nooit wat)",
        "en": "Facilitator: who has entered (never what)",
    },
    "round_page_method": {
        "nl": "Eerlijke verdeling volgens {method}, grondslag {basis}; bedragen in euro, reëel "
        "(prijspeil van de businesscase).",
        "en": "Fair split by {method}, basis {basis}; amounts in euros, real (the case's price "
        "year).",
    },
    "round_page_per_year": {"nl": "per jaar", "en": "a year"},
    "round_page_pv": {"nl": "contante waarde", "en": "present value"},
    "round_page_today": {"nl": "wat je nu betaalt", "en": "what you pay today"},
    "round_page_gains": {"nl": "wat je eraan wint", "en": "what you gain"},
    "round_page_fair": {"nl": "je eerlijke bijdrage", "en": "your fair contribution"},
    "round_page_fair_all": {"nl": "eerlijke bijdrage", "en": "fair contribution"},
    "round_page_proposed": {"nl": "voorgestelde bijdrage", "en": "proposed contribution"},
    "round_page_partner": {"nl": "partner", "en": "partner"},
    "round_page_explanation": {"nl": "Uitleg van de verdeling", "en": "How the split is made"},
    "round_page_count": {
        "nl": "{entered} van {invited} partners hebben ingevuld",
        "en": "{entered} of {invited} partners have entered",
    },
    "round_page_own_entered": {
        "nl": "Je hebt ingevuld ({when}). Je bedrag wordt hier niet opnieuw getoond: wie deze "
        "link vindt, zou het anders kunnen lezen. Vul opnieuw in om het te wijzigen.",
        "en": "You have entered ({when}). Your amount is not shown here again: whoever finds "
        "this link could otherwise read it. Enter again to change it.",
    },
    "round_page_own_waiting": {
        "nl": "Je hebt nog niet ingevuld.",
        "en": "You have not entered yet.",
    },
    "round_page_typed": {
        "nl": "Zojuist opgeslagen: {amount} per jaar.",
        "en": "Just saved: {amount} a year.",
    },
    "round_page_typed_condition": {"nl": "Voorwaarde:", "en": "Condition:"},
    "round_page_amount": {
        "nl": "Je maximale bijdrage per jaar (euro)",
        "en": "Your maximum contribution a year (euros)",
    },
    "round_page_amount_hint": {"nl": "bijvoorbeeld 12.500", "en": "for example 12500"},
    "round_page_condition": {
        "nl": "Voorwaarde in woorden (mag leeg)",
        "en": "Condition in words (optional)",
    },
    "round_page_submit": {"nl": "Opslaan", "en": "Save"},
    "round_page_refresh": {"nl": "Vernieuwen", "en": "Refresh"},
    "round_page_close": {"nl": "Ronde sluiten", "en": "Close the round"},
    "round_page_outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "round_page_remind": {
        "nl": "Nog niet ingevuld (stuur hen een herinnering; de codes staan alleen bij het "
        "openen op het scherm, dus deze pagina kan hun link niet opnieuw sturen):",
        "en": "Not entered yet (send them a reminder; the codes were shown only at opening, "
        "so this page cannot send their link again):",
    },
    # -- dashboard analysis
    "mc_draws": {"nl": "Aantal trekkingen", "en": "Draws"},
    "mc_seed": {"nl": "Startgetal (seed)", "en": "Seed"},
    "mc_bias": {"nl": "Correctie voor optimisme", "en": "Optimism bias"},
    "mc_run": {"nl": "Start Monte Carlo", "en": "Run Monte Carlo"},
    "mc_help": {
        "nl": "Kies het aantal trekkingen en start de Monte Carlo-analyse.",
        "en": "Choose the number of draws and run the Monte Carlo analysis.",
    },
    "mc_histogram": {
        "nl": "Verdeling van het MKBA-saldo over de trekkingen",
        "en": "Distribution of the social NPV over the draws",
    },
    "mc_ran": {"nl": "{n} trekkingen, seed {seed}.", "en": "{n} draws, seed {seed}."},
    "mc_stale": {
        "nl": "De businesscase is sindsdien gewijzigd: start opnieuw voor de nieuwe cijfers.",
        "en": "The case has changed since: run again for the new figures.",
    },
    "mc_p_positive": {"nl": "Kans > 0", "en": "P(> 0)"},
    "mc_p_better": {"nl": "Kans beter af ({method})", "en": "P(better off, {method})"},
    "tornado_for": {"nl": "Tornado voor", "en": "Tornado for"},
    "tornado_title": {
        "nl": "Tornado: de 15 aannames met de grootste invloed",
        "en": "Tornado: the 15 assumptions with the most influence",
    },
    "tornado_low": {"nl": "Aanname op laagste waarde", "en": "Assumption at its low value"},
    "tornado_high": {"nl": "Aanname op hoogste waarde", "en": "Assumption at its high value"},
    "tornado_axis_social": {
        "nl": "MKBA-saldo (€, contante waarde)",
        "en": "Social NPV (€, present value)",
    },
    "tornado_axis_partner": {
        "nl": "Saldo van {partner} (€, contante waarde)",
        "en": "Net position of {partner} (€, present value)",
    },
    "axis_draws": {"nl": "Aantal trekkingen", "en": "Number of draws"},
    "axis_year": {"nl": "Jaar", "en": "Year"},
    "axis_euro_year": {
        "nl": "€ per jaar (prijspeil {y}, reëel)",
        "en": "€ a year ({y} prices, real)",
    },
    "axis_euro_cumulative": {
        "nl": "€ opgeteld (contante waarde)",
        "en": "€ cumulative (present value)",
    },
    "axis_euro_pv": {"nl": "€ contante waarde", "en": "€ present value"},
    "be_parameter": {"nl": "Parameter", "en": "Parameter"},
    "be_target": {"nl": "Wat moet nul worden", "en": "What should reach zero"},
    "be_target_social_npv": {"nl": "MKBA-saldo", "en": "Social NPV"},
    "be_target_net_position": {"nl": "Saldo van een partij", "en": "A partner's net position"},
    "be_target_financial_npv": {
        "nl": "Financiële NCW van een partij",
        "en": "A partner's financial NPV",
    },
    "be_run": {"nl": "Zoek omslagpunt", "en": "Find break-even"},
    "be_found": {
        "nl": "{target} wordt nul bij {parameter} = {value} (nu {now}).",
        "en": "{target} turns zero at {parameter} = {value} (now {now}).",
    },
    "sc_name": {"nl": "Naam", "en": "Name"},
    "sc_notes": {"nl": "Notities", "en": "Notes"},
    "sc_author": {"nl": "Auteur", "en": "Author"},
    "sc_save_new": {"nl": "Opslaan als nieuw scenario", "en": "Save as a new scenario"},
    "sc_save_version": {"nl": "Opslaan als nieuwe versie", "en": "Save as a new version"},
    "sc_saved": {"nl": "Opgeslagen", "en": "Saved"},
    "sc_opened": {"nl": "Geopend", "en": "Opened"},
    "sc_scenarios": {"nl": "Scenario's", "en": "Scenarios"},
    "sc_versions": {"nl": "Versies", "en": "Versions"},
    "sc_open": {"nl": "Open versie", "en": "Open version"},
    "sc_compare_choice": {"nl": "Vergelijk (2 tot 6)", "en": "Compare (2 to 6)"},
    "sc_compare": {"nl": "Vergelijk", "en": "Compare"},
    "sc_scenario": {"nl": "Scenario", "en": "Scenario"},
    "sc_rank": {"nl": "Rang (op MKBA-saldo)", "en": "Rank (by social NPV)"},
    "sc_download": {"nl": "Vergelijking (Excel)", "en": "Comparison (Excel)"},
    "sc_municipal_cost": {"nl": "Kosten gemeente", "en": "Cost to the municipality"},
    "sc_value_per_municipal_euro": {
        "nl": "Maatschappelijke waarde per gemeente-euro",
        "en": "Social value per municipal euro",
    },
    "confidence_high": {"nl": "hoog", "en": "high"},
    "confidence_medium": {"nl": "midden", "en": "medium"},
    "confidence_low": {"nl": "laag", "en": "low"},
}


TOTAL_LABELS = ("pv_costs", "pv_benefits", "pv_transfers")


def total_label(key: str, lang: str = "nl") -> str:
    """The label of a total (societal costs and benefits say that transfers are excluded)."""
    return t(f"total_{key}" if key in TOTAL_LABELS else key, lang)


LANGUAGES = ("nl", "en")


def language(lang: str) -> str:
    """The language of a text: English when asked for, Dutch otherwise (the default)."""
    return "en" if lang == "en" else "nl"


def in_language(lang: str, english: str, wording: Callable[[str], str]) -> str:
    """A text whose English is already written (a problem's message, the CLI's words): that
    English, else ``wording`` in the language."""
    return english if language(lang) == "en" and english else wording(language(lang))


def t(key: str, lang: str = "nl", /, **fields) -> str:
    text = TEXTS[key][language(lang)]
    return text.format(**fields) if fields else text


def flow_label(flow_type: str, lang: str = "nl") -> str:
    """The label of a flow type (cash, in kind, cashable saving, ...)."""
    return t(f"flow_{flow_type}", lang)


def method_name(method: str, lang: str = "nl") -> str:
    """The name of an allocation method (Shapley value, nucleolus, ...)."""
    return t(f"method_{method}", lang)


def method_description(method: str, lang: str = "nl") -> str:
    """What an allocation method does, in words a board member can follow."""
    return t(f"method_{method}_about", lang)
