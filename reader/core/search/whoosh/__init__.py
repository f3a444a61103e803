"""The Whoosh engine: SearchBackend over a Whoosh index, with faster ranking and writing.

backend.py implements the interface; schema.py says what is indexed; documents.py encodes and
decodes documents; queries.py and columns.py turn our query language into Whoosh's; ranking.py,
scoring.py and postings.py rank over whole posting lists; writer.py writes first builds faster.
Snippets are cut by the engine-neutral reader/core/search/snippets.py.
"""
