from tests.permissions.matrix import Row, everyone

ROWS = [
    Row("ideas:thursday", everyone(200)),
]
