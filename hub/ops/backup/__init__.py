"""Backup and restore of one school: `export_school` and `import_school` commands."""
