"""Setup constants that must be light to import (the composition root reads them before any window)."""

DEFAULT_API_URL = "https://api.mercadopago.com"
SANDBOX_TOKEN = "SANDBOX-MLA-demo"  # the embedded sandbox's own account (the app's and the wizard's)
