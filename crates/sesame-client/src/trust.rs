//! Which servers the client believes: those whose certificate an authority the system trusts
//! vouches for, and the one certificate a person compared and accepted for a server (trust on
//! first use). The certificate a server showed is kept, so that the app can show its
//! fingerprint when it is not yet trusted.

use std::sync::{Arc, Mutex};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, Error, SignatureScheme};

pub use sesame_core::certificate::fingerprint;

/// The system's authorities, then the pinned certificate.
#[derive(Debug)]
pub struct Pinning {
    system: Option<Arc<rustls_platform_verifier::Verifier>>,
    pinned: Option<String>,
    provider: Arc<CryptoProvider>,
    /// The fingerprint of the certificate the server showed last.
    pub shown: Arc<Mutex<Option<String>>>,
}

impl Pinning {
    pub fn new(pinned: Option<String>) -> Pinning {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        // Made once: the system's authorities are read once a process.
        static SYSTEM: std::sync::OnceLock<Option<Arc<rustls_platform_verifier::Verifier>>> =
            std::sync::OnceLock::new();
        let system = SYSTEM.get_or_init(|| {
            rustls_platform_verifier::Verifier::new(provider.clone())
                .ok()
                .map(Arc::new)
        });
        Pinning {
            // A system without authorities (no certificate store): pinned certificates only.
            system: system.clone(),
            pinned,
            provider,
            shown: Arc::default(),
        }
    }
}

impl ServerCertVerifier for Pinning {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let seen = fingerprint(end_entity);
        *self.shown.lock().expect("shown") = Some(seen.clone());
        // The very certificate the person compared and accepted for this server.
        if self.pinned.as_deref() == Some(seen.as_str()) {
            return Ok(ServerCertVerified::assertion());
        }
        match &self.system {
            Some(system) => system.verify_server_cert(
                end_entity,
                intermediates,
                server_name,
                ocsp_response,
                now,
            ),
            None => Err(Error::InvalidCertificate(
                rustls::CertificateError::UnknownIssuer,
            )),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// An HTTP client that believes what [`Pinning`] believes, and the cell where the certificate
/// it was shown is kept.
pub fn http(pinned: Option<String>) -> (reqwest::Client, Arc<Mutex<Option<String>>>) {
    crate::install_crypto();
    let pinning = Pinning::new(pinned);
    let shown = pinning.shown.clone();
    let config = rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(pinning))
        .with_no_client_auth();
    let client = reqwest::Client::builder()
        .tls_backend_preconfigured(config)
        .build()
        .unwrap_or_default();
    (client, shown)
}
