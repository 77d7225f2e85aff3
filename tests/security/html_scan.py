"""Find markup in an HTML page that only an injection would put there."""

from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster"}
NEVER_IN_OUR_PAGES = {"iframe", "object", "embed", "base", "style", "frame"}


class _Scanner(HTMLParser):
    def __init__(self, *, email: bool = False):
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        # An email's CSS is inlined into style attributes (hub.emails), and its phone-width
        # @media rules stay in one <style> in its <head>: by design there, never in <body>.
        self.email = email
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attrs)}>"
        if tag == "body":
            self.in_body = True
        emails_own_style = self.email and tag == "style" and not self.in_body
        if tag in NEVER_IN_OUR_PAGES and not emails_own_style:
            self.findings.append(f"injected element {where}")
        if tag == "script" and not attributes.get("src"):
            self.findings.append(f"inline script {where}")
        if tag == "meta" and "http-equiv" in attributes:
            self.findings.append(f"meta http-equiv {where}")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.findings.append(f"event handler {name} in {where}")
            if name == "style" and not self.email:
                self.findings.append(f"style attribute in {where}")
            if name == "id" and value == "xss" or name == "class" and "xss" in value.split():
                self.findings.append(f"injected marker {where}")
            if name in URL_ATTRIBUTES and value.replace("\t", "").startswith(
                ("javascript:", "vbscript:", "data:text/html")
            ):
                self.findings.append(f"script URL in {where}")

    handle_startendtag = handle_starttag


def injected_markup(html: str, *, email: bool = False) -> list[str]:
    scanner = _Scanner(email=email)
    scanner.feed(html)
    scanner.close()
    return scanner.findings
