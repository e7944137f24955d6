"""Fusion: one article's mentions into reports, reports of many articles into events."""
