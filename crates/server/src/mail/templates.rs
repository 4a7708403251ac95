//! The texts of the emails, in the language of the case, with plain-text and HTML parts.
