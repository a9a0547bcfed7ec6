"""Hand-written content tables for the demo feeds; see ../generate.py and ../README.md."""
