"""For contributors: checking a change and summarising it for a pull request."""
