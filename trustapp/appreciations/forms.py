import re
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from trustapp.appreciations.models import REPLY_MAX_LENGTH, TEXT_MAX_LENGTH, Quality

EARLIEST_YEAR = 1900
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


class AppreciationForm(forms.Form):
    text = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write a few words about what they did."),
            "max_length": _(
                "Please keep it under %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )
    happened_on = forms.DateField(
        label=_("When"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Pick the day it happened."),
            "invalid": _("Enter a date like 2026-03-14."),
        },
    )
    qualities = forms.MultipleChoiceField(
        label=_("What it showed"),
        choices=Quality.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Pick qualities from the list.")},
    )

    def __init__(self, *args, partner=None, **kwargs):
        # Unique ids: this form shares the home page with other features' forms.
        kwargs.setdefault("auto_id", "appreciation-%s")
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        if partner is not None:
            self.fields["text"].label = _("What did %(name)s do?") % {"name": partner.name}
        else:
            self.fields["text"].label = _("What did they do?")
        self.fields["text"].widget.attrs["maxlength"] = TEXT_MAX_LENGTH
        self.fields["happened_on"].widget.attrs["max"] = self.today.isoformat()
        if not self.is_bound and "happened_on" not in self.initial:
            self.initial["happened_on"] = self.today

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write a few words about what they did."))
        return text

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day > self.today:
            raise forms.ValidationError(
                _("That day has not happened yet. Pick today or a day before.")
            )
        if day.year < EARLIEST_YEAR:
            raise forms.ValidationError(_("Pick a day from %(year)d on.") % {"year": EARLIEST_YEAR})
        return day


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Reply briefly"),
        max_length=REPLY_MAX_LENGTH,
        error_messages={
            "required": _("Write a few words, or leave it for now."),
            "max_length": _(
                "A reply is brief: at most %(limit_value)d characters (this has %(show_value)d)."
            ),
        },
    )

    def clean_reply(self):
        reply = self.cleaned_data["reply"].strip()
        if not reply:
            raise forms.ValidationError(_("Write a few words, or leave it for now."))
        return reply


class NoticeForm(forms.Form):
    """The optional line that goes with "I noticed you kept this"."""

    line = forms.CharField(
        label=_("A line to go with it (if you like)"),
        max_length=REPLY_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": _(
                "Keep it to a line: at most %(limit_value)d characters (this has %(show_value)d)."
            ),
        },
    )

    def clean_line(self):
        return self.cleaned_data["line"].strip()


class LogFilterForm(forms.Form):
    """The log's filters. Anything invalid is explained and left out of the filter."""

    by = forms.ChoiceField(label=_("Written by"), required=False, widget=forms.Select)
    quality = forms.ChoiceField(label=_("Quality"), required=False, widget=forms.Select)
    month = forms.CharField(label=_("Month"), required=False, widget=forms.Select)
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def __init__(self, *args, partner=None, months=(), **kwargs):
        kwargs.setdefault("auto_id", "log-%s")
        super().__init__(*args, **kwargs)
        partner_name = partner.name if partner is not None else _("Your partner")
        self.fields["by"].choices = [
            ("", _("Both of you")),
            ("me", _("You")),
            ("partner", partner_name),
        ]
        self.fields["quality"].choices = [("", _("Any quality")), *Quality.choices]
        self.fields["month"].widget.choices = [("", _("Any month"))] + [
            (f"{m:%Y-%m}", date_format(m, "MONTH_YEAR")) for m in months
        ]
        self.fields["by"].error_messages["invalid_choice"] = _("Pick someone from the list.")
        self.fields["quality"].error_messages["invalid_choice"] = _("Pick a quality from the list.")

    def clean_month(self):
        value = self.cleaned_data["month"]
        if not value:
            return None
        match = MONTH_RE.match(value)
        if not match:
            raise forms.ValidationError(_("Pick a month from the list."))
        year, month = int(match[1]), int(match[2])
        if not (1 <= month <= 12 and year >= EARLIEST_YEAR):
            raise forms.ValidationError(_("Pick a month from the list."))
        return date(year, month, 1)

    def filters(self):
        """The valid filters only; an invalid one is shown as an error and ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {key: data.get(key) for key in ("by", "quality", "month", "q") if data.get(key)}

    @property
    def is_filtered(self):
        return bool(self.filters())
