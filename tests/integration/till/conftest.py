"""The checkout suite's sandbox rig (every API family), for the till's reconciliation tests."""

from tests.integration.checkout.conftest import rig  # noqa: F401  (a fixture)
