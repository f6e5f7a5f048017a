"""People and organisations an article names, with their roles."""
