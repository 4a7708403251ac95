//! Delivering the outbox: through a real SMTP server on loopback (aiosmtpd) and into files.

#[path = "smtp_sink.rs"]
mod smtp_sink;

use crate::on_both_databases;
use crate::support::TestApp;
use chrono::{DateTime, SubsecRound, TimeDelta, Utc};
use mailparse::MailHeaderMap;
use server::mail::worker::{self, WorkerOptions};
use server::mail::{DEFAULT_FROM, OutgoingEmail, Transport};
use server::store::outbox;
use server::{Config, Db, with_db};
use smtp_sink::{SmtpSink, free_port, smtp_url};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

on_both_databases!(
    a_message_enqueued_in_a_committed_transaction_is_delivered_once_with_both_parts_and_a_kazakh_subject,
    a_message_enqueued_in_a_rolled_back_transaction_is_never_sent,
    while_the_smtp_server_is_down_messages_stay_queued_and_after_it_is_back_each_is_delivered_once,
    two_workers_on_the_same_database_deliver_each_message_exactly_once,
    the_files_transport_writes_a_readable_eml_file,
    a_recipient_the_smtp_server_refuses_is_given_up_at_once_and_never_tried_again,
    an_invalid_recipient_address_is_given_up_without_a_retry,
    a_message_that_keeps_failing_is_given_up_after_twenty_attempts,
);

fn sample(n: usize) -> OutgoingEmail {
    OutgoingEmail {
        to: format!("citizen{n}@example.kz"),
        subject: format!("Сұрағыңыз №{n} тіркелді — Ваш вопрос зарегистрирован"),
        text: format!("Құрметті азамат! Сіздің сұрағыңыз №{n} тіркелді.\nУважаемый гражданин, ваш вопрос принят."),
        html: format!("<p>Құрметті азамат! Сіздің сұрағыңыз <b>№{n}</b> тіркелді.</p><p>Ваш вопрос принят.</p>"),
    }
}

/// Short intervals so the tests never wait long.
fn options() -> WorkerOptions {
    WorkerOptions { poll_interval: Duration::from_millis(20), lease: Duration::from_secs(60), batch_size: 10 }
}

/// Now, to the microsecond, so it survives a round trip through either database unchanged.
fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

fn config(vars: &[(&str, &str)]) -> Config {
    Config::from_lookup(|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())).expect("config")
}

fn smtp_transport(port: u16) -> Transport {
    let transport = Transport::from_config(&config(&[("SMTP_URL", &smtp_url(port))]), DEFAULT_FROM).expect("transport");
    assert_eq!(transport.kind(), "smtp");
    transport
}

/// Enqueues `email` in a transaction of its own, commits, and returns its outbox id.
async fn enqueue_committed(db: &Db, email: &OutgoingEmail, now: DateTime<Utc>) -> i64 {
    let mut tx = db.begin().await.expect("begin");
    outbox::enqueue(&mut tx, email, now).await.expect("enqueue");
    tx.commit().await.expect("commit");
    with_db!(db, |pool| sqlx::query_scalar("SELECT MAX(id) FROM outbox").fetch_one(pool).await).expect("last id")
}

#[derive(Debug)]
struct Row {
    attempts: i32,
    next_attempt_at: DateTime<Utc>,
    sent: bool,
    last_error: Option<String>,
}

async fn row(db: &Db, id: i64) -> Row {
    let (attempts, next_attempt_at, sent_at, last_error): (i32, DateTime<Utc>, Option<DateTime<Utc>>, Option<String>) =
        with_db!(db, |pool| {
            sqlx::query_as("SELECT attempts, next_attempt_at, sent_at, last_error FROM outbox WHERE id = $1")
                .bind(id)
                .fetch_one(pool)
                .await
        })
        .expect("outbox row");
    Row { attempts, next_attempt_at, sent: sent_at.is_some(), last_error }
}

