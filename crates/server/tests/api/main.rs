//! API integration tests. Every test runs twice, against SQLite and against PostgreSQL, each
//! time on a fresh, migrated database with the demo content.

mod support;

mod admin;
mod appeals;
mod archive;
mod bodies;
mod errors;
mod mail;
mod office;
mod questions;
mod sections;
mod service;
mod spa;
mod staff;
