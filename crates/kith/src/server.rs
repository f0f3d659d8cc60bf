//! Serving HTTP.

use crate::error::CliError;
use kith_app::App;
use std::net::SocketAddr;
use tokio::net::TcpListener;

/// A bound, not yet serving, server: tests bind port 0 and read the address.
pub struct Server {
    listener: TcpListener,
    app: App,
    web: kith_web::pages::WebConfig,
}

impl Server {
    pub async fn bind(addr: &str, app: App, web: kith_web::pages::WebConfig) -> Result<Server, CliError> {
        let listener = TcpListener::bind(addr).await.map_err(CliError::io(format!("cannot listen on {addr}")))?;
        Ok(Server { listener, app, web })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound socket has an address")
    }

    /// Serves until `shutdown` resolves; in-flight requests finish first.
    pub async fn run(self, shutdown: impl std::future::Future<Output = ()> + Send + 'static) -> Result<(), CliError> {
        let store = self.app.store().clone();
        // The peer address feeds sign-in throttling per client.
        let router = kith_web::router_with(self.app, self.web).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, router)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(CliError::io("serving HTTP failed"))?;
        store.close().await;
        Ok(())
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
