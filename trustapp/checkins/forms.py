from django import forms
from django.utils.translation import gettext_lazy as _

from trustapp.checkins.models import ActionPoint, AgendaItem, Answer, CheckInCadence
from trustapp.lib.forms import VersionedForm

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
        self.user, self.partner = user, partner
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


class EditForm(VersionedForm):
    """Changing an item: starts from its words and the version they belong to."""

    id_prefix = "item"

    def __init__(self, *args, item, **kwargs):
        self.item = item
        # Ids of their own: the page's add forms have a `text` field too.
        kwargs.setdefault("auto_id", f"{self.id_prefix}-{item.pk}-%s")
        kwargs.setdefault("initial", {"text": item.text, "version": item.version})
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs["autofocus"] = True

    def made_with(self):
        return super().made_with() | {"item": self.item}


class AgendaItemEditForm(EditForm, AgendaItemForm):
    id_prefix = "topic"

    class Meta(AgendaItemForm.Meta):
        labels = {"text": _("The topic")}
        help_texts = {}

    def changes(self):
        return {"text": self.cleaned_data["text"], "expected_version": self.cleaned_data["version"]}


class ActionPointEditForm(EditForm, ActionPointForm):
    id_prefix = "step"

    def __init__(self, *args, item, user, partner, **kwargs):
        owner = self.BOTH if item.for_both else str(item.owner_id or "")
        kwargs.setdefault(
            "initial", {"text": item.text, "version": item.version, "owner_choice": owner}
        )
        super().__init__(*args, item=item, user=user, partner=partner, **kwargs)
        self.fields["text"].label = _("The step")
        self.fields["text"].widget.attrs.pop("placeholder", None)

    def made_with(self):
        return super().made_with() | {"user": self.user, "partner": self.partner}

    def changes(self):
        return {
            "text": self.cleaned_data["text"],
            "owner": self.owner(),
            "expected_version": self.cleaned_data["version"],
        }


class RemoveForm(VersionedForm):
    """The second step of removing: the version the person saw when they confirmed."""


class ScheduleForm(forms.Form):
    cadence = forms.ChoiceField(
        label=_("How often would you like to check in?"),
        choices=CheckInCadence.choices,
        widget=forms.RadioSelect,
    )
