"""The site: Markdown pages with front matter, feeds, export, writing to docs/."""
