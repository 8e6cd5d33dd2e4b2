//! tsreport's library: the pipeline from exported spreadsheets to the department's statistics.
//!
//! `ingest` (files → cells) → `normalize` (cells → typed records, problems as data) →
//! `frames` (polars DataFrames) → stats and renderers.

pub mod cli;
pub mod cmd;
pub mod exit;
pub mod frames;
pub mod ingest;
pub mod issues;
pub mod normalize;
pub mod period;
pub mod render;
pub mod sample;
pub mod schema;
pub mod stats;
pub mod taxonomy;
pub mod template;
