//! The backend's own certificate authority and server certificate.
//!
//! On first start a CA is created in the data directory and signs a server certificate
//! for loopback and any configured host names. Clients trust `ca.pem`; the CA key never
//! leaves the data directory and is readable by its owner only.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose,
};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::ServerConfig;

pub const CA_FILE: &str = "ca.pem";
const CA_KEY_FILE: &str = "ca-key.pem";
const SERVER_CERT_FILE: &str = "server.pem";
const SERVER_KEY_FILE: &str = "server-key.pem";
/// Names the server must answer for, whatever else is configured.
const LOOPBACK_NAMES: [&str; 3] = ["localhost", "127.0.0.1", "::1"];

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read or write TLS material in {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot create certificates: {0}")]
    Generate(#[from] rcgen::Error),
    #[error("the TLS material in the data directory is damaged ({0}); delete the *.pem files to create new ones")]
    Damaged(String),
    #[error("TLS configuration: {0}")]
    Rustls(#[from] rustls::Error),
}

/// Paths of the material in a data directory.
pub struct TlsMaterial {
    pub ca_path: PathBuf,
    server_cert: PathBuf,
    server_key: PathBuf,
}

impl TlsMaterial {
    /// Loads the material, creating it when missing. A server certificate that lacks a
    /// configured host name is issued anew by the same CA.
    pub fn ensure(data_dir: &Path, hostnames: &[String]) -> Result<Self, TlsError> {
        let material = Self {
            ca_path: data_dir.join(CA_FILE),
            server_cert: data_dir.join(SERVER_CERT_FILE),
            server_key: data_dir.join(SERVER_KEY_FILE),
        };
        let names: Vec<String> = LOOPBACK_NAMES
            .iter()
            .map(|s| s.to_string())
            .chain(hostnames.iter().cloned())
            .collect();
        let names_file = data_dir.join("server-names.txt");
        let wanted = names.join("\n");
        let complete = [
            &material.ca_path,
            &material.server_cert,
            &material.server_key,
        ]
        .iter()
        .all(|p| p.exists())
            && fs::read_to_string(&names_file).ok().as_deref() == Some(wanted.as_str());
        if !complete {
            material.create(data_dir, &names)?;
            write(&names_file, wanted.as_bytes())?;
        }
        Ok(material)
    }

    fn create(&self, data_dir: &Path, names: &[String]) -> Result<(), TlsError> {
        let ca_key_path = data_dir.join(CA_KEY_FILE);
        let (ca_cert, ca_key) = if self.ca_path.exists() && ca_key_path.exists() {
            // Keep the CA clients already trust; only the server certificate changes.
            let key = KeyPair::from_pem(&read(&ca_key_path)?)?;
            let params = CertificateParams::from_ca_cert_pem(&read(&self.ca_path)?)?;
            // Re-signing the same parameters with the same key yields the issuer we need.
            (params.self_signed(&key)?, key)
        } else {
            let mut params = CertificateParams::new(Vec::<String>::new())?;
            params
                .distinguished_name
                .push(DnType::CommonName, "NHI Express reference backend CA");
            params
                .distinguished_name
                .push(DnType::OrganizationName, "NHI Express");
            params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
            params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
            let key = KeyPair::generate()?;
            let cert = params.self_signed(&key)?;
            write_private(&ca_key_path, key.serialize_pem().as_bytes())?;
            write(&self.ca_path, cert.pem().as_bytes())?;
            (cert, key)
        };

        let mut params = CertificateParams::new(names.to_vec())?;
        params
            .distinguished_name
            .push(DnType::CommonName, "NHI Express reference backend");
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        let key = KeyPair::generate()?;
        let cert = params.signed_by(&key, &ca_cert, &ca_key)?;
        write_private(&self.server_key, key.serialize_pem().as_bytes())?;
        write(&self.server_cert, cert.pem().as_bytes())?;
        Ok(())
    }

    /// A rustls server configuration (ring provider; HTTP/2 and HTTP/1.1 by ALPN).
    pub fn server_config(&self) -> Result<Arc<ServerConfig>, TlsError> {
        // PEM through rustls' own pki-types (rustls-pemfile is archived: RUSTSEC-2025-0134).
        let certs: Vec<CertificateDer<'static>> =
            CertificateDer::pem_slice_iter(read(&self.server_cert)?.as_bytes())
                .collect::<Result<_, _>>()
                .map_err(|e| TlsError::Damaged(e.to_string()))?;
        let key = PrivateKeyDer::from_pem_slice(read(&self.server_key)?.as_bytes())
            .map_err(|e| TlsError::Damaged(format!("server-key.pem: {e}")))?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_no_client_auth()
            .with_single_cert(certs, key)?;
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Ok(Arc::new(config))
    }
}

fn read(path: &Path) -> Result<String, TlsError> {
    fs::read_to_string(path).map_err(|source| TlsError::Io {
        path: path.to_owned(),
        source,
    })
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), TlsError> {
    fs::write(path, bytes).map_err(|source| TlsError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Writes a private key readable by the owner only.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), TlsError> {
    let io = |source| TlsError::Io {
        path: path.to_owned(),
        source,
    };
    #[cfg(unix)]
    {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(path)
            .map_err(io)?;
        file.write_all(bytes).map_err(io)
    }
    #[cfg(not(unix))]
    {
        fs::write(path, bytes).map_err(io)
    }
}
