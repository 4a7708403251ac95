//! The delivery worker: leases due messages from the outbox, sends them, and records each
//! outcome. Every server instance may run one; the lease keeps them from sending a message twice.
//! Logs name outbox ids only, never an address or any part of a message.

use super::Transport;
use crate::db::Db;
use crate::store::outbox::{self, Claimed};
use chrono::{DateTime, TimeDelta, Utc};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// The wait before the first retry; it doubles with every failed attempt.
const FIRST_RETRY: TimeDelta = TimeDelta::seconds(10);
/// The longest wait between two attempts.
const LONGEST_RETRY: TimeDelta = TimeDelta::hours(1);
/// The longest lease, so a mistaken setting cannot park messages for good.
const LONGEST_LEASE: Duration = Duration::from_secs(24 * 60 * 60);
/// Failed attempts after which a message is given up on, about half a day of retries.
pub const MAX_ATTEMPTS: i32 = 20;

#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// How long to wait when nothing was sent before looking again.
    pub poll_interval: Duration,
    /// How long a claimed batch belongs to this worker (at most a day). Sending stops halfway
    /// through it, so a slow server cannot make a lease run out in the middle of a send.
    pub lease: Duration,
    /// Messages claimed at once.
    pub batch_size: i64,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions { poll_interval: Duration::from_secs(1), lease: Duration::from_secs(5 * 60), batch_size: 10 }
    }
}

/// Runs the worker until `shutdown` turns `true` (or its sender is dropped); a pass in progress
/// is finished first.
pub fn spawn(
    db: Db,
    transport: Arc<Transport>,
    options: WorkerOptions,
    mut shutdown: watch::Receiver<bool>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        tracing::info!(transport = transport.kind(), "email worker started");
        let mut outage = Outage::default();
        while !*shutdown.borrow_and_update() {
            let sent = match deliver_due(&db, &transport, &options, Utc::now()).await {
                Ok(sent) => {
                    outage.ended();
                    sent
                }
                Err(error) => {
                    outage.began(&error);
                    0
                }
            };
            // After a busy pass, look again at once: more may be waiting.
            if sent > 0 {
                continue;
            }
            tokio::select! {
                () = tokio::time::sleep(options.poll_interval) => {}
                changed = shutdown.changed() => if changed.is_err() { break },
            }
        }
        tracing::info!("email worker stopped");
    })
}

/// Whether the outbox could not be used on the last pass, so an outage is logged when it starts
/// and when it ends, not on every poll.
#[derive(Debug, Default)]
struct Outage {
    since: Option<Instant>,
}

impl Outage {
    /// A pass failed; returns whether this starts an outage (and was logged).
    fn began(&mut self, error: &sqlx::Error) -> bool {
        if self.since.is_some() {
            tracing::debug!(%error, "email worker still cannot use the outbox");
            return false;
        }
        tracing::error!(%error, "email worker cannot use the outbox; retrying quietly until it can");
        self.since = Some(Instant::now());
        true
    }

    /// A pass succeeded; returns whether this ends an outage (and was logged).
    fn ended(&mut self) -> bool {
        let Some(since) = self.since.take() else { return false };
        tracing::info!(down_for_seconds = since.elapsed().as_secs(), "email worker can use the outbox again");
        true
    }
}

/// One pass: claims a batch of due messages, sends each, and records the outcome. Returns how
/// many were sent. An error means the outbox could not be read or updated; messages it left
/// claimed are retried when their lease runs out (with the same Message-ID).
pub async fn deliver_due(
    db: &Db,
    transport: &Transport,
    options: &WorkerOptions,
    now: DateTime<Utc>,
) -> Result<usize, sqlx::Error> {
    let started = Instant::now();
    let lease = options.lease.min(LONGEST_LEASE);
    let lease_delta = TimeDelta::from_std(lease).unwrap_or(TimeDelta::days(1));
    let batch = outbox::claim(db, now, lease_delta, options.batch_size).await?;
    let mut sent = 0;
    for message in batch {
        if started.elapsed() > lease / 2 {
            tracing::warn!(id = message.id, "email lease half used; leaving the rest of the batch for later");
            break;
        }
        if deliver_one(db, transport, &message, now).await? {
            sent += 1;
        }
    }
    Ok(sent)
}

/// Sends one claimed message and records the outcome; `Ok(true)` if it was sent.
async fn deliver_one(
    db: &Db,
    transport: &Transport,
    message: &Claimed,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    match transport.send(message.id, &message.email).await {
        Ok(()) => {
            outbox::mark_sent(db, message.id, now).await?;
            tracing::debug!(id = message.id, "email sent");
            Ok(true)
        }
        Err(error) if error.permanent || message.attempts + 1 >= MAX_ATTEMPTS => {
            outbox::mark_failed(db, message.id, &error.reason, now).await?;
            tracing::warn!(
                id = message.id,
                attempts = message.attempts + 1,
                permanent = error.permanent,
                %error,
                "email given up"
            );
            Ok(false)
        }
        Err(error) => {
            let delay = retry_delay(message.attempts);
            outbox::mark_retry(db, message.id, &error.reason, now + delay).await?;
            tracing::warn!(
                id = message.id,
                attempts = message.attempts + 1,
                retry_in_seconds = delay.num_seconds(),
                %error,
                "email not sent"
            );
            Ok(false)
        }
    }
}

/// The wait after a failed attempt, given the failures before it: 10 s, 20 s, 40 s, ... up to an hour.
pub fn retry_delay(previous_failures: i32) -> TimeDelta {
    let doublings = previous_failures.clamp(0, 16) as u32;
    (FIRST_RETRY * 2_i32.pow(doublings)).min(LONGEST_RETRY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_ten_seconds_then_twice_as_long_each_time_up_to_an_hour() {
        let waits: Vec<i64> = (0..11).map(|n| retry_delay(n).num_seconds()).collect();
        assert_eq!(waits, [10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600]);
        assert_eq!(retry_delay(i32::MAX).num_seconds(), 3600);
        assert_eq!(retry_delay(-1).num_seconds(), 10);
    }

    #[test]
    fn an_outage_is_reported_when_it_starts_and_when_it_ends_not_on_every_poll() {
        let mut outage = Outage::default();
        assert!(!outage.ended(), "nothing to report while all is well");
        assert!(outage.began(&sqlx::Error::PoolTimedOut));
        assert!(!outage.began(&sqlx::Error::PoolTimedOut));
        assert!(!outage.began(&sqlx::Error::PoolClosed));
        assert!(outage.ended());
        assert!(!outage.ended());
        assert!(outage.began(&sqlx::Error::PoolClosed), "a new outage is reported again");
    }
}
