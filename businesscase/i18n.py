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
}


TOTAL_LABELS = ("pv_costs", "pv_benefits", "pv_transfers")


def total_label(key: str, lang: str = "nl") -> str:
    """The label of a total (societal costs and benefits say that transfers are excluded)."""
    return t(f"total_{key}" if key in TOTAL_LABELS else key, lang)


def t(key: str, lang: str = "nl", **fields) -> str:
    text = TEXTS[key]["en" if lang == "en" else "nl"]
    return text.format(**fields) if fields else text
