//! `sesame-server`: serve the API, create a first organization, or fill a demo organization.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use sesame_core::domain::Language;
use sesame_server::{Config, Db, demo, setup};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = env!("CARGO_BIN_NAME"),
    version,
    about = "The Sesame server: the system of record for accounts"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the HTTP API (migrations run first, so an upgrade is a restart).
    Serve {
        /// sqlite:path/to/sesame.db, or postgres://user:pass@host/db
        #[arg(long, env = "SESAME_DATABASE_URL", default_value = "sqlite:sesame.db")]
        database: String,
        #[arg(long, env = "SESAME_LISTEN", default_value = "127.0.0.1:8750")]
        listen: String,
        /// smtp://host:port or smtps://user:password@host; without it mail stays in the outbox.
        #[arg(long, env = "SESAME_SMTP_URL")]
        smtp_url: Option<String>,
        #[arg(
            long,
            env = "SESAME_MAIL_FROM",
            default_value = "Sesame <no-reply@sesame.invalid>"
        )]
        mail_from: String,
        /// The address people reach this server at (invitation links start with it).
        #[arg(long, env = "SESAME_PUBLIC_URL")]
        public_url: Option<String>,
        /// Seconds between two looks for API passwords to remind their owners of (each
        /// reminder is written once, however many replicas look).
        #[arg(long, env = "SESAME_REMINDER_POLL_SECS", default_value_t = 3600)]
        reminder_poll_secs: u64,
        /// Log lines as text for people, or one JSON object a line for log collectors.
        #[arg(long, env = "SESAME_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
        log_format: LogFormat,
        /// Addresses of reverse proxies in front of this server (comma-separated): their
        /// `X-Forwarded-For` names where a sign-in comes from, for the lockout of guessers.
        #[arg(long, env = "SESAME_TRUSTED_PROXIES", value_delimiter = ',')]
        trusted_proxy: Vec<std::net::IpAddr>,
        /// Take a backup into this folder every --backup-every-hours, keeping the latest
        /// --backup-keep and one a week for 4 weeks; a SQLite database is also backed up here
        /// before it migrates (by default into `backups` next to it).
        #[arg(long, env = "SESAME_BACKUP_DIR")]
        backup_dir: Option<PathBuf>,
        #[arg(long, env = "SESAME_BACKUP_EVERY_HOURS", default_value_t = 24)]
        backup_every_hours: u64,
        #[arg(long, env = "SESAME_BACKUP_KEEP", default_value_t = 7)]
        backup_keep: usize,
        #[command(flatten)]
        https: Box<Https>,
    },
    /// Print the SHA-256 fingerprint of the server's certificate: what people compare with the
    /// one the app shows before they trust the server.
    Fingerprint {
        /// The certificate given with --tls-cert.
        #[arg(long, env = "SESAME_TLS_CERT")]
        tls_cert: Option<PathBuf>,
        /// The folder given with --tls-self-signed.
        #[arg(long, env = "SESAME_TLS_SELF_SIGNED", conflicts_with = "tls_cert")]
        tls_self_signed: Option<PathBuf>,
    },
    /// Create an organization and its first level-1 user; prints that user's temporary password once.
    Init {
        #[arg(long, env = "SESAME_DATABASE_URL", default_value = "sqlite:sesame.db")]
        database: String,
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        /// en or fr
        #[arg(long, default_value = "fr")]
        language: String,
        /// A public-service employer (enables "level 2 with approval").
        #[arg(long)]
        public_service: bool,
        #[arg(long)]
        user_id: String,
        #[arg(long)]
        last_name: String,
        #[arg(long)]
        first_name: String,
        #[arg(long)]
        email: String,
    },
    /// Fill the database with the bilingual demo organization (code DEMO).
    Demo {
        #[arg(long, env = "SESAME_DATABASE_URL", default_value = "sqlite:sesame.db")]
        database: String,
    },
    /// Back up every organization into one file, while the server runs and writes.
    Backup {
        #[arg(long, env = "SESAME_DATABASE_URL", default_value = "sqlite:sesame.db")]
        database: String,
        /// The backup file to write (written under a temporary name, then renamed).
        #[arg(long)]
        to: PathBuf,
    },
    /// Restore a backup into an empty database (SQLite or PostgreSQL, whichever it was taken
    /// from), then bring it to this version's schema.
    Restore {
        #[arg(long)]
        from: PathBuf,
        #[arg(long, env = "SESAME_DATABASE_URL")]
        database: String,
    },
    /// Check a backup whole and say what it holds.
    Verify { file: PathBuf },
}

