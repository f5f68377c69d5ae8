"""The content API (/api/v2/): the shared contract, filters and fields, one module per endpoint, and the OpenAPI
document derived from what the endpoints and models declare. ``cms/api.py`` registers the endpoints.

Dependencies point one way: cms -> api -> the domain apps -> home; no domain app imports this package.
"""
