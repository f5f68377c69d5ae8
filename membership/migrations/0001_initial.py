"""The membership app takes the accession page and the membership applications over from the documents app.

Nothing is copied: the tables are renamed (the rows, their ids and foreign keys stay), and the content types
change app label in place, so the pages keep their specific class and everything that refers to a content type
by id keeps working — permissions and the groups holding them, revisions, log entries, translation sources,
search entries. The applications' log actions are renamed with the app. ``documents.0003`` then drops the two
models from the documents app's state.
"""

import django.db.models.deletion
import django.utils.timezone
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


MOVED_MODELS = ["accessionpage", "membershipapplication"]
LOG_ACTIONS = {
    "documents.application.accept": "membership.application.accept",
    "documents.application.reject": "membership.application.reject",
}


def move_content_types(apps, from_label, to_label, actions):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    ContentType.objects.filter(app_label=from_label, model__in=MOVED_MODELS).update(app_label=to_label)
    for old, new in actions.items():
        ModelLogEntry.objects.filter(action=old).update(action=new)


def to_membership(apps, schema_editor):
    move_content_types(apps, "documents", "membership", LOG_ACTIONS)


def back_to_documents(apps, schema_editor):
    move_content_types(apps, "membership", "documents", {new: old for old, new in LOG_ACTIONS.items()})


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('documents', '0002_quote_source_language'),
        ('partners', '0003_alter_partnerindexpage_body'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The documents app's tables, as they are: taken over in the state only.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AccessionPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('quote', 8), ('image', 12), ('call_to_action', 16)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 255}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['h3', 'h4', 'bold', 'italic', 'ol', 'ul', 'link', 'document-link'], 'label': 'Rich text', 'template': 'home/blocks/paragraph_block.html'}), 4: ('wagtail.blocks.TextBlock', (), {'label': 'Quoted text'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'max_length': 255}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': 'Title of the work, pages. A translation of the title goes in square brackets after it.', 'label': 'Source', 'max_length': 500, 'required': False}), 7: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('pl', 'Polish'), ('en', 'English')], 'help_text': "Set it when the title is in a language other than the page's, so screen readers say it right.", 'label': "Language of the source's title", 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('text', 4), ('attribution', 5), ('source', 6), ('source_language', 7)]], {}), 9: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image'}), 10: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the image shows, for people who cannot see it.', 'label': 'Alternative text', 'max_length': 255}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('image', 9), ('alt_text', 10), ('caption', 11)]], {}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'max_length': 120}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 15: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('text', 13), ('page', 14), ('document', 15)]], {})}, verbose_name='body')),
                    ],
                    options={
                        'verbose_name': 'online accession declaration page',
                        'verbose_name_plural': 'online accession declaration pages',
                        'db_table': 'documents_accessionpage',
                'db_table': 'documents_accessionpage',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='MembershipApplication',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('submission_token', models.UUIDField(editable=False, help_text='Issued with the form; a second submission of the same form is recognised by it.', unique=True, verbose_name='submission token')),
                        ('status', models.CharField(choices=[('new', 'new'), ('accepted', 'accepted'), ('rejected', 'rejected')], default='new', max_length=16, verbose_name='status')),
                        ('language', models.CharField(choices=[('pl', 'Polish'), ('en', 'English')], max_length=7, verbose_name='language')),
                        ('submitted_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='submitted at')),
                        ('institution_name', models.CharField(max_length=255, verbose_name='name of the institution')),
                        ('sector', models.CharField(choices=[('public', 'public institution'), ('business', 'business'), ('ngo', 'non-governmental organisation'), ('social_economy', 'social economy entity')], max_length=32, verbose_name='sector')),
                        ('social_economy_kind', models.CharField(blank=True, choices=[('social_cooperative', 'social cooperative'), ('cis', 'social integration centre (CIS)'), ('kis', 'social integration club (KIS)'), ('zaz', 'vocational activity establishment (ZAZ)'), ('wtz', 'occupational therapy workshop (WTZ)'), ('other', 'other social economy entity')], max_length=32, verbose_name='kind of social economy entity')),
                        ('legal_form', models.CharField(help_text='For example: association, foundation, social cooperative.', max_length=255, verbose_name='legal form')),
                        ('street', models.CharField(max_length=255, verbose_name='street and number')),
                        ('postcode', models.CharField(max_length=12, verbose_name='postcode')),
                        ('city', models.CharField(max_length=100, verbose_name='city')),
                        ('nip', models.CharField(blank=True, max_length=10, verbose_name='NIP')),
                        ('regon', models.CharField(blank=True, max_length=14, verbose_name='REGON')),
                        ('krs', models.CharField(blank=True, max_length=10, verbose_name='KRS')),
                        ('representative_name', models.CharField(max_length=255, verbose_name='representative')),
                        ('representative_role', models.CharField(max_length=255, verbose_name="representative's role")),
                        ('contact_name', models.CharField(max_length=255, verbose_name='contact person')),
                        ('email', models.EmailField(max_length=254, verbose_name='e-mail')),
                        ('phone', models.CharField(max_length=50, verbose_name='phone')),
                        ('website', models.URLField(blank=True, max_length=500, verbose_name='website')),
                        ('motivation', models.TextField(max_length=2000, verbose_name='motivation')),
                        ('supports_ideological_declaration', models.BooleanField(default=False, verbose_name='supports the Ideological Declaration')),
                        ('consent_version', models.CharField(max_length=32, verbose_name='consent version')),
                        ('consent_text', models.TextField(help_text='Exactly as the applicant was shown it.', verbose_name='consent text')),
                        ('consent_given_at', models.DateTimeField(verbose_name='consent given at')),
                        ('decided_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='decided at')),
                        ('rejection_reason', models.TextField(blank=True, editable=False, verbose_name='reason for rejection')),
                        ('decided_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                        ('partner', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='membership_applications', to='partners.partner', verbose_name='partner entry')),
                    ],
                    options={
                        'verbose_name': 'membership application',
                        'verbose_name_plural': 'membership applications',
                        'ordering': ['-submitted_at', '-pk'],
                        'db_table': 'documents_membershipapplication',
                        'indexes': [models.Index(fields=['status', '-submitted_at'], name='documents_application_status')],
                    },
                ),
            ],
        ),
        migrations.RunPython(to_membership, back_to_documents),
        migrations.AlterModelTable(name='accessionpage', table=None),
        migrations.AlterModelTable(name='membershipapplication', table=None),
        migrations.RenameIndex(
            model_name='membershipapplication',
            new_name='membership_application_status',
            old_name='documents_application_status',
        ),
    ]
