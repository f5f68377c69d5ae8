"""The consent history: each subscriber's consent fields become its first history entries, nothing lost.

A signup's consent (text, hash, page, time, IP, browser) becomes a request; a confirmation (time, IP) a
confirmation of that request; an unsubscription (time) an unsubscription. Only then are the fields removed.
The reverse puts the latest entries back into the fields.
"""

import secrets

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

import newsletter.models


def history_from_fields(apps, schema_editor):
    Subscriber = apps.get_model("newsletter", "Subscriber")
    ConsentEvent = apps.get_model("newsletter", "ConsentEvent")
    for subscriber in Subscriber.objects.order_by("pk").iterator():
        subscriber.key = secrets.token_urlsafe(24)
        subscriber.save(update_fields=["key"])
        request = None
        if subscriber.consented_at or subscriber.consent_text_id:
            request = ConsentEvent.objects.create(
                subscriber=subscriber,
                kind="requested",
                created_at=subscriber.consented_at or subscriber.created_at,
                language=subscriber.language,
                consent_text_id=subscriber.consent_text_id,
                consent_text_sha256=subscriber.consent_text_sha256,
                source=subscriber.consent_source,
                ip=subscriber.consent_ip,
                user_agent=subscriber.consent_user_agent,
            )
        if subscriber.confirmed_at:
            ConsentEvent.objects.create(
                subscriber=subscriber,
                kind="confirmed",
                created_at=subscriber.confirmed_at,
                language=subscriber.language,
                consent_text_id=subscriber.consent_text_id,
                consent_text_sha256=subscriber.consent_text_sha256,
                source=subscriber.consent_source,
                ip=subscriber.confirmation_ip,
                request=request,
            )
        if subscriber.status == "unsubscribed":
            ConsentEvent.objects.create(
                subscriber=subscriber,
                kind="unsubscribed",
                created_at=subscriber.unsubscribed_at or subscriber.created_at,
                language=subscriber.language,
            )


def fields_from_history(apps, schema_editor):
    Subscriber = apps.get_model("newsletter", "Subscriber")
    ConsentEvent = apps.get_model("newsletter", "ConsentEvent")
    for subscriber in Subscriber.objects.order_by("pk").iterator():
        history = ConsentEvent.objects.filter(subscriber=subscriber).order_by("-created_at", "-pk")
        request = history.filter(kind="requested").first()
        confirmation = history.filter(kind__in=["confirmed", "resubscribed"]).first()
        unsubscription = history.filter(kind="unsubscribed").first()
        if request is not None:
            subscriber.consent_text_id = request.consent_text_id
            subscriber.consent_text_sha256 = request.consent_text_sha256
            subscriber.consent_source = request.source
            subscriber.consented_at = request.created_at
            subscriber.consent_ip = request.ip
            subscriber.consent_user_agent = request.user_agent
        if confirmation is not None:
            subscriber.confirmed_at = confirmation.created_at
            subscriber.confirmation_ip = confirmation.ip
        if unsubscription is not None and subscriber.status == "unsubscribed":
            subscriber.unsubscribed_at = unsubscription.created_at
        subscriber.save()


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0003_issue_send_task"),
    ]

    operations = [
        migrations.CreateModel(
            name="ErasedAddress",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("address_hmac", models.CharField(max_length=64, unique=True, verbose_name="address (HMAC)")),
                ("erased_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="erased at")),
            ],
            options={
                "verbose_name": "erased address",
                "verbose_name_plural": "erased addresses",
            },
        ),
        migrations.CreateModel(
            name="ConsentEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("requested", "signup request"),
                            ("confirmed", "confirmation"),
                            ("unsubscribed", "unsubscription"),
                            ("resubscribed", "re-subscription"),
                        ],
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="time"),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[("pl", "Polish"), ("en", "English")], max_length=8, verbose_name="language"
                    ),
                ),
                (
                    "consent_text_sha256",
                    models.CharField(blank=True, max_length=64, verbose_name="SHA-256 of the consent text"),
                ),
                ("source", models.CharField(blank=True, max_length=500, verbose_name="source")),
                ("ip", models.GenericIPAddressField(blank=True, null=True, verbose_name="IP address")),
                ("user_agent", models.CharField(blank=True, max_length=500, verbose_name="browser")),
                ("key", models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True)),
                (
                    "consent_text",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="consent_events",
                        to="newsletter.consenttext",
                        verbose_name="consent text",
                    ),
                ),
                (
                    "request",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="confirmations",
                        to="newsletter.consentevent",
                        verbose_name="confirmed request",
                    ),
                ),
                (
                    "subscriber",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="consent_events",
                        to="newsletter.subscriber",
                        verbose_name="subscriber",
                    ),
                ),
            ],
            options={
                "verbose_name": "consent history entry",
                "verbose_name_plural": "consent history",
                "ordering": ["created_at", "pk"],
                "indexes": [
                    models.Index(fields=["subscriber", "kind", "created_at"], name="newsletter_consent_history")
                ],
            },
        ),
        migrations.AddField(
            model_name="subscriber",
            name="key",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(history_from_fields, fields_from_history),
        migrations.AlterField(
            model_name="subscriber",
            name="key",
            field=models.CharField(default=newsletter.models.random_key, editable=False, max_length=64, unique=True),
        ),
        migrations.RemoveField(model_name="subscriber", name="confirmation_ip"),
        migrations.RemoveField(model_name="subscriber", name="confirmed_at"),
        migrations.RemoveField(model_name="subscriber", name="consent_ip"),
        migrations.RemoveField(model_name="subscriber", name="consent_source"),
        migrations.RemoveField(model_name="subscriber", name="consent_text"),
        migrations.RemoveField(model_name="subscriber", name="consent_text_sha256"),
        migrations.RemoveField(model_name="subscriber", name="consent_user_agent"),
        migrations.RemoveField(model_name="subscriber", name="consented_at"),
        migrations.RemoveField(model_name="subscriber", name="unsubscribed_at"),
    ]
