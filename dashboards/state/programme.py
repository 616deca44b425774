"""A programme in the dashboard: one theme's case on the pages, every theme in the matrix.

The other pages show the theme chosen here, with the session's inputs (changes, partners
taking part, names, roles) as for any case. Each theme keeps its own inputs while another
is shown, so leaving a theme or changing a driver in it affects that theme only; the
themes page splits every theme with its own inputs and sums per partner (the core's
``programme_split``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import param

from businesscase.model import Case, apply_changes
from businesscase.programme import (
    LEFT,
    NO_FLOWS,
    TAKING_PART,
    Programme,
    ProgrammeSplit,
    load_programme,
    programme_split,
    theme_case,
)
from businesscase.text import formatting as fmt
from businesscase.text import t

THEME_INPUTS = ("changes", "names", "absent", "added", "removed", "roles")
"""The inputs a theme keeps while another theme is shown."""

STATUS_TEXT = {
    TAKING_PART: "theme_status_taking_part",
    LEFT: "theme_status_left",
    NO_FLOWS: "theme_status_no_flows",
}


class ProgrammeMixin(param.Parameterized):
    # Held by CaseState; declared (not assigned, so nothing is shadowed) for the type checker.
    lang: str
    method: str
    basis: str
    base: Case
    _recompute: Callable[[], bool]

    theme = param.String(default="", doc="in a programme: the theme the pages show")
    kept = param.Dict(default={}, doc="theme id → its inputs while another theme is shown")

    programme: Programme | None = None

    # -- loading and choosing ----------------------------------------------------------------
    def _open_programme(self, path: Path) -> Case:
        """Load a programme file; the pages start on its first theme."""
        programme = load_programme(path)
        self.programme = programme
        self.kept = {}
        self.theme = programme.themes[0].id
        return theme_case(programme, self.theme)

    def _close_programme(self) -> None:
        self.programme, self.kept, self.theme = None, {}, ""

    def theme_inputs(self) -> dict:
        """The inputs of the theme on the pages now."""
        return {name: getattr(self, name) for name in THEME_INPUTS if name in self.param}

    def choose_theme(self, theme_id: str) -> None:
        """Show another theme on the pages; the one shown keeps its inputs."""
        programme = self.programme
        if programme is None or theme_id == self.theme:
            return
        programme.theme(theme_id)  # an unknown theme is refused before anything changes
        kept = dict(self.kept)
        kept[self.theme] = self.theme_inputs()
        restored = kept.pop(theme_id, {})
        self.base = theme_case(programme, theme_id)
        with param.parameterized.batch_call_watchers(self):
            self.kept = kept
            self.theme = theme_id
            for name in THEME_INPUTS:
                setattr(self, name, restored.get(name, type(getattr(self, name))()))
        self._recompute()

    # -- the programme's split ----------------------------------------------------------------
    def programme_now(self) -> ProgrammeSplit | None:
        """Every theme split with its own inputs (the theme shown with the session's)."""
        programme = self.programme
        if programme is None:
            return None
        inputs = dict(self.kept)
        inputs[self.theme] = self.theme_inputs()
        cases = {}
        absent = {}
        for theme in programme.themes:
            own = inputs.get(theme.id)
            if not own:
                continue
            absent[theme.id] = [p for p in own.get("absent", []) if p in theme.participants]
            cases[theme.id] = apply_changes(
                theme_case(programme, theme.id),
                own.get("changes", {}),
                own.get("names", {}),
                own.get("absent", []),
                own.get("added", []),
                own.get("removed", []),
                own.get("roles", {}),
            )
        return programme_split(programme, self.method, self.basis, absent=absent, cases=cases)

    def theme_options(self) -> dict[str, str]:
        """Theme name → id, in the programme's order."""
        if self.programme is None:
            return {}
        return {th.name(self.lang): th.id for th in self.programme.themes}

    def theme_matrix(self, split: ProgrammeSplit) -> pd.DataFrame:
        """Partners × themes for the page: per theme whether a partner joins, and what it
        pays and gains a year; the programme's sums last. Partners in no theme are left out
        (listed once by ``outside_every_theme``)."""
        lang = self.lang
        programme = split.programme
        status, pays, gains = split.status, split.pays, split.gains
        rows = []
        for pid in programme.partner_ids:
            if not (status.loc[pid] != "").any():
                continue
            row = {"partner": programme.partner(pid).name(lang)}
            for theme in programme.themes:
                s = status.loc[pid, theme.id]
                name = theme.name(lang)
                row[f"{name} · {t('theme_joins', lang)}"] = t(STATUS_TEXT[s], lang) if s else "—"
                joined = s == TAKING_PART
                row[f"{name} · {t('theme_pays', lang)}"] = (
                    fmt.euro(pays.loc[pid, theme.id], 0, lang) if joined else ""
                )
                row[f"{name} · {t('theme_gains', lang)}"] = (
                    fmt.euro(gains.loc[pid, theme.id], 0, lang) if joined else ""
                )
            total = t("programme_total", lang)
            row[f"{total} · {t('theme_pays', lang)}"] = fmt.euro(
                pays.loc[pid, "programme"], 0, lang
            )
            row[f"{total} · {t('theme_gains', lang)}"] = fmt.euro(
                gains.loc[pid, "programme"], 0, lang
            )
            rows.append(row)
        return pd.DataFrame(rows)

    def outside_every_theme(self, split: ProgrammeSplit) -> list[str]:
        """Names of the programme's partners that are in no theme."""
        programme = split.programme
        status = split.status
        return [
            programme.partner(pid).name(self.lang)
            for pid in programme.partner_ids
            if not (status.loc[pid] != "").any()
        ]
