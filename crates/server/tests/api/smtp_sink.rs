//! A real SMTP server on loopback for the mail tests: Python's `aiosmtpd` (installed by
//! `cargo xtask test`), storing every message it accepts in a Maildir we read back.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// An aiosmtpd handler that stores messages like `Mailbox` but refuses some recipients for good.
const REFUSING_HANDLER: &str = r#"
from aiosmtpd.handlers import Mailbox

class Refusing(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refused"):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"
"#;

pub struct SmtpSink {
    child: Child,
    dir: tempfile::TempDir,
}

/// A port nobody listens on right now (the OS picks it; it stays free unless someone else takes it).
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

/// The `SMTP_URL` of a plain-text server on loopback at `port`.
pub fn smtp_url(port: u16) -> String {
    format!("smtp://127.0.0.1:{port}")
}

impl SmtpSink {
    /// Starts the server on `port` and waits until it accepts connections.
    pub fn start_on(port: u16) -> SmtpSink {
        Self::start(port, "aiosmtpd.handlers.Mailbox", tempfile::tempdir().expect("temporary folder"))
    }

    /// Like [`SmtpSink::start_on`], but recipients whose address starts with `refused` get a
    /// permanent `550` reply, as from a server that knows no such mailbox.
    pub fn start_refusing_on(port: u16) -> SmtpSink {
        let dir = tempfile::tempdir().expect("temporary folder");
        std::fs::write(dir.path().join("refusing_sink.py"), REFUSING_HANDLER).expect("handler file");
        Self::start(port, "refusing_sink.Refusing", dir)
    }

    fn start(port: u16, handler: &str, dir: tempfile::TempDir) -> SmtpSink {
        let log = std::fs::File::create(dir.path().join("aiosmtpd.log")).expect("log file");
        // Python's Maildir creates its folders only when the Maildir itself does not exist yet.
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", handler])
            .arg(dir.path().join("Maildir"))
            .env("PYTHONPATH", dir.path())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("python3 is needed for the mail tests");
        let mut sink = SmtpSink { child, dir };
        sink.wait_until_listening(port);
        sink
    }

    fn wait_until_listening(&mut self, port: u16) {
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            if let Ok(Some(status)) = self.child.try_wait() {
                let log = std::fs::read_to_string(self.dir.path().join("aiosmtpd.log")).unwrap_or_default();
                panic!("aiosmtpd stopped ({status}); install it with `python3 -m pip install aiosmtpd`\n{log}");
            }
            assert!(Instant::now() < deadline, "aiosmtpd did not start listening on port {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Every message delivered so far, as received (with the headers aiosmtpd adds), oldest first.
    pub fn messages(&self) -> Vec<Vec<u8>> {
        let mut files: Vec<PathBuf> = ["new", "cur"]
            .iter()
            .filter_map(|sub| std::fs::read_dir(self.dir.path().join("Maildir").join(sub)).ok())
            .flatten()
            .map(|entry| entry.expect("Maildir entry").path())
            .collect();
        files.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        files.iter().map(|p| std::fs::read(p).expect("read a delivered message")).collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