async fn unsent(db: &Db) -> i64 {
    with_db!(db, |pool| sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").fetch_one(pool).await)
        .expect("count")
}

fn header(mail: &mailparse::ParsedMail, name: &str) -> String {
    mail.headers.get_first_value(name).unwrap_or_else(|| panic!("no {name} header"))
}

/// The outbox ids of delivered messages, from their Message-IDs.
fn delivered_ids(messages: &[Vec<u8>]) -> Vec<i64> {
    messages
        .iter()
        .map(|raw| {
            let mail = mailparse::parse_mail(raw).expect("parse");
            let id = header(&mail, "Message-ID");
            id.trim_start_matches("<outbox-").trim_end_matches("@reception>").parse().expect("an outbox Message-ID")
        })
        .collect()
}

/// Checks a delivered message against what was enqueued: headers, both parts, UTF-8 intact.
fn assert_is(raw: &[u8], id: i64, email: &OutgoingEmail) {
    let mail = mailparse::parse_mail(raw).expect("parse");
    assert_eq!(header(&mail, "Subject"), email.subject);
    assert_eq!(header(&mail, "To"), email.to);
    assert_eq!(header(&mail, "From"), DEFAULT_FROM);
    assert_eq!(header(&mail, "Message-ID"), format!("<outbox-{id}@reception>"));
    assert_eq!(mail.ctype.mimetype, "multipart/alternative");
    let parts: Vec<(String, String)> = mail
        .subparts
        .iter()
        // Line breaks travel as CRLF, as RFC 5322 requires.
        .map(|p| {
            (p.ctype.mimetype.clone(), p.get_body().expect("decoded body").replace("\r\n", "\n").trim_end().to_owned())
        })
        .collect();
    assert_eq!(
        parts,
        [("text/plain".to_owned(), email.text.clone()), ("text/html".to_owned(), email.html.clone())],
        "{}",
        String::from_utf8_lossy(raw)
    );
}

async fn a_message_enqueued_in_a_committed_transaction_is_delivered_once_with_both_parts_and_a_kazakh_subject(
    app: &TestApp,
) {
    let port = free_port();
    let sink = SmtpSink::start_on(port);
    let transport = smtp_transport(port);
    let now = now();
    let email = sample(1);
    let id = enqueue_committed(&app.db, &email, now).await;

    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), now).await.expect("pass"), 1);
    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), now + TimeDelta::hours(2)).await.expect("pass"), 0);

    let messages = sink.messages();
    assert_eq!(messages.len(), 1);
    assert_is(&messages[0], id, &email);
    let row = row(&app.db, id).await;
    assert!(row.sent, "{row:?}");
    assert_eq!(row.attempts, 0);
}

async fn a_message_enqueued_in_a_rolled_back_transaction_is_never_sent(app: &TestApp) {
    let port = free_port();
    let sink = SmtpSink::start_on(port);
    let transport = smtp_transport(port);
    let now = now();
    let mut tx = app.db.begin().await.expect("begin");
    outbox::enqueue(&mut tx, &sample(1), now).await.expect("enqueue");
    drop(tx); // rolls back
    let kept = sample(2);
    let id = enqueue_committed(&app.db, &kept, now).await;

    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), now).await.expect("pass"), 1);
    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), now + TimeDelta::hours(2)).await.expect("pass"), 0);

    let messages = sink.messages();
    assert_eq!(messages.len(), 1);
    assert_is(&messages[0], id, &kept);
    let rows: i64 = with_db!(&app.db, |pool| sqlx::query_scalar("SELECT COUNT(*) FROM outbox").fetch_one(pool).await)
        .expect("count");
    assert_eq!(rows, 1);
}

