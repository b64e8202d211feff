"""docs/screenshots/make.py has a picture for every dialog the fit tests check (tests/ui/layout), so a
new dialog without a screenshot fails here. Nothing is rendered: only the lists are compared."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.ui.layout.test_window_fit import NAMES

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def make():
    spec = importlib.util.spec_from_file_location("screenshots_make", ROOT / "docs" / "screenshots" / "make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_dialog_of_the_fit_test_has_a_screenshot(make):
    names = make.screen_names()
    assert NAMES and not set(NAMES) - set(names), sorted(set(NAMES) - set(names))


def test_every_settings_page_the_fit_test_walks_has_a_screenshot(make):
    from qrcashier.ui.setup.wizard import PAGE_CLASSES

    pages = [cls.key for cls in PAGE_CLASSES if cls.in_settings]  # what SetupDialog(settings_mode=True) shows
    missing = [key for key in pages if f"settings-{key}" not in make.screen_names()]
    assert pages and not missing, missing


def test_the_window_screens_and_the_issue_s_dialogs_are_listed(make):
    names = set(make.screen_names())
    wanted = {"main-empty", "main-cart", "main-charging", "main-paid", "paid-receipt", "customer-charging",
              "sales", "supervisor-pin", "refund", "cancel", "audit-log", "x_report", "z_report", "card",
              "cash_in", "cash_out", "close_shift", "close_counted", "settings-fiscal", "main-printer-offline"}
    assert not wanted - names, sorted(wanted - names)
    assert len(names) == len(make.screen_names())  # one picture per name and language


def test_the_index_lists_every_picture_in_every_language(make):
    folder = ROOT / "docs" / "screenshots"
    index = (folder / "README.md").read_text(encoding="utf-8")
    missing = [f"{name}-{lang}.png" for name in make.screen_names() for lang in make.LANGUAGES
               if f"({name}-{lang}.png)" not in index or not (folder / f"{name}-{lang}.png").exists()]
    assert not missing, missing
