"""The wordings of problems with an uploaded or read file (an Excel workbook, an upload, a
partner list), Dutch and English side by side, one ``problem_<kind>`` entry per kind and
the ``part_...`` pieces that go into them. Merged into the one catalogue like
``problems_catalogue``; the file's name, a part's name and the user's text stay as written."""

from __future__ import annotations

FILE_PROBLEM_TEXTS: dict[str, dict[str, str]] = {
    "part_megabytes": {"nl": "{n} MB", "en": "{n} MB"},
    "part_kilobytes": {"nl": "{n} kB", "en": "{n} kB"},
    "part_more_than": {"nl": "meer dan {size}", "en": "more than {size}"},
    "part_xlsx_advice": {
        "nl": "exporteer de case opnieuw, of sla de werkmap in Excel of LibreOffice op als .xlsx",
        "en": "export the case again, or save the workbook as .xlsx in Excel or LibreOffice",
    },
    "part_old_xls": {
        "nl": "een oude .xls-werkmap of een werkmap met een wachtwoord",
        "en": "an old .xls workbook or a password-protected one",
    },
    "part_empty": {"nl": "leeg", "en": "empty"},
    "part_not_zip": {
        "nl": "geen zip-archief, dus geen .xlsx-werkmap",
        "en": "not a zip archive, so not an .xlsx workbook",
    },
    "part_zip_found": {
        "nl": "de {packed} bevatten {parts} delen die uitgepakt {total} zijn",
        "en": "its {packed} hold {parts} parts that unpack to {total}",
    },
    "part_zip_part_found": {
        "nl": "deel {part} pakt uit van {packed} tot {unpacked} ({times} keer)",
        "en": "part {part} unpacks from {packed} to {unpacked} ({times} times)",
    },
    "part_zip_allowed": {
        "nl": "een werkmap mag hoogstens {parts} delen hebben en uitgepakt hoogstens "
        "{unpacked} zijn, en geen deel van meer dan {part_limit} mag meer dan {ratio} keer "
        "zijn ingepakt",
        "en": "a workbook may have at most {parts} parts and unpack to at most {unpacked}, "
        "no part of more than {part_limit} packed more than {ratio} times",
    },
    "part_zip_declared": {
        "nl": "deel {part} pakt uit tot meer dan de {n} bytes die de zip-inhoudsopgave opgeeft",
        "en": "part {part} unpacks to more than the {n} bytes its zip directory declares",
    },
    "part_part_missing": {"nl": "deel {part} ontbreekt", "en": "part {part} is missing"},
    "part_part_cut_off": {"nl": "deel {part} is afgebroken", "en": "part {part} is cut off"},
    "part_part_unpacks_wrong": {
        "nl": "deel {part} pakt niet uit tot wat de zip-inhoudsopgave opgeeft",
        "en": "part {part} does not unpack to what its zip directory declares",
    },
    "part_part_cannot_unpack": {
        "nl": "deel {part} kan niet worden uitgepakt",
        "en": "part {part} cannot be unpacked",
    },
    "part_workbook_part_missing": {
        "nl": "er ontbreekt een deel van de werkmap",
        "en": "a part of the workbook is missing",
    },
    "part_xml_damaged": {"nl": "de XML is beschadigd", "en": "its XML is damaged"},
    "part_openpyxl": {"nl": "openpyxl: {error}", "en": "openpyxl: {error}"},
    "problem_xlsx_not_regular": {
        "nl": "is geen gewoon bestand; geef het pad van een .xlsx-werkmap",
        "en": "is not a regular file; give the path of an .xlsx workbook",
    },
    "problem_xlsx_is_folder": {
        "nl": "is een map; geef het pad van een .xlsx-werkmap",
        "en": "is a folder; give the path of an .xlsx workbook",
    },
    "problem_xlsx_too_big": {
        "nl": "het bestand is {size}; een werkmap mag hoogstens {limit} zijn",
        "en": "file is {size}; at most {limit} is allowed for a workbook",
    },
    "problem_no_permission": {
        "nl": "het bestand is niet te lezen (geen toestemming)",
        "en": "cannot be read (no permission)",
    },
    "problem_not_xlsx": {
        "nl": "is {what}; alleen .xlsx-werkmappen (zonder wachtwoord) zijn te lezen: {advice}",
        "en": "is {what}; only .xlsx workbooks (without a password) can be read: {advice}",
    },
    "problem_zip_bomb": {
        "nl": "geweigerd als mogelijke zipbom: {found}; {allowed}",
        "en": "refused as a possible zip bomb: {found}; {allowed}",
    },
    "problem_zip_bomb_part": {
        "nl": "geweigerd als mogelijke zipbom: {found}",
        "en": "refused as a possible zip bomb: {found}",
    },
    "problem_password": {
        "nl": "is met een wachtwoord beveiligd; sla de werkmap zonder wachtwoord op als .xlsx",
        "en": "is password-protected; save it without a password as .xlsx",
    },
    "problem_zip_method": {
        "nl": "deel {part} is ingepakt met een methode die Excel niet gebruikt; {advice}",
        "en": "part {part} is packed with a method Excel does not use; {advice}",
    },
    "problem_zip_damaged": {
        "nl": "is beschadigd: {what}; {advice}",
        "en": "is damaged: {what}; {advice}",
    },
    "problem_unreadable_workbook": {
        "nl": "is geen leesbare Excel-werkmap ({reason}); {advice}",
        "en": "not a readable Excel workbook ({reason}); {advice}",
    },
    "problem_not_exported": {
        "nl": "deze werkmap is niet door businesscase geëxporteerd (er is geen verborgen "
        "blad '_case')",
        "en": "this workbook was not exported by businesscase (no hidden sheet '_case')",
    },
    "problem_no_assumption_sheet": {
        "nl": "er is geen blad 'Aannames' of 'Assumptions'",
        "en": "no sheet 'Aannames' or 'Assumptions'",
    },
    "problem_no_key_columns": {
        "nl": "de kopregel heeft de kolommen 'key' en 'Waarde' (of 'Value') nodig",
        "en": "the header row needs the columns 'key' and 'Waarde' (or 'Value')",
    },
    "problem_cell_not_a_number": {
        "nl": "{shown} is geen getal; typ een getal in deze cel",
        "en": "{shown} is not a number; type a number in this cell",
    },
    "part_cell": {
        "nl": "{file} blad '{sheet}' cel {cell}",
        "en": "{file} sheet '{sheet}' cell {cell}",
    },
    "problem_upload_too_big": {
        "nl": "{mb} MB; er kan hoogstens {limit} MB worden geüpload",
        "en": "{mb} MB; at most {limit} MB can be uploaded",
    },
    "problem_upload_kind": {
        "nl": "upload een case als .yaml of als geëxporteerde .xlsx-werkmap",
        "en": "upload a case as .yaml or an exported .xlsx workbook",
    },
    "problem_assumptions_missing": {
        "nl": "de meegeleverde aannamebestanden ontbreken in deze installatie; installeer "
        "businesscase opnieuw of zet BUSINESSCASE_ASSUMPTIONS",
        "en": "the shipped assumption files are missing from this installation; reinstall "
        "businesscase or set BUSINESSCASE_ASSUMPTIONS",
    },
    "problem_list_too_long": {
        "nl": "is te lang: hoogstens {kb} kB",
        "en": "is too long: at most {kb} kB",
    },
    "problem_list_unreadable": {
        "nl": "kan niet worden gelezen: {reason}",
        "en": "cannot be read: {reason}",
    },
    "problem_list_not_a_list": {
        "nl": "is geen partnerlijst: toegestaan zijn .csv, .txt en .xlsx",
        "en": "is not a partner list: allowed are .csv, .txt, .xlsx",
    },
    "problem_list_unreadable_workbook": {
        "nl": "is geen leesbare Excel-werkmap",
        "en": "is not a readable Excel workbook",
    },
    "problem_list_too_many": {
        "nl": "te veel partners: hoogstens {n} in één lijst",
        "en": "too many partners: at most {n} in one list",
    },
    "problem_list_too_many_fields": {
        "nl": "{found} velden; toegestaan zijn er hoogstens {allowed} ({columns}): zet een naam "
        'met het scheidingsteken tussen dubbele aanhalingstekens ("Smit, Jansen & Co")',
        "en": "{found} fields; allowed are at most {allowed} ({columns}): put a name holding "
        'the separator in double quotes ("Smit, Jansen & Co")',
    },
    "problem_list_name_empty": {
        "nl": "is leeg: elke partner heeft een naam nodig",
        "en": "is empty: every partner needs a name",
    },
    "problem_list_name_too_long": {
        "nl": "is {n} tekens lang: hoogstens {most}",
        "en": "is {n} characters long: at most {most}",
    },
    "problem_list_name_taken": {
        "nl": "'{name}' is al in gebruik ({where}): elke partner heeft een eigen naam nodig",
        "en": "'{name}' is taken ({where}): every partner needs its own name",
    },
    "part_earlier_in_list": {"nl": "eerder in deze lijst", "en": "earlier in this list"},
    "part_existing_partner": {"nl": "een bestaande partner", "en": "an existing partner"},
    "part_no_roles": {"nl": "(geen)", "en": "(none)"},
    "problem_list_unknown_role": {
        "nl": "onbekende rol '{role}': toegestaan zijn {allowed}",
        "en": "unknown role '{role}': allowed are {allowed}",
    },
    "problem_list_bad_share": {
        "nl": "'{share}' mag niet: een getal ≥ 0 (0,5 of 50%)",
        "en": "'{share}' is not allowed: a number ≥ 0 (0,5 or 50%)",
    },
    "problem_list_unknown_type": {
        "nl": "onbekend type '{type}': toegestaan zijn {allowed}",
        "en": "unknown type '{type}': allowed are {allowed}",
    },
}