async fn while_the_smtp_server_is_down_messages_stay_queued_and_after_it_is_back_each_is_delivered_once(app: &TestApp) {
    let port = free_port();
    let transport = smtp_transport(port);
    let now = now();
    let emails = [sample(1), sample(2)];
    let mut ids = Vec::new();
    for email in &emails {
        ids.push(enqueue_committed(&app.db, email, now).await);
    }

    // Nobody listens: each attempt fails and is retried 10 s later.
    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), now).await.expect("pass"), 0);
    for (id, email) in ids.iter().zip(&emails) {
        let row = row(&app.db, *id).await;
        assert_eq!((row.attempts, row.sent, row.next_attempt_at), (1, false, now + TimeDelta::seconds(10)));
        let error = row.last_error.expect("the error is kept");
        assert!(error.contains("SMTP server"), "{error}");
        assert!(!error.contains('@') && !error.contains(&email.subject), "personal data in {error:?}");
    }
    // Not due yet: nothing is tried.
    assert_eq!(
        worker::deliver_due(&app.db, &transport, &options(), now + TimeDelta::seconds(5)).await.expect("pass"),
        0
    );
    assert_eq!(row(&app.db, ids[0]).await.attempts, 1);
    // Due and still down: the wait doubles.
    let later = now + TimeDelta::seconds(11);
    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), later).await.expect("pass"), 0);
    let row0 = row(&app.db, ids[0]).await;
    assert_eq!((row0.attempts, row0.next_attempt_at), (2, later + TimeDelta::seconds(20)));

    let sink = SmtpSink::start_on(port);
    let after = later + TimeDelta::seconds(21);
    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), after).await.expect("pass"), 2);
    assert_eq!(
        worker::deliver_due(&app.db, &transport, &options(), after + TimeDelta::hours(2)).await.expect("pass"),
        0
    );

    let messages = sink.messages();
    let mut delivered = delivered_ids(&messages);
    delivered.sort_unstable();
    assert_eq!(delivered, ids);
    for raw in &messages {
        let id = delivered_ids(std::slice::from_ref(raw))[0];
        let index = ids.iter().position(|i| *i == id).expect("known id");
        assert_is(raw, id, &emails[index]);
    }
    assert_eq!(unsent(&app.db).await, 0);
}

/// A second, separate connection pool to the same database, as a second server instance has.
async fn second_instance(db: &Db) -> Db {
    let url = match db {
        Db::Sqlite(pool) => {
            let file: String = sqlx::query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
                .fetch_one(pool)
                .await
                .expect("database file");
            format!("sqlite://{file}")
        }
        Db::Postgres(pool) => {
            let name: String =
                sqlx::query_scalar("SELECT current_database()").fetch_one(pool).await.expect("database name");
            let admin = std::env::var("TEST_DATABASE_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
            let (base, _) = admin.rsplit_once('/').expect("URL with a database name");
            format!("{base}/{name}")
        }
    };
    Db::connect(&url).await.expect("second pool")
}

async fn two_workers_on_the_same_database_deliver_each_message_exactly_once(app: &TestApp) {
    const COUNT: usize = 40;
    let port = free_port();
    let sink = SmtpSink::start_on(port);
    let transport = Arc::new(smtp_transport(port));
    let now = now();
    let mut ids = Vec::new();
    for n in 0..COUNT {
        ids.push(enqueue_committed(&app.db, &sample(n), now).await);
    }

    let other = second_instance(&app.db).await;
    let (stop, shutdown) = tokio::sync::watch::channel(false);
    // Small batches, so the two workers claim side by side many times.
    let options = WorkerOptions { batch_size: 3, ..options() };
    let workers = [
        worker::spawn(app.db.clone(), transport.clone(), options.clone(), shutdown.clone()),
        worker::spawn(other.clone(), transport.clone(), options, shutdown),
    ];
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while unsent(&app.db).await > 0 {
        assert!(tokio::time::Instant::now() < deadline, "the workers did not deliver everything in time");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop.send(true).expect("workers listening");
    for handle in workers {
        handle.await.expect("the worker ends without panicking");
    }
    other.close().await;

    let delivered = delivered_ids(&sink.messages());
    assert_eq!(delivered.len(), COUNT, "a message was sent twice or not at all");
    assert_eq!(delivered.into_iter().collect::<BTreeSet<_>>(), ids.into_iter().collect::<BTreeSet<_>>());
}

async fn the_files_transport_writes_a_readable_eml_file(app: &TestApp) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let outbox_dir = dir.path().join("outbox");
    let outbox_dir_text = outbox_dir.to_string_lossy().into_owned();
    let transport = Transport::from_config(&config(&[("OUTBOX_DIR", &outbox_dir_text)]), DEFAULT_FROM).expect("files");
    assert_eq!(transport.kind(), "files");
    let now = now();
    let email = sample(7);
    let id = enqueue_committed(&app.db, &email, now).await;

    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), now).await.expect("pass"), 1);

    let names: Vec<String> = std::fs::read_dir(&outbox_dir)
        .expect("the folder was created")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [format!("{id:08}.eml")], "one file and no temporary leftovers");
    let raw = std::fs::read(outbox_dir.join(&names[0])).expect("read the file");
    assert_is(&raw, id, &email);
    assert!(row(&app.db, id).await.sent);
}

