"""Encrypt the two-factor secrets stored in plain text before MFAAdapter (accounts/mfa.py).

Idempotent: a value that already decrypts is left as it is.
"""

from django.db import migrations

from trustapp.accounts import mfa

SECRET_FIELDS = {"totp": ["secret"], "recovery_codes": ["seed"]}


def _rewrite(apps, change):
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=SECRET_FIELDS):
        data = dict(authenticator.data)
        for field in SECRET_FIELDS[authenticator.type]:
            if field in data:
                data[field] = change(data[field])
        if "migrated_codes" in data:  # recovery codes brought over from django-allauth 0.x
            data["migrated_codes"] = [change(code) for code in data["migrated_codes"]]
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


def encrypt_plain(apps, schema_editor):
    _rewrite(apps, lambda text: text if mfa.is_encrypted(text) else mfa.encrypt(text))


def decrypt_all(apps, schema_editor):
    _rewrite(apps, lambda text: mfa.decrypt(text) if mfa.is_encrypted(text) else text)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_display_name_one_line"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_plain, decrypt_all)]
