"""``govsite portal sync``: fetch each member's published site into the portal's local
copy through rclone, into a staging folder swapped in only when complete, and record
in the sync ledger (:mod:`govsite.portal.ledger`) whether each member answered
(docs/portal.md, "Running it")."""
