"""Script-injection payloads and a valid case whose every user text carries them.

Each text gets a marker of its own (``Q07``) followed by every payload with that marker's
number in ``alert(...)``: a dialog then says which text ran, and a test can check that the
marker is shown as text (so that a page that shows nothing does not pass)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

VALID = Path(__file__).resolve().parents[1] / "bad_inputs" / "valid_case.yaml"

PAYLOADS = (
    "<img src=x onerror=alert({n})>",
    "<script>alert({n})</script>",
    '"><svg onload=alert({n})>',
    "javascript:alert({n})",
    "[x](javascript:alert({n}))",
    "<a href=javascript:alert({n})>a</a>",
    "**b** _i_ `c` # h",
)

# Scenario names may not hold a slash (they name files in exports): the payloads without one.
SLASHLESS = tuple(k for k in PAYLOADS if "/" not in k)


def payload(n: int, kinds=PAYLOADS) -> str:
    return f"Q{n:02d} " + " ".join(k.format(n=n) for k in kinds)


def payload_case(
    start: int = 1, text: Callable[[int], str] = payload
) -> tuple[dict, dict[str, int]]:
    """The valid case with a payload in every text a user can write: (case, field → n);
    ``text(n)`` gives the text of the n-th field."""
    case = yaml.safe_load(VALID.read_text(encoding="utf-8"))
    fields: dict[str, int] = {}
    counter = iter(range(start, start + 1000))

    def mark(where: str) -> str:
        n = next(counter)
        fields[where] = n
        return text(n)

    meta = case["meta"]
    meta["name"] = mark("meta.name")
    meta["location"] = mark("meta.location")
    meta["description"] = mark("meta.description")
    meta["zero_alternative"] = {
        "nl": mark("meta.zero_alternative.nl"),
        "en": mark("meta.zero_alternative.en"),
    }
    for partner in case["partners"]:
        partner["name"] = {
            "nl": mark(f"partner {partner['id']} nl"),
            "en": mark(f"partner {partner['id']} en"),
        }
    for section in ("costs", "outcomes"):
        for item in case[section]:
            item["label"] = {
                "nl": mark(f"{item['id']} label nl"),
                "en": mark(f"{item['id']} label en"),
            }

    def parameters(node, path):
        if isinstance(node, dict):
            if "value" in node and "unit" in node:
                money = "€" in node["unit"]
                node["unit"] = ("€ " if money else "") + mark(f"{path} unit")
                if node.get("estimate"):
                    node["reasoning"] = mark(f"{path} reasoning")
                else:
                    node["source"] = mark(f"{path} source")
                return
            for key, value in node.items():
                parameters(value, f"{path}.{key}" if path else key)
        elif isinstance(node, list):
            for item in node:
                parameters(
                    item, f"{path}.{item.get('id', '?')}" if isinstance(item, dict) else path
                )

    for section in ("economics", "drivers", "costs", "outcomes"):
        parameters(case[section], section)
    return case, fields


def payload_case_yaml(
    start: int = 1, text: Callable[[int], str] = payload
) -> tuple[bytes, dict[str, int]]:
    case, fields = payload_case(start, text)
    return yaml.safe_dump(case, allow_unicode=True, sort_keys=False).encode("utf-8"), fields


def bad_key_yaml(key: str) -> bytes:
    """The valid case with one unknown key (a payload): its error message names the key."""
    text = VALID.read_text(encoding="utf-8")
    quoted = yaml.safe_dump(key, allow_unicode=True, width=10**6).removesuffix("\n...\n").strip()
    return text.replace("  horizon: 10\n", f"  horizon: 10\n  {quoted}: 1\n").encode("utf-8")


MARKER = re.compile(r"Q\d\d")

# Every element in the page (shadow roots included) that a payload could have built; the
# page's own elements never match (no img src=x, no inline handler calling alert, ...).
LIVE_ELEMENTS_JS = r"""() => {
    const found = [];
    const visit = root => {
        for (const el of root.querySelectorAll('*')) {
            const tag = el.tagName.toLowerCase();
            if (tag === 'img' && el.getAttribute('src') === 'x') found.push('img src=x');
            if (tag === 'svg' && el.hasAttribute('onload')) found.push('svg onload');
            if (tag === 'script' && /alert\(/.test(el.textContent)) found.push('script alert');
            for (const a of el.attributes) {
                if (a.name.startsWith('on') && /alert/.test(a.value))
                    found.push(tag + ' ' + a.name);
                if (['href', 'src', 'action', 'formaction'].includes(a.name)
                    && /^\s*javascript:/i.test(a.value))
                    found.push(tag + ' ' + a.name + ' javascript:');
            }
            if (el.shadowRoot) visit(el.shadowRoot);
        }
    };
    visit(document);
    return found;
}"""

# All text a person can see, shadow roots included (option labels too).
PAGE_TEXT_JS = r"""() => {
    const walk = n => (n.shadowRoot ? walk(n.shadowRoot) : '') + Array.from(n.childNodes)
        .map(c => c.nodeType === 3 ? c.textContent
             : (c.nodeType === 1 && !['STYLE', 'SCRIPT'].includes(c.tagName))
                 ? walk(c) : '')
        .join(' ');
    return walk(document.body);
}"""
