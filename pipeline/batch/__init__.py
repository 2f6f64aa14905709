"""Many files at once: a pool of killable workers (or a Dask cluster), progress, resume, limits."""

from pipeline.batch.run import DEFAULT_MEMORY_LIMIT_MB, Event, Listener, RunOptions, RunSummary, run

__all__ = ["DEFAULT_MEMORY_LIMIT_MB", "Event", "Listener", "RunOptions", "RunSummary", "run"]
