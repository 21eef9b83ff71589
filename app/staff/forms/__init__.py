"""The back office's forms, one module a part of the work. Labels and messages are product
copy: plain words that say what to do."""
