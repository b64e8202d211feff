"""Each site's states and main cities, for the stores' `location` (mercadopago-api.md §5.1).

Mercado Pago refuses a store whose `city_name`/`state_name` are not Mercado Libre geographic
names of the site (400). The states are each country's first-level divisions as Mercado
Libre's location tree names them (api.mercadolibre.com/classified_locations/countries/{AR,BR,…};
ISO 3166-2 spelling where they agree); the cities are a few main ones per state, the capital
first: a small table, enough for tests and the app's own setup, which use only names in it.
Names compare without case or accents."""

from __future__ import annotations

import unicodedata

# site -> state -> main cities
PLACES: dict[str, dict[str, tuple[str, ...]]] = {
    "MLA": {
        "Capital Federal": ("Buenos Aires", "Capital Federal", "Palermo", "Belgrano", "Caballito"),
        "Buenos Aires": ("La Plata", "Mar del Plata", "Bahía Blanca", "Quilmes", "Lomas de Zamora", "Tandil"),
        "Córdoba": ("Córdoba", "Villa María", "Río Cuarto", "Villa Carlos Paz"),
        "Santa Fe": ("Santa Fe", "Rosario", "Rafaela", "Venado Tuerto"),
        "Mendoza": ("Mendoza", "San Rafael", "Godoy Cruz"),
        "Tucumán": ("San Miguel de Tucumán", "Yerba Buena"),
        "Salta": ("Salta",), "Jujuy": ("San Salvador de Jujuy",), "Entre Ríos": ("Paraná", "Concordia"),
        "Neuquén": ("Neuquén",), "Río Negro": ("Viedma", "San Carlos de Bariloche"), "Chubut": ("Rawson",),
        "Misiones": ("Posadas",), "Corrientes": ("Corrientes",), "Chaco": ("Resistencia",),
        "Santiago del Estero": ("Santiago del Estero",), "San Juan": ("San Juan",), "San Luis": ("San Luis",),
        "La Rioja": ("La Rioja",), "Catamarca": ("San Fernando del Valle de Catamarca",),
        "La Pampa": ("Santa Rosa",), "Formosa": ("Formosa",), "Santa Cruz": ("Río Gallegos",),
        "Tierra del Fuego": ("Ushuaia",),
    },
    "MLB": {
        "São Paulo": ("São Paulo", "Campinas", "Santos", "Guarulhos"), "Rio de Janeiro": ("Rio de Janeiro", "Niterói"),
        "Minas Gerais": ("Belo Horizonte", "Uberlândia"), "Bahia": ("Salvador",), "Paraná": ("Curitiba", "Londrina"),
        "Rio Grande do Sul": ("Porto Alegre",), "Pernambuco": ("Recife",), "Ceará": ("Fortaleza",),
        "Distrito Federal": ("Brasília",), "Santa Catarina": ("Florianópolis", "Joinville"), "Goiás": ("Goiânia",),
        "Pará": ("Belém",), "Amazonas": ("Manaus",), "Espírito Santo": ("Vitória",),
    },
    "MLM": {
        "Distrito Federal": ("Ciudad de México",), "Ciudad de México": ("Ciudad de México",),
        "Estado de México": ("Toluca", "Naucalpan", "Ecatepec"), "Jalisco": ("Guadalajara", "Zapopan"),
        "Nuevo León": ("Monterrey", "San Pedro Garza García"), "Puebla": ("Puebla",),
        "Yucatán": ("Mérida",), "Quintana Roo": ("Cancún", "Chetumal"), "Querétaro": ("Querétaro",),
        "Baja California": ("Tijuana", "Mexicali"), "Veracruz": ("Veracruz", "Xalapa"), "Guanajuato": ("León",),
    },
    "MLC": {
        "RM (Metropolitana)": ("Santiago", "Providencia", "Las Condes", "Maipú", "Ñuñoa"),
        "Valparaíso": ("Valparaíso", "Viña del Mar"), "Biobío": ("Concepción", "Talcahuano"),
        "Antofagasta": ("Antofagasta", "Calama"), "Coquimbo": ("La Serena", "Coquimbo"),
        "Araucanía": ("Temuco",), "Los Lagos": ("Puerto Montt", "Osorno"), "Maule": ("Talca",),
    },
    "MCO": {
        "Bogotá D.C.": ("Bogotá",), "Antioquia": ("Medellín", "Envigado"), "Valle del Cauca": ("Cali",),
        "Atlántico": ("Barranquilla",), "Bolívar": ("Cartagena",), "Santander": ("Bucaramanga",),
        "Cundinamarca": ("Soacha", "Chía"),
    },
    "MPE": {
        "Lima": ("Lima", "Miraflores", "San Isidro", "Surco"), "Arequipa": ("Arequipa",),
        "La Libertad": ("Trujillo",), "Cusco": ("Cusco",), "Piura": ("Piura",), "Callao": ("Callao",),
    },
    "MLU": {
        "Montevideo": ("Montevideo",), "Canelones": ("Canelones", "Ciudad de la Costa", "Las Piedras"),
        "Maldonado": ("Maldonado", "Punta del Este"), "Colonia": ("Colonia del Sacramento",),
        "Salto": ("Salto",), "Paysandú": ("Paysandú",),
    },
}


def fold(name: str) -> str:
    """A name as compared: no accents, no case, single spaces."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.casefold().split())


_FOLDED = {
    site: {fold(state): {fold(c) for c in cities} for state, cities in states.items()}
    for site, states in PLACES.items()
}


def is_place(site_id: str, state_name: str, city_name: str) -> bool:
    """Whether the state is one of the site's and the city one of that state's."""
    cities = _FOLDED.get(site_id, {}).get(fold(state_name))
    return cities is not None and fold(city_name) in cities


def main_place(site_id: str) -> tuple[str, str]:
    """(city, state) of the site's first listed place: its capital, for a store anywhere on the site."""
    state, cities = next(iter(PLACES[site_id].items()))
    return cities[0], state