/// How `serve` speaks HTTPS.
#[derive(clap::Args)]
struct Https {
    /// HTTPS with this certificate (PEM, with its chain), read again when it changes.
    #[arg(long, env = "SESAME_TLS_CERT", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The certificate's private key (PEM).
    #[arg(long, env = "SESAME_TLS_KEY", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// HTTPS with a certificate of the server's own, made in this folder at the first start
    /// and kept (`sesame-server fingerprint` prints what people compare).
    #[arg(long, env = "SESAME_TLS_SELF_SIGNED", conflicts_with = "tls_cert")]
    tls_self_signed: Option<PathBuf>,
    /// The names the server's own certificate is made for (host names or addresses,
    /// comma-separated); by default the public URL's host, this machine's name and localhost.
    #[arg(long, env = "SESAME_TLS_NAMES", value_delimiter = ',')]
    tls_name: Vec<String>,
    /// Serve plain HTTP on an address other machines reach: passwords and tokens then cross
    /// the network in clear (a warning at every start).
    #[arg(long, env = "SESAME_ALLOW_PLAIN_HTTP")]
    allow_plain_http: bool,
    /// HTTPS with certificates from Let's Encrypt (or the --acme-directory given) for these
    /// names (comma-separated), each leading to this server on port 443; renewed by itself.
    #[arg(
        long,
        env = "SESAME_ACME_DOMAINS",
        value_delimiter = ',',
        conflicts_with_all = ["tls_cert", "tls_self_signed"]
    )]
    acme_domain: Vec<String>,
    /// The address the certificate authority writes to about expiring certificates.
    #[arg(long, env = "SESAME_ACME_EMAIL")]
    acme_email: Option<String>,
    /// Another ACME directory than Let's Encrypt's (a private authority, or Let's Encrypt's
    /// staging one to try).
    #[arg(long, env = "SESAME_ACME_DIRECTORY", default_value = sesame_server::tls::acme::LETS_ENCRYPT)]
    acme_directory: String,
    /// The root certificate of a private authority's directory (PEM).
    #[arg(long, env = "SESAME_ACME_ROOT")]
    acme_root: Option<PathBuf>,
    /// Where the ACME account, the certificate and its key are kept.
    #[arg(long, env = "SESAME_ACME_DIR", default_value = "acme")]
    acme_dir: PathBuf,
}

