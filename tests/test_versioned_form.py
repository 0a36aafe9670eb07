"""The one versioned form: after a conflict it comes back as typed, based on the version shown.

Each feature's conflict tests (tests/agreements/test_concurrency.py, the check-in topic and
step edits, the conversation takeaway) check the pages; these check the helper itself.
"""

from django import forms
from django.http import QueryDict

from trustapp.lib.forms import VersionedForm


class NoteForm(VersionedForm):
    text = forms.CharField()

    def __init__(self, *args, owner, **kwargs):
        self.owner = owner
        super().__init__(*args, **kwargs)

    def made_with(self):
        return super().made_with() | {"owner": self.owner}


def sent(**values):
    data = QueryDict(mutable=True)
    data.update(values)
    data._mutable = False  # as request.POST arrives
    return data


def test_keep_typed_keeps_the_words_and_takes_the_version_now_shown():
    form = NoteForm(sent(text="Our words, my way", version="3"), owner="ana", auto_id="n-%s")
    assert form.is_valid()

    kept = form.keep_typed(4)

    assert kept is not form
    assert kept.is_valid(), kept.errors
    assert kept.cleaned_data == {"text": "Our words, my way", "version": 4}
    assert kept.owner == "ana"  # made the way the view made it
    assert kept.auto_id == "n-%s"
    assert 'value="4"' in str(kept["version"])
    assert "Our words, my way" in str(kept["text"])
    # What was sent is left as it was.
    assert form.data["version"] == "3"


def test_keep_typed_keeps_a_prefix():
    form = NoteForm(sent(**{"a-text": "Hello", "a-version": "0"}), owner="ana", prefix="a")
    assert form.is_valid()

    kept = form.keep_typed(1)

    assert kept.is_valid(), kept.errors
    assert kept.cleaned_data == {"text": "Hello", "version": 1}


def test_keep_typed_keeps_words_that_do_not_fit_with_their_message():
    """A conflict found while the form is still wrong keeps both the words and the reason."""
    form = NoteForm(sent(text="", version="2"), owner="ana")

    kept = form.keep_typed(5)

    assert not kept.is_valid()
    assert "text" in kept.errors
    assert kept["version"].value() == "5"


def test_a_version_no_one_was_shown_is_a_message_not_a_crash():
    form = NoteForm(sent(text="Hello", version="-1"), owner="ana")
    assert not form.is_valid()
    assert "version" in form.errors
