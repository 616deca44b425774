"""The model: parameter kinds with their units and bounds, the case and its partners,
the problems a user's input can have, and edits on a case.

Modules: ``parameters`` (kinds, units, bounds), ``partners``, ``items`` (costs, revenues,
outcomes, overlap groups, derived drivers, flow types), ``case`` (meta, economics, the
case, with the cross-references that must resolve and the derived-driver order),
``problems`` and ``edits``.
"""

from .case import (
    Case,
    CaseReferenceError,
    Discounting,
    Meta,
    derived_order,
    driver_inputs,
    line_references,
    meta_bounds,
)
from .edits import (
    InvalidChange,
    apply_changes,
    check_value,
    parameter_table,
    parameters_behind,
    parse_number,
)
from .items import (
    FINANCIAL_FLOW_TYPES,
    FLOW_TYPES,
    INDEX_CATEGORIES,
    CostItem,
    CostKind,
    Direction,
    Effect,
    FlowType,
    Outcome,
    OutcomeComponent,
    Residual,
    RevenueItem,
    RevenueTiming,
)
from .labels import case_title, matches_parameter, parameter_label, parameter_labels
from .parameters import Amount, Identifier, Label, Parameter, Strict, Years
from .partners import EXTERNAL, RESERVED_IDS, Partner, PartnerType, free_partner_id
from .problems import InputProblem, LoadError, OptionError, UserError

__all__ = [
    "case_title",
    "matches_parameter",
    "parameter_label",
    "parameter_labels",
    "Amount",
    "apply_changes",
    "Case",
    "CaseReferenceError",
    "check_value",
    "CostItem",
    "CostKind",
    "derived_order",
    "Direction",
    "Discounting",
    "driver_inputs",
    "Effect",
    "EXTERNAL",
    "FINANCIAL_FLOW_TYPES",
    "FLOW_TYPES",
    "FlowType",
    "Identifier",
    "free_partner_id",
    "INDEX_CATEGORIES",
    "InputProblem",
    "InvalidChange",
    "Label",
    "line_references",
    "LoadError",
    "Meta",
    "meta_bounds",
    "OptionError",
    "Outcome",
    "OutcomeComponent",
    "Parameter",
    "parameter_table",
    "parameters_behind",
    "parse_number",
    "Partner",
    "PartnerType",
    "RESERVED_IDS",
    "Residual",
    "RevenueItem",
    "RevenueTiming",
    "Strict",
    "UserError",
    "Years",
]
