import csv
import io

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from wagtail.users.models import UserProfile

from newsletter.models import ConsentEvent, ConsentText, NewsletterIssue, Subscriber

from ..factories.editorial import EditorFactory
from ..factories.newsletter import ConsentTextFactory, NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribers():
    return [
        SubscriberFactory(email="anna@example.org", language="pl", confirmed=True),
        SubscriberFactory(email="basia@example.org", language="pl"),
        SubscriberFactory(email="carol@example.org", language="en", confirmed=True),
    ]


def test_subscriber_listing_shows_counts_per_language(admin, subscribers):
    response = admin.get("/admin/snippets/newsletter/subscriber/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Subscribers per language" in html
    for email in ("anna@example.org", "basia@example.org", "carol@example.org"):
        assert email in html


def test_subscriber_listing_filters_by_status_and_language(admin, subscribers):
    response = admin.get("/admin/snippets/newsletter/subscriber/results/?status=confirmed&language=pl")

    html = response.content.decode()
    assert "anna@example.org" in html
    assert "basia@example.org" not in html and "carol@example.org" not in html


def test_subscriber_listing_searches_by_address(admin, subscribers):
    html = admin.get("/admin/snippets/newsletter/subscriber/results/?q=carol").content.decode()
    assert "carol@example.org" in html and "anna@example.org" not in html


def test_subscribers_export_as_csv_with_their_consent_version(admin, subscribers):
    response = admin.get("/admin/snippets/newsletter/subscriber/?export=csv&language=pl")

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    header, *rows = list(csv.reader(io.StringIO(content)))
    # Streamed after the view returns, so the headings come out in the site's default language.
    assert (header[0], header[3]) == ("E-mail", "Wersja treści zgody")
    assert sorted(row[0] for row in rows) == ["anna@example.org", "basia@example.org"]
    assert {row[3] for row in rows} == {str(ConsentText.current("pl").version)}


def test_subscriber_inspect_view_shows_the_consent_history(admin, subscribers):
    subscriber = subscribers[0]
    html = admin.get(f"/admin/snippets/newsletter/subscriber/inspect/{subscriber.pk}/").content.decode()
    request = subscriber.consent_events.get(kind=ConsentEvent.Kind.REQUESTED)
    assert "Consent history" in html
    assert request.ip in html and request.source in html and request.user_agent in html
    assert f"consent text version {request.consent_version}" in html
    assert "confirmation" in html


def test_the_consent_history_is_listed_read_only_in_polish(admin, subscribers):
    UserProfile.objects.filter(user__username="editor").update(preferred_language="pl")
    listing = admin.get("/admin/snippets/newsletter/consentevent/")
    search = admin.get("/admin/snippets/newsletter/consentevent/results/?q=carol").content.decode()
    event = ConsentEvent.objects.first()
    edit = admin.post(f"/admin/snippets/newsletter/consentevent/edit/{event.pk}/", {"ip": "203.0.113.1"})
    delete = admin.post(f"/admin/snippets/newsletter/consentevent/delete/{event.pk}/")

    assert listing.status_code == 200
    assert "Historia zgód" in listing.content.decode() and "prośba o zapis" in listing.content.decode()
    assert "carol@example.org" in search and "anna@example.org" not in search
    assert (edit.status_code, delete.status_code) == (302, 302)
    assert ConsentEvent.objects.filter(pk=event.pk, ip="192.0.2.10").exists()
    assert not admin.get("/admin/snippets/newsletter/consentevent/add/").status_code == 200


def test_subscribers_cannot_be_added_or_edited_by_hand(admin, subscribers):
    add = admin.post("/admin/snippets/newsletter/subscriber/add/", {"email": "forced@example.org", "language": "pl"})
    edit = admin.post(f"/admin/snippets/newsletter/subscriber/edit/{subscribers[1].pk}/", {"status": "confirmed"})

    assert (add.status_code, add["Location"]) == (302, "/admin/")
    assert (edit.status_code, edit["Location"]) == (302, "/admin/")
    assert not Subscriber.objects.filter(email="forced@example.org").exists()
    assert Subscriber.objects.get(pk=subscribers[1].pk).status == Subscriber.Status.PENDING


def test_editing_a_consent_text_in_the_admin_creates_a_new_version(admin):
    current = ConsentText.current("en")

    response = admin.post(
        f"/admin/snippets/newsletter/consenttext/edit/{current.pk}/", {"language": "en", "text": "Revised text."}
    )

    assert response.status_code == 302
    newest = ConsentText.current("en")
    assert newest.version == current.version + 1 and newest.text == "Revised text."
    current.refresh_from_db()
    assert current.text != "Revised text."


def test_consent_texts_cannot_be_deleted(admin):
    text = ConsentTextFactory(language="pl")
    admin.post(f"/admin/snippets/newsletter/consenttext/delete/{text.pk}/")
    assert ConsentText.objects.filter(pk=text.pk).exists()


def test_editor_composes_an_issue_previews_it_and_sees_it_in_the_listing(admin, locale_en):
    response = admin.post(
        f"/admin/snippets/newsletter/newsletterissue/add/?locale={locale_en.language_code}",
        {
            "subject": "Spring news",
            "body": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Hello readers", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "locale": locale_en.pk,
        },
    )
    assert response.status_code == 302
    issue = NewsletterIssue.objects.get(subject="Spring news")
    assert issue.locale == locale_en

    preview = admin.get(f"/admin/snippets/newsletter/newsletterissue/preview-email/{issue.pk}/")
    assert "Hello readers" in preview.content.decode()
    listing = admin.get("/admin/snippets/newsletter/newsletterissue/").content.decode()
    assert "Spring news" in listing and "Send / progress" in listing


def test_sending_from_the_admin_mails_the_audience_and_shows_progress(
    admin, locale_pl, mailoutbox, django_capture_on_commit_callbacks
):
    SubscriberFactory.create_batch(2, language="pl", confirmed=True)
    issue = NewsletterIssueFactory(locale=locale_pl)
    url = f"/admin/snippets/newsletter/newsletterissue/send/{issue.pk}/"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"{url}confirm/")
    assert (response.status_code, response["Location"]) == (302, url)
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(f"{url}confirm/")

    assert len(mailoutbox) == 2
    page = admin.get(url).content.decode()
    assert "<dt>sent</dt><dd>2</dd>" in page.replace("\n", "").replace("  ", "")
    assert "<dt>total</dt><dd>2</dd>" in page.replace("\n", "").replace("  ", "")


