//! Certificates from an ACME certificate authority (Let's Encrypt, or a private one such as
//! step-ca or Pebble), for a server reachable from the internet under its own names. The
//! challenge is TLS-ALPN-01 (RFC 8737), answered on the HTTPS listener itself: no second port.
//! Until the first certificate arrives the server shows one of its own; a certificate is
//! renewed when a third of its life is left, and read again in place.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use instant_acme::{
    Account, AccountCredentials, AuthorizationStatus, ChallengeType, Identifier, NewAccount,
    NewOrder, OrderStatus, RetryPolicy,
};

use super::{Certificates, Tls, make_own, write_private};

/// Let's Encrypt's production directory.
pub const LETS_ENCRYPT: &str = "https://acme-v02.api.letsencrypt.org/directory";

/// How to get certificates, and where they are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acme {
    /// The names the certificate is for; each must lead to this server on port 443 (or the
    /// port the ACME server checks).
    pub domains: Vec<String>,
    /// `mailto:` addresses the authority writes to about the account.
    pub contact: Vec<String>,
    pub directory: String,
    /// The authority's own root certificate, when no system root trusts its directory.
    pub root: Option<PathBuf>,
    /// Where the account, the certificate and its key are kept.
    pub dir: PathBuf,
}

impl Acme {
    /// The files the server shows.
    pub fn tls(&self) -> Tls {
        Tls::own(&self.dir)
    }

    /// Something to show before the first certificate arrives: the server's own.
    pub fn prepare(&self) -> Result<(), String> {
        make_own(&self.dir, &self.domains).map(|_| ())
    }

    /// Gets a certificate when one is due, now and twice a day, until the process ends;
    /// failures are retried sooner.
    pub fn spawn(self, certificates: Arc<Certificates>) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let mut retry = Duration::from_secs(30);
            loop {
                let wait = if !self.due() {
                    Duration::from_secs(12 * 3600)
                } else {
                    match self.obtain(&certificates).await {
                        Ok(()) => {
                            tracing::info!("certificate for {:?} obtained", self.domains);
                            retry = Duration::from_secs(30);
                            Duration::from_secs(12 * 3600)
                        }
                        Err(e) => {
                            tracing::warn!("certificate for {:?} not obtained: {e}", self.domains);
                            retry = (retry * 2).min(Duration::from_secs(3600));
                            retry
                        }
                    }
                };
                tokio::time::sleep(wait).await;
            }
        })
    }

    fn state_file(&self) -> PathBuf {
        self.dir.join("acme-domains.txt")
    }

    /// Whether a certificate is to be obtained: none from the authority yet, other names, or
    /// a third of its life left.
    pub fn due(&self) -> bool {
        let names = std::fs::read_to_string(self.state_file()).unwrap_or_default();
        if names.lines().collect::<Vec<_>>() != self.domains {
            return true;
        }
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        match validity(&self.tls().cert) {
            Some((from, to)) => to - now < (to - from) / 3,
            None => true,
        }
    }

    async fn obtain(&self, certificates: &Certificates) -> Result<(), String> {
        let account = self.account().await?;
        let identifiers: Vec<Identifier> = self
            .domains
            .iter()
            .map(|d| Identifier::Dns(d.clone()))
            .collect();
        let mut order = account
            .new_order(&NewOrder::new(&identifiers))
            .await
            .map_err(|e| format!("new order: {e}"))?;
        let mut answered = vec![];
        let mut authorizations = order.authorizations();
        while let Some(authz) = authorizations.next().await {
            let mut authz = authz.map_err(|e| format!("authorization: {e}"))?;
            if authz.status == AuthorizationStatus::Valid {
                continue;
            }
            let mut challenge = authz
                .challenge(ChallengeType::TlsAlpn01)
                .ok_or("the authority offers no TLS-ALPN-01 challenge")?;
            let name = challenge.identifier().to_string();
            let digest = challenge.key_authorization().digest();
            let answer = super::certificates::challenge_answer(&name, digest.as_ref())?;
            certificates.set_challenge(&name, Some(answer));
            answered.push(name);
            challenge
                .set_ready()
                .await
                .map_err(|e| format!("challenge: {e}"))?;
        }
        let ready = order.poll_ready(&RetryPolicy::default()).await;
        for name in &answered {
            certificates.set_challenge(name, None);
        }
        match ready.map_err(|e| format!("validation: {e}"))? {
            OrderStatus::Ready => {}
            status => return Err(format!("the order is {status:?}")),
        }
        let key = order
            .finalize()
            .await
            .map_err(|e| format!("finalize: {e}"))?;
        let chain = order
            .poll_certificate(&RetryPolicy::default())
            .await
            .map_err(|e| format!("certificate: {e}"))?;
        let tls = self.tls();
        replace(&tls.key, key.as_bytes())?;
        replace(&tls.cert, chain.as_bytes())?;
        std::fs::write(self.state_file(), self.domains.join("\n"))
            .map_err(|e| format!("{}: {e}", self.state_file().display()))?;
        certificates.reload(&tls)
    }

    /// The account at the authority: made the first time, then read from its file.
    async fn account(&self) -> Result<Account, String> {
        let builder = match &self.root {
            Some(root) => Account::builder_with_root(root),
            None => Account::builder(),
        }
        .map_err(|e| format!("ACME client: {e}"))?;
        let file = self.dir.join("acme-account.json");
        if let Ok(text) = std::fs::read_to_string(&file) {
            let credentials: AccountCredentials =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            return builder
                .from_credentials(credentials)
                .await
                .map_err(|e| format!("ACME account: {e}"));
        }
        let contact: Vec<&str> = self.contact.iter().map(String::as_str).collect();
        let (account, credentials) = builder
            .create(
                &NewAccount {
                    contact: &contact,
                    terms_of_service_agreed: true,
                    only_return_existing: false,
                },
                self.directory.clone(),
                None,
            )
            .await
            .map_err(|e| format!("ACME account at {}: {e}", self.directory))?;
        let text = serde_json::to_string(&credentials).map_err(|e| e.to_string())?;
        replace(&file, text.as_bytes())?;
        Ok(account)
    }
}

