"""Parameter kinds: every numeric input with its unit, provenance and allowed range.

Every numeric input is a :class:`Parameter` carrying its provenance. Parameter
*kinds* (fraction, rate, money, count, years) fix the allowed range of the value and
of its low/high bounds, so an impossible value is rejected where it is written; the
range is read through :meth:`Parameter.allowed_range`.

Parameter keys
--------------
Each parameter has a dotted key, e.g. ``drivers.dwellings``,
``outcomes.less_loneliness.deadweight`` or ``economics.indexation.wages``. The engine
accepts arrays for any key (a leading draw axis), see :func:`businesscase.evaluate`.
"""

from __future__ import annotations

import datetime as _dt
import math
from enum import Enum
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from businesscase.text import TEXTS, formatting, language, t


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=False)


class Confidence(str, Enum):
    high = "high"
    medium = "medium"
    low = "low"


def refusal(kind: str, **values) -> PydanticCustomError:
    """A model's refusal of a value, of a kind the catalogue words: pydantic fills the
    English wording (``problem_<kind>``) in with the values; the interface words the same
    entry in its language (see :class:`businesscase.model.InputProblem`)."""
    return PydanticCustomError(kind, TEXTS[f"problem_{kind}"]["en"], values)


def percent_hint(value: float, lang: str = "en") -> str:
    """A hint for a fraction typed as a percentage (40 → 40%, 225 → 2.25%)."""
    if 1 < abs(value) <= 100:
        meant, write = value, value / 100
    elif 100 < abs(value) <= 10_000:
        meant, write = value / 100, value / 10_000
    else:
        return ""
    return " " + t(
        "hint_percent",
        lang,
        meant=formatting.compact(meant, lang, 6),
        write=formatting.compact(write, lang, 8),
    )


class Label(Strict):
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __call__(self, lang: str = "nl") -> str:
        return getattr(self, language(lang))


class Parameter(Strict):
    """A numeric input with its provenance.

    ``value`` is normally a float; the engine also accepts a 1-D numpy array (one value
    per Monte Carlo draw) when a parameter is overridden at evaluation time.
    """

    value: float
    label: Label | None = Field(
        default=None, description="plain name in Dutch and English, shown instead of the key"
    )
    unit: str = Field(min_length=1)
    year: int = Field(ge=1900, le=2100, description="price or reference year of the value")
    source: str | None = Field(default=None, description="title and link or publication")
    estimate: bool = False
    reasoning: str | None = Field(default=None, description="why this estimate, if estimate")
    low: float
    high: float
    confidence: Confidence
    last_checked: _dt.date | None = None
    distribution: Literal["pert", "triangular", "uniform"] | None = Field(
        default=None, description="for Monte Carlo between low and high; default PERT"
    )

    # Subclasses narrow these; the message says what is allowed.
    _min: ClassVar[float] = -math.inf
    _max: ClassVar[float] = math.inf
    _allowed: ClassVar[str] = "allowed_finite"  # a catalogue key: the message in each language
    _percent_like: ClassVar[bool] = False
    _integer: ClassVar[bool] = False

    @classmethod
    def allowed_range(cls) -> tuple[float, float]:
        """(lowest, highest) value this kind of parameter allows; ±inf where unbounded."""
        return cls._min, cls._max

    @field_validator("value", "low", "high")
    @classmethod
    def _within_kind(cls, v: float) -> float:
        if not math.isfinite(v):
            raise refusal(
                "not_finite", v=v, allowed=t(cls._allowed, "en"), allowed_key=cls._allowed
            )
        lo, hi = cls._min, cls._max
        if not (lo <= v <= hi):
            hint = percent_hint(v) if cls._percent_like else ""
            raise refusal(
                "out_of_range",
                v=v,
                allowed=t(cls._allowed, "en"),
                hint=hint,
                allowed_key=cls._allowed,
                percent_like=cls._percent_like,
            )
        if cls._integer and v != int(v):
            raise refusal("not_whole", v=v, allowed=t(cls._allowed, "en"), allowed_key=cls._allowed)
        return v

    @model_validator(mode="after")
    def _provenance(self) -> Parameter:
        if self.low > self.high:
            raise refusal("low_above_high", low=self.low, high=self.high)
        if self.estimate:
            if not (self.reasoning and self.reasoning.strip()):
                raise refusal("estimate_without_reasoning")
        elif not (self.source and self.source.strip()):
            raise refusal("no_source")
        return self


class Fraction(Parameter):
    """A share between 0 and 1 (deadweight, attribution, share reached)."""

    _min = 0.0
    _max = 1.0
    _allowed = "allowed_fraction"
    _percent_like = True


class Rate(Parameter):
    """A yearly rate as a fraction (discount rate, indexation), between -0.5 and 1."""

    _min = -0.5
    _max = 1.0
    _allowed = "allowed_rate"
    _percent_like = True


class DiscountRate(Rate):
    _min = 0.0
    _max = 0.5
    _allowed = "allowed_discount_rate"


class Amount(Parameter):
    """Money or a quantity: zero or more."""

    _min = 0.0
    _allowed = "allowed_zero_or_more"


class Years(Parameter):
    """A whole number of years, 0 to 100."""

    _min = 0.0
    _max = 100.0
    _allowed = "allowed_years"
    _integer = True


class Lifetime(Years):
    _min = 1.0
    _allowed = "allowed_lifetime"


Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


def min_or(value):
    return value.min() if hasattr(value, "min") else value


def max_or(value):
    return value.max() if hasattr(value, "max") else value
