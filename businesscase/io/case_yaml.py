"""A case as a self-contained YAML document that the loader accepts."""

from __future__ import annotations

import yaml

try:  # libyaml's emitter is several times faster than the pure-Python one
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

from businesscase.model import Case

from .validate import case_from_data
from .yaml_source import read_yaml_text


def case_to_yaml(case: Case) -> str:
    data = case.model_dump(mode="json", by_alias=True, exclude_none=True)
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def case_from_yaml(text: str, name: str = "<scenario>") -> Case:
    """Parse and validate; raises LoadError or InputProblem with lines in `name`."""
    return case_from_data(read_yaml_text(text, name), name)