def test_send_now_asks_for_confirmation_naming_the_recipients_and_only_its_post_sends(
    admin, locale_pl, mailoutbox, django_capture_on_commit_callbacks
):
    SubscriberFactory.create_batch(3, language="pl", confirmed=True)
    SubscriberFactory(language="pl")  # not confirmed: not counted
    SubscriberFactory(language="en", confirmed=True)  # another language: not counted
    issue = NewsletterIssueFactory(locale=locale_pl, subject="Wiosna w Partnerstwie")
    url = f"/admin/snippets/newsletter/newsletterissue/send/{issue.pk}/"

    with django_capture_on_commit_callbacks(execute=True):
        send_page = admin.get(url).content.decode()
        confirmation = admin.get(f"{url}confirm/").content.decode()
        posted_to_the_send_page = admin.post(url)

    assert f'href="{url}confirm/"' in send_page and "Send now" in send_page
    assert "will be sent to 3 confirmed subscribers" in confirmation and "Yes, send it" in confirmation
    assert posted_to_the_send_page.status_code == 405
    assert mailoutbox == []
    issue.refresh_from_db()
    assert issue.send_requested_at is None

    with django_capture_on_commit_callbacks(execute=True):
        admin.post(f"{url}confirm/")
    assert len(mailoutbox) == 3


def test_send_a_test_to_me_mails_the_logged_in_editor_only(
    client, locale_pl, mailoutbox, django_capture_on_commit_callbacks
):
    SubscriberFactory.create_batch(2, language="pl", confirmed=True)
    issue = NewsletterIssueFactory(locale=locale_pl, subject="Wiosna w Partnerstwie")
    editor = EditorFactory(email="redakcja@example.org")
    client.force_login(editor)
    url = f"/admin/snippets/newsletter/newsletterissue/send/{issue.pk}/"

    assert f'action="{url}test/"' in client.get(url).content.decode()
    assert client.get(f"{url}test/").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{url}test/")

    assert (response.status_code, response["Location"]) == (302, url)
    assert [message.to for message in mailoutbox] == [["redakcja@example.org"]]
    assert mailoutbox[0].subject == "[Test] Wiosna w Partnerstwie"
    assert issue.deliveries.count() == 0
    issue.refresh_from_db()
    assert issue.send_requested_at is None


def test_only_editors_with_the_send_permission_can_send(client, locale_pl, mailoutbox):
    SubscriberFactory(language="pl", confirmed=True)
    issue = NewsletterIssueFactory(locale=locale_pl)
    user = get_user_model().objects.create_user("writer", "w@example.org", "password")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_newsletterissue"),
    )
    client.force_login(user)
    url = f"/admin/snippets/newsletter/newsletterissue/send/{issue.pk}/"

    assert client.get(url).status_code == 200
    for refused in (client.get(f"{url}confirm/"), client.post(f"{url}confirm/")):
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert mailoutbox == []
    issue.refresh_from_db()
    assert issue.send_requested_at is None


def test_subscriber_admin_queries_do_not_grow_with_the_listing(admin, django_assert_max_num_queries):
    SubscriberFactory.create_batch(3)
    with django_assert_max_num_queries(40) as few:
        admin.get("/admin/snippets/newsletter/subscriber/")
    SubscriberFactory.create_batch(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin.get("/admin/snippets/newsletter/subscriber/")


def test_a_test_copy_the_mail_server_refuses_is_reported_not_a_server_error(client, locale_pl, settings):
    settings.EMAIL_BACKEND = "tests.newsletter_tests.test_worker.UnreachableMailServer"
    issue = NewsletterIssueFactory(locale=locale_pl)
    client.force_login(EditorFactory(email="redakcja@example.org"))
    url = f"/admin/snippets/newsletter/newsletterissue/send/{issue.pk}/"

    response = client.post(f"{url}test/", follow=True)

    assert response.status_code == 200
    assert "Nie udało się wysłać kopii testowej: mail server unreachable" in response.content.decode()
