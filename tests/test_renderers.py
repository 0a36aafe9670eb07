"""The form renderer writes the widgets it knows exactly as Django's templates do."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.template import engines

from trustapp.lib.renderers import FormRenderer

CHOICES = [("1", "One"), ("2", 'Two <"&">'), ("3", "Three")]
GROUPED = [("Odd", [("1", "One"), ("3", "Three")]), ("Even", [("2", "Two")])]


class Everything(forms.Form):
    text = forms.CharField(max_length=20, widget=forms.TextInput(attrs={"data-x": 'a"b'}))
    email = forms.EmailField(required=False)
    number = forms.IntegerField(min_value=0, required=False)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    hidden = forms.IntegerField(widget=forms.HiddenInput, required=False)
    secret = forms.CharField(widget=forms.PasswordInput, required=False)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    flag = forms.BooleanField(required=False)
    pick = forms.ChoiceField(choices=CHOICES, widget=forms.Select(attrs={"autofocus": True}))
    picks = forms.MultipleChoiceField(choices=CHOICES, required=False)
    grouped = forms.ChoiceField(choices=GROUPED, required=False)
    one = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect)
    one_grouped = forms.ChoiceField(choices=GROUPED, widget=forms.RadioSelect, required=False)
    some = forms.MultipleChoiceField(
        choices=CHOICES,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "chips"}),
        required=False,
    )


PAGE = (
    "{% for field in form %}{{ field }}|{% for c in field.subwidgets %}{{ c.tag }}{{ c }}"
    "{% endfor %}{% endfor %}{{ form }}"
)


def rendered(renderer, data, initial=None):
    form = Everything(data, initial=initial, renderer=renderer)
    form.is_valid()  # errors add aria-invalid and aria-describedby
    return engines["django"].from_string(PAGE).render({"form": form})


@pytest.mark.parametrize(
    "data, initial",
    [
        (None, None),
        (None, {"text": 'x<"&>', "number": 7, "day": datetime.date(2026, 2, 3), "flag": True}),
        (
            {
                "text": "tea & <b>",
                "email": "a@example.org",
                "number": "12",
                "day": "2026-12-07",
                "hidden": "4",
                "note": "line\n<two>",
                "flag": "on",
                "pick": "2",
                "picks": ["1", "3"],
                "grouped": "2",
                "one": "3",
                "one_grouped": "1",
                "some": ["1", "3"],
            },
            None,
        ),
        ({"text": "x" * 30, "number": "-1", "pick": "9", "one": "", "some": ["7"]}, None),
    ],
    ids=["empty", "initial", "valid", "invalid"],
)
def test_the_same_markup_as_djangos_templates(data, initial):
    ours = rendered(FormRenderer(), data, initial)
    assert ours == rendered(DjangoTemplates(), data, initial)
    if data and data.get("pick") == "2":
        assert '<option value="2" selected>Two &lt;&quot;&amp;&quot;&gt;</option>' in ours
        assert "<textarea" in ours and "&lt;two&gt;</textarea>" in ours


def test_the_project_uses_it_and_writes_without_templates(monkeypatch):
    form = Everything(initial={"pick": "2"})
    assert isinstance(form.renderer, FormRenderer)

    def no_template(*args, **kwargs):
        raise AssertionError("a widget template was rendered")

    monkeypatch.setattr(DjangoTemplates, "render", no_template)
    for name in ("text", "note", "pick", "picks", "flag", "hidden"):
        assert f'name="{name}"' in str(form[name])
    assert [str(choice.tag()) for choice in form["one"]][1].startswith('<input type="radio"')
