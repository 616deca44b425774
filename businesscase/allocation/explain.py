"""Words for the allocation: method names, what each means, and an explanation built from
the numbers of one allocation, in Dutch (default) or English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from businesscase.text import formatting as fmt

if TYPE_CHECKING:
    from .split import Allocation

METHOD_TEXT = {
    "shapley": {
        "nl": ("Shapley-waarde",
               "Elke opbrengst wordt gelijk gedeeld door de partijen die ervoor nodig zijn "
               "en de partij die haar ontvangt; elke partij draagt haar eigen kosten. Zo "
               "krijgt wie iets mogelijk maakt een deel van wat het oplevert, ook als het "
               "in de zak van een ander belandt. De enige verdeling die symmetrisch is, "
               "niemand iets geeft die niets bijdraagt en optelt over deelprojecten."),
        "en": ("Shapley value",
               "Each return is shared equally by the partners it needs and the partner "
               "receiving it; each partner carries its own costs. Whoever makes a return "
               "possible gets part of it, even when it lands in another's pocket. The only "
               "split that is symmetric, gives nothing to those who add nothing, and adds "
               "up over sub-projects."),
    },
    "nucleolus": {
        "nl": ("Nucleolus",
               "De verdeling die de meest ontevreden groep partijen zo tevreden mogelijk "
               "maakt, dan de volgende, enzovoort. Ligt in de kern als er een stabiele "
               "verdeling bestaat: geen groep doet het dan alleen beter."),
        "en": ("Nucleolus",
               "The split that makes the most dissatisfied group of partners as satisfied "
               "as possible, then the next, and so on. It lies in the core whenever a "
               "stable split exists: then no group does better on its own."),
    },
    "prenucleolus": {
        "nl": ("Prenucleolus",
               "Als de nucleolus, maar zonder de eis dat elke partij minstens krijgt wat "
               "zij alleen zou halen."),
        "en": ("Pre-nucleolus",
               "As the nucleolus, without requiring that each partner gets at least what "
               "it would get alone."),
    },
    "equal_surplus": {
        "nl": ("Gelijke verdeling van de meerwaarde",
               "Elke partij krijgt wat zij alleen zou halen, plus een gelijk deel van wat "
               "de samenwerking daarbovenop oplevert. Ook een partij die niets bijdraagt "
               "en niets ontvangt krijgt zo'n gelijk deel; bij een negatieve businesscase "
               "is dat een gelijk deel van het tekort."),
        "en": ("Equal split of the surplus",
               "Each partner gets what it would get alone, plus an equal share of what "
               "working together adds. A partner that adds nothing and receives nothing "
               "gets such an equal share too; when the case is negative, it is an equal "
               "share of the shortfall."),
    },
    "proportional_benefit": {
        "nl": ("Naar rato van de baten",
               "De kosten worden verdeeld naar rato van wat elke partij ontvangt: iedereen "
               "krijgt hetzelfde rendement per geïnvesteerde euro."),
        "en": ("In proportion to benefit",
               "Costs are shared in proportion to what each partner receives: everyone gets "
               "the same return per euro."),
    },
    "proportional_cashable": {
        "nl": ("Naar rato van verzilverbare baten",
               "De kosten worden verdeeld naar rato van het geld dat elke partij echt "
               "terugziet (kasstromen en verzilverbare besparingen)."),
        "en": ("In proportion to cashable benefit",
               "Costs are shared in proportion to the money each partner really gets back "
               "(cash and cashable savings)."),
    },
    "as_is": {
        "nl": ("Huidige verdeling", "Iedere partij betaalt wat zij nu betaalt."),
        "en": ("Current split", "Each partner pays what it pays today."),
    },
    "proposal": {
        "nl": ("Voorstel", "De bijdragen zoals de partijen ze hebben ingevuld."),
        "en": ("Proposal", "The contributions as the partners typed them in."),
    },
}


def method_name(method: str, lang: str = "nl") -> str:
    return METHOD_TEXT[method]["en" if lang == "en" else "nl"][0]


def method_description(method: str, lang: str = "nl") -> str:
    return METHOD_TEXT[method]["en" if lang == "en" else "nl"][1]


def explanation(a: "Allocation", lang: str = "nl") -> str:
    """A few paragraphs, built from the numbers, that a board member can follow."""
    en = lang == "en"
    cg = a.case_game
    eur = lambda x: fmt.euro(x, 0, lang)  # noqa: E731
    first, last = cg.horizon
    benefits, costs = float(cg.benefit.sum()), cg.cost_to_cover
    out = []
    if en:
        out.append(f"Method: {method_name(a.method, lang)}. {method_description(a.method, lang)}")
        out.append(f"Together the partners receive {eur(benefits)} in benefits and pay "
                   f"{eur(costs)} in costs (present value, {first}–{last}); the balance is "
                   f"{eur(a.total_value)}.")
    else:
        out.append(f"Methode: {method_name(a.method, lang)}. {method_description(a.method, lang)}")
        out.append(f"Samen ontvangen de partijen {eur(benefits)} aan baten en betalen zij "
                   f"{eur(costs)} aan kosten (contante waarde, {first}–{last}); het saldo "
                   f"is {eur(a.total_value)}.")
    if a.is_negative:
        gap = -a.total_value
        out.append(
            f"This case is negative: no split makes every partner better off. {eur(gap)} "
            f"(about {eur(gap / cg.annuity_factor)} a year) is missing; it closes only if "
            "costs fall, benefits rise, or someone accepts a loss." if en else
            f"Deze businesscase is negatief: geen verdeling maakt iedere partij beter af. "
            f"Er ontbreekt {eur(gap)} (ongeveer {eur(gap / cg.annuity_factor)} per jaar); "
            "dat tekort verdwijnt alleen als de kosten dalen, de baten stijgen of iemand "
            "een verlies accepteert.")
    rows = a.table.sort_values("change", ascending=False)
    lines = []
    for pid, row in rows.iterrows():
        if abs(row.change) < 1:
            continue
        name = a.label(pid, lang)
        fair, now = row.fair_contribution_per_year, row.contribution_today / cg.annuity_factor
        more = row.change > 0
        if en:
            does = f"pays {eur(fair)} a year" if fair >= 0 else f"receives {eur(-fair)} a year net"
            lines.append(f"{name} {does} instead of paying {eur(now)}: "
                         f"{eur(abs(row.change_per_year))} {'more' if more else 'less'}.")
        else:
            does = (f"draagt {eur(fair)} per jaar bij" if fair >= 0
                    else f"ontvangt netto {eur(-fair)} per jaar")
            lines.append(f"{name} {does} in plaats van {eur(now)} te betalen: "
                         f"{eur(abs(row.change_per_year))} {'meer' if more else 'minder'}.")
    if lines:
        out.append(" ".join(lines))
    if a.transfers:
        out.append(("Payments: " if en else "Betalingen: ") + "; ".join(a.transfer_sentences(lang)) + ".")
    if a.is_stable:
        out.append("No group of partners does better on its own: the split is stable." if en else
                   "Geen groep partijen doet het alleen beter: de verdeling is stabiel.")
    else:
        names = ", ".join(a.label(p, lang) for p in sorted(a.core_group))
        out.append(f"Not stable: {names} would do {eur(a.core_excess)} better on their own "
                   "(or by staying out)." if en else
                   f"Niet stabiel: {names} zou(den) het alleen (of door niet mee te doen) "
                   f"{eur(a.core_excess)} beter doen.")
    if cg.lost:
        lost = sum(s.amount for s in cg.lost)
        out.append(f"Without the partners who do not take part, {eur(lost)} of benefits is lost." if en
                   else f"Zonder de partijen die niet meedoen gaat {eur(lost)} aan baten verloren.")
    return "\n\n".join(out)
