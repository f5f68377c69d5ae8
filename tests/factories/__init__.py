"""Factories for the tests, one module per app (factory_boy and wagtail-factories are test-only packages)."""
