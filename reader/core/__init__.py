"""The plain core: corpus, index, entities, store and config. Nothing here imports Textual."""
