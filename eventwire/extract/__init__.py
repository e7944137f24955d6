"""Extraction: parsed articles → event mentions (see `events.Extractor`)."""
