"""The partners of a session as inputs: added in bulk (a pasted or uploaded list), given a
role and a share, and chosen to take part. Every edit is an input of the state (``added``,
``roles``, ``absent``), so a saved scenario keeps it; a refused edit is undone and says why."""

from __future__ import annotations

from collections.abc import Callable

from businesscase.engine import Result
from businesscase.io import PartnerRow, parse_partner_file, parse_partner_text
from businesscase.model import Case, LoadError, free_partner_id


class PartnersMixin:
    """The partner actions of a :class:`CaseState`."""

    # Held by CaseState; declared (not assigned, so nothing is shadowed) for the type checker.
    base: Case
    case: Case
    result: Result
    lang: str
    locked: bool
    message: str
    version: int
    added: list
    roles: dict
    absent: list
    _undoable: Callable

    def role_choices(self) -> list[str]:
        """The roles offered: those the case's lines name, the roles of the loaded case's
        partners, and roles in use; a partner added here fills a role of its own without
        offering it to others."""
        in_use = {p.role for p in self.case.partners if p.role}
        return sorted(set(self.base.roles()) | in_use)

    def _taken_names(self) -> list[str]:
        return [n for p in self.case.partners for n in (p.name.nl, p.name.en)]

    def import_partner_text(self, text: str) -> str | None:
        """Add the partners of a pasted list; on a problem add none and return the message
        (line and field of every problem)."""
        try:
            rows = parse_partner_text(
                text, self.role_choices(), self._taken_names(), source=self._list_name()
            )
        except LoadError as exc:
            return exc.text(self.lang)
        return self.add_partner_rows(rows)

    def import_partner_file(self, data: bytes, filename: str) -> str | None:
        """Add the partners of an uploaded .csv or .xlsx list (see ``import_partner_text``)."""
        try:
            rows = parse_partner_file(data, filename, self.role_choices(), self._taken_names())
        except LoadError as exc:
            return exc.text(self.lang)
        return self.add_partner_rows(rows)

    def _list_name(self) -> str:
        return "lijst" if self.lang == "nl" else "list"

    def add_partner_rows(self, rows: list[PartnerRow]) -> str | None:
        """Add partners (name, role, share, type); all or none."""
        if self.locked or not rows:
            return None
        taken = set(self.case.partner_ids)
        entries = []
        for row in rows:
            ident = free_partner_id(row.name, taken)
            taken.add(ident)
            entry = {
                "id": ident,
                "name": {"nl": row.name, "en": row.name},
                "type": row.type,
                "share": row.share,
            }
            if row.role:
                entry["role"] = row.role
            entries.append(entry)
        return self._undoable("added", self.added + entries)

    def set_role(self, partner_id: str, role: str, share: float) -> str | None:
        """Give a partner a role ('' or its own id: a role of its own) and a share ≥ 0."""
        if self.locked:
            return None
        role = "" if role == partner_id else role
        return self._undoable("roles", {**self.roles, partner_id: (role, float(share))})

    def participant_rows(self) -> list[tuple[str, str, bool]]:
        """(id, name, takes part) of the partners the split is about: those with flows."""
        hidden = set(self.result.without_flows)
        partners = [p for p in self.case.partners if p.id not in hidden]
        return [(p.id, p.name(self.lang), p.takes_part) for p in partners]

    def set_participants(self, taking_part: dict[str, bool]) -> None:
        """Who takes part, for the partners named (the others keep what they had)."""
        absent = [p for p in self.absent if p not in taking_part]
        absent += [p for p, yes in taking_part.items() if not yes]
        if sorted(absent) != sorted(self.absent):
            self.absent = absent

    def without_flows_names(self) -> list[str]:
        """The names of the partners without flows, listed once instead of shown everywhere."""
        return [self.case.partner(p).name(self.lang) for p in self.result.without_flows]
