//! HTTPS: the server's certificate and key (PEM files, read again when they change), or a
//! certificate of its own made on first start, whose fingerprint people compare before they
//! trust it. rustls only; TLS 1.2 and 1.3 with rustls's modern suites (no CBC, no RSA key
//! exchange).

pub mod acme;
mod certificates;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::Router;
use axum_server::tls_rustls::RustlsConfig;
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;

pub use certificates::Certificates;

/// Where the certificate and its key are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tls {
    pub cert: PathBuf,
    pub key: PathBuf,
}

impl Tls {
    /// The certificate the server makes for itself in `dir` (kept there: the same one at every
    /// start, so that what people pinned stays right).
    pub fn own(dir: &Path) -> Tls {
        Tls {
            cert: dir.join("cert.pem"),
            key: dir.join("key.pem"),
        }
    }
}

/// Makes the server's own certificate in `dir` for `names` (host names or addresses) if there
/// is none yet; says whether it made one.
pub fn make_own(dir: &Path, names: &[String]) -> Result<bool, String> {
    let tls = Tls::own(dir);
    if tls.cert.exists() && tls.key.exists() {
        return Ok(false);
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut params = rcgen::CertificateParams::new(names.to_vec())
        .map_err(|e| format!("certificate names {names:?}: {e}"))?;
    let now = time::OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::days(1);
    params.not_after = now + time::Duration::days(10 * 365);
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Sesame server");
    let key = rcgen::KeyPair::generate().map_err(|e| e.to_string())?;
    let cert = params.self_signed(&key).map_err(|e| e.to_string())?;
    write_private(&tls.key, key.serialize_pem().as_bytes())?;
    std::fs::write(&tls.cert, cert.pem()).map_err(|e| format!("{}: {e}", tls.cert.display()))?;
    Ok(true)
}

/// The key is readable by the server's own user only.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    file.write_all(bytes)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The SHA-256 fingerprint of the certificate in `cert` (PEM), as people read it out:
/// 32 pairs of hexadecimal digits, separated by colons.
pub fn fingerprint(cert: &Path) -> Result<String, String> {
    let der =
        CertificateDer::from_pem_file(cert).map_err(|e| format!("{}: {e}", cert.display()))?;
    Ok(fingerprint_of(&der))
}

pub use sesame_core::certificate::fingerprint as fingerprint_of;

/// Serves `router` over HTTPS on `listener` until `stop` fires; the certificate and key are
/// read again when either file changes (looked at every `poll`), and kept up to date by
/// `acme` when it is given.
pub async fn serve(
    listener: tokio::net::TcpListener,
    tls: Tls,
    poll: Duration,
    acme: Option<acme::Acme>,
    router: Router,
    stop: tokio::sync::oneshot::Receiver<()>,
) -> Result<tokio::task::JoinHandle<()>, String> {
    let certificates = Arc::new(Certificates::load(&tls)?);
    let config = RustlsConfig::from_config(Arc::new(certificates.server_config()?));
    let listener = listener.into_std().map_err(|e| e.to_string())?;
    let server = axum_server::from_tcp_rustls(listener, config).map_err(|e| e.to_string())?;
    let handle = axum_server::Handle::new();
    let reload = tokio::spawn(reload_on_change(tls, poll, certificates.clone()));
    let renew = acme.map(|a| a.spawn(certificates));
    let server = server.handle(handle.clone());
    Ok(tokio::spawn(async move {
        let stopper = tokio::spawn(async move {
            let _ = stop.await;
            handle.graceful_shutdown(Some(Duration::from_secs(5)));
        });
        let _ = server
            .serve(router.into_make_service_with_connect_info::<std::net::SocketAddr>())
            .await;
        stopper.abort();
        reload.abort();
        if let Some(renew) = renew {
            renew.abort();
        }
    }))
}

/// Reads the files again when they change (a renewed certificate), keeping the old ones
/// while the new ones do not load (half written, or a key that does not match).
async fn reload_on_change(tls: Tls, poll: Duration, certificates: Arc<Certificates>) {
    let stamp = |tls: &Tls| -> Option<(SystemTime, SystemTime)> {
        let at = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        Some((at(&tls.cert)?, at(&tls.key)?))
    };
    let mut seen = stamp(&tls);
    loop {
        tokio::time::sleep(poll).await;
        let now = stamp(&tls);
        if now == seen {
            continue;
        }
        match certificates.reload(&tls) {
            Ok(()) => {
                tracing::info!("certificate {} read again", tls.cert.display());
                seen = now;
            }
            Err(e) => tracing::warn!("certificate {} not read again: {e}", tls.cert.display()),
        }
    }
}

/// The process's TLS provider (ring), set once before any TLS is used.
pub fn install_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// What `serve` was told about HTTPS.
#[derive(Debug, Default)]
pub struct Choice {
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
    pub self_signed: Option<PathBuf>,
    pub names: Vec<String>,
    pub allow_plain_http: bool,
    pub acme: Option<acme::Acme>,
}

impl Choice {
    /// The certificate to serve with (the server's own made first if need be), or none for
    /// plain HTTP, which is refused on an address other machines reach unless allowed.
    pub fn choose(self, listen: &str, public_url: &str) -> Result<Option<Tls>, String> {
        if let Some(acme) = &self.acme {
            acme.prepare()?;
            tracing::info!(
                "certificates for {:?} from {}, kept in {}",
                acme.domains,
                acme.directory,
                acme.dir.display()
            );
            return Ok(Some(acme.tls()));
        }
        if let (Some(cert), Some(key)) = (&self.cert, &self.key) {
            return Ok(Some(Tls {
                cert: cert.clone(),
                key: key.clone(),
            }));
        }
        if let Some(dir) = &self.self_signed {
            let names = if self.names.is_empty() {
                default_names(listen, public_url)
            } else {
                self.names.clone()
            };
            if make_own(dir, &names)? {
                tracing::info!(
                    "made the server's own certificate for {names:?} in {}",
                    dir.display()
                );
            }
            let tls = Tls::own(dir);
            tracing::info!(
                "certificate fingerprint: SHA-256 {}",
                fingerprint(&tls.cert)?
            );
            return Ok(Some(tls));
        }
        if !loopback(listen) {
            if !self.allow_plain_http {
                return Err(format!(
                    "{listen} is reached from other machines, and plain HTTP would send passwords \
                     and tokens over the network in clear: give --tls-cert and --tls-key, or \
                     --tls-self-signed DIR (or --allow-plain-http behind a proxy that speaks HTTPS)"
                ));
            }
            tracing::warn!(
                "serving plain HTTP on {listen}: passwords and tokens cross the network in clear \
                 unless a proxy in front speaks HTTPS"
            );
        }
        Ok(None)
    }
}

/// Whether `listen` answers this machine only.
pub fn loopback(listen: &str) -> bool {
    match listen.parse::<std::net::SocketAddr>() {
        Ok(addr) => addr.ip().is_loopback(),
        Err(_) => listen
            .rsplit_once(':')
            .is_some_and(|(host, _)| host.eq_ignore_ascii_case("localhost")),
    }
}

/// The names of the server's own certificate when none are given: the public URL's host,
/// the address it listens on (when it is one), this machine's name, and localhost.
fn default_names(listen: &str, public_url: &str) -> Vec<String> {
    let mut names = vec![];
    let host = public_url
        .split_once("://")
        .map(|(_, rest)| rest.split(['/', ':']).next().unwrap_or_default());
    names.extend(host.filter(|h| !h.is_empty()).map(str::to_owned));
    if let Ok(addr) = listen.parse::<std::net::SocketAddr>()
        && !addr.ip().is_unspecified()
    {
        names.push(addr.ip().to_string());
    }
    if let Some(name) = hostname::get().ok().and_then(|h| h.into_string().ok()) {
        names.push(name);
    }
    names.push("localhost".into());
    names.dedup();
    names
}