/// Writes a private file under a temporary name, then renames it: the certificate's reader
/// never sees half a file.
fn replace(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let temporary = path.with_extension("new");
    let _ = std::fs::remove_file(&temporary);
    write_private(&temporary, bytes)?;
    std::fs::rename(&temporary, path).map_err(|e| format!("{}: {e}", path.display()))
}

/// (not before, not after) of the first certificate in a PEM file, in seconds.
fn validity(cert: &Path) -> Option<(i64, i64)> {
    use rustls_pki_types::CertificateDer;
    use rustls_pki_types::pem::PemObject;
    let der = CertificateDer::from_pem_file(cert).ok()?;
    let (_, parsed) = x509_parser::parse_x509_certificate(&der).ok()?;
    let v = parsed.validity();
    Some((v.not_before.timestamp(), v.not_after.timestamp()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_certificate_is_due_until_the_authority_gave_one_for_these_names() {
        let dir = std::env::temp_dir().join(format!("sesame-acme-{}", std::process::id()));
        let acme = Acme {
            domains: vec!["sesame.example.org".into()],
            contact: vec![],
            directory: LETS_ENCRYPT.into(),
            root: None,
            dir: dir.clone(),
        };
        acme.prepare().unwrap();
        assert!(acme.due(), "the server's own certificate stands in");
        // As if the authority had given it: a ten-year certificate for these names is not due.
        std::fs::write(acme.state_file(), "sesame.example.org").unwrap();
        assert!(!acme.due());
        let other = Acme {
            domains: vec!["sesame.example.org".into(), "accounts.example.org".into()],
            ..acme.clone()
        };
        assert!(other.due(), "a name was added");
        // A 90-day certificate is renewed with 30 days left, not before.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(acme.state_file(), "sesame.example.org").unwrap();
        let issued = |days_ago: i64| {
            let now = time::OffsetDateTime::now_utc();
            let mut params =
                rcgen::CertificateParams::new(vec!["sesame.example.org".into()]).unwrap();
            params.not_before = now - time::Duration::days(days_ago);
            params.not_after = params.not_before + time::Duration::days(90);
            let key = rcgen::KeyPair::generate().unwrap();
            std::fs::write(&acme.tls().cert, params.self_signed(&key).unwrap().pem()).unwrap();
        };
        issued(59);
        assert!(!acme.due(), "31 days left");
        issued(61);
        assert!(acme.due(), "29 days left");
        let _ = std::fs::remove_dir_all(dir);
    }
}
