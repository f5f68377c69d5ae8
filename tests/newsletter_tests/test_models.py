import pytest

from django.db import IntegrityError, transaction
from django.utils import timezone

from newsletter.models import ConsentText, Subscriber

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
    subscriber = SubscriberFactory(language="en", consent_text=first)
    original_pk, original_version = first.pk, first.version

    first.text = "I agree to version two."
    first.save()

    assert first.pk != original_pk
    assert first.version == original_version + 1
    assert ConsentText.objects.get(pk=original_pk).text == "I agree to version one."
    assert ConsentText.current("en") == first
    subscriber.refresh_from_db()
    assert subscriber.consent_text_id == original_pk
    assert subscriber.consent_text.text == "I agree to version one."


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


def test_withdrawing_keeps_only_what_proves_the_withdrawal():
    subscriber = SubscriberFactory(confirmed=True, email="leaving@example.org")

    subscriber.withdraw()

    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.email == "leaving@example.org"
    assert subscriber.unsubscribed_at is not None
    assert subscriber.consent_text is None
    assert subscriber.consent_ip is None
    assert subscriber.consent_user_agent == ""
    assert subscriber.consent_source == ""
    assert subscriber.consented_at is None
    assert subscriber.confirmed_at is None
    assert subscriber.confirmation_ip is None


def test_a_translated_issue_starts_unsent(locale_pl, locale_en):
    issue = NewsletterIssueFactory(
        locale=locale_pl, send_requested_at=timezone.now(), send_finished_at=timezone.now(), send_task_id="run-1"
    )

    translation = issue.copy_for_translation(locale_en)

    assert (translation.subject, translation.locale) == (issue.subject, locale_en)
    assert (translation.send_requested_at, translation.send_finished_at, translation.send_task_id) == (None, None, "")
