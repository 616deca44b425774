"""Reading and writing cases: YAML with the line of every value, includes under one
policy, validation into a case, exported workbooks read back, case YAML, provenance,
and files written atomically."""

from .case_yaml import case_from_yaml, case_to_yaml
from .includes import IncludePolicy
from .loader import assumptions_dir, default_case_path, load_case, load_upload, upload_name
from .partner_list import PartnerRow, parse_partner_file, parse_partner_text, partner_text
from .provenance import provenance_problems
from .validate import error_message, locate, validation_problems
from .workbook import CASE_SHEET, KEY_HEADER
from .yaml_source import MAX_FILE_BYTES, read_bounded, read_yaml

__all__ = [
    "CASE_SHEET",
    "IncludePolicy",
    "KEY_HEADER",
    "MAX_FILE_BYTES",
    "assumptions_dir",
    "case_from_yaml",
    "case_to_yaml",
    "default_case_path",
    "error_message",
    "load_case",
    "load_upload",
    "PartnerRow",
    "locate",
    "parse_partner_file",
    "parse_partner_text",
    "partner_text",
    "provenance_problems",
    "read_bounded",
    "read_yaml",
    "upload_name",
    "validation_problems",
]
