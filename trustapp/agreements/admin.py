from django.contrib import admin

from trustapp.agreements.models import Category, StarterAgreement


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]


@admin.register(StarterAgreement)
class StarterAgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "slug"]
    list_filter = ["category"]
