"""Fixtures of the content API's tests: the OpenAPI document as a validator."""

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from django.core.cache import cache

from api.openapi import build_schema
from cms.api import api_router

SCHEMA_URI = "urn:lubelskie-partnerstwo:openapi"


def pointer(*parts):
    return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in parts)


class OpenAPIDocument:
    """Validates real answers against the response schema the document gives for their path and status."""

    def __init__(self, document):
        self.document = document
        self.registry = Registry().with_resource(SCHEMA_URI, Resource(document, specification=DRAFT202012))

    def validate(self, path_template, response, method="get"):
        operation = self.document["paths"][path_template][method]
        status = str(response.status_code)
        assert status in operation["responses"], f"{method.upper()} {path_template} does not document {status}"
        content = operation["responses"][status].get("content")
        if content is None:
            return
        assert response["Content-Type"].startswith("application/json")
        location = pointer("paths", path_template, method, "responses", status, "content", "application/json", "schema")
        validator = jsonschema.Draft202012Validator(
            {"$ref": f"{SCHEMA_URI}#/{location}"},
            registry=self.registry,
            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
        )
        errors = sorted(validator.iter_errors(response.json()), key=lambda e: e.path)
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


@pytest.fixture(autouse=True)
def fresh_cache():
    """The content version lives in the cache, which a test's rollback does not undo: start and end clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def openapi():
    return OpenAPIDocument(build_schema(api_router))
