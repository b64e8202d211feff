"""Every sentence the card tenders make outside Qt is listed for translation (ui/point/engine_texts.py)."""

from __future__ import annotations

import inspect

from qrcashier.checkout import gateway_point
from qrcashier.mercadopago import point
from qrcashier.ui.point.engine_texts import SENTENCES


def test_every_point_typed_error_and_declined_detail_is_listed():
    listed = set(SENTENCES)
    errors = [cls for _, cls in inspect.getmembers(point, inspect.isclass)
              if cls.__module__ == point.__name__ and issubclass(cls, point.MercadoPagoError)]
    assert len(errors) >= 9
    missing = [cls.default_user_message for cls in errors if cls.default_user_message not in listed]
    for detail in [*gateway_point.DECLINED.values(), "declined"]:
        sentence = f"The card was declined ({detail}): charge again or take another tender."
        if sentence not in listed:
            missing.append(sentence)
    assert not missing, missing
