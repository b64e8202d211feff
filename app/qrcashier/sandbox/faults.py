"""Fault rules: which Mercado Pago requests the sandbox slows down, fails, drops or garbles.

A rule, as JSON (`PUT /sandbox/faults` takes a list of them):

    {"path": "/merchant_orders/*", "method": "GET", "kind": "status", "status": 503,
     "seconds": 2.0, "retry_after": 1, "times": 1, "after": false}

- `path`: a glob on the request path (`*` also crosses `/`); `method`: a method or "*".
- `kind`: `latency` (wait `seconds`, then answer normally), `status` (answer `status`,
  default 503, in the classic envelope), `rate_limit` (429 with `Retry-After: retry_after`,
  default 1), `drop` (close the connection without an HTTP answer), `malformed` (200 with
  a body that is not valid JSON).
- `times`: how many matching requests it hits; omitted means forever.
- `after`: false (default) fails the request before it touches any state; true performs
  the request first and then delays/fails/drops/garbles the answer, the "outcome unknown"
  case. `retry_after` may also be set on a `status` rule.

The first rule that matches and still has `times` left applies; one rule per request.
This module is pure; `middleware.py` applies the rules to the MP routes (never to /sandbox/).
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

KINDS = ("latency", "status", "rate_limit", "drop", "malformed")
FIELDS = {"path", "method", "kind", "seconds", "status", "retry_after", "times", "after"}


class InvalidFault(ValueError):
    pass


@dataclass
class FaultRule:
    kind: str
    path: str = "*"
    method: str = "*"
    seconds: float = 0.0
    status: int = 503
    retry_after: int | None = None
    times: int | None = None  # remaining hits; None = forever
    after: bool = False
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        if self.method != "*" and self.method != method.upper():
            return False
        return fnmatch.fnmatchcase(path, self.path)

    @classmethod
    def from_json(cls, data: Any) -> FaultRule:
        if not isinstance(data, dict):
            raise InvalidFault("each fault rule must be an object")
        unknown = set(data) - FIELDS
        if unknown:
            raise InvalidFault(f"unknown fault field(s): {', '.join(sorted(unknown))}")
        kind = data.get("kind")
        if kind not in KINDS:
            raise InvalidFault(f"kind must be one of {', '.join(KINDS)}")
        rule = cls(kind=kind)
        if "path" in data:
            if not isinstance(data["path"], str) or not data["path"].startswith(("/", "*")):
                raise InvalidFault("path must be a glob starting with / or *")
            rule.path = data["path"]
        if "method" in data:
            if not isinstance(data["method"], str) or not data["method"].isalpha() and data["method"] != "*":
                raise InvalidFault("method must be an HTTP method or *")
            rule.method = data["method"].upper()
        if "seconds" in data:
            if not _number(data["seconds"]) or data["seconds"] < 0:
                raise InvalidFault("seconds must be a number >= 0")
            rule.seconds = float(data["seconds"])
        if kind == "rate_limit":
            rule.status = 429
        elif "status" in data:
            if not _int(data["status"]) or not 400 <= data["status"] <= 599:
                raise InvalidFault("status must be an HTTP error status (400-599)")
            rule.status = data["status"]
        if data.get("retry_after") is not None:
            if not _int(data["retry_after"]) or data["retry_after"] < 0:
                raise InvalidFault("retry_after must be a whole number of seconds")
            rule.retry_after = data["retry_after"]
        elif kind == "rate_limit":
            rule.retry_after = 1
        if data.get("times") is not None:
            if not _int(data["times"]) or data["times"] < 1:
                raise InvalidFault("times must be an integer >= 1 (omit it for forever)")
            rule.times = data["times"]
        if "after" in data:
            if not isinstance(data["after"], bool):
                raise InvalidFault("after must be true or false")
            rule.after = data["after"]
        return rule

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "method": self.method,
            "kind": self.kind,
            "seconds": self.seconds,
            "status": self.status,
            "retry_after": self.retry_after,
            "times": self.times,
            "after": self.after,
            "hits": self.hits,
        }


class FaultSet:
    """The active rules, in order. `take` consumes one hit of the first matching rule."""

    def __init__(self) -> None:
        self.rules: list[FaultRule] = []

    def set(self, rules: list[dict[str, Any] | FaultRule]) -> None:
        """Replace every rule (accepts JSON dicts or FaultRule objects); all-or-nothing."""
        if not isinstance(rules, list):
            raise InvalidFault("faults must be a JSON list of rules")
        self.rules = [r if isinstance(r, FaultRule) else FaultRule.from_json(r) for r in rules]

    def clear(self) -> None:
        self.rules = []

    def take(self, method: str, path: str) -> FaultRule | None:
        for rule in self.rules:
            if rule.matches(method, path):
                rule.hits += 1
                if rule.times is not None:
                    rule.times -= 1
                    if rule.times == 0:
                        self.rules.remove(rule)
                return rule
        return None

    def to_json(self) -> list[dict[str, Any]]:
        return [r.to_json() for r in self.rules]


def _number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
