use server::{AppState, Config, Db, app, demo, telemetry};
use std::process::ExitCode;
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let db = Db::connect(config.database_url()).await.map_err(|e| format!("cannot open the database: {e}"))?;
    if config.demo_content && demo::load_if_empty(&db).await.map_err(|e| format!("cannot load demo content: {e}"))? {
        tracing::info!("loaded the demo content");
    }
    let dist_dir = config.dist_dir.join("index.html").is_file().then(|| config.dist_dir.clone());
    if dist_dir.is_none() {
        tracing::warn!(dist = %config.dist_dir.display(), "no built app found; serving the API only");
    }

    let listener = TcpListener::bind(config.socket_addr())
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.socket_addr()))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    tracing::info!(%addr, database = db.backend(), "listening");
    println!("Online reception is running at http://{addr}/ (database: {})", db.backend());
    println!(
        "Public site: http://{addr}/kk/   API: http://{addr}/api/v1/bodies   OpenAPI: http://{addr}/api/openapi.json"
    );
    println!("Demo staff logins: none yet; the staff office arrives with the questions-and-answers pipeline.");

    let state = AppState::load(db.clone(), &config, dist_dir).await.map_err(|e| format!("cannot start: {e}"))?;
    // Client addresses feed the rate limits.
    let service = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown_signal()).await.map_err(|e| e.to_string())?;
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Finishes the requests in flight on Ctrl+C or SIGTERM, then stops.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
}
