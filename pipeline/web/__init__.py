"""The review page: documents, findings next to their evidence, decisions, uploads.

perfaudit serve --db perfaudit.db      # then open http://127.0.0.1:8000
"""

from pipeline.web.app import create_app

__all__ = ["create_app"]