/// When the message was given up on, if it was.
async fn failed_at(db: &Db, id: i64) -> Option<DateTime<Utc>> {
    with_db!(db, |pool| sqlx::query_scalar("SELECT failed_at FROM outbox WHERE id = $1").bind(id).fetch_one(pool).await)
        .expect("outbox row")
}

/// Whether anything at all could be claimed at `at`, far in the future of every retry.
async fn claimable(db: &Db, at: DateTime<Utc>) -> usize {
    outbox::claim(db, at, TimeDelta::minutes(1), 100).await.expect("claim").len()
}

async fn a_recipient_the_smtp_server_refuses_is_given_up_at_once_and_never_tried_again(app: &TestApp) {
    let port = free_port();
    let sink = SmtpSink::start_refusing_on(port);
    let transport = smtp_transport(port);
    let now = now();
    let refused = OutgoingEmail { to: "refused.citizen@example.kz".into(), ..sample(1) };
    let refused_id = enqueue_committed(&app.db, &refused, now).await;
    let kept = sample(2);
    let kept_id = enqueue_committed(&app.db, &kept, now).await;

    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), now).await.expect("pass"), 1);
    let messages = sink.messages();
    assert_eq!(messages.len(), 1);
    assert_is(&messages[0], kept_id, &kept);

    let given_up = row(&app.db, refused_id).await;
    assert_eq!((given_up.attempts, given_up.sent), (1, false), "{given_up:?}");
    assert_eq!(failed_at(&app.db, refused_id).await, Some(now));
    let error = given_up.last_error.expect("the error is kept");
    assert!(error.contains("refused") && error.contains("550"), "{error}");
    assert!(!error.contains('@') && !error.contains("citizen"), "the address in {error:?}");

    // Never picked again, however late.
    let much_later = now + TimeDelta::days(30);
    assert_eq!(claimable(&app.db, much_later).await, 0);
    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), much_later).await.expect("pass"), 0);
    assert_eq!(row(&app.db, refused_id).await.attempts, 1);
    assert_eq!(sink.messages().len(), 1);
}

async fn an_invalid_recipient_address_is_given_up_without_a_retry(app: &TestApp) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let transport = Transport::files(dir.path().join("outbox"), DEFAULT_FROM).expect("files");
    let now = now();
    let id = enqueue_committed(&app.db, &OutgoingEmail { to: "citizen at example.kz".into(), ..sample(1) }, now).await;

    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), now).await.expect("pass"), 0);
    assert_eq!(failed_at(&app.db, id).await, Some(now));
    let error = row(&app.db, id).await.last_error.expect("the error is kept");
    assert!(!error.contains("citizen"), "the address in {error:?}");
    assert_eq!(claimable(&app.db, now + TimeDelta::days(1)).await, 0);
    assert!(!dir.path().join("outbox").exists(), "nothing was written");
}

async fn a_message_that_keeps_failing_is_given_up_after_twenty_attempts(app: &TestApp) {
    // Nobody listens on the port: every attempt fails, and could succeed later.
    let transport = smtp_transport(free_port());
    let now = now();
    let id = enqueue_committed(&app.db, &sample(1), now).await;
    with_db!(&app.db, |pool| {
        sqlx::query("UPDATE outbox SET attempts = 18 WHERE id = $1").bind(id).execute(pool).await.map(drop)
    })
    .expect("18 failed attempts before");

    // The 19th failure is retried after the longest wait...
    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), now).await.expect("pass"), 0);
    let row19 = row(&app.db, id).await;
    assert_eq!((row19.attempts, row19.next_attempt_at), (19, now + TimeDelta::hours(1)));
    assert_eq!(failed_at(&app.db, id).await, None);

    // ...and the 20th gives up.
    let later = now + TimeDelta::hours(1);
    assert_eq!(worker::deliver_due(&app.db, &transport, &options(), later).await.expect("pass"), 0);
    assert_eq!(row(&app.db, id).await.attempts, 20);
    assert_eq!(failed_at(&app.db, id).await, Some(later));
    assert_eq!(claimable(&app.db, later + TimeDelta::days(1)).await, 0);
}
