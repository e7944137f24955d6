"""The coding step: trigger words to CAMEO codes and PLOVER types, senses, ACLED categories."""
