"""A document's file replaced: the name it had is recorded, so that its old address keeps working."""

import os

from django.db.models.signals import pre_save
from django.dispatch import receiver

from wagtail.documents import get_document_model

from .models import FormerDocumentFile


@receiver(pre_save, sender=get_document_model())
def record_former_file(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    if stored and stored != instance.file.name:
        FormerDocumentFile.objects.get_or_create(document_id=instance.pk, filename=os.path.basename(stored))
