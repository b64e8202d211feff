"""Pure domain: money, sites, carts, references, EMVCo payloads. No Qt, no I/O."""
