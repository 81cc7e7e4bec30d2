"""Questions asked of the landscape graph: impact, systems, orphans, lint."""
