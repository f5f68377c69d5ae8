import pytest

from django.core import mail

from newsletter.models import NewsletterDelivery
from newsletter.sending import send_issue
from newsletter.tasks import send_issue as send_issue_task

from ..factories.newsletter import NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def audience(locale_pl):
    """Three confirmed Polish readers, and people who must not get the Polish issue."""
    readers = SubscriberFactory.create_batch(3, language="pl", confirmed=True)
    SubscriberFactory(language="en", confirmed=True)
    SubscriberFactory(language="pl")  # not confirmed yet
    gone = SubscriberFactory(language="pl", confirmed=True)
    gone.withdraw()
    return readers


def test_sending_mails_only_the_confirmed_subscribers_of_the_issues_language(audience, locale_pl, mailoutbox):
    issue = NewsletterIssueFactory(locale=locale_pl, subject="Zaproszenie na spotkanie – źródła wiedzy")

    progress = send_issue_task.enqueue(issue.pk).return_value

    assert sorted(m.to[0] for m in mailoutbox) == sorted(s.email for s in audience)
    assert progress == {"total": 3, "sent": 3, "failed": 0, "skipped": 0, "waiting": 0}
    issue.refresh_from_db()
    assert issue.send_finished_at is not None


def test_each_mail_has_its_own_unsubscribe_link(audience, locale_pl, mailoutbox):
    send_issue(NewsletterIssueFactory(locale=locale_pl).pk)

    links = {m.extra_headers["List-Unsubscribe"] for m in mailoutbox}
    assert len(links) == len(audience)


def test_sending_twice_mails_each_subscriber_once(audience, locale_pl, mailoutbox):
    issue = NewsletterIssueFactory(locale=locale_pl)

    send_issue(issue.pk)
    send_issue(issue.pk)

    assert len(mailoutbox) == 3
    assert NewsletterDelivery.objects.filter(issue=issue).count() == 3


def test_a_second_run_reaches_only_subscribers_confirmed_since_the_first(audience, locale_pl, mailoutbox):
    issue = NewsletterIssueFactory(locale=locale_pl)
    send_issue(issue.pk)
    newcomer = SubscriberFactory(language="pl", confirmed=True)
    mailoutbox.clear()

    send_issue(issue.pk)

    assert [m.to for m in mailoutbox] == [[newcomer.email]]


def test_a_delivery_already_claimed_by_another_run_is_not_mailed_again(audience, locale_pl, mailoutbox):
    issue = NewsletterIssueFactory(locale=locale_pl)
    NewsletterDelivery.objects.create(issue=issue, subscriber=audience[0], status=NewsletterDelivery.Status.SENDING)

    send_issue(issue.pk)

    assert audience[0].email not in [m.to[0] for m in mailoutbox]
    assert len(mailoutbox) == 2


def test_a_subscriber_who_left_before_their_turn_is_skipped(audience, locale_pl, mailoutbox):
    issue = NewsletterIssueFactory(locale=locale_pl)
    NewsletterDelivery.objects.create(issue=issue, subscriber=audience[0])
    audience[0].withdraw()

    progress = send_issue(issue.pk)

    assert progress["skipped"] == 1 and progress["sent"] == 2
    assert audience[0].email not in [m.to[0] for m in mailoutbox]


def test_a_failing_address_is_recorded_and_the_others_still_get_the_issue(audience, locale_pl, monkeypatch):
    issue = NewsletterIssueFactory(locale=locale_pl)
    original_send = mail.EmailMultiAlternatives.send

    def send(message, fail_silently=False):
        if message.to == [audience[1].email]:
            raise OSError("mailbox unavailable")
        return original_send(message, fail_silently)

    monkeypatch.setattr(mail.EmailMultiAlternatives, "send", send)

    progress = send_issue(issue.pk)

    assert progress == {"total": 3, "sent": 2, "failed": 1, "skipped": 0, "waiting": 0}
    failed = NewsletterDelivery.objects.get(status=NewsletterDelivery.Status.FAILED)
    assert failed.subscriber == audience[1]
    assert "mailbox unavailable" in failed.error


def test_sending_works_in_batches(audience, locale_pl, mailoutbox, settings):
    settings.NEWSLETTER_BATCH_SIZE = 2
    send_issue(NewsletterIssueFactory(locale=locale_pl).pk)
    assert len(mailoutbox) == 3


def test_issue_email_has_plain_text_and_html_with_polish_characters_and_absolute_links(locale_pl, mailoutbox):
    SubscriberFactory(language="pl", confirmed=True)
    issue = NewsletterIssueFactory(
        locale=locale_pl,
        subject="Zażółć gęślą jaźń",
        body='<p>Spotkanie w <a href="/pl/kontakt/">biurze</a>.</p><ul><li>Łódź</li><li>Ćmielów</li></ul>',
    )

    send_issue(issue.pk)

    message = mailoutbox[0]
    assert message.subject == "Zażółć gęślą jaźń"
    assert "Spotkanie w biurze." in message.body and "Łódź" in message.body and "<p>" not in message.body
    html = message.alternatives[0].content
    assert 'href="http://testserver/pl/kontakt/"' in html
    assert "Wypisz się z newslettera" in html
    assert "=?utf-8?" in message.message()["Subject"].lower() or "Zażółć" in str(message.message()["Subject"])
