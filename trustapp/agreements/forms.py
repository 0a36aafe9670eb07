import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trustapp.agreements.models import Category
from trustapp.lib.forms import VersionedForm
from trustapp.lib.i18n import translated

# Something that looks like an HTML tag: "<b>", "</p>", "<!--", "<script ...".
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>?")


def plain_text(value):
    if HTML_TAG.search(value or ""):
        raise ValidationError(
            _("Please write plain words without HTML tags such as <b> or <a>."), code="html"
        )


def text_field(*, max_length, required=True, rows=4, label, help_text="", required_message=""):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": required_message} if required_message else {},
    )


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return translated(obj, "name")  # in the reader's language


def category_field():
    return CategoryChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        empty_label=None,
        error_messages={"invalid_choice": _("Please choose one of the categories.")},
    )


class OwnIdsForm(forms.Form):
    """Field ids start with the form's own `id_prefix`, so two forms on one page (the
    comment box beside a suggestion htmx swaps in) never share an id like `id_text`."""

    id_prefix = "agreement"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)


class AgreementWordsForm(OwnIdsForm):
    """The words of an agreement: used to propose one and to suggest a change."""

    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        validators=[plain_text],
        help_text=_("A few words you will both recognise it by."),
        error_messages={"required": _("Please give the agreement a short title.")},
    )
    text = text_field(
        label=_("The agreement, in your own words"),
        max_length=2000,
        rows=5,
        required_message=_("Please write what you would like to agree on."),
    )
    why = text_field(
        label=_("Why it matters to you"),
        max_length=1000,
        required=False,
        rows=3,
        help_text=_("Your partner will see this next to the agreement."),
    )


class RevisitDateField(forms.DateField):
    """An optional day to look at an agreement again: today or later."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def __init__(self, **kwargs):
        super().__init__(label=_("Revisit on"), required=False, **kwargs)

    def validate(self, value):
        super().validate(value)
        if value is not None and value < timezone.localdate():
            raise ValidationError(_("Please pick today or a day in the future."), code="past")


class ProposeForm(AgreementWordsForm):
    category = category_field()
    revisit_on = RevisitDateField(
        help_text=_("A day to look at it together again and see if it still fits.")
    )
    # Set once the person has seen the care-or-control reflection for these words.
    reflected = forms.BooleanField(required=False, widget=forms.HiddenInput)


class SuggestChangeForm(VersionedForm, AgreementWordsForm):
    id_prefix = "suggestion"


class DetailsForm(VersionedForm, OwnIdsForm):
    id_prefix = "details"
    category = category_field()
    revisit_on = RevisitDateField(
        help_text=_("Leave it empty if you do not want a reminder to look at it again.")
    )


class WithdrawForm(OwnIdsForm):
    id_prefix = "withdraw"
    note = text_field(
        label=_("A note for your partner"),
        max_length=500,
        required=False,
        rows=2,
        help_text=_("What you would like to talk about. You can also leave it empty."),
    )


class CommentForm(OwnIdsForm):
    id_prefix = "comment"
    text = text_field(
        label=_("Your comment"),
        max_length=1000,
        rows=2,
        required_message=_("Please write something before sending."),
    )


class BoundaryForm(OwnIdsForm):
    id_prefix = "boundary"
    text = text_field(
        label=_("Your boundary"),
        max_length=500,
        rows=3,
        help_text=_("For example: I need an hour to myself after work before we talk plans."),
        required_message=_("Please write the boundary you would like to share."),
    )


class BoundaryEditForm(VersionedForm, BoundaryForm):
    id_prefix = "boundary-edit"
