"""The one rule for text in the browser: user text (names, labels, sources, units, scenario
names, the messages of a refused file, which quote what the user wrote) reaches the page
only as escaped HTML built here, or as the plain text of a widget that shows text.

Where text goes, and what it needs:

- ``pn.pane.HTML``: built from :func:`esc`'d parts (:func:`notice`, :func:`heading`,
  :func:`paragraphs`, and the tables and cards in ``components``).
- ``pn.pane.Markdown`` (and ``Alert``, which is Markdown): catalogue text only. Markdown
  passes HTML through, and links and emphasis would change what a name says.
- Tabulator: cells with the built-in ``plaintext``/``textarea``/``tickCross`` formatters
  (which escape), never ``html``; column titles are HTML in Tabulator, so :func:`esc`.
- MultiChoice (Choices.js renders its labels as HTML): :func:`labels`.
- Select, CheckBoxGroup, RadioButtonGroup options, tab titles, Bokeh titles, axis and
  factor labels (drawn on the canvas): raw text; escaping would show ``&lt;``.
"""

from __future__ import annotations

import html

__all__ = ["esc", "notice", "heading", "paragraphs", "labels", "NOTICE_CSS"]


def esc(text) -> str:
    """Text as HTML text: ``<``, ``>``, ``&`` and both quotes escaped (safe in attributes)."""
    return html.escape(str(text), quote=True)


NOTICE_CSS = """
.bc-notice { border-radius: 6px; padding: 8px 14px; margin: 4px 0; border: 1px solid; }
.bc-notice p { margin: 0.2em 0; white-space: pre-wrap; }
.bc-notice-danger { background: #f8d7da; border-color: #f5c2c7; color: #842029; }
.bc-notice-warning { background: #fff3cd; border-color: #ffecb5; color: #664d03; }
.bc-notice-success { background: #d1e7dd; border-color: #badbcc; color: #0f5132; }
.bc-notice-info { background: #cff4fc; border-color: #b6effb; color: #055160; }
"""

KINDS = ("danger", "warning", "success", "info")


def notice(kind: str, text: str, head: str = "") -> str:
    """An alert box (the look of ``pn.pane.Alert``) for an HTML pane; empty text, no box."""
    if kind not in KINDS:
        raise ValueError(f"notice kind {kind!r}; allowed: {', '.join(KINDS)}")
    if not text:
        return ""
    lead = f"<strong>{esc(head)}:</strong> " if head else ""
    return f'<div class="bc-notice bc-notice-{kind}" role="alert"><p>{lead}{esc(text)}</p></div>'


def heading(text: str, level: int = 3, css: str = "") -> str:
    cls = f' class="{esc(css)}"' if css else ""
    return f"<h{int(level)}{cls}>{esc(text)}</h{int(level)}>"


def paragraphs(text: str) -> str:
    """Text with blank lines between paragraphs as ``<p>`` elements."""
    return "".join(f"<p>{esc(p)}</p>" for p in str(text).split("\n\n") if p.strip())


def labels(options: dict[str, object]) -> dict[str, object]:
    """Options of a widget that renders its labels as HTML (MultiChoice): labels escaped."""
    return {esc(label): value for label, value in options.items()}
