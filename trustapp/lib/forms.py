"""One way to change something both partners can change, without losing either one's words."""

from django import forms


class VersionedForm(forms.Form):
    """A form that carries the version the person started from, in a hidden field.

    The service saves only when that version is still the current one. When the partner
    saved first, the view shows how it reads now, with a clear message, and `keep_typed`
    gives this form back as the person typed it: nothing they wrote is lost, and saving it
    again is a deliberate choice to replace what they have just seen.
    """

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def keep_typed(self, version):
        """This form again, bound to what was typed but based on `version`, the one the
        person is about to be shown (a form's data is not changed once it is made)."""
        data = self.data.copy()
        data[self.add_prefix("version")] = str(version)
        return type(self)(data, **self.made_with())

    def made_with(self):
        """What this form was made with besides its data; a form that needs more adds it."""
        return {"prefix": self.prefix, "auto_id": self.auto_id}
