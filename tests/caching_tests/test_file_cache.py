"""The file cache checks its size (lists its folder, Django's ``_cull``) at most once every ``CULL_CHECK_SECONDS``,
and still culls as Django does: these fail if Django stops culling through ``_cull``."""

from unittest import mock

from cms.caching.filecache import FileCache


def file_cache(folder, max_entries, check_seconds):
    return FileCache(str(folder), {"OPTIONS": {"MAX_ENTRIES": max_entries, "CULL_CHECK_SECONDS": check_seconds}})


def test_without_a_pause_between_checks_it_culls_like_djangos_file_cache(tmp_path):
    cache = file_cache(tmp_path, max_entries=10, check_seconds=0)
    for n in range(40):
        cache.set(f"key-{n}", n)

    assert len(cache._list_cache_files()) <= 10  # noqa: SLF001 - Django's own count of the entries


def test_the_folder_is_listed_once_for_many_writes_within_the_pause(tmp_path):
    cache = file_cache(tmp_path, max_entries=10, check_seconds=3600)
    with mock.patch.object(FileCache, "_list_cache_files", autospec=True, return_value=[]) as listing:
        for n in range(20):
            cache.set(f"key-{n}", n)

    assert listing.call_count == 1
    assert [cache.get(f"key-{n}") for n in range(20)] == list(range(20))
