"""The tantivy engine (`backend: tantivy`, `pip install newsreader[tantivy]`): SearchBackend over
a tantivy index, for archives of a million articles.

backend.py implements the interface; schema.py says what is indexed and analyses text as the
Whoosh engine does; documents.py encodes and decodes documents; queries.py builds tantivy
queries from the reader's parsed query, never from user text.
"""
