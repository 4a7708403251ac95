//! Email. Every message is first written to the outbox table in the same transaction as the
//! change that causes it ([`crate::store::outbox::enqueue`]); the worker in [`worker`] delivers
//! it to the SMTP server in `SMTP_URL`, or, without one, to files under `./data/outbox`.

pub mod templates;

/// A message ready for the outbox: plain-text and HTML parts, in the case's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingEmail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}
