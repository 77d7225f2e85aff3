from tests.hub.networks.conftest import lead, trust, trust_school  # noqa: F401
