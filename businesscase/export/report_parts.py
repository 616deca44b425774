"""The building blocks of the HTML report and agreement sheets: the stylesheet and the
page policy, the one escaping rule for user text, tables and charts (SVG)."""

from __future__ import annotations

import html
import io
import warnings

from businesscase.engine import Result
from businesscase.text import formatting as fmt
from businesscase.text import t

CSS = """
@page { size: A4; margin: 14mm 12mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt;
       color: #1d2329; }
h1 { font-size: 17pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 14px 0 6px; border-bottom: 1px solid #ccd; }
.meta { color: #555; margin-bottom: 8px; }
.cards { display: flex; flex-wrap: wrap; gap: 6px; }
.card { background: #f2f4f7; border-radius: 6px; padding: 5px 9px; min-width: 120px; }
.card .l { font-size: 8pt; color: #555; } .card .v { font-size: 13pt; font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { border-bottom: 1px solid #dde; padding: 2px 4px; vertical-align: top; }
th { text-align: left; background: #eef1f5; } td.n { text-align: right; white-space: nowrap; }
.section { page-break-inside: avoid; }
.sheet { page-break-before: always; }
.appendix { page-break-before: always; } .appendix td { font-size: 7.5pt; }
.estimate { color: #8a5a00; }
svg { max-width: 100%; height: auto; }
.sign { margin-top: 24px; page-break-inside: avoid; }
.sign table td { height: 26px; border-bottom: 1px solid #333; }
.sign table td:first-child { width: 30%; }
"""


# The reports hold user text (escaped by _e) and are opened in browsers and printed by
# Chromium: this policy, first in <head>, forbids scripts and every load (files, network),
# so that even a text that escaped escaping could not run or read anything.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)
POLICY = f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
HEAD = f"<meta charset='utf-8'>{POLICY}"


def esc(x) -> str:
    """Text as HTML text, quotes included: the one rule for user text in these documents."""
    return html.escape(str(x), quote=True)


def mpl_text(x) -> str:
    """Text as a matplotlib label: a ``$`` would start mathtext (and `$\\foo$` an error)."""
    return str(x).replace("$", r"\$")


def svg(fig) -> str:
    buffer = io.StringIO()
    with warnings.catch_warnings():
        # A partner name in a script the chart font lacks is drawn as boxes; the name
        # itself is in the report's text, so the warning tells the user nothing.
        warnings.filterwarnings("ignore", r"Glyph \d+ .* missing from font", UserWarning)
        fig.savefig(buffer, format="svg", bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def year_chart(result: Result, lang: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    per_year = result.per_year("real")
    fig, ax = plt.subplots(figsize=(7.2, 2.6))
    ax.bar(per_year.index, per_year.benefits, color="#2e7d32", label=t("pv_benefits", lang))
    ax.bar(per_year.index, -per_year.costs, color="#c62828", label=t("pv_costs", lang))
    ax.plot(per_year.index, per_year.net, color="#1a237e", label=t("net_position", lang))
    ax.axhline(0, color="#555", linewidth=0.6)
    ax.yaxis.set_major_formatter(lambda v, _: fmt.euro_axis(v, lang))
    ax.set_ylabel(t("axis_euro_year", lang, y=result.case.meta.price_year), fontsize=7)
    ax.set_xlabel(t("axis_year", lang), fontsize=7)
    ax.legend(fontsize=7, frameon=False, ncol=3)
    ax.tick_params(labelsize=7)
    return svg(fig)


def partner_chart(result: Result, lang: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    bp = result.shown_by_partner
    labels = [mpl_text(result.partner_label(p, lang)) for p in bp.index][::-1]
    fig, ax = plt.subplots(figsize=(7.2, 0.3 * len(labels) + 0.8))
    ax.barh(labels, bp.pv_benefits[::-1], color="#2e7d32", label=t("pv_benefits", lang))
    ax.barh(labels, -bp.pv_costs[::-1], color="#c62828", label=t("pv_costs", lang))
    ax.axvline(0, color="#555", linewidth=0.6)
    ax.xaxis.set_major_formatter(lambda v, _: fmt.euro_axis(v, lang))
    ax.set_xlabel(t("axis_euro_pv", lang), fontsize=7)
    ax.tick_params(labelsize=7)
    ax.legend(fontsize=7, frameon=False)
    return svg(fig)


def table(
    head: list[str], rows: list[list], numeric: set[int] | frozenset[int] = frozenset()
) -> str:
    th = "".join(f"<th>{esc(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td class='n'>{esc(c)}</td>" if i in numeric else f"<td>{esc(c)}</td>"
            for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"
