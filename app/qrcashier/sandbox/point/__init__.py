"""The sandbox's Mercado Pago Point terminals: Point orders through the Orders API, the
terminals list and setup, and a terminal page where a person taps a card."""
