"""Pages after a space ended: closing letters and support for the one who was left.
The letter is the one thing a former partner may still write in an ended space, so its
view is marked `archive_ok` explicitly; everything else there stays read-only."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from trustapp.couples.access import partnership_view
from trustapp.repair import ending
from trustapp.repair.services import RepairError


class LetterForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Your closing letter"),
        help_text=gettext_lazy("It stays with you unless you choose to share it."),
        required=False,
        max_length=ending.LETTER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "max_length": gettext_lazy("Please keep your letter under %(limit_value)d characters.")
        },
    )


def _ended(partnership):
    if partnership.is_active:
        raise Http404  # nothing to close while the space goes on
    return partnership


def _render(request, partnership, form=None, status=200):
    mine, theirs = ending.letters_for(partnership, request.user)
    context = {
        "partnership": partnership,
        "partner": partnership.partner_of(request.user),
        "mine": mine,
        "theirs": theirs,
        "was_left": ending.was_left(partnership, request.user),
        "form": form or LetterForm(initial={"text": mine.text if mine else ""}),
    }
    return render(request, "repair/ending.html", context, status=status)


@partnership_view
@require_GET
def letters(request, partnership):
    return _render(request, _ended(partnership))


@partnership_view(archive_ok=True)
@require_POST
def letter(request, partnership):
    _ended(partnership)
    form = LetterForm(request.POST)
    action = request.POST.get("action", "save")
    if form.is_valid():
        try:
            letter = ending.letter_save(
                partnership=partnership,
                user=request.user,
                text=form.cleaned_data["text"],
                action=action,
            )
        except RepairError as error:
            form.add_error("text", str(error))
        else:
            if action == "unshare":
                message = _("Your letter is yours alone again.")
            elif letter.shared_at:
                message = _("Saved. Your letter is shared.")
            else:
                message = _("Saved, just for you.")
            messages.success(request, message)
            return redirect("repair:letters", public_id=partnership.public_id)
    return _render(request, partnership, form, status=422)


@partnership_view
@require_GET
def support(request, partnership):
    _ended(partnership)
    return render(request, "repair/support.html", {"partnership": partnership})
