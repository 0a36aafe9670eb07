"""Words we show that django-allauth and Django wrote: listed here so they are in OUR catalog.

Sign-in, sign-up, password, email and two-factor pages are our templates, but their form
labels, errors and some messages come from allauth's and Django's own catalogs, which speak
formally (German "Sie", Spanish "usted", French "vous"). Trustapp says du/tú/tu (issue 26).
LOCALE_PATHS is searched before the apps' catalogs, so a msgid listed here (exactly as
allauth or Django spell it, with its msgctxt and plural) and translated in locale/*/ wins
wherever it is shown (Django has no pgettext_noop: the one msgctxt uses pgettext_lazy).

What is here is what reaches our pages (rendered in de/es/fr with bad and good input) plus
the rest of allauth's messages for the paths we use. tests/test_languages_borrowed.py checks
that each has an informal translation and that the sign-in and sign-up pages say no "Sie".
When an allauth or Django upgrade adds or rewords one, add it here and run `make messages`.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

ALLAUTH = (
    # Form labels (allauth/account/forms.py)
    pgettext_lazy("field label", "Login"),
    gettext_noop("Password"),
    gettext_noop("Password (again)"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Remember Me"),
    gettext_noop("Email address"),
    gettext_noop("Code"),
    gettext_noop("Authenticator code"),
    # Form errors (allauth/account/forms.py, allauth/account/adapter.py)
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("You must type the same password each time."),
    gettext_noop("You must type the same email each time."),
    gettext_noop("Please type your current password."),
    gettext_noop("Incorrect code."),
    gettext_noop("Incorrect password."),
    gettext_noop("Invalid login."),
    gettext_noop("Invalid or expired key."),
    gettext_noop("The password reset token was invalid."),
    gettext_noop("This account is currently inactive."),
    gettext_noop("A user is already registered with this email address."),
    gettext_noop("This email address is already associated with this account."),
    gettext_noop("The email address is not assigned to any user account."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("You cannot remove your primary email address."),
    gettext_noop("You cannot add more than %d email addresses."),
    gettext_noop("The new value must be different from the current one."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("Please select only one."),
    # Reauthentication choices and two-factor (allauth/mfa)
    gettext_noop("Use your password"),
    gettext_noop("Use authenticator app or code"),
    gettext_noop(
        "You cannot add an email address to an account protected by two-factor authentication."
    ),
    gettext_noop("You cannot deactivate two-factor authentication."),
    gettext_noop(
        "You cannot generate recovery codes without having two-factor authentication enabled."
    ),
    gettext_noop(
        "You cannot activate two-factor authentication until you have verified your email address."
    ),
)

DJANGO = (
    # Common field errors (django/core/validators.py, django/forms/fields.py)
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid email address."),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    # Password validators (django/contrib/auth/password_validation.py): the errors and the
    # help texts shown under the new-password fields.
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("This password is too common."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("Your password can’t be entirely numeric."),
)
