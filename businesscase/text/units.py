"""Units in Dutch and English: the catalogue's section for the unit texts of the shipped
assumption files (tests/test_parameter_labels.py checks every shipped unit is here). A unit
not listed (one a user typed) is shown as written."""

from __future__ import annotations

from .catalogue import language

UNITS: dict[str, dict[str, str]] = {
    # -- shares and rates ----------------------------------------------------------------
    "fraction": {"nl": "aandeel", "en": "fraction"},
    "fraction of benefit": {"nl": "aandeel van de baten", "en": "fraction of benefit"},
    "fraction of cost": {"nl": "aandeel van de kosten", "en": "fraction of cost"},
    "fraction of dwellings": {"nl": "aandeel van de woningen", "en": "fraction of dwellings"},
    "fraction of dwellings adapted": {
        "nl": "aandeel aangepaste woningen",
        "en": "fraction of dwellings adapted",
    },
    "fraction of ED-treated falls avoided or made minor": {
        "nl": "aandeel van de valongevallen met SEH-bezoek dat wordt voorkomen of lichter afloopt",
        "en": "fraction of ED-treated falls avoided or made minor",
    },
    "fraction of evictions": {"nl": "aandeel van de ontruimingen", "en": "fraction of evictions"},
    "fraction of home-care clients with an informal carer": {
        "nl": "aandeel thuiszorgcliënten met een mantelzorger",
        "en": "fraction of home-care clients with an informal carer",
    },
    "fraction of nuisance cases": {
        "nl": "aandeel van de overlastzaken",
        "en": "fraction of nuisance cases",
    },
    "fraction of participants severely lonely": {
        "nl": "aandeel deelnemers dat ernstig eenzaam is",
        "en": "fraction of participants severely lonely",
    },
    "fraction of residents": {"nl": "aandeel van de bewoners", "en": "fraction of residents"},
    "fraction of residents admitted to a nursing home per year": {
        "nl": "aandeel bewoners dat per jaar wordt opgenomen in een verpleeghuis",
        "en": "fraction of residents admitted to a nursing home per year",
    },
    "fraction of residents reached": {
        "nl": "aandeel van de bereikte bewoners",
        "en": "fraction of residents reached",
    },
    "fraction of residents receiving home care": {
        "nl": "aandeel bewoners met thuiszorg",
        "en": "fraction of residents receiving home care",
    },
    "fraction of severely lonely participants less lonely per year": {
        "nl": "aandeel ernstig eenzame deelnemers dat per jaar minder eenzaam wordt",
        "en": "fraction of severely lonely participants less lonely per year",
    },
    "fraction of severely lonely residents reached": {
        "nl": "aandeel van de bereikte ernstig eenzame bewoners",
        "en": "fraction of severely lonely residents reached",
    },
    "fraction per year": {"nl": "aandeel per jaar", "en": "fraction per year"},
    "fraction per year (nominal)": {
        "nl": "aandeel per jaar (nominaal)",
        "en": "fraction per year (nominal)",
    },
    "fraction per year (real)": {
        "nl": "aandeel per jaar (reëel)",
        "en": "fraction per year (real)",
    },
    "fraction per year (real, on top of inflation)": {
        "nl": "aandeel per jaar (reëel, boven op inflatie)",
        "en": "fraction per year (real, on top of inflation)",
    },
    "factor (1 + IKB share of salary)": {
        "nl": "factor (1 + IKB als aandeel van het salaris)",
        "en": "factor (1 + IKB share of salary)",
    },
    "factor (1 + employer charges share of salary and IKB)": {
        "nl": "factor (1 + werkgeverslasten als aandeel van salaris en IKB)",
        "en": "factor (1 + employer charges share of salary and IKB)",
    },
    "factor (1 + overhead on direct personnel cost)": {
        "nl": "factor (1 + overhead op de directe personeelskosten)",
        "en": "factor (1 + overhead on direct personnel cost)",
    },
    # -- shares of a role in a programme ----------------------------------------------------
    "share of the municipality role": {
        "nl": "aandeel in de rol gemeente",
        "en": "share of the municipality role",
    },
    "share of the corporation role": {
        "nl": "aandeel in de rol woningcorporatie",
        "en": "share of the corporation role",
    },
    "share of the care-provider role": {
        "nl": "aandeel in de rol zorgaanbieder",
        "en": "share of the care-provider role",
    },
    "share of the health-insurer role": {
        "nl": "aandeel in de rol zorgverzekeraar",
        "en": "share of the health-insurer role",
    },
    "share of the care-office role": {
        "nl": "aandeel in de rol zorgkantoor",
        "en": "share of the care-office role",
    },
    "share of the welfare role": {
        "nl": "aandeel in de rol welzijn",
        "en": "share of the welfare role",
    },
    "weight within the residents role": {
        "nl": "gewicht binnen de rol bewoners",
        "en": "weight within the residents role",
    },
    # -- money -----------------------------------------------------------------------------
    "€": {"nl": "€", "en": "€"},
    "€ per year": {"nl": "€ per jaar", "en": "€ per year"},
    "€ per hour": {"nl": "€ per uur", "en": "€ per hour"},
    "€ per m2": {"nl": "€ per m²", "en": "€ per m2"},
    "€ per m2 per year": {"nl": "€ per m² per jaar", "en": "€ per m2 per year"},
    "€ per FTE per year": {"nl": "€ per fte per jaar", "en": "€ per FTE per year"},
    "€ per productive hour": {"nl": "€ per productief uur", "en": "€ per productive hour"},
    "€ gross salary per FTE per month": {
        "nl": "€ brutosalaris per fte per maand",
        "en": "€ gross salary per FTE per month",
    },
    "€ per dwelling per month": {"nl": "€ per woning per maand", "en": "€ per dwelling per month"},
    "€ per dwelling per year": {"nl": "€ per woning per jaar", "en": "€ per dwelling per year"},
    "€ per adapted dwelling": {"nl": "€ per aangepaste woning", "en": "€ per adapted dwelling"},
    "€ per tenant change": {"nl": "€ per huurderswissel", "en": "€ per tenant change"},
    "€ per eviction prevented": {
        "nl": "€ per voorkomen ontruiming",
        "en": "€ per eviction prevented",
    },
    "€ per nuisance case": {"nl": "€ per overlastzaak", "en": "€ per nuisance case"},
    "€ per month of nursing-home stay": {
        "nl": "€ per maand verpleeghuisverblijf",
        "en": "€ per month of nursing-home stay",
    },
    "€ per month of delayed admission": {
        "nl": "€ per maand uitgestelde opname",
        "en": "€ per month of delayed admission",
    },
    "€ per hour of personal care at home": {
        "nl": "€ per uur persoonlijke verzorging thuis",
        "en": "€ per hour of personal care at home",
    },
    "€ per hour of informal care or voluntary help": {
        "nl": "€ per uur mantelzorg of vrijwillige hulp",
        "en": "€ per hour of informal care or voluntary help",
    },
    "€ per staff hour saved": {
        "nl": "€ per bespaard personeelsuur",
        "en": "€ per staff hour saved",
    },
    "€ per GP consultation": {"nl": "€ per huisartsconsult", "en": "€ per GP consultation"},
    "€ of Zvw care per ED-treated fall avoided": {
        "nl": "€ Zvw-zorg per voorkomen valongeval met SEH-bezoek",
        "en": "€ of Zvw care per ED-treated fall avoided",
    },
    "€ per escalation avoided": {
        "nl": "€ per voorkomen escalatie",
        "en": "€ per escalation avoided",
    },
    "€ per Wmo client-year (household help)": {
        "nl": "€ per Wmo-cliëntjaar (huishoudelijke hulp)",
        "en": "€ per Wmo client-year (household help)",
    },
    "€ per participant per year": {
        "nl": "€ per deelnemer per jaar",
        "en": "€ per participant per year",
    },
    "€ per visit": {"nl": "€ per bezoek", "en": "€ per visit"},
    "€ per person less lonely per year": {
        "nl": "€ per persoon minder eenzaam per jaar",
        "en": "€ per person less lonely per year",
    },
    # -- dwellings, people and events -------------------------------------------------------
    "dwellings": {"nl": "woningen", "en": "dwellings"},
    "dwellings taken out of letting": {
        "nl": "woningen uit de verhuur",
        "en": "dwellings taken out of letting",
    },
    "m2": {"nl": "m²", "en": "m2"},
    "residents per dwelling": {"nl": "bewoners per woning", "en": "residents per dwelling"},
    "FTE": {"nl": "fte", "en": "FTE"},
    "visits per participant per year": {
        "nl": "bezoeken per deelnemer per jaar",
        "en": "visits per participant per year",
    },
    "GP contacts a year per severely lonely person": {
        "nl": "huisartscontacten per jaar per ernstig eenzame",
        "en": "GP contacts a year per severely lonely person",
    },
    "admissions postponed per resident per year": {
        "nl": "uitgestelde opnames per bewoner per jaar",
        "en": "admissions postponed per resident per year",
    },
    "tenant changes avoided per dwelling per year": {
        "nl": "voorkomen huurderswissels per woning per jaar",
        "en": "tenant changes avoided per dwelling per year",
    },
    "falls with an emergency-department visit per resident per year": {
        "nl": "valongevallen met SEH-bezoek per bewoner per jaar",
        "en": "falls with an emergency-department visit per resident per year",
    },
    "nuisance cases per dwelling per year (without the community builder)": {
        "nl": "overlastzaken per woning per jaar (zonder community builder)",
        "en": "nuisance cases per dwelling per year (without the community builder)",
    },
    "evictions per dwelling per year (without the community builder)": {
        "nl": "ontruimingen per woning per jaar (zonder community builder)",
        "en": "evictions per dwelling per year (without the community builder)",
    },
    "care escalations avoided per resident reached per year": {
        "nl": "voorkomen zorgescalaties per bereikte bewoner per jaar",
        "en": "care escalations avoided per resident reached per year",
    },
    "Wmo client-years avoided per resident per year": {
        "nl": "voorkomen Wmo-cliëntjaren per bewoner per jaar",
        "en": "Wmo client-years avoided per resident per year",
    },
    # -- hours -----------------------------------------------------------------------------
    "hours per year": {"nl": "uren per jaar", "en": "hours per year"},
    "hours per dwelling": {"nl": "uren per woning", "en": "hours per dwelling"},
    "productive hours per FTE per year": {
        "nl": "productieve uren per fte per jaar",
        "en": "productive hours per FTE per year",
    },
    "volunteer hours per FTE per year": {
        "nl": "uren vrijwilligerswerk per fte per jaar",
        "en": "volunteer hours per FTE per year",
    },
    "hours of help per participant per year": {
        "nl": "uren hulp per deelnemer per jaar",
        "en": "hours of help per participant per year",
    },
    "hours of home care per client per year": {
        "nl": "uren thuiszorg per cliënt per jaar",
        "en": "hours of home care per client per year",
    },
    "hours of informal care relieved per client per year": {
        "nl": "uren mantelzorg ontlast per cliënt per jaar",
        "en": "hours of informal care relieved per client per year",
    },
    "hours of care at home per month of delayed admission": {
        "nl": "uren zorg thuis per maand uitgestelde opname",
        "en": "hours of care at home per month of delayed admission",
    },
    "staff hours saved per hour of home care delivered": {
        "nl": "bespaarde uren personeel per geleverd uur thuiszorg",
        "en": "staff hours saved per hour of home care delivered",
    },
    # -- months and years ------------------------------------------------------------------
    "months per year": {"nl": "maanden per jaar", "en": "months per year"},
    "months of rent per year": {"nl": "maanden huur per jaar", "en": "months of rent per year"},
    "months of delay per admitted resident": {
        "nl": "maanden uitstel per opgenomen bewoner",
        "en": "months of delay per admitted resident",
    },
    "months per postponed admission": {
        "nl": "maanden per uitgestelde opname",
        "en": "months per postponed admission",
    },
    "years": {"nl": "jaren", "en": "years"},
    "year index": {"nl": "jaarindex", "en": "year index"},
    "€ per QALY": {"nl": "€ per QALY", "en": "€ per QALY"},
    "QALY per person less lonely per year": {
        "nl": "QALY per persoon minder eenzaam per jaar",
        "en": "QALY per person less lonely per year",
    },
    "QALY per fall with an emergency-department visit": {
        "nl": "QALY per valongeval met SEH-bezoek",
        "en": "QALY per fall with an emergency-department visit",
    },
    "€ per fall with an emergency-department visit avoided": {
        "nl": "€ per voorkomen valongeval met SEH-bezoek",
        "en": "€ per fall with an emergency-department visit avoided",
    },
}


def unit_text(unit: str, lang: str = "nl") -> str:
    """The unit in the language (nl or en); a unit not in UNITS as written."""
    entry = UNITS.get(unit)
    return entry[language(lang)] if entry else unit
