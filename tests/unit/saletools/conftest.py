"""Sale tools run on the till's engine: the same fixture as tests/unit/till."""

from tests.unit.till.conftest import TILL, till

__all__ = ["TILL", "till"]
