"""Imported once by the fork server, so every worker is forked with the readers and NLP pipeline loaded.

A new or replacement worker then starts in milliseconds and shares those pages with the
others (copy-on-write) instead of loading its own copy.
"""

from pipeline.batch.tasks import warm_up

warm_up()
