"""Live news: feeds fetched politely into the corpus as ordinary Markdown files.

No Textual here, and nothing imported eagerly: config reads `spec` at every start-up, and the
HTTP and parsing libraries load only when a fetch runs. `fetch.FeedFetcher.run` is the one
long job (a generator of progress with a cancel event); `state.FeedState` remembers
validators, schedule and health; `subscriptions.Subscriptions` is what the Library calls.
"""
