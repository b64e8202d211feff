"""Orders API payloads from mercadopago-api.md §2 (real replies quoted there, anonymised ids)."""

CREATED = {
    "id": "ORD01K8XQXAC5F2HA56BWPN4ZJ53G",
    "type": "qr",
    "processing_mode": "automatic",
    "external_reference": "TEST-001",
    "description": "Test Order from Mi Tienda Nueva",
    "total_amount": "1000.00",
    "expiration_time": "PT16M",
    "country_code": "ARG",
    "user_id": "495852790",
    "status": "created",
    "status_detail": "created",
    "currency": "ARS",
    "created_date": "2025-10-31T18:19:08.684Z",
    "last_updated_date": "2025-10-31T18:19:08.684Z",
    "integration_data": {"application_id": "907286131156759"},
    "transactions": {"payments": [{"id": "PAY01K8XQXAC5F2HA56BWPPZA1AH7", "amount": "1000.00",
                                   "status": "created", "status_detail": "ready_to_process"}]},
    "config": {"qr": {"external_pos_id": "STOREFAKAPOS001", "mode": "static"}},
    "items": [{"title": "Test Product", "unit_price": "1000.00", "unit_measure": "unit",
               "external_code": "TEST-ITEM-001", "quantity": 1}],
}

DYNAMIC = {
    **CREATED,
    "config": {"qr": {"external_pos_id": "STOREFAKAPOS001", "mode": "dynamic"}},
    "type_response": {
        "qr_data": "00020101021243650016COM.MERCADOLIBRE0201306360000000000000000000000000000000000006304ABCD"
    },
}

PROCESSED = {
    "id": "ORDTST01KC220W64G2BQFHHEY1EN1ZZJ", "type": "qr", "processing_mode": "automatic",
    "external_reference": "ID23", "description": "Order QR - Sucursal 22",
    "total_amount": "5200.00", "total_paid_amount": "5200.00", "expiration_time": "PT16M",
    "country_code": "ARG", "user_id": "3021033244", "status": "processed", "status_detail": "accredited",
    "currency": "ARS", "created_date": "2025-12-09T17:19:54.099Z", "last_updated_date": "2025-12-09T17:20:18.363Z",
    "integration_data": {"application_id": "2734487936082990"},
    "config": {"qr": {"external_pos_id": "SUC22CAJA1", "mode": "static"}},
    "transactions": {"payments": [{"id": "PAY01KC220W64G2BQFHHEY4M74MGJ", "amount": "5200.00", "paid_amount": "5200.00",
                                   "reference_id": "137159042654", "status": "processed", "status_detail": "accredited",
                                   "payment_method": {"id": "visa", "type": "credit_card", "installments": 1}}]},
    "items": [{"title": " Citric naranja 1lt", "unit_price": "5200.00", "unit_measure": "unit",
               "external_code": "7798085681568", "quantity": 1}],
}

CANCELED = {
    **CREATED,
    "status": "canceled", "status_detail": "canceled",
    "transactions": {"payments": [{"id": "PAY01K8XQXAC5F2HA56BWPPZA1AH7", "amount": "1000.00",
                                   "status": "canceled", "status_detail": "canceled_by_api"}]},
}

REFUND_ACCEPTED = {
    "id": "ORDTST01KC220W64G2BQFHHEY1EN1ZZJ",
    "status": "processed",
    "status_detail": "accredited",
    "transactions": {
        "refunds": [
            {
                "id": "REF01KC23AAAAAAAAAAAAAAAAAAAA",
                "transaction_id": "PAY01KC220W64G2BQFHHEY4M74MGJ",
                "reference_id": "1234567890",
                "amount": "5200.00",
                "status": "processing",
            }
        ]
    },
}


def errors(code: str, message: str, *details: str) -> dict:
    return {"errors": [{"code": code, "message": message, "details": list(details)}]}
