use server::mail::{DEFAULT_FROM, Transport, worker};
use server::{AppState, Config, Db, app, demo, telemetry};
use std::process::ExitCode;
use std::sync::Arc;
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

    let state = AppState::load(db.clone(), &config, dist_dir).await.map_err(|e| format!("cannot start: {e}"))?;
    let transport = Transport::from_config(&config, DEFAULT_FROM).map_err(|e| format!("cannot set up email: {e}"))?;
    let mail_via = transport.kind();
    let (stop_mail, mail_stopped) = tokio::sync::watch::channel(false);
    let mail = worker::spawn(db.clone(), Arc::new(transport), worker::WorkerOptions::default(), mail_stopped);
    let listener = TcpListener::bind(config.socket_addr())
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.socket_addr()))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    tracing::info!(%addr, database = db.backend(), "listening");
    println!("Online reception is running at http://{addr}/ (database: {})", db.backend());
    println!(
        "Public site: http://{addr}/kk/   API: http://{addr}/api/v1/bodies   OpenAPI: http://{addr}/api/openapi.json"
    );
    match mail_via {
        "smtp" => println!("Email goes out through SMTP_URL."),
        _ => println!("Email is written to {} (set SMTP_URL to send it).", config.outbox_dir.display()),
    }
    if config.demo_content {
        // After AppState::load, which writes the calendar the demo deadlines count on.
        if demo::questions::load_if_empty(&db).await.map_err(|e| format!("cannot load demo questions: {e}"))? {
            tracing::info!("loaded the demo questions");
        }
        let content = demo::content::load_if_empty(&db, chrono::Utc::now()).await;
        if content.map_err(|e| format!("cannot load the demo blogs, FAQ and schedules: {e}"))? {
            tracing::info!("loaded the demo blogs, FAQ, schedules and links");
        }
        let logins = demo::staff::load_staff_if_empty(&db).await.map_err(|e| format!("cannot load demo staff: {e}"))?;
        print!("{}", demo::staff::logins_table(&logins));
    }

    tokio::spawn(expire_unconfirmed_hourly(db.clone()));

    // Client addresses feed the rate limits.
    let service = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown_signal()).await.map_err(|e| e.to_string())?;
    // Let the mail worker finish the message in hand before the database closes.
    let _ = stop_mail.send(true);
    let _ = mail.await;
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Questions whose confirmation link ran out are marked expired once an hour.
async fn expire_unconfirmed_hourly(db: Db) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match server::store::cases::expire_unconfirmed(&db, chrono::Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(expired = n, "unconfirmed questions expired"),
            Err(e) => tracing::warn!(error = %e, "cannot expire unconfirmed questions"),
        }
    }
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
