"""An issue as its e-mail shows it: the body with links that work outside the site, and as plain text.

Shared by the e-mails, the issue's preview in the editor and the admin's e-mail preview; it needs nothing from
the subscribers' side (tokens, addresses), so the models can use it without importing the e-mails.
"""

import re
from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from wagtail.rich_text import expand_db_html

from home.site_address import site_root_url

_RELATIVE_HREF = re.compile(r'href="/(?!/)')
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|ul|ol)>|<br\s*/?>", re.IGNORECASE)


def text_from_html(html):
    text = unescape(strip_tags(_BLOCK_END.sub("\n", html)))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in text.splitlines())).strip()


def issue_context(issue, unsubscribe_url):
    # Rich text links come out relative to the site; an e-mail needs them whole.
    body_html = _RELATIVE_HREF.sub(f'href="{site_root_url()}/', expand_db_html(issue.body))
    return {
        "issue": issue,
        "body_html": body_html,
        "body_text": text_from_html(body_html),
        "unsubscribe_url": unsubscribe_url,
        "language": issue.language,
        "site_name": _("Lublin Partnership for the Development of the Social Economy"),
    }
