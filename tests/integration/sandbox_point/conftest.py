"""The sandbox_orders fixtures (loopback sandbox with a frozen clock, a seller with a store and a POS)."""

from tests.integration.sandbox_orders.conftest import catcher, make_seller, seller, server  # noqa: F401
