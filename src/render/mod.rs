//! Views of the results — console text, the workbook, the chart pictures (one chart list for
//! both), the brief and `summary.json` — and the one way every output file is written
//! (atomically).

pub mod brief;
pub mod charts;
pub mod console;
pub mod export;
pub mod file_names;
pub mod json;
pub mod outputs;

pub mod pictures;
pub mod staged;
pub mod xlsx;
pub mod zip_origin;

pub use staged::{Staged, WriteError, write_atomic};
