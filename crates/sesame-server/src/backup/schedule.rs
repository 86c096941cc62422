//! Backups the server takes by itself: before it migrates a SQLite database, and on a schedule
//! into a folder where only the latest few are kept.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::store::Db;

/// The file name's ending of every backup.
pub const EXTENSION: &str = sesame_core::i18n::keys::not_text("sesame-backup");

/// Backups on a schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub dir: PathBuf,
    pub every: Duration,
    /// How many of the latest scheduled backups are kept…
    pub keep: usize,
    /// …and, older than those, the last one of each of this many weeks.
    pub keep_weekly: usize,
}

/// Opens the database and brings it to this server's schema. A SQLite database that holds data
/// and is about to migrate is backed up first, into `dir` (by default a `backups` folder next
/// to the database file): an upgrade that goes wrong can be undone.
pub async fn connect(url: &str, dir: Option<&Path>) -> Result<Db, String> {
    let db = Db::open(url).await.map_err(|e| e.to_string())?;
    let schema = db.schema().await.map_err(|e| e.to_string())?;
    if let (Db::Sqlite(..), true) = (&db, schema > 0 && schema < Db::latest_schema()) {
        let dir = dir.map(Path::to_owned).or_else(|| beside(url));
        if let Some(dir) = dir {
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let to = dir.join(format!(
                "before-schema-{}-{}.{EXTENSION}",
                Db::latest_schema(),
                stamp()
            ));
            super::backup(&db, &to)
                .await
                .map_err(|e| format!("backup before migrating, into {}: {e}", to.display()))?;
            tracing::info!("backed up into {} before migrating", to.display());
        }
    }
    db.migrate(None).await.map_err(|e| e.to_string())?;
    db.refold().await.map_err(|e| e.to_string())?;
    Ok(db)
}

/// `backups` next to a SQLite database file.
fn beside(url: &str) -> Option<PathBuf> {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = Path::new(path.split('?').next()?);
    Some(path.parent().unwrap_or(Path::new(".")).join("backups"))
}

/// Now, as a file name sorts it: `20261206-142501`.
fn stamp() -> String {
    let t = time::OffsetDateTime::now_utc();
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The scheduled backups in `dir`, newest first: (file, when written).
pub fn scheduled(dir: &Path) -> Vec<(PathBuf, SystemTime)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut found: Vec<(PathBuf, SystemTime)> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("sesame-") && name.ends_with(EXTENSION)
        })
        .filter_map(|e| Some((e.path(), e.metadata().ok()?.modified().ok()?)))
        .collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
    found
}

/// Takes one scheduled backup now, then keeps only what the schedule keeps.
pub async fn take(db: &Db, schedule: &Schedule) -> Result<PathBuf, String> {
    std::fs::create_dir_all(&schedule.dir)
        .map_err(|e| format!("{}: {e}", schedule.dir.display()))?;
    let to = schedule.dir.join(format!("sesame-{}.{EXTENSION}", stamp()));
    super::backup(db, &to).await.map_err(|e| e.to_string())?;
    prune(schedule);
    Ok(to)
}

/// Removes the scheduled backups the schedule no longer keeps, and what a killed backup left.
fn prune(schedule: &Schedule) {
    let all = scheduled(&schedule.dir);
    let mut weeks_kept = vec![];
    for (i, (file, at)) in all.iter().enumerate() {
        if i < schedule.keep {
            continue;
        }
        let week = time::OffsetDateTime::from(*at).to_iso_week_date();
        let week = (week.0, week.1);
        if weeks_kept.len() < schedule.keep_weekly && !weeks_kept.contains(&week) {
            weeks_kept.push(week);
            continue;
        }
        let _ = std::fs::remove_file(file);
    }
    if let Ok(entries) = std::fs::read_dir(&schedule.dir) {
        for e in entries.flatten() {
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|m| m.elapsed().unwrap_or_default() > Duration::from_secs(3600));
            if old && e.file_name().to_string_lossy().ends_with(".partial") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Takes a backup whenever the last one is `every` old, until the process ends.
pub fn spawn(db: Db, schedule: Schedule) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let age = scheduled(&schedule.dir)
                .first()
                .and_then(|(_, at)| at.elapsed().ok())
                .unwrap_or(Duration::MAX);
            if age >= schedule.every {
                match take(&db, &schedule).await {
                    Ok(file) => tracing::info!("backup written to {}", file.display()),
                    Err(e) => tracing::warn!("scheduled backup: {e}"),
                }
            }
            let age = age.min(schedule.every);
            let wait = if age >= schedule.every {
                schedule.every
            } else {
                schedule.every - age
            };
            // Looked at again within the hour: a laptop asleep at the due time catches up.
            tokio::time::sleep(wait.min(Duration::from_secs(3600))).await;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_next_to_a_database_file() {
        assert_eq!(
            beside("sqlite:/var/lib/sesame/sesame.db"),
            Some("/var/lib/sesame/backups".into())
        );
        assert_eq!(
            beside("sqlite://data/s.db?mode=rwc"),
            Some("data/backups".into())
        );
        assert_eq!(beside("postgres://db/sesame"), None);
    }

    #[test]
    fn the_latest_are_kept_then_one_a_week() {
        let dir = std::env::temp_dir().join(format!("sesame-prune-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let day = Duration::from_secs(86_400);
        let now = SystemTime::now();
        for d in 0..40u64 {
            let f = dir.join(format!("sesame-{d:03}.{EXTENSION}"));
            std::fs::write(&f, b"x").unwrap();
            let file = std::fs::File::options().write(true).open(&f).unwrap();
            file.set_modified(now - day * d as u32).unwrap();
        }
        let schedule = Schedule {
            dir: dir.clone(),
            every: day,
            keep: 7,
            keep_weekly: 4,
        };
        prune(&schedule);
        let left = scheduled(&dir);
        assert_eq!(left.len(), 11, "{left:?}");
        assert!(
            left[..7]
                .iter()
                .enumerate()
                .all(|(i, (f, _))| f.ends_with(format!("sesame-{i:03}.{EXTENSION}")))
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
