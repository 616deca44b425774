"""The one text catalogue (Dutch and English) and the formatting of numbers."""

from .catalogue import TEXTS, flow_label, t, total_label

__all__ = ["TEXTS", "flow_label", "t", "total_label"]
