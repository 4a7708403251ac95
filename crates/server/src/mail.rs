//! Email. Every message is first written to the outbox table in the same transaction as the
//! change that causes it ([`crate::store::outbox::enqueue`]); the worker in [`worker`] delivers
//! it to the SMTP server in `SMTP_URL`, or, without one, to files under `./data/outbox`.

pub mod appeal_templates;
pub mod templates;
pub mod worker;

use crate::config::Config;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::io::AsyncWriteExt;

/// A message ready for the outbox: plain-text and HTML parts, in the case's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingEmail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The sender of every message unless the caller names another.
pub const DEFAULT_FROM: &str = "Онлайн-қабылдау <noreply@reception.gov.kz>";

/// How long the SMTP server may take to answer one command before the attempt counts as failed.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Where messages go, and in whose name they are sent.
#[derive(Debug)]
pub struct Transport {
    from: Mailbox,
    via: Via,
}

#[derive(Debug)]
enum Via {
    /// The SMTP server in `SMTP_URL`: `smtp://host:port` is plain (loopback only), STARTTLS with
    /// `smtp://host:587?tls=required`, implicit TLS with `smtps://host:465`.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// One `{id:08}.eml` file per message in this folder, for a person to read.
    Files(PathBuf),
}

impl Transport {
    /// SMTP when `SMTP_URL` is set, otherwise files in `OUTBOX_DIR`; `from` is the sender, e.g. [`DEFAULT_FROM`].
    pub fn from_config(config: &Config, from: &str) -> Result<Transport, String> {
        match &config.smtp_url {
            Some(url) => Transport::smtp(url.expose_secret(), from),
            None => Transport::files(config.outbox_dir.clone(), from),
        }
    }

    /// Sends through the SMTP server at `url`. Errors never repeat the URL, which may hold a password.
    pub fn smtp(url: &str, from: &str) -> Result<Transport, String> {
        let smtp = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SMTP_URL is not usable: {e}"))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        Ok(Transport { from: parse_from(from)?, via: Via::Smtp(smtp) })
    }

    /// Writes each message as a file into `dir`, created when the first message arrives.
    pub fn files(dir: PathBuf, from: &str) -> Result<Transport, String> {
        Ok(Transport { from: parse_from(from)?, via: Via::Files(dir) })
    }

    /// `smtp` or `files`, for the logs.
    pub fn kind(&self) -> &'static str {
        match self.via {
            Via::Smtp(_) => "smtp",
            Via::Files(_) => "files",
        }
    }

    /// Delivers the outbox message `id`. The error is short and never holds an address or any
    /// of the message, so it may be stored and logged.
    pub async fn send(&self, id: i64, email: &OutgoingEmail) -> Result<(), SendError> {
        // A message that cannot be built now (an invalid recipient address) never will be.
        let message = self.message(id, email).map_err(SendError::permanent)?;
        match &self.via {
            Via::Smtp(smtp) => smtp.send(message).await.map(drop).map_err(|e| SendError::smtp(&e)),
            Via::Files(dir) => write_file(dir, id, &message.formatted()).await.map_err(SendError::transient),
        }
    }

    /// The full message: plain text and HTML as alternatives, with a Message-ID derived from the
    /// outbox id, so a copy sent twice (after a crash between sending and recording it) is recognisable.
    pub fn message(&self, id: i64, email: &OutgoingEmail) -> Result<Message, String> {
        let to: Mailbox = email.to.parse().map_err(|_| "the recipient address is not valid".to_owned())?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.as_str())
            .message_id(Some(message_id(id)))
            .multipart(MultiPart::alternative_plain_html(email.text.clone(), email.html.clone()))
            .map_err(|e| format!("cannot build the message: {e}"))
    }
}

/// Why a message was not delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    /// A few words, without any address or part of the message, so it may be stored and logged.
    pub reason: String,
    /// Trying again cannot help: the SMTP server refused for good (a 5xx reply) or the message
    /// cannot be built (an invalid recipient address).
    pub permanent: bool,
}

