"""The one text catalogue (Dutch and English), the units of the shipped figures and the
formatting of numbers."""

from .catalogue import (
    LANGUAGES,
    TEXTS,
    flow_label,
    in_language,
    language,
    method_description,
    method_name,
    t,
    total_label,
)
from .formatting import MetricKind, format_metric, irr_text, metric_kind
from .units import UNITS, unit_text

__all__ = [
    "LANGUAGES",
    "MetricKind",
    "TEXTS",
    "flow_label",
    "format_metric",
    "in_language",
    "irr_text",
    "language",
    "method_description",
    "method_name",
    "metric_kind",
    "t",
    "total_label",
    "UNITS",
    "unit_text",
]
