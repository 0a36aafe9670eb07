from django import forms
from django.utils.translation import gettext_lazy as _

from trustapp.checkins.models import ActionPoint, AgendaItem, Answer, CheckInCadence

RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]


class AnswerForm(forms.ModelForm):
    connected = forms.TypedChoiceField(
        label=_("How connected did you feel?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a number from 1 to 5.")},
    )
    trusted = forms.TypedChoiceField(
        label=_("How trusted did you feel?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a number from 1 to 5.")},
    )

    class Meta:
        model = Answer
        fields = ["connected", "trusted", "went_well", "on_my_mind", "i_need"]
        labels = {
            "went_well": _("What went well?"),
            "on_my_mind": _("What is on your mind?"),
            "i_need": _("One thing you need"),
        }
        help_texts = {
            "went_well": _("Something small counts, too."),
            "i_need": _("From your partner, from yourself, or from the week ahead."),
        }
        widgets = {
            "went_well": forms.Textarea(attrs={"rows": 3}),
            "on_my_mind": forms.Textarea(attrs={"rows": 3}),
            "i_need": forms.Textarea(attrs={"rows": 2}),
        }

    TEXT_FIELDS = ("went_well", "on_my_mind", "i_need")

    def clean(self):
        cleaned = super().clean()
        for name in self.TEXT_FIELDS:
            cleaned[name] = (cleaned.get(name) or "").strip()
        return cleaned

    def answer_data(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["text"]
        labels = {"text": _("Something you would like to talk about")}
        help_texts = {"text": _("Your partner will see it on the agenda of your check-in.")}
        error_messages = {"text": {"required": _("Write a few words about the topic.")}}

    def __init__(self, *args, **kwargs):
        # Its own ids: the small-steps form on the same page also has a `text` field.
        kwargs.setdefault("auto_id", "agenda_%s")
        super().__init__(*args, **kwargs)


class ActionPointForm(forms.ModelForm):
    BOTH = "both"

    owner_choice = forms.ChoiceField(label=_("Who takes this step?"), widget=forms.RadioSelect)

    class Meta:
        model = ActionPoint
        fields = ["text"]
        labels = {"text": _("A small, concrete step")}
        error_messages = {"text": {"required": _("Write the step in a few words.")}}

    def __init__(self, *args, user, partner, **kwargs):
        kwargs.setdefault("auto_id", "action_%s")
        super().__init__(*args, **kwargs)
        self.people = {str(user.pk): user}
        choices = [(str(user.pk), _("Me"))]
        if partner is not None:
            self.people[str(partner.pk)] = partner
            choices.append((str(partner.pk), partner.name))
        choices.append((self.BOTH, _("Both of us")))
        self.fields["owner_choice"].choices = choices
        self.fields["owner_choice"].initial = self.BOTH
        self.fields["text"].widget.attrs["placeholder"] = _("e.g. Phones away at dinner on Friday")

    def owner(self):
        """The person who takes the step, or None for both of us."""
        return self.people.get(self.cleaned_data["owner_choice"])


class ScheduleForm(forms.Form):
    cadence = forms.ChoiceField(
        label=_("How often would you like to check in?"),
        choices=CheckInCadence.choices,
        widget=forms.RadioSelect,
    )
