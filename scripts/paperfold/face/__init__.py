"""What people run: the command line, the MkDocs hook, site assets, safe builds."""
