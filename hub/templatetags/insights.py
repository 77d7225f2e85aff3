from django import template

register = template.Library()


@register.filter
def count_for(counts, key: str) -> int:
    """`{{ row|count_for:column.key }}`: a count by metric key, 0 when there is none."""
    if hasattr(counts, "count_of"):
        return counts.count_of(key)
    return counts.get(key, 0)
