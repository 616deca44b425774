"""``businesscase allocate PROGRAMME.yaml``: the split of a programme of themes."""

from __future__ import annotations

import json

from businesscase.export import allocation_text, programme_dict, programme_text
from businesscase.model import OptionError
from businesscase.programme import load_programme, programme_split


def cmd_allocate_programme(args) -> int:
    programme = load_programme(args.case, allow_include_outside=args.allow_include_outside)
    if args.theme is not None and args.theme not in programme.theme_ids:
        raise OptionError(
            "--theme",
            f"unknown theme '{args.theme}'; themes are {', '.join(programme.theme_ids)}",
        )
    absent = _absent(programme, args.without)
    split = programme_split(programme, args.method, args.basis, absent, args.blocs)
    if args.json:
        data = programme_dict(split)
        if args.theme is not None:
            data["themes"] = [th for th in data["themes"] if th["id"] == args.theme]
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif args.theme is not None:
        theme = programme.theme(args.theme)
        print(f"{theme.name(args.lang)} ({theme.case_file})")
        print(allocation_text(split.themes[args.theme], args.lang))
    else:
        print(programme_text(split, args.lang))
    return 0


def _absent(programme, without: list[str]) -> dict[str, list[str]]:
    """--without PARTNER leaves every theme the partner joins; THEME:PARTNER only that one."""
    absent: dict[str, list[str]] = {}
    for item in without:
        theme_id, _, pid = item.rpartition(":")
        if pid not in programme.partner_ids:
            raise OptionError(
                "--without",
                f"unknown partner '{pid}'; partners are {', '.join(programme.partner_ids)}",
            )
        if theme_id and theme_id not in programme.theme_ids:
            raise OptionError(
                "--without",
                f"unknown theme '{theme_id}'; themes are {', '.join(programme.theme_ids)}",
            )
        themes = [programme.theme(theme_id)] if theme_id else list(programme.themes)
        joined = [th for th in themes if pid in th.participants]
        if not joined:
            raise OptionError("--without", f"'{item}': the partner is not in that theme")
        for th in joined:
            absent.setdefault(th.id, []).append(pid)
    return absent
