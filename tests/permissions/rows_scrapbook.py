from tests.permissions.matrix import Row, everyone

ROWS = [
    Row("ideas:scrapbook", everyone(200)),
]
