"""A directory of schools: England's register (GIAS), searched by network leads to
find schools to invite, and compared for "schools like ours"."""
