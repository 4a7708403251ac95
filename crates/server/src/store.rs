//! Reading and writing the domain's records. One module per kind of record; each function takes
//! the [`Db`](crate::Db) and returns shared API types.

pub mod antispam;
pub mod appeal_moves;
pub mod appeals;
pub mod archive;
pub mod blog;
pub mod bodies;
pub mod calendar;
pub mod cases;
pub mod feedback;
pub mod outbox;
pub mod sections;
pub mod settings;
pub mod staff;
pub mod workflow;
