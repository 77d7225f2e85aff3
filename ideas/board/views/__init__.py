"""Board views: the wall and its archive (pages), one idea (ideas), follow-ups (responses)."""
