"""Interface texts in Dutch (default) and English; one place for every label pair."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "case": {"nl": "Businesscase", "en": "Business case"},
    "location": {"nl": "Locatie", "en": "Location"},
    "formulas": {"nl": "Voorzieningen", "en": "Formulas"},
    "meeting_space": {"nl": "ontmoetingsruimte", "en": "meeting space"},
    "community_builder": {"nl": "community builder", "en": "community builder"},
    "care_in_complex": {"nl": "zorg in complex", "en": "care in the complex"},
    "period": {"nl": "Periode", "en": "Period"},
    "years": {"nl": "jaar", "en": "years"},
    "prices_of": {"nl": "prijspeil", "en": "prices of"},
    "discounting": {"nl": "Disconteren", "en": "Discounting"},
    "end_of_year": {"nl": "einde jaar (als NHW in een spreadsheet)",
                    "en": "end of year (as a spreadsheet NPV)"},
    "first_year_undiscounted": {"nl": "eerste jaar niet verdisconteerd (SROI-praktijk)",
                                "en": "first year undiscounted (SROI practice)"},
    "social_rate": {"nl": "maatschappelijke discontovoet (reëel)",
                    "en": "social discount rate (real)"},
    "key_figures": {"nl": "Kerncijfers", "en": "Key figures"},
    "investment": {"nl": "Investering", "en": "Investment"},
    "operating_cost_first_year": {"nl": "Exploitatielasten eerste jaar",
                                  "en": "Operating cost, first year"},
    "total_pv_costs": {"nl": "Contante waarde kosten (zonder overdrachten)",
                       "en": "Present value of costs (transfers excluded)"},
    "total_pv_benefits": {"nl": "Contante waarde baten (zonder overdrachten)",
                          "en": "Present value of benefits (transfers excluded)"},
    "total_pv_transfers": {"nl": "Overdrachten tussen partijen (vallen weg in het totaal)",
                           "en": "Transfers between pockets (cancel in the total)"},
    "sroi_definition": {
        "nl": "SROI-ratio = baten / kosten, beide zonder overdrachten tussen partijen "
              "(een betaling van de ene partij aan de andere is kosten én baten en valt weg). "
              "Per partij tellen overdrachten wel mee.",
        "en": "SROI ratio = benefits / costs, both without transfers between pockets (a "
              "payment from one partner to another is a cost and a benefit and cancels). "
              "Per partner, transfers do count."},
    "irr_no_flows": {"nl": "geen financiële stromen", "en": "no financial flows"},
    "irr_no_investment": {"nl": "geen investering (alleen inkomsten)",
                          "en": "no investment (only receives)"},
    "irr_no_sign_change": {"nl": "geen tekenwisseling (alleen uitgaven)",
                           "en": "no change of sign (only pays)"},
    "irr_no_root": {"nl": "niet gedefinieerd", "en": "not defined"},
    "zero_alternative": {"nl": "Nulalternatief", "en": "Zero alternative"},
    "other_price_year": {
        "nl": "bedrag van prijsjaar {year}; het model rekent alles in prijzen van {price_year}: "
              "reken het om en zet year op {price_year}",
        "en": "amount at {year} prices; the model reads every amount at {price_year} prices: "
              "convert it and set year to {price_year}"},
    "social_npv": {"nl": "MKBA-saldo (t.o.v. nulalternatief)",
                   "en": "Social NPV (against the zero alternative)"},
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
    "outside_range": {"nl": "waarde {value} ligt buiten de bandbreedte {low} – {high}",
                      "en": "value {value} lies outside the range {low} – {high}"},
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
              "own discount rate."},
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
    "horizon": {"nl": "Looptijd (jaar)", "en": "Horizon (years)"},
    "start_year": {"nl": "Startjaar", "en": "Start year"},
    "discount_rate": {"nl": "Maatschappelijke discontovoet", "en": "Social discount rate"},
    "partners": {"nl": "Partijen", "en": "Partners"},
    "name_nl": {"nl": "Naam (NL)", "en": "Name (Dutch)"},
    "name_en": {"nl": "Naam (EN)", "en": "Name (English)"},
    "takes_part": {"nl": "Doet mee", "en": "Takes part"},
    "add_partner": {"nl": "Partij toevoegen", "en": "Add partner"},
    "remove_partner": {"nl": "Verwijderen", "en": "Remove"},
    "new_partner_name": {"nl": "Naam nieuwe partij", "en": "Name of the new partner"},
    "filter": {"nl": "Zoek een aanname", "en": "Search an assumption"},
    "group": {"nl": "Groep", "en": "Group"},
    "item": {"nl": "Onderdeel", "en": "Item"},
    "field": {"nl": "Aanname", "en": "Assumption"},
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
    "basis_financial": {"nl": "Financieel (ook vrijgespeelde capaciteit)",
                       "en": "Financial (incl. capacity freed)"},
    "basis_societal": {"nl": "Ook maatschappelijke waarde", "en": "Including societal value"},
    "participants": {"nl": "Wie doet mee", "en": "Who takes part"},
    "proposal": {"nl": "Voorstel: bijdragen per jaar", "en": "Proposal: contributions a year"},
    "proposal_help": {"nl": "Vul per partij een bijdrage per jaar in; de toets rekent direct mee.",
                     "en": "Type a contribution a year per partner; the check updates at once."},
    "transfers": {"nl": "Betalingen tussen partijen", "en": "Payments between partners"},
    "no_transfers": {"nl": "Geen betalingen nodig.", "en": "No payments needed."},
    "stability": {"nl": "Stabiliteit", "en": "Stability"},
    "explanation": {"nl": "Uitleg", "en": "Explanation"},
    "costs_benefits_year": {"nl": "Kosten en baten per jaar (prijspeil {y})",
                           "en": "Costs and benefits a year ({y} prices)"},
    "cumulative": {"nl": "Cumulatief saldo (contante waarde)",
                  "en": "Cumulative balance (present value)"},
    "who_pays": {"nl": "Wie betaalt, wie profiteert", "en": "Who pays, who gains"},
    "by_flow_type": {"nl": "Baten naar soort", "en": "Benefits by kind"},
    "costs": {"nl": "Kosten", "en": "Costs"},
    "benefits": {"nl": "Baten", "en": "Benefits"},
    "net": {"nl": "Saldo", "en": "Net"},
    "payback": {"nl": "terugverdiend", "en": "paid back"},
    "corporation_npv": {"nl": "Financiële NCW corporatie",
                       "en": "Corporation's financial NPV"},
    "corporation_irr": {"nl": "IRR corporatie", "en": "Corporation's IRR"},
    "error": {"nl": "Niet overgenomen", "en": "Not applied"},
    "internal_error": {"nl": "Er ging intern iets mis (geen fout in uw invoer). Het is vastgelegd in het logboek van de server; meld het aan de beheerder. De laatste goede berekening blijft staan.",
                      "en": "Something went wrong inside the program (not a mistake in your input). It is logged on the server; please report it. The last good result stays."},
    "upload_too_big": {"nl": "{name}: {size} MB; een bestand mag hoogstens {max} MB zijn. Het is niet verstuurd; de huidige businesscase blijft staan.",
                      "en": "{name}: {size} MB; a file can be at most {max} MB. It was not sent; the current case stays."},
    "lock": {"nl": "Invoer vergrendelen", "en": "Lock inputs"},
    "why_metric": {"nl": "Welk getal", "en": "Which figure"},
    "why_lines": {"nl": "Regels uit het grootboek", "en": "Ledger lines"},
    "language": {"nl": "Taal", "en": "Language"},
    "shortfall": {"nl": "Tekort", "en": "Shortfall"},
    "covers": {"nl": "Dekt de kosten", "en": "Covers the cost"},
    "worse_off": {"nl": "Slechter af dan zonder mee te doen",
                 "en": "Worse off than not joining"},
    "distance": {"nl": "Verschil met methode (per jaar)",
                "en": "Difference from method (a year)"},
    "nobody": {"nl": "niemand", "en": "nobody"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
}


TOTAL_LABELS = ("pv_costs", "pv_benefits", "pv_transfers")


def total_label(key: str, lang: str = "nl") -> str:
    """The label of a total (societal costs and benefits say that transfers are excluded)."""
    return t(f"total_{key}" if key in TOTAL_LABELS else key, lang)


def t(key: str, lang: str = "nl", **fields) -> str:
    text = TEXTS[key]["en" if lang == "en" else "nl"]
    return text.format(**fields) if fields else text


def flow_label(flow_type: str, lang: str = "nl") -> str:
    """The label of a flow type (cash, in kind, cashable saving, ...)."""
    return t(f"flow_{flow_type}", lang)
