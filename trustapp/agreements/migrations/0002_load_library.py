from django.db import migrations


def load(apps, schema_editor):
    from trustapp.agreements.library import load_library

    load_library(apps.get_model("agreements", "Category"), apps.get_model("agreements", "StarterAgreement"))


class Migration(migrations.Migration):
    dependencies = [("agreements", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
