"""The catalog import report's details in the app's language (issue 14.8): the summary, each
rejected row's line and reason, in Spanish and Portuguese; English untouched."""

from __future__ import annotations

import pytest

from qrcashier.catalog.csv_import import parse_csv
from qrcashier.domain.money import SITES
from qrcashier.ui.sale.catalog_actions import CatalogActions
from qrcashier.ui.shell import i18n

CSV = (
    "code;name;price;barcode;unit\n"
    "A1;Yerba;2000;;unit\n"
    ";Sin código;100;;unit\n"
    "A2;;100;;unit\n"
    "A1;Otra;100;;unit\n"
    "A3;Leche;100;;caja\n"
)


@pytest.fixture
def language(qapp):
    yield lambda code: i18n.install(qapp, code)
    i18n.uninstall(qapp)


def details(qapp) -> str:
    _, report = parse_csv(CSV, SITES["MLA"])
    assert len(report.rejected) == 4
    actions = CatalogActions.__new__(CatalogActions)  # the report's text only: no window needed
    return CatalogActions.import_details(actions, report)


@pytest.mark.parametrize(("code", "words"), [
    ("es", ("filas leídas", "línea 3", "línea 4", "línea 5", "línea 6")),
    ("pt_BR", ("linhas lidas", "linha 3", "linha 4", "linha 5", "linha 6")),
])
def test_the_details_follow_the_language(qapp, language, code, words):
    language(code)
    text = details(qapp)
    for word in words:
        assert word in text, (word, text)
    for english in ("no code", "no name", "repeats line", "unknown unit", "rows read"):
        assert english not in text, (english, text)


def test_english_is_the_catalog_own(qapp):
    text = details(qapp)
    assert "line 3: no code" in text and "unknown unit 'caja'" in text
