//! Backups the server takes by itself: before it migrates a SQLite database, and on a schedule.
