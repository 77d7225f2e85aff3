"""Security sweep (issue 8). Figures for the closing note:

- Permission matrix: 80 URL names, every one with rows for anonymous, a teacher, a
  moderator, a school admin and a teacher at another school; plus every other role
  (TA, support, office, senior leader, headteacher) against the teacher's expectation and
  a moderator+admin of another school (404 on each of this school's objects).
- CSRF: a token-less POST to each of the 80 URL names, signed in as a leader -> 403.
- XSS: 41 payloads x 32 text fields; 206 pages scanned server side (every list followed
  to its last page, every object's page), 29 pages opened in Chromium with the CSP
  bypassed, plus one payload typed through the real idea, comment and profile forms.
- Uploads: hypothesis, FUZZ_EXAMPLES (default 40) per cleaner and for the resources page.
"""
