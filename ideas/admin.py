from ideas.admin_scrapbook import *  # noqa
