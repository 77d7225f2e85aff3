from ideas.admin_thursday import *  # noqa
