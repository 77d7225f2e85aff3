"""Hostile text for the XSS sweep: each payload is stored in every user-facing text field
and must come back as text. All are at most 60 characters so they fit every field."""

PAYLOADS = [
    # Script tags, plain and hidden.
    "<script>alert(1)</script>",
    "<script>window.__xss=1</script>",
    "<ScRiPt>alert(2)</sCrIpT>",
    "<scr<script>ipt>alert(3)</script>",
    "<svg><script>alert(4)</script></svg>",
    # Event handlers on elements.
    "<img src=x onerror=alert(5) id=xss>",
    '<img src=x onerror="window.__xss=1" class=xss>',
    "<svg onload=alert(6) id=xss>",
    "<details open ontoggle=alert(7) id=xss>",
    "<input autofocus onfocus=alert(8) id=xss>",
    "<video><source onerror=alert(9) id=xss>",
    "<body onload=alert(10)>",
    "<img src=x:x onerror=alert&#40;11&#41; id=xss>",
    # javascript: and other URLs.
    '<a href="javascript:alert(12)" id=xss>click</a>',
    '<iframe src="javascript:alert(13)" id=xss>',
    '<object data="javascript:alert(14)" id=xss>',
    "<form action=javascript:alert(15) id=xss><button>go",
    "javascript:alert(16)",
    '<base href="//evil.example/">',
    '<meta http-equiv=refresh content="0;url=//evil.example">',
    # Breaking out of attributes and elements.
    '" onmouseover="alert(17)" x="',
    "' onfocus='alert(18)' autofocus x='",
    '" autofocus onfocus=alert(19) id=xss x="',
    '"><script>alert(20)</script>',
    "'><img src=x onerror=alert(21) id=xss>",
    "</textarea><script>alert(22)</script>",
    "</title><script>alert(23)</script>",
    "--><script>alert(24)</script><!--",
    # Template injection (Django, Jinja, JS template literals).
    "{{7*7}}",
    "{% debug %}{{ request }}",
    "${alert(25)}#{7*7}",
    # Markdown tricks.
    "[click me](javascript:alert(26))",
    '![x](x" onerror="alert(27))',
    "<http://a.example/?q=<script>alert(28)</script>>",
    # Styles and CSS.
    '<div style="background:url(javascript:alert(29))" id=xss>',
    "<style>*{display:none}</style>",
    # Encodings and unicode tricks.
    "&lt;script&gt;alert(30)&lt;/script&gt;",
    "%3Cscript%3Ealert(31)%3C/script%3E",
    "\uff1cscript\uff1ealert(32)\uff1c/script\uff1e",
    "\u202e<script>alert(33)</script>",
    "\u003cimg src=x onerror=alert(34) id=xss\u003e",
]

assert all(len(payload) <= 60 for payload in PAYLOADS), [p for p in PAYLOADS if len(p) > 60]
assert len(set(PAYLOADS)) == len(PAYLOADS)
