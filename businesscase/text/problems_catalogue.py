"""The wordings of the problems in a user's input, in Dutch and English side by side: one
entry ``problem_<kind>`` per kind of problem, with the {fields} its values fill, and the
pieces (``part_...``, ``allowed_...``) that go into them. Merged into the one catalogue
(:data:`businesscase.text.TEXTS`); tests/test_text_catalogue.py checks both languages have
the same fields, tests/test_problems_in_dutch.py that every bad input is worded here."""

from __future__ import annotations

PROBLEM_TEXTS: dict[str, dict[str, str]] = {
    # -- problems in a file: where, and what is allowed ---------------------------------------
    "problem_at_line": {"nl": "{file}, regel {line}", "en": "{file}:{line}"},
    "problem_field": {"nl": "veld {field}", "en": "{field}"},
    "allowed_finite": {"nl": "een eindig getal", "en": "a finite number"},
    "allowed_fraction": {
        "nl": "een fractie tussen 0 en 1 (bijv. 0,4 voor 40%)",
        "en": "a fraction between 0 and 1 (e.g. 0.4 for 40%)",
    },
    "allowed_rate": {
        "nl": "een jaarlijks percentage als fractie tussen -0,5 en 1 (bijv. 0,0225 voor 2,25%)",
        "en": "a yearly rate as a fraction between -0.5 and 1 (e.g. 0.0225 for 2.25%)",
    },
    "allowed_discount_rate": {
        "nl": "een discontovoet als fractie tussen 0 en 0,5 (bijv. 0,0225 voor 2,25%)",
        "en": "a yearly discount rate as a fraction between 0 and 0.5 (e.g. 0.0225 for 2.25%)",
    },
    "allowed_zero_or_more": {"nl": "nul of meer", "en": "zero or more"},
    "allowed_years": {
        "nl": "een heel aantal jaren van 0 tot 100",
        "en": "a whole number of years from 0 to 100",
    },
    "allowed_lifetime": {
        "nl": "een heel aantal jaren van 1 tot 100",
        "en": "a whole number of years from 1 to 100",
    },
    "hint_percent": {
        "nl": "Bedoelde u {meant}%? Schrijf {write}.",
        "en": "Did you mean {meant}%? Write {write}.",
    },
    "problem_out_of_range": {
        "nl": "{v} mag niet: het moet {allowed} zijn.{hint}",
        "en": "{v} is not allowed: must be {allowed}.{hint}",
    },
    "problem_not_finite": {
        "nl": "{v} mag niet: het moet {allowed} zijn",
        "en": "{v} is not allowed: must be {allowed}",
    },
    "problem_not_whole": {
        "nl": "{v} mag niet: het moet {allowed} zijn",
        "en": "{v} is not allowed: must be {allowed}",
    },
    "problem_low_above_high": {
        "nl": "low ({low}) is hoger dan high ({high}): low ≤ value ≤ high",
        "en": "low ({low}) is above high ({high}): low ≤ value ≤ high",
    },
    "problem_no_source": {
        "nl": "een parameter heeft een 'source' nodig (titel en link of publicatie), of "
        "'estimate: true' met 'reasoning'",
        "en": "a parameter needs a 'source' (title and link or publication), or "
        "'estimate: true' with 'reasoning'",
    },
    "problem_estimate_without_reasoning": {
        "nl": "een schatting heeft 'reasoning' nodig: zeg hoe het getal tot stand kwam",
        "en": "an estimate needs 'reasoning': say how the figure was arrived at",
    },
    "problem_unknown_field": {
        "nl": "onbekend veld '{field}'{allowed}",
        "en": "unknown field '{field}'{allowed}",
    },
    "problem_allowed_fields": {"nl": ": toegestaan zijn {fields}", "en": ": allowed are {fields}"},
    "problem_missing_field": {
        "nl": "verplicht veld '{field}' ontbreekt{choices}",
        "en": "required field '{field}' is missing{choices}",
    },
    "problem_choices": {"nl": ": schrijf een van {choices}", "en": ": write one of {choices}"},
    "problem_not_a_parameter": {
        "nl": "gevonden: {got}; een parameter is een mapping met value, unit, year, source "
        "(of estimate: true en reasoning), low, high en confidence",
        "en": "got {got}; a parameter is a mapping with value, unit, year, source (or "
        "estimate: true and reasoning), low, high and confidence",
    },
    # -- references in a case that do not resolve (businesscase.model.case) -------------------
    "part_roles": {"nl": "; rollen {roles}", "en": "; roles {roles}"},
    "part_or_external": {"nl": " of '{external}'", "en": " or '{external}'"},
    "part_no_drivers": {"nl": "(er zijn geen drivers)", "en": "(no drivers defined)"},
    "part_no_outcomes": {"nl": "(er zijn geen effecten)", "en": "(no outcomes)"},
    "part_no_overlap_groups": {
        "nl": "(er zijn geen overlap_groups)",
        "en": "(no overlap_groups defined)",
    },
    "part_no_lines": {"nl": "(er zijn geen regels)", "en": "(no lines)"},
    "part_none": {"nl": "(niets)", "en": "(none)"},
    "problem_unknown_partner": {
        "nl": "onbekende partner '{ref}': geen partner heeft deze id of deze rol; toegestaan "
        "zijn {allowed}{roles}{external}",
        "en": "unknown partner '{ref}': no partner has this id or this role; allowed are "
        "{allowed}{roles}{external}",
    },
    "problem_unknown_driver": {
        "nl": "onbekende driver '{name}': toegestaan zijn de drivers {allowed}",
        "en": "unknown driver '{name}': allowed are the drivers {allowed}",
    },
    "problem_derived_and_driver": {
        "nl": "'{name}' is ook een gewone driver: een naam is een driver of een afgeleide "
        "driver, niet allebei",
        "en": "'{name}' is also an ordinary driver: a name is either a driver or derived",
    },
    "problem_divisor_zero": {
        "nl": "driver '{name}' kan 0 zijn (de waarde of low is 0): een deler moet groter "
        "dan 0 zijn",
        "en": "driver '{name}' can be 0 (its value or low is 0): a divisor must be above 0",
    },
    "problem_derived_cycle": {
        "nl": "afgeleide drivers verwijzen in een kringetje naar elkaar: {cycle}",
        "en": "derived drivers refer to each other in a circle: {cycle}",
    },
    "problem_unknown_outcome": {
        "nl": "onbekend effect '{id}': toegestaan zijn {allowed}",
        "en": "unknown outcome '{id}': allowed are {allowed}",
    },
    "problem_revenue_to_itself": {
        "nl": "een opbrengst kan niet komen van de partner waar ze naartoe gaat",
        "en": "a revenue cannot come from the partner it goes to",
    },
    "problem_unknown_overlap_group": {
        "nl": "onbekende overlapgroep '{group}': toegestaan zijn {allowed}",
        "en": "unknown overlap group '{group}': allowed are {allowed}",
    },
    "problem_group_misses_outcome": {
        "nl": "effect '{id}' noemt overlapgroep '{group}', maar de leden van die groep "
        "({members}) noemen dit effect niet: voeg het toe aan overlap_groups.{group}.members",
        "en": "outcome '{id}' names overlap group '{group}', but the group's members "
        "({members}) do not list it: add it to overlap_groups.{group}.members",
    },
    "problem_wellbeing_is_outcome": {
        "nl": "'{id}' is ook een effect: geef deze welzijnswaarde een eigen id",
        "en": "'{id}' is also an outcome: give it an id of its own",
    },
    "problem_wellbeing_in_group": {
        "nl": "een welzijnswaarde hoort in geen enkele overlapgroep: ze vervangt in plaats "
        "daarvan effecten (replaces: [...])",
        "en": "a wellbeing value is in no overlap group: it replaces outcomes instead "
        "(replaces: [...])",
    },
    "problem_member_not_outcome": {
        "nl": "lid '{member}' is geen effect van deze case: toegestaan zijn {allowed}",
        "en": "member '{member}' is not an outcome of this case: allowed are {allowed}",
    },
    "problem_member_not_declared": {
        "nl": "lid '{member}' noemt deze groep niet: bij het effect staat overlap_group: "
        "{declared}; schrijf overlap_group: {group} bij het effect, of haal het weg uit de "
        "leden",
        "en": "member '{member}' does not declare this group: it says overlap_group: "
        "{declared}; write overlap_group: {group} on the outcome, or remove it from the "
        "members",
    },
    "problem_price_year_after_end": {
        "nl": "price_year ligt na het laatste jaar van de case",
        "en": "price_year lies after the last year of the case",
    },
    "problem_duplicate_id": {
        "nl": "dubbele id '{id}': elke id in {section} moet uniek zijn",
        "en": "duplicate id '{id}': every id in {section} must be unique",
    },
    "problem_duplicate_here": {
        "nl": "'{id}' staat hier twee keer: elke waarde hier moet uniek zijn",
        "en": "duplicate '{id}': must be unique here",
    },
    "problem_duplicate_name": {
        "nl": "dubbele naam '{name}': partner '{other}' heeft die ook; elke partner heeft "
        "een eigen naam nodig",
        "en": "duplicate name '{name}': partner '{other}' has it too; every partner needs a "
        "name of its own",
    },
    "problem_role_is_partner_id": {
        "nl": "rol '{role}' is de id van partner '{role}', die zelf de rol '{own}' heeft: "
        "sluit aan bij die rol ({own}) of noem een andere rol",
        "en": "role '{role}' is the id of partner '{role}', whose own role is '{own}': join "
        "that role ({own}) or name another role",
    },
    "problem_unknown_role": {
        "nl": "onbekende rol '{role}': geen kostenpost, opbrengst of effect van deze case "
        "noemt deze rol; de rollen in deze case zijn {allowed}",
        "en": "unknown role '{role}': no cost, revenue or outcome of this case names it; "
        "roles named here are {allowed}",
    },
    "problem_id_is_role": {
        "nl": "id '{id}' is ook de rol van {holders}, terwijl deze partner rol '{role}' "
        "heeft: een regel die '{id}' noemt zou dubbelzinnig zijn; geef deze partner een "
        "andere id",
        "en": "id '{id}' is also the role of {holders}, while this partner has role "
        "'{role}': a line naming '{id}' would be ambiguous; give it another id",
    },
    "problem_role_shares_zero": {
        "nl": "de aandelen (share) van rol '{role}' tellen op tot 0: geef ten minste één "
        "van de partners in deze rol een aandeel boven 0",
        "en": "the shares of role '{role}' add up to 0: give at least one of its partners "
        "a share above 0",
    },
    # -- the kinds of pydantic's own errors, worded as pydantic words them in English --------
    "part_one_of": {"nl": "{choices} of {last}", "en": "{choices} or {last}"},
    "part_type_list": {"nl": "De lijst", "en": "List"},
    "part_type_dictionary": {"nl": "De mapping", "en": "Dictionary"},
    "part_type_tuple": {"nl": "De lijst", "en": "Tuple"},
    "part_type_set": {"nl": "De verzameling", "en": "Set"},
    "part_type_value": {"nl": "De waarde", "en": "Value"},
    "problem_less_than_equal": {
        "nl": "de waarde mag hoogstens {le} zijn",
        "en": "Input should be less than or equal to {le}",
    },
    "problem_greater_than_equal": {
        "nl": "de waarde moet ten minste {ge} zijn",
        "en": "Input should be greater than or equal to {ge}",
    },
    "problem_less_than": {
        "nl": "de waarde moet kleiner zijn dan {lt}",
        "en": "Input should be less than {lt}",
    },
    "problem_greater_than": {
        "nl": "de waarde moet groter zijn dan {gt}",
        "en": "Input should be greater than {gt}",
    },
    "problem_finite_number": {
        "nl": "de waarde moet een eindig getal zijn",
        "en": "Input should be a finite number",
    },
    "problem_float_parsing": {
        "nl": "hier hoort een getal; deze tekst is niet als getal te lezen (gevonden: {got})",
        "en": "Input should be a valid number, unable to parse string as a number (got {got})",
    },
    "problem_float_type": {
        "nl": "hier hoort een getal (gevonden: {got})",
        "en": "Input should be a valid number (got {got})",
    },
    "problem_int_parsing": {
        "nl": "hier hoort een heel getal; deze tekst is niet als heel getal te lezen "
        "(gevonden: {got})",
        "en": "Input should be a valid integer, unable to parse string as an integer (got {got})",
    },
    "problem_int_parsing_size": {
        "nl": "dit getal is te groot om te lezen (gevonden: {got})",
        "en": "Unable to parse input string as an integer, exceeded maximum size (got {got})",
    },
    "problem_int_type": {
        "nl": "hier hoort een heel getal (gevonden: {got})",
        "en": "Input should be a valid integer (got {got})",
    },
    "problem_int_from_float": {
        "nl": "hier hoort een heel getal, zonder cijfers achter de komma (gevonden: {got})",
        "en": "Input should be a valid integer, got a number with a fractional part (got {got})",
    },
    "problem_string_type": {
        "nl": "hier hoort tekst (gevonden: {got})",
        "en": "Input should be a valid string (got {got})",
    },
    "problem_string_too_short": {
        "nl": "de tekst moet ten minste {min_length} teken{expected_plural} lang zijn "
        "(gevonden: {got})",
        "en": "String should have at least {min_length} character{expected_plural} (got {got})",
    },
    "problem_string_too_long": {
        "nl": "de tekst mag hoogstens {max_length} teken{expected_plural} lang zijn "
        "(gevonden: {got})",
        "en": "String should have at most {max_length} character{expected_plural} (got {got})",
    },
    "problem_string_pattern_mismatch": {
        "nl": "de tekst past niet bij het patroon '{pattern}' (gevonden: {got})",
        "en": "String should match pattern '{pattern}' (got {got})",
    },
    "problem_bool_parsing": {
        "nl": "hier hoort true of false; deze waarde is niet als ja of nee te lezen "
        "(gevonden: {got})",
        "en": "Input should be a valid boolean, unable to interpret input (got {got})",
    },
    "problem_bool_type": {
        "nl": "hier hoort true of false (gevonden: {got})",
        "en": "Input should be a valid boolean (got {got})",
    },
    "problem_list_type": {
        "nl": "hier hoort een lijst (gevonden: {got})",
        "en": "Input should be a valid list (got {got})",
    },
    "problem_dict_type": {
        "nl": "hier hoort een mapping met sleutels en waarden",
        "en": "Input should be a valid dictionary",
    },
    "problem_model_type": {
        "nl": "hier hoort een mapping met sleutels en waarden (een {class_name})",
        "en": "Input should be a valid dictionary or instance of {class_name}",
    },
    "problem_model_attributes_type": {
        "nl": "hier hoort een mapping met sleutels en waarden",
        "en": "Input should be a valid dictionary or object to extract fields from",
    },
    "problem_enum": {
        "nl": "de waarde moet {expected} zijn (gevonden: {got})",
        "en": "Input should be {expected} (got {got})",
    },
    "problem_literal_error": {
        "nl": "de waarde moet {expected} zijn (gevonden: {got})",
        "en": "Input should be {expected} (got {got})",
    },
    "problem_too_short": {
        "nl": "{field_type} moet ten minste {min_length} item{expected_plural} bevatten, "
        "niet {actual_length}",
        "en": "{field_type} should have at least {min_length} item{expected_plural} after "
        "validation, not {actual_length}",
    },
    "problem_too_long": {
        "nl": "{field_type} mag hoogstens {max_length} item{expected_plural} bevatten, "
        "niet {actual_length}",
        "en": "{field_type} should have at most {max_length} item{expected_plural} after "
        "validation, not {actual_length}",
    },
    "problem_case_not_mapping": {
        "nl": "een casebestand is een mapping met meta, economics, partners, drivers, costs "
        "en outcomes",
        "en": "a case file must be a mapping with meta, economics, partners, drivers, costs, "
        "outcomes",
    },
    "problem_renamed_indexation": {
        "nl": "onbekend veld '{field}'{allowed}. Sinds december 2026 is indexatie een reële "
        "verandering bovenop de inflatie, zodat inflatie alleen nooit een reëel bedrag "
        "verandert: noem het veld real_indexation en trek de inflatie van elk percentage af "
        "(lonen 0,03 bij inflatie 0,02 wordt 0,01)",
        "en": "unknown field '{field}'{allowed}. Since December 2026 indexation is a real "
        "change on top of inflation, so that inflation alone never moves a real figure: "
        "rename it to real_indexation and subtract inflation from each rate (wages 0.03 "
        "with inflation 0.02 becomes 0.01)",
    },
    # -- the model's own refusals (businesscase.model: items, partners) ------------------------
    "problem_one_amount": {
        "nl": "geef 'amount' als parameter of als de naam van een driver (één van beide)",
        "en": "give 'amount' as a parameter or as the name of a driver (one of them)",
    },
    "problem_lifetime_required": {
        "nl": "een investering heeft een 'lifetime' in jaren nodig",
        "en": "an investment needs a 'lifetime' in years",
    },
    "problem_lifetime_not_allowed": {
        "nl": "'lifetime' hoort alleen bij kind: investment",
        "en": "'lifetime' is only for kind: investment",
    },
    "problem_one_proxy": {
        "nl": "geef 'proxy' als parameter of als de naam van een driver (één van beide)",
        "en": "give 'proxy' as a parameter or as the name of a driver (one of them)",
    },
    "problem_first_year_zero": {
        "nl": "first_year is 1 of meer (1 = het eerste exploitatiejaar)",
        "en": "first_year must be 1 or more (1 = first operating year)",
    },
    "problem_single_and_components": {
        "nl": "een effect met 'components' geeft pocket, flow_type en proxy per component; "
        "haal {fields} weg",
        "en": "an outcome with 'components' states pocket, flow_type and proxy per "
        "component; remove {fields}",
    },
    "problem_single_line_incomplete": {
        "nl": "een effect heeft pocket, flow_type en proxy nodig (een parameter of de naam "
        "van een driver), of een lijst 'components' met die velden per component",
        "en": "an outcome needs pocket, flow_type and proxy (a parameter or a driver name), "
        "or a list of 'components' each with its own",
    },
    "problem_reserved_id": {
        "nl": "'{v}' is gereserveerd voor geld van buiten het samenwerkingsverband "
        "(opbrengsten schrijven from: {v}); geef de partner een andere id, bijv. {v}_partner",
        "en": "'{v}' is reserved for money from outside the partnership (revenues say from: "
        "{v}); give the partner another id, e.g. {v}_partner",
    },
    # -- reading a YAML file (businesscase.io.yaml_source) --------------------------------------
    "part_file_folder": {"nl": "een map", "en": "a folder"},
    "part_file_character_device": {
        "nl": "een apparaat (character device)",
        "en": "a character device",
    },
    "part_file_block_device": {"nl": "een apparaat (block device)", "en": "a block device"},
    "part_file_fifo": {"nl": "een FIFO (named pipe)", "en": "a FIFO (named pipe)"},
    "part_file_socket": {"nl": "een socket", "en": "a socket"},
    "part_file_special": {"nl": "een speciaal bestand", "en": "a special file"},
    "part_unusable_name": {"nl": "geen bruikbare bestandsnaam", "en": "not a usable file name"},
    "part_loop": {"nl": "een kringverwijzing van symlinks", "en": "a symlink loop"},
    "part_nul_byte": {"nl": "een NUL-byte", "en": "a NUL byte"},
    "part_control_character": {"nl": "een stuurteken", "en": "a control character"},
    "problem_file_not_found": {"nl": "bestand niet gevonden", "en": "file not found"},
    "problem_cannot_read": {
        "nl": "het bestand is niet te lezen: {reason}",
        "en": "cannot be read: {reason}",
    },
    "problem_not_a_file": {
        "nl": "dit is {what}, geen gewoon bestand; alleen een YAML-bestand kan gelezen worden",
        "en": "is {what}, not a regular file; only a YAML file can be read",
    },
    "problem_file_too_big": {
        "nl": "het bestand is {mb} MB; een casebestand mag hoogstens {limit} MB zijn",
        "en": "file is {mb} MB; at most {limit} MB is allowed for a case file",
    },
    "problem_file_grew_too_big": {
        "nl": "het bestand is meer dan {mb} MB; een casebestand mag hoogstens {limit} MB zijn",
        "en": "file is more than {mb} MB; at most {limit} MB is allowed for a case file",
    },
    "problem_text_too_big": {
        "nl": "tekst van {mb} MB; hoogstens {limit} MB is toegestaan",
        "en": "text of {mb} MB; at most {limit} MB is allowed",
    },
    "problem_file_replaced": {
        "nl": "het bestand werd vervangen terwijl het gelezen werd; probeer het opnieuw",
        "en": "was replaced while being read; try again",
    },
    "problem_not_utf8": {
        "nl": "byte {byte} is geen UTF-8-tekst; sla het bestand op als UTF-8",
        "en": "byte {byte} is not UTF-8 text; save the file as UTF-8",
    },
    "problem_empty_file": {
        "nl": "het bestand is leeg; een case heeft ten minste meta, economics en partners",
        "en": "the file is empty; a case needs at least meta, economics and partners",
    },
    "problem_yaml_syntax": {
        "nl": "geen geldige YAML: {reason}",
        "en": "not valid YAML: {reason}",
    },
    "problem_nested_too_deep": {
        "nl": "meer dan {depth} niveaus diep genest",
        "en": "nested deeper than {depth} levels",
    },
    "problem_too_deep": {
        "nl": "meer dan {depth} niveaus diep genest; een casebestand heeft er maar een paar nodig",
        "en": "nested deeper than {depth} levels; a case file needs only a few",
    },
    "problem_too_deep_aliases": {
        "nl": "meer dan {depth} niveaus diep genest (via aliassen); een casebestand heeft er "
        "maar een paar nodig",
        "en": "nested deeper than {depth} levels (through aliases); a case file needs only a few",
    },
    "problem_bad_character": {
        "nl": "teken {code} ({what}) mag niet in een YAML-bestand staan; haal het weg of sla "
        "het bestand op als gewone UTF-8-tekst",
        "en": "character {code} ({what}) is not allowed in a YAML file; remove it or save the "
        "file as plain UTF-8 text",
    },
    "problem_yaml_tag": {
        "nl": "de YAML-tag {tag} mag niet; een casebestand bevat gewone tekst, getallen, "
        "datums, lijsten en mappings (haal de tag weg)",
        "en": "the YAML tag {tag} is not allowed; a case file holds plain text, numbers, "
        "dates, lists and mappings (remove the tag)",
    },
    "problem_alias_bomb": {
        "nl": "meer dan {n} waarden (een aliasbom?); niet ingelezen",
        "en": "more than {n} values (an alias bomb?); not read",
    },
    "problem_unreadable_value": {
        "nl": "deze waarde is niet te lezen ({reason}); zet haar tussen aanhalingstekens als "
        "het tekst is",
        "en": "this value cannot be read ({reason}); put it in quotes if it is text",
    },
    "problem_key_not_text": {
        "nl": "een sleutel is tekst (schrijf de sleutel als woord)",
        "en": "keys must be text (write the key as a word)",
    },
    "problem_duplicate_key": {
        "nl": "sleutel '{key}' staat er twee keer (eerst op regel {first}); elke sleutel mag "
        "één keer voorkomen",
        "en": "duplicate key '{key}' (first given on line {first}); each key may appear once",
    },
    # -- includes (businesscase.io.includes) ----------------------------------------------------
    "part_upload_rule": {
        "nl": "een geüploade case mag alleen de gedeelde bestanden opnemen die met het "
        "programma meekomen{files}",
        "en": "an uploaded case may include only the shared files that come with the tool{files}",
    },
    "part_files": {"nl": ": {files}", "en": ": {files}"},
    "part_then_rule": {"nl": "; {rule}", "en": "; {rule}"},
    "part_looked_for": {"nl": " (gezocht naar {file})", "en": " (looked for {file})"},
    "problem_include_not_a_name": {
        "nl": "{written} is geen bestandsnaam",
        "en": "{written} is not a file name",
    },
    "problem_include_absolute": {
        "nl": "{written} is een absoluut pad; {rule}",
        "en": "{written} is an absolute path; {rule}",
    },
    "problem_include_unresolvable": {
        "nl": "{written} leidt nergens heen (een kringverwijzing van symlinks?)",
        "en": "{written} cannot be resolved (a symlink loop?)",
    },
    "problem_include_outside_upload": {
        "nl": "{written} leidt buiten de map met aannames; {rule}",
        "en": "{written} leads outside the assumptions folder; {rule}",
    },
    "problem_include_outside": {
        "nl": "{written} leidt buiten de map van de case en de map met aannames; neem "
        "bestanden uit die mappen op, of start met {flag} om het toch op te nemen",
        "en": "{written} leads outside the case's folder and the assumptions folder; include "
        "files from those folders, or run with {flag} to include it anyway",
    },
    "problem_include_too_deep": {
        "nl": "includes zijn meer dan {depth} niveaus diep genest: verwijzen ze in een "
        "kringetje naar elkaar?",
        "en": "includes nested deeper than {depth}: a cycle?",
    },
    "problem_include_not_names": {
        "nl": "hier hoort een bestandsnaam of een lijst van bestandsnamen",
        "en": "must be a file name or a list of file names",
    },
    "problem_include_unreadable": {
        "nl": "{written}: {why}{extra}",
        "en": "{written}: {why}{extra}",
    },
    "problem_in_included": {
        "nl": "{problem} (opgenomen vanuit {file}, regel {line})",
        "en": "{problem} (included from {file} line {line})",
    },
    "problem_included_not_mapping": {
        "nl": "een opgenomen bestand is een mapping (opgenomen vanuit {file}, regel {line})",
        "en": "an included file must be a mapping (included from {file} line {line})",
    },
    "problem_hidden_problem": {
        "nl": "geen geldig casebestand (de inhoud wordt niet getoond: het bestand ligt buiten "
        "de map van de case en de map met aannames)",
        "en": "not a valid case file (its content is not shown: the file lies outside the "
        "case's folder and the assumptions folder)",
    },
    "problem_defined_twice": {
        "nl": "ook, maar anders, gedefinieerd in {file}, regel {line}; geef een van beide een "
        "andere naam of definieer het één keer in een gedeeld bestand",
        "en": "also defined, differently, in {file} line {line}; give one of them another "
        "name or define it once in a shared file",
    },
    # -- programmes and the changes of a theme (businesscase.programme) ------------------------
    "part_partner_id": {"nl": "partner-id", "en": "partner id"},
    "part_theme_id": {"nl": "thema-id", "en": "theme id"},
    "part_did_you_mean": {"nl": "; bedoelde u {keys}?", "en": "; did you mean {keys}?"},
    "problem_programme_not_mapping": {
        "nl": "een programmabestand is een mapping met programme, partners en themes",
        "en": "a programme file is a mapping with programme, partners and themes",
    },
    "problem_programme_duplicate_id": {
        "nl": "dubbele {what} '{id}': elke {what} moet uniek zijn",
        "en": "duplicate {what} '{id}': every {what} must be unique",
    },
    "problem_programme_duplicate_name": {
        "nl": "dubbele naam: partner '{other}' heeft die ook",
        "en": "duplicate name: partner '{other}' has it too",
    },
    "problem_programme_unknown_role": {
        "nl": "onbekende rol '{role}': de case van geen enkel thema noemt deze rol of heeft "
        "een partner met die id; de rollen zijn {allowed}",
        "en": "unknown role '{role}': no theme's case names it or has a partner of that id; "
        "roles are {allowed}",
    },
    "problem_programme_unknown_partner": {
        "nl": "onbekende partner '{ref}': de partners van het programma zijn {allowed}",
        "en": "unknown partner '{ref}': the programme's partners are {allowed}",
    },
    "problem_named_twice": {"nl": "'{id}' staat er twee keer", "en": "'{id}' is named twice"},
    "problem_case_does_not_load": {
        "nl": "de case {case} laadt niet:",
        "en": "the case {case} does not load:",
    },
    "problem_role_not_filled": {
        "nl": "geen deelnemer vervult de rol {roles}, die {case} noemt als betaler, "
        "ontvanger of benodigde partner: voeg een partner met die rol aan het thema toe",
        "en": "no participant fills role {roles}, which {case} names as payer, pocket or "
        "needed partner: add a partner with that role to the theme",
    },
    "problem_case_not_found": {
        "nl": "{written}: dit bestand staat niet naast het programma en is ook geen van de "
        "meegeleverde cases ({shipped})",
        "en": "{written}: file not found next to the programme nor among the shipped cases "
        "({shipped})",
    },
    "problem_no_parameter_in_case": {
        "nl": "geen parameter '{key}' in {case}{hint}",
        "en": "no parameter '{key}' in {case}{hint}",
    },
    "problem_at_path": {"nl": "{path}: {problem}", "en": "{path}: {problem}"},
    "problem_in_theme": {
        "nl": "in thema '{theme}': {problem}",
        "en": "in theme '{theme}': {problem}",
    },
    "problem_in_theme_at": {
        "nl": "in thema '{theme}', {path}: {problem}",
        "en": "in theme '{theme}', {path}: {problem}",
    },
    "problem_share_parameter": {
        "nl": "share als parameter: {problem}",
        "en": "share as a parameter: {problem}",
    },
    "problem_meta_not_parameter": {
        "nl": "een meta-veld krijgt een heel getal, geen parameter",
        "en": "a meta field takes a whole number, not a parameter",
    },
    "problem_unit_differs": {
        "nl": "eenheid '{unit}' verschilt van de eenheid in de case, '{case_unit}'",
        "en": "unit '{unit}' differs from the case's unit '{case_unit}'",
    },
    "problem_not_number_or_parameter": {
        "nl": "gevonden: {got}; schrijf een getal of een hele parameter",
        "en": "got {got}; write a number or a whole parameter",
    },
    "problem_change_out_of_range": {
        "nl": "{number} ligt buiten het bereik van de parameter, {low}–{high}; schrijf om "
        "daarbuiten te gaan de hele parameter (value, unit, year, source of estimate met "
        "reasoning, low, high, confidence)",
        "en": "{number} lies outside the parameter's range {low}–{high}; to go beyond it "
        "write the whole parameter (value, unit, year, source or estimate with reasoning, "
        "low, high, confidence)",
    },
    # -- a typed change of a parameter (businesscase.model.edits) ------------------------------
    "problem_no_such_parameter": {"nl": "deze parameter bestaat niet", "en": "no such parameter"},
    "problem_not_a_number": {"nl": "'{text}' is geen getal", "en": "'{text}' is not a number"},
    "problem_not_a_finite_number": {
        "nl": "'{text}' is geen eindig getal",
        "en": "'{text}' is not a finite number",
    },
    "problem_meta_not_allowed": {
        "nl": "{value} mag niet: een heel getal van {lo} tot {hi}",
        "en": "{value} is not allowed: a whole number from {lo} to {hi}",
    },
}
