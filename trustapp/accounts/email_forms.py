"""allauth's own forms, adjusted. Apart from forms.py: allauth's forms module imports
forms.py (ACCOUNT_SIGNUP_FORM_CLASS) while it loads, so forms.py cannot import it back."""

from allauth.account import forms as allauth_forms
from allauth.account.utils import filter_users_by_email
from django import forms
from django.utils.translation import gettext_lazy as _


class AddEmailForm(allauth_forms.AddEmailForm):
    """allauth's change-of-address form, refusing an address another account owns before
    any code is sent: nobody else gets an email about it (ACCOUNT_FORMS["add_email"])."""

    def clean_email(self):
        email = super().clean_email()
        others = filter_users_by_email(email)
        if any(other.pk != self.user.pk for other in others):
            raise forms.ValidationError(
                _("That address belongs to another account here. Please use a different one."),
                code="email_taken",
            )
        return email
