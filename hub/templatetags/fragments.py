"""`{% mine %}`: the one per-person choice inside a school fragment (hub.fragments).

    {% mine "will_try" idea.pk when idea.i_will_try %}A{% else %}B{% endmine %}

Rendered normally, it is `{% if idea.i_will_try %}A{% else %}B{% endif %}`. Inside a
school fragment (rendered once for everyone) it keeps both branches between markers
named `will_try:<pk>`; `hub.fragments.personal` keeps A for a person whose keys hold
that name and B for everyone else.
"""

from django import template
from django.template.defaulttags import TemplateIfParser

from hub.fragments import MINE_CLOSE, MINE_ELSE, MINE_OPEN

register = template.Library()


class MineNode(template.Node):
    def __init__(self, name, item, condition, when_mine, otherwise):
        self.name, self.item, self.condition = name, item, condition
        self.when_mine, self.otherwise = when_mine, otherwise

    def render(self, context) -> str:
        if not context.get("school_fragment"):
            chosen = self.when_mine if self.condition.eval(context) else self.otherwise
            return chosen.render(context)
        key = f"{self.name.resolve(context)}:{self.item.resolve(context)}"
        return (
            MINE_OPEN.format(key)
            + self.when_mine.render(context)
            + MINE_ELSE.format(key)
            + self.otherwise.render(context)
            + MINE_CLOSE.format(key)
        )


@register.tag
def mine(parser, token):
    bits = token.split_contents()
    if len(bits) < 5 or bits[3] != "when":
        raise template.TemplateSyntaxError(
            '{% mine "name" item.pk when condition %}...{% else %}...{% endmine %}'
        )
    name, item = parser.compile_filter(bits[1]), parser.compile_filter(bits[2])
    # The condition is written as in {% if %}: `when lunch.my_state == "confirmed"`.
    condition = TemplateIfParser(parser, bits[4:]).parse()
    when_mine = parser.parse(("else", "endmine"))
    otherwise = template.NodeList()
    if parser.next_token().contents == "else":
        otherwise = parser.parse(("endmine",))
        parser.delete_first_token()
    return MineNode(name, item, condition, when_mine, otherwise)
