"""Webhooks for partner portals: endpoints editors register, and the signed deliveries sent to them whenever
public content is published, unpublished or deleted (docs/API.md, "Webhooks")."""
