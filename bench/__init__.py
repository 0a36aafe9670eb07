"""The load benchmark behind `make bench`: never imported by the app itself."""
