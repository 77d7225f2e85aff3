from tests.permissions.matrix import Row, everyone

ROWS = [
    Row("ideas:board", everyone(200)),
]
