"""The one text catalogue (Dutch and English) and the formatting of numbers."""

from .catalogue import (
    LANGUAGES,
    TEXTS,
    flow_label,
    language,
    method_description,
    method_name,
    t,
    total_label,
)
from .formatting import MetricKind, format_metric, irr_text, metric_kind

__all__ = [
    "LANGUAGES",
    "MetricKind",
    "TEXTS",
    "flow_label",
    "format_metric",
    "irr_text",
    "language",
    "method_description",
    "method_name",
    "metric_kind",
    "t",
    "total_label",
]
