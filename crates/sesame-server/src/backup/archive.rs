//! The backup file itself: written under a temporary name and renamed when whole, read back
//! only once its checksum matches.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{BackupError, Manifest};

/// The format this Sesame writes and reads.
pub const FORMAT: u32 = 1;
const MAGIC: &[u8] = b"SESAME-BACKUP 1\n";
const TRAILER: &[u8] = b"\nSHA-256 ";
/// The trailer: the marker, 64 hexadecimal digits, a newline.
const TRAILER_LEN: usize = 9 + 64 + 1;

/// The line before a table's rows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub table: String,
    pub columns: Vec<String>,
    pub rows: i64,
}

fn file_error(path: &Path, e: impl std::fmt::Display) -> BackupError {
    BackupError::File(format!("{}: {e}", path.display()))
}

/// Passes bytes through to the file and hashes them on the way.
struct Hashing<W: Write> {
    inner: W,
    hash: Sha256,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

pub struct Writer {
    gz: Option<GzEncoder<Hashing<BufWriter<std::fs::File>>>>,
    temporary: PathBuf,
    to: PathBuf,
}

impl Writer {
    pub fn create(to: &Path, manifest: &Manifest) -> Result<Writer, BackupError> {
        let name = to.file_name().and_then(|n| n.to_str()).unwrap_or("backup");
        let temporary = to.with_file_name(format!(".{name}.{}.partial", std::process::id()));
        // It holds password hashes and two-factor secrets: readable by its owner only.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options
            .open(&temporary)
            .map_err(|e| file_error(&temporary, e))?;
        let mut hashing = Hashing {
            inner: BufWriter::new(file),
            hash: Sha256::new(),
        };
        hashing
            .write_all(MAGIC)
            .map_err(|e| file_error(&temporary, e))?;
        let mut writer = Writer {
            gz: Some(GzEncoder::new(hashing, Compression::fast())),
            temporary,
            to: to.to_owned(),
        };
        writer.line(&serde_json::to_value(manifest).map_err(|e| file_error(to, e))?)?;
        Ok(writer)
    }

    pub fn header(&mut self, header: &Header) -> Result<(), BackupError> {
        let value = serde_json::to_value(header).map_err(|e| file_error(&self.to, e))?;
        self.line(&value)
    }

    pub fn line(&mut self, value: &Value) -> Result<(), BackupError> {
        let gz = self.gz.as_mut().expect("a writer not finished");
        serde_json::to_writer(&mut *gz, value).map_err(|e| file_error(&self.temporary, e))?;
        gz.write_all(b"\n")
            .map_err(|e| file_error(&self.temporary, e))
    }

    /// Ends the file, syncs it to disk and gives it its final name.
    pub fn finish(mut self) -> Result<(), BackupError> {
        self.line(&serde_json::json!({"end": true}))?;
        let gz = self.gz.take().expect("a writer not finished");
        let temporary = self.temporary.clone();
        let io = |e: std::io::Error| file_error(&temporary, e);
        let mut hashing = gz.finish().map_err(io)?;
        let digest = hashing.hash.clone().finalize();
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        hashing.inner.write_all(TRAILER).map_err(io)?;
        hashing.inner.write_all(hex.as_bytes()).map_err(io)?;
        hashing.inner.write_all(b"\n").map_err(io)?;
        let file = hashing.inner.into_inner().map_err(|e| io(e.into_error()))?;
        file.sync_all().map_err(io)?;
        std::fs::rename(&self.temporary, &self.to).map_err(|e| file_error(&self.to, e))?;
        Ok(())
    }
}

impl Drop for Writer {
    /// A backup that failed half-way leaves nothing behind.
    fn drop(&mut self) {
        if self.gz.is_some() {
            let _ = std::fs::remove_file(&self.temporary);
        }
    }
}

/// A backup read whole and checked.
pub struct Reader {
    gzip: Vec<u8>,
    manifest: Manifest,
}

impl Reader {
    pub fn open(path: &Path) -> Result<Reader, BackupError> {
        let bytes = std::fs::read(path).map_err(|e| file_error(path, e))?;
        if !bytes.starts_with(MAGIC) {
            return Err(if MAGIC.starts_with(&bytes) && !bytes.is_empty() {
                BackupError::Truncated
            } else {
                BackupError::NotABackup
            });
        }
        if bytes.len() < MAGIC.len() + TRAILER_LEN {
            return Err(BackupError::Truncated);
        }
        let (body, trailer) = bytes.split_at(bytes.len() - TRAILER_LEN);
        if !trailer.starts_with(TRAILER) || !trailer.ends_with(b"\n") {
            return Err(BackupError::Truncated);
        }
        let expected = &trailer[TRAILER.len()..TRAILER_LEN - 1];
        let digest = Sha256::digest(body);
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        if hex.as_bytes() != expected {
            return Err(BackupError::Damaged);
        }
        let gzip = body[MAGIC.len()..].to_vec();
        let mut lines = Lines::new(&gzip);
        let first = lines.next_value()?.ok_or(BackupError::Truncated)?;
        if let Some(format) = first["format"].as_u64()
            && format > u64::from(FORMAT)
        {
            return Err(BackupError::NewerFormat(format as u32));
        }
        let manifest: Manifest = serde_json::from_value(first).map_err(|_| BackupError::Damaged)?;
        Ok(Reader { gzip, manifest })
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The tables after the manifest.
    pub fn sections(&self) -> Result<Lines<'_>, BackupError> {
        let mut lines = Lines::new(&self.gzip);
        lines.next_value()?;
        Ok(lines)
    }

    /// Reads every row once: each table has the rows its header and the manifest announce,
    /// and the end is there.
    pub fn check_rows(&self) -> Result<(), BackupError> {
        let mut lines = self.sections()?;
        let mut expected = self.manifest.tables.iter();
        while let Some(header) = lines.next_table()? {
            let announced = expected.next().ok_or(BackupError::Damaged)?;
            if (&header.table, header.rows) != (&announced.0, announced.1) {
                return Err(BackupError::Damaged);
            }
            for _ in 0..header.rows {
                lines.next_row()?;
            }
        }
        match expected.next() {
            Some(_) => Err(BackupError::Truncated),
            None => Ok(()),
        }
    }
}

/// The JSON lines of a backup, in order.
pub struct Lines<'a> {
    lines: std::io::Lines<BufReader<GzDecoder<&'a [u8]>>>,
}

impl<'a> Lines<'a> {
    fn new(gzip: &'a [u8]) -> Lines<'a> {
        Lines {
            lines: BufReader::with_capacity(1 << 16, GzDecoder::new(gzip)).lines(),
        }
    }

    fn next_value(&mut self) -> Result<Option<Value>, BackupError> {
        match self.lines.next() {
            None => Ok(None),
            Some(Err(_)) => Err(BackupError::Damaged),
            Some(Ok(line)) => serde_json::from_str(&line)
                .map(Some)
                .map_err(|_| BackupError::Damaged),
        }
    }

    /// The next table's header; `None` at the end.
    pub fn next_table(&mut self) -> Result<Option<Header>, BackupError> {
        let value = self.next_value()?.ok_or(BackupError::Truncated)?;
        if value.get("end").is_some() {
            return Ok(None);
        }
        serde_json::from_value(value)
            .map(Some)
            .map_err(|_| BackupError::Damaged)
    }

    pub fn next_row(&mut self) -> Result<Vec<Value>, BackupError> {
        match self.next_value()?.ok_or(BackupError::Truncated)? {
            Value::Array(values) => Ok(values),
            _ => Err(BackupError::Damaged),
        }
    }
}
