"""Dashboard labels, Dutch by default and English on the switch."""

from __future__ import annotations

from businesscase.i18n import TEXTS as CORE_TEXTS

UI = {
    "title": ("Maatschappelijke businesscase", "Social business case"),
    "tab_setup": ("Opzet", "Set-up"),
    "tab_assumptions": ("Aannames", "Assumptions"),
    "tab_results": ("Resultaat", "Results"),
    "tab_split": ("Verdeling", "Fair split"),
    "tab_meeting": ("Vergadermodus", "Meeting mode"),
    "tab_uncertainty": ("Onzekerheid", "Uncertainty"),
    "tab_scenarios": ("Scenario's", "Scenarios"),
    "tab_why": ("Waarom dit getal?", "Why this number?"),
    "case_file": ("Voorziening(en)", "Formula(s)"),
    "dwellings": ("Aantal woningen", "Number of dwellings"),
    "horizon": ("Looptijd (jaar)", "Horizon (years)"),
    "start_year": ("Startjaar", "Start year"),
    "discount_rate": ("Maatschappelijke discontovoet", "Social discount rate"),
    "partners": ("Partijen", "Partners"),
    "partner": ("Partij", "Partner"),
    "name_nl": ("Naam (NL)", "Name (Dutch)"),
    "name_en": ("Naam (EN)", "Name (English)"),
    "takes_part": ("Doet mee", "Takes part"),
    "add_partner": ("Partij toevoegen", "Add partner"),
    "remove_partner": ("Verwijderen", "Remove"),
    "new_partner_name": ("Naam nieuwe partij", "Name of the new partner"),
    "filter": ("Zoek een aanname", "Search an assumption"),
    "group": ("Groep", "Group"),
    "item": ("Onderdeel", "Item"),
    "field": ("Aanname", "Assumption"),
    "value": ("Waarde", "Value"),
    "unit": ("Eenheid", "Unit"),
    "low": ("Laag", "Low"),
    "high": ("Hoog", "High"),
    "confidence": ("Zekerheid", "Confidence"),
    "estimate": ("Schatting", "Estimate"),
    "source": ("Bron of onderbouwing", "Source or reasoning"),
    "reset": ("Herstel", "Reset"),
    "changed": ("Gewijzigd", "Changed"),
    "key": ("Sleutel", "Key"),
    "reset_all": ("Alles herstellen", "Reset all"),
    "changed_count": ("{n} aanname(s) gewijzigd", "{n} assumption(s) changed"),
    "method": ("Verdeelmethode", "Allocation method"),
    "basis": ("Wat telt als baat", "What counts as benefit"),
    "basis_cash": ("Alleen geld", "Cash only"),
    "basis_financial": ("Financieel (ook vrijgespeelde capaciteit)", "Financial (incl. capacity freed)"),
    "basis_societal": ("Ook maatschappelijke waarde", "Including societal value"),
    "participants": ("Wie doet mee", "Who takes part"),
    "proposal": ("Voorstel: bijdragen per jaar", "Proposal: contributions a year"),
    "proposal_help": ("Vul per partij een bijdrage per jaar in; de toets rekent direct mee.",
                      "Type a contribution a year per partner; the check updates at once."),
    "transfers": ("Betalingen tussen partijen", "Payments between partners"),
    "no_transfers": ("Geen betalingen nodig.", "No payments needed."),
    "stability": ("Stabiliteit", "Stability"),
    "explanation": ("Uitleg", "Explanation"),
    "costs_benefits_year": ("Kosten en baten per jaar (prijspeil {y})", "Costs and benefits a year ({y} prices)"),
    "cumulative": ("Cumulatief saldo (contante waarde)", "Cumulative balance (present value)"),
    "who_pays": ("Wie betaalt, wie profiteert", "Who pays, who gains"),
    "by_flow_type": ("Baten naar soort", "Benefits by kind"),
    "costs": ("Kosten", "Costs"),
    "benefits": ("Baten", "Benefits"),
    "net": ("Saldo", "Net"),
    "payback": ("terugverdiend", "paid back"),
    "corporation_npv": ("Financiële NCW corporatie", "Corporation's financial NPV"),
    "corporation_irr": ("IRR corporatie", "Corporation's IRR"),
    "error": ("Niet overgenomen", "Not applied"),
    "internal_error": ("Er ging intern iets mis (geen fout in uw invoer). Het is vastgelegd in het "
                       "logboek van de server; meld het aan de beheerder. De laatste goede "
                       "berekening blijft staan.",
                       "Something went wrong inside the program (not a mistake in your input). "
                       "It is logged on the server; please report it. The last good result "
                       "stays."),
    "upload_too_big": ("{name}: {size} MB; een bestand mag hoogstens {max} MB zijn. Het is niet "
                       "verstuurd; de huidige businesscase blijft staan.",
                       "{name}: {size} MB; a file can be at most {max} MB. It was not sent; the "
                       "current case stays."),
    "lock": ("Invoer vergrendelen", "Lock inputs"),
    "why_metric": ("Welk getal", "Which figure"),
    "why_lines": ("Regels uit het grootboek", "Ledger lines"),
    "language": ("Taal", "Language"),
    "shortfall": ("Tekort", "Shortfall"),
    "covers": ("Dekt de kosten", "Covers the cost"),
    "worse_off": ("Slechter af dan zonder mee te doen", "Worse off than not joining"),
    "distance": ("Verschil met methode (per jaar)", "Difference from method (a year)"),
    "nobody": ("niemand", "nobody"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
}

FLOW_TYPE_LABELS = {
    "cash": ("Geld", "Cash"),
    "in_kind": ("In natura", "In kind"),
    "cashable_saving": ("Verzilverbare besparing", "Cashable saving"),
    "non_cashable_saving": ("Vrijgespeelde capaciteit", "Non-cashable saving"),
    "societal_value": ("Maatschappelijke waarde", "Societal value"),
}


def ui(key: str, lang: str = "nl", **fields) -> str:
    if key in UI:
        nl, en = UI[key]
        text = en if lang == "en" else nl
    else:
        text = CORE_TEXTS[key]["en" if lang == "en" else "nl"]
    return text.format(**fields) if fields else text


def flow_label(flow_type: str, lang: str) -> str:
    nl, en = FLOW_TYPE_LABELS[flow_type]
    return en if lang == "en" else nl
