"""The core's names that the views show: split methods, benefit bases, flow types, the
metrics "Waarom dit getal?" explains, the columns of a split, and the texts that name a
method or an IRR. Views read them here, through the state, so that no view imports a core
package that computes (engine, allocation, uncertainty, scenarios, io, export)."""

from businesscase.allocation import METHODS, BenefitBasis, method_description, method_name
from businesscase.engine import FLOW_TYPES, LINE_FILTERS
from businesscase.export import ALLOCATION_COLUMNS, irr_text
from businesscase.io import MAX_FILE_BYTES

BASES = tuple(b.value for b in BenefitBasis)

# Every metric the ledger can explain, except the payback year (a year, not a sum of lines).
WHY_METRICS = tuple(k for k in LINE_FILTERS if k != "payback_year")

__all__ = ["ALLOCATION_COLUMNS", "BASES", "FLOW_TYPES", "MAX_FILE_BYTES", "METHODS",
           "WHY_METRICS", "irr_text", "method_description", "method_name"]
