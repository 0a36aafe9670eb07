"""The form renderer: the simple widgets written in Python, everything else Django's.

Django renders every widget through the template engine: an `<input>` is its type's
template, which includes input.html, which includes attrs.html (three templates per
field); a select or a list of radios adds more per option. On a page with a form or two
that costs more than the page's own markup. This renderer writes what those templates
write, byte for byte (the line ends an included template leaves too), with format_html:
plain inputs, text areas, and selects and radio or checkbox lists without option groups.
Forms, fields and any other widget still go through Django's templates.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html, format_html_join

_WIDGETS = "django/forms/widgets/"
# The widget templates that are nothing but {% include "django/forms/widgets/input.html" %}.
_INPUTS = frozenset(
    f"{_WIDGETS}{name}.html"
    for name in (
        "input",
        "text",
        "email",
        "url",
        "number",
        "password",
        "hidden",
        "date",
        "time",
        "datetime",
        "search",
        "tel",
        "color",
        "checkbox",
    )
)


def _text(value):
    """The `stringformat:'s'` filter: a plain string, which format_html then escapes."""
    return "%s" % (value,)  # noqa: UP031 (str() would keep a SafeString safe)


def _attribute(name, value):
    return (
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, _text(value))
    )


def attributes(attrs):
    """attrs.html: in their order; True writes the name alone, False nothing."""
    return format_html_join(
        "",
        "{}",
        ((_attribute(name, value),) for name, value in attrs.items() if value is not False),
    )


def render_input(widget):
    """input.html."""
    value = widget["value"]
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        widget["type"],
        widget["name"],
        "" if value is None else format_html(' value="{}"', _text(value)),
        attributes(widget["attrs"]),
    )


def _textarea(widget):
    return format_html(
        '<textarea name="{}"{}>\n{}</textarea>',
        widget["name"],
        attributes(widget["attrs"]),
        widget["value"] or "",
    )


def _option(option):
    """select_option.html."""
    return format_html(
        '<option value="{}"{}>{}</option>',
        _text(option["value"]),
        attributes(option["attrs"]),
        option["label"],
    )


def _input_option(option):
    """input_option.html (radio_option.html, checkbox_option.html): the input, in its
    label when the option is written whole ({{ form.field }}), alone for {{ choice.tag }}."""
    if not option.get("wrap_label"):
        return render_input(option)
    id_ = option["attrs"].get("id")
    return format_html(
        "<label{}>{}\n {}</label>",
        format_html(' for="{}"', id_) if id_ else "",
        render_input(option),
        option["label"],
    )


def _options(widget, write, separator):
    return format_html_join(
        "",
        separator,
        ((write(option),) for _name, group, _index in widget["optgroups"] for option in group),
    )


def _select(widget):
    """select.html."""
    return format_html(
        '<select name="{}"{}>{}\n</select>',
        widget["name"],
        attributes(widget["attrs"]),
        _options(widget, _option, "\n  {}\n"),
    )


def _multiple_input(widget):
    """multiple_input.html (radio.html, checkbox_select.html)."""
    id_, class_ = widget["attrs"].get("id"), widget["attrs"].get("class")
    return format_html(
        "<div{}{}>{}\n</div>",
        format_html(' id="{}"', id_) if id_ else "",
        format_html(' class="{}"', class_) if class_ else "",
        _options(widget, _input_option, "<div>\n    {}\n\n</div>"),
    )


_OPTIONS = {f"{_WIDGETS}{name}_option.html" for name in ("radio", "checkbox")}
_GROUPED = {  # written here only without option groups
    f"{_WIDGETS}select.html": _select,
    f"{_WIDGETS}radio.html": _multiple_input,
    f"{_WIDGETS}checkbox_select.html": _multiple_input,
}


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if widget is not None:
            if template_name in _INPUTS:
                return render_input(widget)
            if template_name in _OPTIONS:
                return _input_option(widget)
            if template_name == f"{_WIDGETS}textarea.html":
                return _textarea(widget)
            if template_name == f"{_WIDGETS}select_option.html":
                return _option(widget)
            write = _GROUPED.get(template_name)
            if write and not any(name for name, _group, _index in widget["optgroups"]):
                return write(widget)
        return super().render(template_name, context, request)
