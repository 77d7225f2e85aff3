"""How tags are typed and shown: separated by commas, never quoted.

taggit's default splits on spaces too and shows multi-word tags in quotes
(`"retrieval practice", questioning`), which reads like code to most staff.
"""


def parse_tags(text: str) -> list[str]:
    """Comma-separated names, trimmed, without blanks or repeats (ignoring case)."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        name = " ".join(part.split()).strip('"')
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())


def format_tags(tags) -> str:
    return ", ".join(sorted((tag.name for tag in tags), key=str.lower))
