"""Benchmarks: the pipeline against bare spaCy, classification, the gazetteer, Spark."""
