"""Pages: data shaped for each page kind, Markdown text, rendering, the theme's HTML."""
