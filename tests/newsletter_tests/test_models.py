import pytest

from django.db import IntegrityError, transaction
from django.utils import timezone

from newsletter.models import ConsentEvent, ConsentText, Subscriber

from ..factories.newsletter import ConsentTextFactory, NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def test_email_is_stored_normalised_and_unique_regardless_of_letter_case():
    subscriber = SubscriberFactory(email="  Anna.Nowak@Example.ORG ")
    assert subscriber.email == "anna.nowak@example.org"

    with pytest.raises(IntegrityError), transaction.atomic():
        SubscriberFactory(email="ANNA.NOWAK@example.org")
    assert Subscriber.objects.count() == 1


def test_editing_a_consent_text_creates_a_new_version_and_subscribers_keep_theirs():
    first = ConsentTextFactory(language="en", text="I agree to version one.")
    subscriber = SubscriberFactory(language="en", history__consent_text=first)
    original_pk, original_version = first.pk, first.version

    first.text = "I agree to version two."
    first.save()

    assert first.pk != original_pk
    assert first.version == original_version + 1
    assert ConsentText.objects.get(pk=original_pk).text == "I agree to version one."
    assert ConsentText.current("en") == first
    request = subscriber.consent_events.get()
    assert request.consent_text_id == original_pk
    assert request.consent_text.text == "I agree to version one."


def test_saving_an_unchanged_consent_text_creates_no_version():
    text = ConsentTextFactory(language="pl")
    count = ConsentText.objects.count()
    text.save()
    assert ConsentText.objects.count() == count


def test_consent_versions_are_numbered_per_language():
    pl_before = ConsentText.current("pl").version
    en_before = ConsentText.current("en").version
    assert ConsentTextFactory(language="pl").version == pl_before + 1
    assert ConsentTextFactory(language="en").version == en_before + 1


def test_withdrawing_adds_an_unsubscription_and_keeps_the_consent_it_withdraws():
    subscriber = SubscriberFactory(confirmed=True, email="leaving@example.org")
    before = list(ConsentEvent.objects.values())

    subscriber.withdraw(source="one-click (RFC 8058)")
    subscriber.withdraw(source="again")

    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert list(ConsentEvent.objects.values())[:2] == before
    kinds = list(subscriber.consent_events.values_list("kind", "source"))
    assert kinds[2:] == [(ConsentEvent.Kind.UNSUBSCRIBED, "one-click (RFC 8058)")]


def test_a_consent_history_entry_cannot_be_changed_once_written():
    request = SubscriberFactory().consent_events.get()
    request.ip = "203.0.113.66"

    with pytest.raises(ValueError, match="append-only"):
        request.save()
    assert ConsentEvent.objects.get().ip == "192.0.2.10"


def test_a_translated_issue_starts_unsent(locale_pl, locale_en):
    issue = NewsletterIssueFactory(
        locale=locale_pl, send_requested_at=timezone.now(), send_finished_at=timezone.now(), send_task_id="run-1"
    )

    translation = issue.copy_for_translation(locale_en)

    assert (translation.subject, translation.locale) == (issue.subject, locale_en)
    assert (translation.send_requested_at, translation.send_finished_at, translation.send_task_id) == (None, None, "")
