"""The model: parameter kinds with their units and bounds, the case and its partners,
the problems a user's input can have, and edits on a case."""

from .edits import (InvalidChange, apply_changes, check_value, parameter_table,
                    parameters_behind)
from .problems import InputProblem, LoadError, OptionError, UserError
from .schema import (Amount, Case, CaseReferenceError, CostKind, Direction, Discounting,
                     EXTERNAL, Effect, Label, Parameter, PartnerType, Residual, RevenueTiming,
                     Years, derived_order, driver_inputs, free_partner_id)

__all__ = ["Amount", "Case", "CaseReferenceError", "CostKind", "Direction", "Discounting",
           "EXTERNAL", "Effect", "InputProblem", "InvalidChange", "Label", "LoadError",
           "OptionError", "Parameter", "PartnerType", "Residual", "RevenueTiming", "UserError",
           "Years", "apply_changes", "check_value", "derived_order", "driver_inputs",
           "free_partner_id", "parameter_table", "parameters_behind"]