impl Https {
    fn acme(&self) -> Option<sesame_server::tls::acme::Acme> {
        (!self.acme_domain.is_empty()).then(|| sesame_server::tls::acme::Acme {
            domains: self.acme_domain.clone(),
            contact: self
                .acme_email
                .iter()
                .map(|e| format!("mailto:{e}"))
                .collect(),
            directory: self.acme_directory.clone(),
            root: self.acme_root.clone(),
            dir: self.acme_dir.clone(),
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

/// Logs to standard error; each request's lines carry its id (see `metrics::observe`).
fn init_logs(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn".into());
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .init(),
    }
}

fn fail(message: String) -> ! {
    eprintln!("sesame-server: {message}");
    std::process::exit(1);
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    init_logs(match &cli.command {
        Command::Serve { log_format, .. } => *log_format,
        _ => LogFormat::Text,
    });
    match cli.command {
        Command::Serve {
            database,
            listen,
            smtp_url,
            mail_from,
            public_url,
            reminder_poll_secs,
            log_format: _,
            trusted_proxy,
            backup_dir,
            backup_every_hours,
            backup_keep,
            https,
        } => {
            let public_url = public_url.unwrap_or_default();
            let acme = https.acme();
            let choice = sesame_server::tls::Choice {
                acme: acme.clone(),
                cert: https.tls_cert,
                key: https.tls_key,
                self_signed: https.tls_self_signed,
                names: https.tls_name,
                allow_plain_http: https.allow_plain_http,
            };
            let tls = choice
                .choose(&listen, &public_url)
                .unwrap_or_else(|e| fail(e));
            let config = Config {
                public_url,
                smtp_url,
                mail_from,
                reminder_poll: std::time::Duration::from_secs(reminder_poll_secs.max(1)),
                tls,
                trusted_proxies: trusted_proxy,
                acme,
                backup: backup_dir.map(|dir| sesame_server::backup::schedule::Schedule {
                    dir,
                    every: std::time::Duration::from_secs(backup_every_hours.max(1) * 3600),
                    keep: backup_keep.max(1),
                    keep_weekly: 4,
                }),
                ..Config::default()
            };
            serve(&database, &listen, config).await;
        }
        Command::Fingerprint {
            tls_cert,
            tls_self_signed,
        } => {
            let cert = match (tls_cert, tls_self_signed) {
                (Some(cert), _) => cert,
                (None, Some(dir)) => sesame_server::tls::Tls::own(&dir).cert,
                (None, None) => fail("give --tls-cert FILE or --tls-self-signed DIR".into()),
            };
            match sesame_server::tls::fingerprint(&cert) {
                Ok(f) => println!("SHA-256 {f}"),
                Err(e) => fail(e),
            }
        }
        Command::Init {
            database,
            code,
            name,
            language,
            public_service,
            user_id,
            last_name,
            first_name,
            email,
        } => {
            // A wrong language is refused before the database is touched.
            let language =
                Language::parse(&language).unwrap_or_else(|| fail("--language is en or fr".into()));
            let first = setup::FirstOrganization {
                code,
                name,
                language,
                public_service,
                user_id,
                last_name,
                first_name,
                email,
            };
            create_first_organization(&database, &first).await;
        }
        Command::Demo { database } => fill_demo(&database).await,
        Command::Backup { database, to } => {
            let db = Db::open(&database)
                .await
                .unwrap_or_else(|e| fail(format!("database {database}: {e}")));
            let started = std::time::Instant::now();
            let manifest = sesame_server::backup::backup(&db, &to)
                .await
                .unwrap_or_else(|e| fail(e.to_string()));
            describe(&manifest);
            println!(
                "written to {} in {:.1} s",
                to.display(),
                started.elapsed().as_secs_f64()
            );
        }
        Command::Restore { from, database } => {
            let started = std::time::Instant::now();
            let manifest = sesame_server::backup::restore(&from, &database)
                .await
                .unwrap_or_else(|e| fail(format!("{}: {e}", from.display())));
            describe(&manifest);
            println!(
                "restored into {database} in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        Command::Verify { file } => match sesame_server::backup::verify(&file) {
            Ok(manifest) => describe(&manifest),
            Err(e) => fail(format!("{}: {e}", file.display())),
        },
    }
}

/// What a backup holds, for the person at the terminal.
fn describe(m: &sesame_server::backup::Manifest) {
    println!(
        "Sesame backup of {} (from {}, schema {}):",
        m.created_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        m.source,
        m.schema
    );
    for o in &m.organizations {
        println!("  organization {} ({})", o.code, o.name);
    }
    println!(
        "  {} people, {} service users, {} technical users, {} structures, {} audit entries",
        m.people, m.service_users, m.technical_users, m.structures, m.audit_entries
    );
}

/// Serves until Ctrl-C, then stops cleanly.
async fn serve(database: &str, listen: &str, config: Config) {
    let running = sesame_server::start(database, listen, config)
        .await
        .unwrap_or_else(|e| fail(e));
    tracing::info!(
        "Sesame server on {} (API under {}/api/v1)",
        running.url(),
        running.url()
    );
    let _ = tokio::signal::ctrl_c().await;
    running.stop().await;
}

async fn connect(database: &str) -> Db {
    Db::connect(database)
        .await
        .unwrap_or_else(|e| fail(format!("database {database}: {e}")))
}

/// `init`: the organization and its first level-1 user, whose temporary password is printed
/// here once and never again.
async fn create_first_organization(database: &str, first: &setup::FirstOrganization) {
    let db = connect(database).await;
    let password = setup::create_organization(&db, first)
        .await
        .unwrap_or_else(|e| fail(e.to_string()));
    println!("Organization {} created.", first.code.to_uppercase());
    println!("User ID: {}", first.user_id);
    println!("Temporary password (shown once; to be changed at first sign-in): {password}");
    db.close().await;
}

/// `demo`: the demo organization, and how to sign in to it.
async fn fill_demo(database: &str) {
    let db = connect(database).await;
    let created = demo::demo(&db)
        .await
        .unwrap_or_else(|e| fail(e.to_string()));
    if created {
        println!("Demo organization created.");
    } else {
        println!("The demo organization already exists.");
    }
    println!(
        "Organization code: {}  user IDs: demo (level 1, fr), admin.en (level 1, en), c.gagnon (level 2 with approval), r.okafor (level 2), zoe (level 3)",
        demo::DEMO_CODE
    );
    println!("Password of every demo person: {}", demo::DEMO_PASSWORD);
    db.close().await;
}
