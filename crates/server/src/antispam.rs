//! Anti-spam without a visual CAPTCHA: a signed proof-of-work challenge the app solves in the
//! background, a honeypot field, and rate limits per client address and per email (stored in the
//! database, so they hold across server instances). Blind users never meet a puzzle.

use api::cases::{Challenge, ProofOfWork};
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// How long a challenge stays valid: long enough to write a question after opening the form.
const CHALLENGE_TTL: Duration = Duration::hours(2);

pub struct Antispam {
    key: Vec<u8>,
    difficulty: u32,
}

impl Antispam {
    pub fn new(key: Vec<u8>, difficulty: u32) -> Antispam {
        Antispam { key, difficulty }
    }

    fn mac(&self, nonce: &str, difficulty: u32, expires_at: i64) -> HmacSha256 {
        // HMAC accepts keys of any length, so this cannot fail.
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(format!("{nonce}:{difficulty}:{expires_at}").as_bytes());
        mac
    }

    pub fn challenge(&self, now: DateTime<Utc>) -> Challenge {
        let nonce = hex::encode(random_bytes::<16>());
        let expires_at = (now + CHALLENGE_TTL).timestamp();
        let signature = hex::encode(self.mac(&nonce, self.difficulty, expires_at).finalize().into_bytes());
        Challenge { nonce, difficulty: self.difficulty, expires_at, signature }
    }

    /// Whether the proof answers a challenge this server issued, still valid, with enough work.
    /// Whether the nonce was used before is checked in the database ([`crate::store::antispam`]).
    pub fn verify(&self, proof: &ProofOfWork, now: DateTime<Utc>) -> bool {
        let c = &proof.challenge;
        let Ok(signature) = hex::decode(&c.signature) else { return false };
        let genuine = self.mac(&c.nonce, c.difficulty, c.expires_at).verify_slice(&signature).is_ok();
        genuine && c.expires_at >= now.timestamp() && c.difficulty >= self.difficulty && c.is_solved_by(proof.solution)
    }

    pub fn expires(proof: &ProofOfWork) -> DateTime<Utc> {
        DateTime::from_timestamp(proof.challenge.expires_at, 0).unwrap_or_default()
    }
}

/// Cryptographically random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The OS random source does not fail on the platforms we run on; zeros would only weaken a nonce.
    let _ = getrandom::fill(&mut bytes);
    bytes
}

/// A random token for a link, and the hash under which it is stored.
pub fn new_token() -> (String, String) {
    use base64::Engine;
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<32>());
    let hash = token_hash(&token);
    (token, hash)
}

/// Links carry tokens; the database keeps only their SHA-256, so a leaked table opens nothing.
pub fn token_hash(token: &str) -> String {
    use sha2::Digest;
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn antispam() -> Antispam {
        Antispam::new(b"test key".to_vec(), 6)
    }

    #[test]
    fn a_solved_challenge_of_ours_is_accepted() {
        let now = Utc::now();
        let proof = antispam().challenge(now).solve();
        assert!(antispam().verify(&proof, now));
    }

    #[test]
    fn a_forged_an_expired_or_an_easier_challenge_is_refused() {
        let now = Utc::now();
        let s = antispam();
        let mut forged = s.challenge(now);
        forged.nonce = "chosen-by-a-robot".into();
        assert!(!s.verify(&forged.solve(), now));

        let late = s.challenge(now).solve();
        assert!(!s.verify(&late, now + CHALLENGE_TTL + Duration::seconds(1)));

        let easy = Antispam::new(b"test key".to_vec(), 1).challenge(now).solve();
        assert!(!s.verify(&easy, now));

        let other_key = Antispam::new(b"another key".to_vec(), 6).challenge(now).solve();
        assert!(!s.verify(&other_key, now));
    }

    #[test]
    fn a_wrong_solution_is_refused() {
        let now = Utc::now();
        let s = antispam();
        let mut proof = s.challenge(now).solve();
        proof.solution = (0..).find(|x| !proof.challenge.is_solved_by(*x)).expect("most numbers fail");
        assert!(!s.verify(&proof, now));
    }

    #[test]
    fn tokens_are_random_and_stored_only_as_hashes() {
        let (a, hash_a) = new_token();
        let (b, _) = new_token();
        assert_ne!(a, b);
        assert_eq!(token_hash(&a), hash_a);
        assert_ne!(a, hash_a);
        assert!(a.len() >= 43);
    }
}
