"""Choice widgets that write their options in Python.

Django renders every option of a select, and every checkbox or radio a template loops
over (`{{ choice.tag }}`), through the template engine: three nested templates each. On a
page with a few choice fields that is dozens of template renders, more than the page's
own markup costs, and a list that grows with the data (the months of a log) grows them
too. These widgets write exactly the markup Django's templates would, with format_html.
"""

from django import forms
from django.utils.html import format_html, format_html_join


def flatatt(attrs):
    """Django's attrs.html: in their order; True writes the name alone, False nothing."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


def _input(widget):
    """Django's input.html: <input type name value attrs>."""
    value = widget["value"]
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        widget["type"],
        widget["name"],
        "" if value is None else format_html(' value="{}"', value),
        flatatt(widget["attrs"]),
    )


class Select(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        if any(group_name for group_name, _options, _index in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)  # option groups: Django's
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(widget["attrs"]), options
        )


class _OptionTags:
    """`{{ choice.tag }}` (a BoundWidget's tag: the input alone) without a template."""

    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        if template_name == self.option_template_name and not widget.get("wrap_label"):
            return _input(widget)
        return super()._render(template_name, context, renderer)


class RadioSelect(_OptionTags, forms.RadioSelect):
    pass


class CheckboxSelectMultiple(_OptionTags, forms.CheckboxSelectMultiple):
    pass
