"""The MkDocs adapter: the hook module only (MkDocs puts this folder on sys.path)."""
