"""Feed formats of the demo publishers: each writer lays out content/ tables as one file."""
