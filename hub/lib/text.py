"""Small text helpers shared by forms and templates. No Django here."""


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_plain_text(text: str) -> str:
    """Trim, unify line breaks and drop control characters that no keyboard types."""
    text = normalise_newlines(text).strip()
    return "".join(ch for ch in text if ch in "\n\t" or ch >= " ")


def initials(name: str) -> str:
    parts = [part for part in name.replace("-", " ").split() if part[:1].isalpha()]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][0].upper()
    return (parts[0][0] + parts[-1][0]).upper()


# C0 control characters no keyboard types. Tab, line feed and carriage return stay:
# text areas send them. PostgreSQL refuses NUL in text, and XML (the Word export)
# refuses the rest, so they are dropped where a request comes in.
_CONTROL_CHARACTERS = {code: None for code in range(32) if chr(code) not in "\t\n\r"}


def drop_control_characters(text: str) -> str:
    return text.translate(_CONTROL_CHARACTERS)
