//! Types shared by the WebAssembly app and the server.
//!
//! This crate holds no business logic and no server dependencies, so it compiles to wasm32.
//! Input from outside becomes one of these types through `parse`, so invalid values cannot
//! travel past the edge.

pub mod answer_text;
pub mod appeals;
pub mod archive;
pub mod bodies;
pub mod bundles;
pub mod cases;
pub mod content;
pub mod domain;
pub mod error;
pub mod lang;
pub mod localized;
pub mod office;
pub mod staff;
pub mod tracking;

pub use bodies::{
    Body, BodyKind, BodyList, BodySlug, BodySummary, Category, CategoryId, Department, DepartmentId, Head,
};
pub use error::{ApiError, ErrorCode};
pub use lang::Lang;
pub use localized::Localized;

/// Health of the service as `/api/health` reports it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// `ok` when the service and its database answer.
    pub status: String,
    /// `sqlite` or `postgres`.
    pub database: String,
    pub version: String,
}
