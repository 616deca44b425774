"""What the page says about a failure, for every part of the state."""

from __future__ import annotations

import logging

from pydantic import ValidationError

from businesscase.model import UserError
from businesscase.text import t

log = logging.getLogger("dashboards.state")


def problem_text(exc: Exception, lang: str, doing: str) -> str:
    """What the page says about a failure: the user's mistake in its own words, a bug as a
    sentence from the catalogue (never an exception's name or a traceback; the log has it).

    A database fault or a draws refusal has its own words in Dutch (``text(lang)``)."""
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        cause = (err.get("ctx") or {}).get("error")
        return str(cause) if cause else err["msg"]
    if isinstance(exc, UserError):
        text = getattr(exc, "text", None)
        return text(lang) if callable(text) else str(exc)
    log.error("%s failed", doing, exc_info=exc)
    return t("internal_error", lang)
