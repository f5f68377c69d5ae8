"""How a documents page lists its files in the API."""

from rest_framework import serializers

from wagtail.api.utils import get_full_url


class DocumentEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="document_id")
    title = serializers.CharField()
    description = serializers.CharField()
    download_url = serializers.SerializerMethodField()
    file_type = serializers.CharField()
    file_size = serializers.IntegerField()
    language = serializers.CharField(source="file_language")
    date = serializers.DateField(allow_null=True)

    def get_download_url(self, entry) -> str:
        return get_full_url(self.context["request"], entry.download_url)
