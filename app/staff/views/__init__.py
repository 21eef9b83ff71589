"""The back office's pages, one module per task (as GOV.UK Notify keeps app/main/views/)."""
