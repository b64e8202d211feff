"""The register's till is built in one place: `TillConfig.for_register` (site, POS number, configured till)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.money import site


def test_no_till_configured_gives_the_sites_defaults_without_a_shift() -> None:
    till = TillConfig.for_register(site("MLB"))
    assert till == TillConfig.for_site(site("MLB"), require_shift=False)
    assert (till.pos_number, till.require_shift, till.difference_threshold) == (1, False, Decimal(50))
    assert till.quick_notes == tuple(Decimal(n) for n in (10, 20, 50, 100, 200))


def test_the_registers_number_goes_into_the_till_with_or_without_one_configured() -> None:
    configured = TillConfig.for_site(site("MLA"), difference_threshold=Decimal(500))
    third = TillConfig.for_register(site("MLA"), 3, configured)
    assert (third.pos_number, third.require_shift, third.difference_threshold) == (3, True, Decimal(500))
    assert configured.pos_number == 1  # the configured till itself is left as it was
    bare = TillConfig.for_register(site("MLA"), 7)
    assert (bare.pos_number, bare.require_shift) == (7, False)


def test_the_default_number_leaves_a_configured_tills_own_number() -> None:
    configured = TillConfig(pos_number=5)
    assert TillConfig.for_register(site("MLA"), 1, configured) is configured
    assert TillConfig.for_register(site("MLA"), 5, configured) is configured


def test_building_again_after_a_site_change_follows_the_new_site() -> None:
    assert TillConfig.for_register(site("MLA"), 2).quick_notes != TillConfig.for_register(site("MLM"), 2).quick_notes


def test_a_number_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="point-of-sale number"):
        TillConfig.for_register(site("MLA"), 100000)
