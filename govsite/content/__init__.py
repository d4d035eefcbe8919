"""Readers: turn files in the site folder into validated model objects."""
