//! Files from outside: their kind is read from their content (a name says nothing), their name
//! is cleaned before it is stored or shown, and they go back only as downloads.

use crate::error::AppError;
use crate::store::appeals::Upload;
use api::ErrorCode;
use api::appeals::{FileKind, MAX_FILE_BYTES};
use axum::body::Body;
use axum::extract::multipart::Field;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The kind of file these bytes are, if it is one of those accepted.
pub fn kind_of(bytes: &[u8]) -> Option<FileKind> {
    // A DOCX is a ZIP holding `word/document.xml`. Entry names are stored uncompressed, so the
    // name is in the bytes; infer's own DOCX check depends on the order of the entries, which
    // differs between Word and LibreOffice.
    let has = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
    if bytes.starts_with(b"PK\x03\x04") && has(b"[Content_Types].xml") && has(b"word/document.xml") {
        return Some(FileKind::Docx);
    }
    match infer::get(bytes)?.mime_type() {
        "application/pdf" => Some(FileKind::Pdf),
        "image/jpeg" => Some(FileKind::Jpeg),
        "image/png" => Some(FileKind::Png),
        _ => None,
    }
}

/// The longest file name kept, in characters.
const NAME_MAX: usize = 150;

/// The file's own name without any folder, control characters or quotes; a file without a
/// usable name is called after its kind.
pub fn clean_name(raw: &str, kind: FileKind) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let name: String =
        base.chars().filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>')).take(NAME_MAX).collect();
    let name = name.trim().trim_start_matches('.').trim();
    if name.is_empty() { format!("file.{}", kind.as_str()) } else { name.to_owned() }
}

/// Why one uploaded file was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    TooLarge,
    NotAccepted,
}

/// Reads one file part, keeping at most [`MAX_FILE_BYTES`]; a larger file is read to its end
/// (so the next parts can be read) and refused.
pub async fn read_file(mut field: Field<'_>) -> Result<Result<Upload, Refused>, AppError> {
    let raw_name = field.file_name().unwrap_or_default().to_owned();
    let mut bytes = Vec::new();
    let mut too_large = false;
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        if bytes.len() + chunk.len() > MAX_FILE_BYTES {
            too_large = true;
            bytes = Vec::new();
        }
        if !too_large {
            bytes.extend_from_slice(&chunk);
        }
    }
    if too_large {
        return Ok(Err(Refused::TooLarge));
    }
    Ok(match kind_of(&bytes) {
        Some(kind) => Ok(Upload { name: clean_name(&raw_name, kind), kind, bytes }),
        None => Err(Refused::NotAccepted),
    })
}

/// A broken or oversized multipart body.
pub fn multipart_error(e: axum::extract::multipart::MultipartError) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::new(ErrorCode::PayloadTooLarge, "The files are too large together.")
    } else {
        AppError::new(ErrorCode::MalformedJson, "The form could not be read; send it as multipart/form-data.")
    }
}

/// A stored file as a download: never shown inline, never sniffed, never cached.
pub fn download(name: &str, bytes: Vec<u8>) -> Response {
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_ ".contains(c) { c } else { '_' }).collect();
    let encoded = percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC);
    Response::builder()
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .header(header::CONTENT_DISPOSITION, format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"))
        .header(header::CACHE_CONTROL, "no-store")
        .body(Body::from(bytes))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A stored (uncompressed) ZIP local entry: enough for content sniffing, which reads the
    /// entries' names.
    pub(crate) fn zip_entry(name: &str, data: &[u8]) -> Vec<u8> {
        let mut out = b"PK\x03\x04".to_vec();
        out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&u32::try_from(data.len()).expect("small").to_le_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).expect("small").to_le_bytes());
        out.extend_from_slice(&u16::try_from(name.len()).expect("small").to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        out
    }

    pub(crate) fn docx() -> Vec<u8> {
        let mut bytes = zip_entry("[Content_Types].xml", b"<Types/>");
        bytes.extend(zip_entry("_rels/.rels", b"<Relationships/>"));
        bytes.extend(zip_entry("word/document.xml", b"<w:document/>"));
        bytes
    }

    #[test]
    fn files_are_known_by_their_content_not_their_name() {
        assert_eq!(kind_of(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), Some(FileKind::Pdf));
        assert_eq!(kind_of(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(FileKind::Png));
        assert_eq!(kind_of(b"\xff\xd8\xff\xe0\0\x10JFIF\0"), Some(FileKind::Jpeg));
        assert_eq!(kind_of(&docx()), Some(FileKind::Docx));
        assert_eq!(kind_of(b"MZ\x90\0\x03\0\0\0"), None, "a program");
        assert_eq!(kind_of(b"<html><script>alert(1)</script>"), None, "a page");
        assert_eq!(kind_of(&zip_entry("evil.exe", b"MZ")), None, "a plain ZIP");
    }

    #[test]
    fn names_lose_folders_and_control_characters() {
        assert_eq!(clean_name("C:\\Users\\a\\Анықтама.pdf", FileKind::Pdf), "Анықтама.pdf");
        assert_eq!(clean_name("../../etc/passwd", FileKind::Pdf), "passwd");
        assert_eq!(clean_name("a\"\r\nb.png", FileKind::Png), "ab.png");
        assert_eq!(clean_name("  ", FileKind::Docx), "file.docx");
    }
}
