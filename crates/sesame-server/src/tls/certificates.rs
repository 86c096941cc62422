//! The certificate the server shows, swapped in place when it is renewed, and the answers to
//! ACME's TLS-ALPN-01 challenges, shown only to a client that asks for them (RFC 8737).

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

use super::Tls;

/// The protocol name an ACME server asks for when it checks a TLS-ALPN-01 challenge.
pub const ACME_TLS_ALPN: &[u8] = b"acme-tls/1";

#[derive(Debug)]
pub struct Certificates {
    served: RwLock<Arc<CertifiedKey>>,
    challenges: RwLock<HashMap<String, Arc<CertifiedKey>>>,
}

impl Certificates {
    pub fn load(tls: &Tls) -> Result<Certificates, String> {
        Ok(Certificates {
            served: RwLock::new(Arc::new(read(tls)?)),
            challenges: RwLock::default(),
        })
    }

    /// Reads the files again; the certificate shown stays as it was when they do not load (half
    /// written, or a key that does not match).
    pub fn reload(&self, tls: &Tls) -> Result<(), String> {
        let fresh = Arc::new(read(tls)?);
        if let Ok(mut served) = self.served.write() {
            *served = fresh;
        }
        Ok(())
    }

    /// The certificate that answers a TLS-ALPN-01 challenge for `name` (`None`: no more).
    pub fn set_challenge(&self, name: &str, answer: Option<CertifiedKey>) {
        if let Ok(mut challenges) = self.challenges.write() {
            match answer {
                Some(a) => challenges.insert(name.to_ascii_lowercase(), Arc::new(a)),
                None => challenges.remove(&name.to_ascii_lowercase()),
            };
        }
    }

    /// The server's TLS settings, with this as the certificate: TLS 1.2 and 1.3, rustls's
    /// suites (AEAD only, forward secrecy only).
    pub fn server_config(self: &Arc<Self>) -> Result<rustls::ServerConfig, String> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
            .map_err(|e| e.to_string())?
            .with_no_client_auth()
            .with_cert_resolver(self.clone());
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec(), ACME_TLS_ALPN.to_vec()];
        // The server's order (strongest first), not whatever a client lists first.
        config.ignore_client_order = true;
        Ok(config)
    }
}

impl ResolvesServerCert for Certificates {
    fn resolve(&self, hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let acme = hello
            .alpn()
            .is_some_and(|mut protocols| protocols.any(|p| p == ACME_TLS_ALPN));
        if acme {
            let name = hello.server_name()?.to_ascii_lowercase();
            return self.challenges.read().ok()?.get(&name).cloned();
        }
        self.served.read().ok().map(|s| s.clone())
    }
}

/// The certificate chain and key in `tls`'s files.
fn read(tls: &Tls) -> Result<CertifiedKey, String> {
    let file = |p: &std::path::Path, e: &dyn std::fmt::Display| format!("{}: {e}", p.display());
    let chain = CertificateDer::pem_file_iter(&tls.cert)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| file(&tls.cert, &e))?;
    if chain.is_empty() {
        return Err(file(&tls.cert, &"no certificate in the file"));
    }
    let key = PrivateKeyDer::from_pem_file(&tls.key).map_err(|e| file(&tls.key, &e))?;
    CertifiedKey::from_der(chain, key, &rustls::crypto::ring::default_provider())
        .map_err(|e| format!("{} and {}: {e}", tls.cert.display(), tls.key.display()))
}

/// A certificate that answers the TLS-ALPN-01 challenge for `name` with the SHA-256 `digest`
/// of its key authorization.
pub fn challenge_answer(name: &str, digest: &[u8]) -> Result<CertifiedKey, String> {
    let mut params =
        rcgen::CertificateParams::new(vec![name.to_owned()]).map_err(|e| e.to_string())?;
    params.custom_extensions = vec![rcgen::CustomExtension::new_acme_identifier(digest)];
    let key = rcgen::KeyPair::generate().map_err(|e| e.to_string())?;
    let cert = params.self_signed(&key).map_err(|e| e.to_string())?;
    let key = PrivateKeyDer::try_from(key.serialize_der()).map_err(str::to_owned)?;
    // Not `from_der`: its check of the key parses the certificate, which refuses the critical
    // extension the challenge needs.
    let key = rustls::crypto::ring::default_provider()
        .key_provider
        .load_private_key(key)
        .map_err(|e| e.to_string())?;
    Ok(CertifiedKey::new(vec![cert.der().clone()], key))
}
