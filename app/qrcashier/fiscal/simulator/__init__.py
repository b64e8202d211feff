"""A local ARCA: WSAA and WSFEv1 over SOAP on loopback, its own test certificate authority,
ARCA's validations and error codes, fault injection and a QR check page (`qrcashier-arca-sim`)."""
