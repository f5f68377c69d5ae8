"""The site search's dictionary and stemming tables: loaded once, before gunicorn forks its workers, and quietly."""

import runpy
from pathlib import Path

from search import analysis

ROOT = Path(__file__).resolve().parents[2]


def test_the_gunicorn_master_loads_the_dictionary_and_stemmers_before_forking_without_a_progress_bar(capfd):
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    for loader in (analysis.morfeusz, analysis.polish_stemmer, analysis.english_stemmer):
        loader.cache_clear()
    analysis.word_keys.cache_clear()

    config["on_starting"](server=None)

    assert analysis.morfeusz.cache_info().currsize == 1
    assert analysis.polish_stemmer.cache_info().currsize == 1
    assert analysis.english_stemmer.cache_info().currsize == 1
    assert capfd.readouterr().err == ""
    assert analysis.word_keys("kościele", "pl") & analysis.word_keys("kościół", "pl")  # one lemma, kościół
