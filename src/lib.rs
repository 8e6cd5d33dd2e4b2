//! tsreport's library: the pipeline from exported spreadsheets to the department's statistics.
//!
//! Layers, each using only those before it (`docs/architecture.md`): base (`text`, `lang`, `measure`, `taxonomy`, `period`, `exit`,
//! `messages`) → `schema` → `template`, `frames` → `ingest` (files → cells) → `issues` →
//! `normalize` (cells → typed records, problems as data) → `stats` (plain tables, their ids)
//! → `render` (console, workbook, charts, brief, `summary.json`, export) → `sample` → `cmd`
//! (the command line). Without the `report` feature only the reader is built
//! (through `normalize`'s header and value parsing), for the fuzz targets.

#[cfg(feature = "report")]
pub mod cmd;
pub mod exit;
#[cfg(feature = "report")]
pub mod frames;
pub mod ingest;
pub mod issues;
pub mod lang;
pub mod measure;
pub mod messages;
pub mod normalize;
pub mod period;
#[cfg(feature = "report")]
pub mod render;
#[cfg(feature = "report")]
pub mod sample;
pub mod schema;
#[cfg(feature = "report")]
pub mod stats;
pub mod taxonomy;
pub mod template;
pub mod text;
