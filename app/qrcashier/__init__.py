"""QR Cashier: a desktop cashier for Mercado Pago in-store QR payments."""

__version__ = "0.1.0"
