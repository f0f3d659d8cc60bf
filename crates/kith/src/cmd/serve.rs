//! `kith serve`: migrate, settle the erasure journal, start the scheduled
//! jobs and serve the API and the staff pages until Ctrl-C or SIGTERM.

use crate::config::{open_store, MailArgs, StoreArgs};
use crate::error::CliError;
use crate::server::{shutdown_signal, Server};
use kith_app::App;

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address to listen on.
    #[arg(long, env = "KITH_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// Seed fictitious demo data (and demo users) first if the CRM holds no contact.
    #[arg(long)]
    pub demo: bool,
    /// Kith is reached over HTTPS (e.g. behind a TLS proxy): session
    /// cookies get `Secure` and the `__Host-` prefix.
    #[arg(long, env = "KITH_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// A reverse proxy in front of Kith appends the client's address to
    /// `X-Forwarded-For`; sign-in throttling counts by that address.
    #[arg(long, env = "KITH_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,
    /// Admins and DPOs must sign in with a second factor (TOTP); without
    /// one they can sign in only to set it up. Recommended.
    #[arg(long = "require-2fa", env = "KITH_REQUIRE_2FA")]
    pub require_second_factor: bool,
    /// Let webhooks use plain http:// (development only).
    #[arg(long, env = "KITH_WEBHOOK_ALLOW_HTTP")]
    pub webhook_allow_http: bool,
    /// Let webhooks reach loopback, private and link-local addresses
    /// (development and tests only: it opens the server's own network).
    #[arg(long, env = "KITH_WEBHOOK_ALLOW_PRIVATE")]
    pub webhook_allow_private: bool,
    /// Days a processor has to acknowledge an erasure, rectification or
    /// restriction before the request shows it as overdue.
    #[arg(long, env = "KITH_PROCESSOR_ACK_DAYS", default_value_t = 30, value_parser = clap::value_parser!(i64).range(1..=365))]
    pub processor_ack_days: i64,
    #[command(flatten)]
    pub mail: MailArgs,
}

pub async fn run(a: ServeArgs) -> Result<(), CliError> {
    let store = open_store(&a.store, true).await?;
    // Before serving, on the live database: erasures journalled but
    // never committed (a crash in between) are voided, or marked done.
    store.settle_erasure_journal().await.map_err(CliError::store("cannot settle the erasure journal"))?;
    // Contacts without breach-query facets (older rows, or written by an
    // older server during a rolling upgrade) are filled in the background.
    store.spawn_fill_facets();
    let transport = kith_app::mailer::Transport::from_url(a.mail.smtp_url.as_deref()).map_err(CliError::Config)?;
    let mut settings = a.mail.settings(&a.listen);
    settings.outbox_shows_links |= a.demo;
    settings.posture = kith_app::registers::Posture {
        key_from_env: std::env::var_os("KITH_MASTER_KEY").is_some(),
        secure_cookies: a.secure_cookies,
        require_second_factor: a.require_second_factor,
        smtp_relay: a.mail.smtp_url.as_deref().and_then(relay_host),
        engine: match store.engine() {
            kith_store::Engine::Sqlite => "SQLite, in one file in the data directory".into(),
            kith_store::Engine::Postgres => "PostgreSQL".into(),
        },
        controller_name: settings.controller.name.clone(),
        controller_email: settings.controller.email.clone(),
        controller_address: settings.controller.address.clone(),
    };
    settings.webhooks = kith_app::webhooks::WebhookSettings {
        policy: kith_domain::webhooks::TargetPolicy {
            allow_http: a.webhook_allow_http,
            allow_private: a.webhook_allow_private,
        },
        ack_days: a.processor_ack_days,
        hosts: Vec::new(),
    };
    if a.webhook_allow_private {
        tracing::warn!(
            "webhooks may reach private and loopback addresses (--webhook-allow-private): for development only"
        );
    }
    let app = App::new(store.clone()).with_settings(settings).with_staff_mail(transport.clone());
    app.record_posture().await.map_err(CliError::app("cannot record the server's configuration"))?;
    let seeded = if a.demo { Some(crate::demo::seed(&app).await?) } else { None };
    let jobs = kith_app::jobs::Job::all(!a.mail.no_retention_sweep);
    tokio::spawn(app.clone().run_scheduler(jobs, transport, shutdown_signal()));
    let web = kith_web::pages::WebConfig {
        secure_cookies: a.secure_cookies,
        trust_forwarded_for: a.trust_forwarded_for,
        require_second_factor: a.require_second_factor,
    };
    let server = Server::bind(&a.listen, app, web).await?;
    tracing::info!(addr = %server.local_addr(), "kith is listening");
    println!("Kith is listening on http://{}", server.local_addr());
    if let Some(summary) = seeded {
        crate::demo::print_summary(&summary, &server.local_addr().to_string());
    }
    server.run(shutdown_signal()).await
}

/// The host of an SMTP URL (`smtp://user:pass@host:587`), without the
/// credentials: what the register names as the mail relay.
fn relay_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map(|(_, h)| h).unwrap_or(authority);
    let host = host.rsplit_once(':').map(|(h, _)| h).unwrap_or(host);
    (!host.is_empty()).then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_relay_host_never_carries_credentials() {
        assert_eq!(super::relay_host("smtp://me:secret@mail.example.com:587").as_deref(), Some("mail.example.com"));
        assert_eq!(super::relay_host("smtps://mail.example.com").as_deref(), Some("mail.example.com"));
        assert_eq!(super::relay_host("smtp://127.0.0.1:2525?tls=none").as_deref(), Some("127.0.0.1"));
        assert_eq!(super::relay_host("smtp://"), None);
    }
}
