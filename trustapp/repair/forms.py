from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from trustapp.repair.services import PAUSE_CHOICES, TITLE_MAX_LENGTH
from trustapp.repair.steps import TEXT_MAX_LENGTH


class MomentForm(forms.Form):
    title = forms.CharField(
        label=_("Which moment?"),
        help_text=_("A few words you both will recognise, like “Saturday’s talk about money”."),
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": _("Give the moment a few words, so you both know which one it is."),
            "max_length": _("Please keep the name of the moment under %(limit_value)d characters."),
        },
    )


class StepForm(forms.Form):
    text = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write a few words here first. It stays with you for now."),
            "max_length": _("Please keep this under %(limit_value)d characters."),
        },
    )

    def __init__(self, *args, step, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["text"]
        field.label = step.title
        field.help_text = step.hint
        field.required = step.required


class ApologyForm(forms.Form):
    text = forms.CharField(
        label=_("Your apology, in your own words"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("An apology needs your own words. Write what you are sorry for."),
            "max_length": _("Please keep your apology under %(limit_value)d characters."),
        },
    )


def pause_label(minutes):
    if minutes < 60:
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    if minutes % 60:  # 90 minutes: "1.5 hours", with the language's decimal mark
        return _("%(n)s hours") % {"n": number_format(minutes / 60, decimal_pos=1)}
    hours = minutes // 60
    return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}


class PauseForm(forms.Form):
    minutes = forms.TypedChoiceField(
        label=_("I will be back in"),
        coerce=int,
        initial=30,
        error_messages={
            "required": _("Please choose when you will be back: from 20 minutes to a day."),
            "invalid_choice": _("Please choose when you will be back: from 20 minutes to a day."),
        },
    )
    about = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    next = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minutes"].choices = [(m, pause_label(m)) for m in PAUSE_CHOICES]


# -- Rebuilding after a betrayal ---------------------------------------------------------


def _text(label, required=True, rows=5, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": _("Write a few words here first."),
            "max_length": _("Please keep this under %(limit_value)d characters."),
        },
    )


class ChoiceForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Which is closest to how it is for you?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose the words that fit you best."),
            "invalid_choice": _("Please choose the words that fit you best."),
        },
    )

    def __init__(self, *args, **kwargs):
        from trustapp.repair.models import Role

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = Role.choices


class AcknowledgeForm(forms.Form):
    what = _text(_("What I did"), required=False, help_text=_("Plainly, without reasons."))
    impact = _text(
        _("What it did to you"), required=False, help_text=_("As far as you understand it now.")
    )


class QuestionForm(forms.Form):
    text = _text(_("Your question"), rows=3)


class AnswerForm(forms.Form):
    text = _text(_("Your answer"), required=False, rows=4)


class CommitmentForm(forms.Form):
    title = forms.CharField(
        label=_("The commitment, in a few words"),
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": _("Give the commitment a few words."),
            "max_length": _("Please keep this under %(limit_value)d characters."),
        },
    )
    text = _text(_("What I will do, concretely"), rows=3)
    revisit_on = forms.DateField(
        label=_("When we look at it again"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Choose a day to look at it again together."),
            "invalid": _("Please give a date, like 2030-05-31."),
        },
    )


class CheckinItemForm(forms.Form):
    text = forms.CharField(
        label=_("For our next check-in"),
        max_length=250,
        error_messages={
            "required": _("Write a few words for your next check-in."),
            "max_length": _("Please keep this under %(limit_value)d characters."),
        },
    )
