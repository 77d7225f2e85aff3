from tests.permissions.matrix import Row, everyone

ROWS = [
    Row("events:lunches", everyone(200)),
]
