"""The site search's Polish stemming table: loaded once, before gunicorn forks its workers, and quietly."""

import runpy
from pathlib import Path

from search import analysis

ROOT = Path(__file__).resolve().parents[2]


def test_the_gunicorn_master_loads_the_stemming_table_before_forking_without_a_progress_bar(capfd):
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    analysis._polish_stemmer.cache_clear()
    analysis.word_keys.cache_clear()

    config["on_starting"](server=None)

    assert analysis._polish_stemmer.cache_info().currsize == 1
    assert capfd.readouterr().err == ""
    assert analysis.word_keys("kościele", "pl") & analysis.word_keys("kościół", "pl")  # through the stemmer
