"""The partners on the set-up page: one table (names, role, share, takes part), a partner
added or removed by name, and a list of partners added in one go (pasted or uploaded)."""

from __future__ import annotations

import pandas as pd
import panel as pn

from businesscase.text import t
from dashboards.state import CaseState

from .safe import esc, notice
from .upload import CaseUpload

COLUMNS = ["id", "name_nl", "name_en", "role", "share", "takes_part"]


class PartnersPanel(pn.viewable.Viewer):
    """Built and refreshed by :class:`SetupPage` (``refresh`` inside its ``_refresh``);
    ``say`` shows a problem (or None) in the page's feedback box."""

    def __init__(self, state: CaseState, say):
        super().__init__()
        self.state, self._say = state, say
        self.title = pn.pane.Markdown("")
        self.table = pn.widgets.Tabulator(
            pd.DataFrame(columns=COLUMNS),
            show_index=False,
            layout="fit_data_table",
            css_classes=["bc-partners"],
            selectable=False,
            pagination=None,
            max_height=330,
            max_width=1180,
            formatters={"takes_part": {"type": "tickCross"}},
        )
        self.new_name = pn.widgets.TextInput(width=240)
        self.add_button = pn.widgets.Button(color="primary")
        self.remove_select = pn.widgets.Select(width=240)
        self.remove_button = pn.widgets.Button()
        self.bulk_title = pn.pane.Markdown("")
        self.bulk_help = pn.pane.HTML("", css_classes=["bc-bulk-help"], max_width=900)
        self.bulk_text = pn.widgets.TextAreaInput(
            css_classes=["bc-bulk-text"], width=520, height=130, max_length=256 * 1024
        )
        self.bulk_button = pn.widgets.Button(css_classes=["bc-bulk-add"], color="primary")
        self.bulk_upload = CaseUpload(
            on_file=self._upload,
            on_refused=self._refused,
            accept=".csv,.txt,.xlsx",
            css_classes=["bc-bulk-upload"],
        )
        self.bulk_upload_label = pn.pane.HTML("")
        self.bulk_done = pn.pane.HTML("", css_classes=["bc-bulk-done"])
        self.table.on_edit(self._on_edit)
        self.add_button.on_click(self._add)
        self.remove_button.on_click(self._remove)
        self.bulk_button.on_click(self._bulk)

    # -- user actions ------------------------------------------------------------------------
    def _on_edit(self, event):
        df = self.table.value
        row = df.iloc[event.row]
        s = self.state
        if event.column == "takes_part":
            s.set_participants({row["id"]: bool(row["takes_part"])})
        elif event.column in ("role", "share"):
            try:
                share = float(str(row["share"]).replace(",", "."))
            except ValueError:
                share = -1.0
            if share < 0:
                self._say(t("share_not_allowed", s.lang, value=str(row["share"])))
                self.refresh()
                return
            self._say(s.set_role(row["id"], str(row["role"] or ""), share))
            self.refresh()  # a refused edit shows the value in force again
        else:
            s.rename(row["id"], row["name_nl"], row["name_en"])

    def _add(self, _):
        name = self.new_name.value.strip()
        if name:
            self._say(self.state.add_partner(name))
            self.new_name.value = ""

    def _remove(self, _):
        if self.remove_select.value:
            self._say(self.state.remove_partner(self.remove_select.value))

    def _bulk(self, _):
        text = self.bulk_text.value_input or self.bulk_text.value or ""
        if not text.strip():
            return
        before = len(self.state.case.partners)
        error = self.state.import_partner_text(text)
        self._done(error, before, clear=True)

    def _upload(self, data: bytes, filename: str):
        before = len(self.state.case.partners)
        self._done(self.state.import_partner_file(data, filename), before)

    def _refused(self, filename: str, size: int):
        self._say(self.state.refuse_upload(filename, size, self.bulk_upload.max_bytes))

    def _done(self, error: str | None, before: int, clear: bool = False):
        """On a problem the list stays in the box, to be fixed where the message points."""
        self.bulk_done.object = ""
        if error:
            self._say(error)
            return
        n = len(self.state.case.partners) - before
        self._say(None)
        self.bulk_done.object = notice("success", t("bulk_added", self.state.lang, n=n))
        if clear:
            self.bulk_text.value = self.bulk_text.value_input = ""

    # -- showing the state ---------------------------------------------------------------------
    def refresh(self):
        s, lang = self.state, self.state.lang
        case = s.case
        self.title.object = f"### {t('partners', lang)}"
        self.add_button.name = t("add_partner", lang)
        self.remove_button.name = t("remove_partner", lang)
        self.new_name.placeholder = t("new_partner_name", lang)
        self.bulk_title.object = f"#### {t('bulk_partners', lang)}"
        roles = s.role_choices()
        self.bulk_help.object = f"<p>{esc(t('bulk_help', lang, roles=', '.join(roles)))}</p>"
        self.bulk_upload_label.object = f"<p>{esc(t('bulk_upload', lang))}</p>"
        self.bulk_button.name = t("bulk_add", lang)
        options = {case.partner(p).name(lang): p for p in case.partner_ids}
        if options != self.remove_select.options:
            self.remove_select.options = options
        partners = pd.DataFrame(
            {
                "id": case.partner_ids,
                "name_nl": [p.name.nl for p in case.partners],
                "name_en": [p.name.en for p in case.partners],
                "role": [p.role_id for p in case.partners],
                "share": [p.share for p in case.partners],
                "takes_part": [p.takes_part for p in case.partners],
            }
        )
        if not partners.equals(self.table.value):  # most edits leave the partners alone
            self.table.value = partners
        titles = {
            "id": "id",
            "name_nl": t("name_nl", lang),
            "name_en": t("name_en", lang),
            "role": t("role", lang),
            "share": t("share", lang),
            "takes_part": t("takes_part", lang),
        }
        titles = {k: esc(v) for k, v in titles.items()}  # Tabulator renders titles as HTML
        if titles != self.table.titles:
            self.table.titles = titles
        editors = {
            "id": None,
            "name_nl": "input",
            "name_en": "input",
            "role": {"type": "list", "values": roles},
            "share": {"type": "number", "min": 0},
            "takes_part": {"type": "tickCross"},
        }
        if editors != self.table.editors:
            self.table.editors = editors
        for w in (
            self.new_name,
            self.add_button,
            self.remove_select,
            self.remove_button,
            self.bulk_text,
            self.bulk_button,
        ):
            w.disabled = s.locked
        self.table.disabled = s.locked

    def __panel__(self):
        return pn.Column(
            self.title,
            self.table,
            pn.Row(self.new_name, self.add_button),
            pn.Row(self.remove_select, self.remove_button),
            self.bulk_title,
            self.bulk_help,
            pn.Row(
                self.bulk_text,
                pn.Column(self.bulk_button, self.bulk_upload_label, self.bulk_upload),
            ),
            self.bulk_done,
        )
