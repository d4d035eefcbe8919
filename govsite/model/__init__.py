"""The content model: site configuration, organizations, columns, items, catalogs."""
