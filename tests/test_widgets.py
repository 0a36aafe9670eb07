"""The choice widgets that write their options in Python write what Django's templates do."""

import re

import pytest
from django import forms
from django.template import engines

from trustapp.lib import widgets

pytestmark = pytest.mark.embedded

CHOICES = [("1", "One"), ("2", 'Two <"&">'), ("3", "Three")]


def form_with(select, radio, checkboxes):
    class Form(forms.Form):
        pick = forms.ChoiceField(choices=CHOICES, widget=select(attrs={"data-x": 'a"b'}))
        one = forms.ChoiceField(choices=CHOICES, widget=radio)
        some = forms.MultipleChoiceField(choices=CHOICES, widget=checkboxes, required=False)

    return Form


def rendered(form_class, data):
    form = form_class(data)
    form.is_valid()  # errors add aria-invalid and aria-describedby
    template = engines["django"].from_string(
        "{{ form.pick }}|{% for c in form.one %}{{ c.tag }}{% endfor %}"
        "|{% for c in form.some %}{{ c.tag }}{% endfor %}|{{ form.one }}"
    )
    return re.sub(r">\s+<", "><", template.render({"form": form}).strip())


@pytest.mark.parametrize(
    "data",
    [{}, {"pick": "2", "one": "3", "some": ["1", "3"]}, {"pick": "9", "one": "", "some": ["7"]}],
)
def test_the_same_markup_as_djangos_templates(data):
    ours = form_with(widgets.Select, widgets.RadioSelect, widgets.CheckboxSelectMultiple)
    djangos = form_with(forms.Select, forms.RadioSelect, forms.CheckboxSelectMultiple)
    assert rendered(ours, data) == rendered(djangos, data)
    if data.get("pick") == "2":
        assert '<option value="2" selected>Two &lt;&quot;&amp;&quot;&gt;</option>' in rendered(
            ours, data
        )


def test_option_groups_are_left_to_django():
    grouped = [("Odd", [("1", "One"), ("3", "Three")]), ("Even", [("2", "Two")])]
    ours = widgets.Select(choices=grouped).render("n", "3")
    assert ours == forms.Select(choices=grouped).render("n", "3")
    assert '<optgroup label="Odd">' in ours