impl SendError {
    fn permanent(reason: String) -> SendError {
        SendError { reason, permanent: true }
    }

    fn transient(reason: String) -> SendError {
        SendError { reason, permanent: false }
    }

    fn smtp(error: &lettre::transport::smtp::Error) -> SendError {
        SendError { reason: describe_smtp_error(error), permanent: error.is_permanent() }
    }
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

/// `<outbox-{id}@reception>`: the same for every attempt at one outbox message.
pub fn message_id(id: i64) -> String {
    format!("<outbox-{id}@reception>")
}

fn parse_from(from: &str) -> Result<Mailbox, String> {
    from.parse().map_err(|e| format!("the sender {from:?} is not a valid mailbox: {e}"))
}

/// Sorts an SMTP failure into a few words; the server's own text is left out because it often
/// quotes the recipient's address.
fn describe_smtp_error(error: &lettre::transport::smtp::Error) -> String {
    let code = error.status().map(|c| c.to_string()).unwrap_or_default();
    if error.is_permanent() {
        format!("SMTP server refused the message ({code})")
    } else if error.is_transient() {
        format!("SMTP server deferred the message ({code})")
    } else if error.is_timeout() {
        "SMTP server did not answer in time".to_owned()
    } else if error.is_tls() {
        "TLS with the SMTP server failed".to_owned()
    } else if let Some(io) = io_cause(error) {
        format!("cannot talk to the SMTP server: {}", io.kind())
    } else {
        "SMTP protocol error".to_owned()
    }
}

fn io_cause<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a std::io::Error> {
    let mut source = error.source();
    while let Some(e) = source {
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            return Some(io);
        }
        source = e.source();
    }
    None
}

/// Writes `{id:08}.eml` through a temporary file and a rename, so a reader never sees half a message.
async fn write_file(dir: &Path, id: i64, bytes: &[u8]) -> Result<(), String> {
    let failed = |what: &str, e: std::io::Error| format!("cannot {what} in the outbox folder: {}", e.kind());
    tokio::fs::create_dir_all(dir).await.map_err(|e| failed("create the folder", e))?;
    let temporary = dir.join(format!(".{id:08}.{}.tmp", std::process::id()));
    let mut file = tokio::fs::File::create(&temporary).await.map_err(|e| failed("create a file", e))?;
    file.write_all(bytes).await.map_err(|e| failed("write", e))?;
    file.sync_all().await.map_err(|e| failed("write", e))?;
    drop(file);
    tokio::fs::rename(&temporary, dir.join(format!("{id:08}.eml"))).await.map_err(|e| failed("rename a file", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(to: &str) -> OutgoingEmail {
        OutgoingEmail {
            to: to.into(), subject: "Тема".into(), text: "Мәтін".into(), html: "<p>Мәтін</p>".into()
        }
    }

    #[tokio::test]
    async fn an_invalid_recipient_address_is_a_permanent_failure_that_does_not_repeat_the_address() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let transport = Transport::files(dir.path().to_owned(), DEFAULT_FROM).expect("transport");
        let error = transport.send(1, &email("not an address")).await.expect_err("refused");
        assert!(error.permanent, "{error:?}");
        assert!(!error.reason.contains("not an address"), "{error:?}");
        transport.send(2, &email("citizen@example.kz")).await.expect("written");
    }

    #[tokio::test]
    async fn a_folder_that_cannot_be_written_is_a_transient_failure() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let file = dir.path().join("a file, not a folder");
        std::fs::write(&file, b"").expect("file");
        let transport = Transport::files(file, DEFAULT_FROM).expect("transport");
        let error = transport.send(1, &email("citizen@example.kz")).await.expect_err("cannot write");
        assert!(!error.permanent, "{error:?}");
    }
}
