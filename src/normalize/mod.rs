//! From files to normalised records: every sheet recognised by its header, every row read
//! into typed values or accounted for as skipped/rejected, complaints deduplicated.

pub mod header;
pub mod value;

#[cfg(feature = "report")]
mod checks;
#[cfg(feature = "report")]
mod collect;
#[cfg(feature = "report")]
mod dedup;
#[cfg(feature = "report")]
mod fill;
#[cfg(feature = "report")]
mod load;
#[cfg(feature = "report")]
mod parts;
#[cfg(feature = "report")]
mod record;
#[cfg(feature = "report")]
mod reexport;
#[cfg(feature = "report")]
mod shapes;
#[cfg(feature = "report")]
mod units;

#[cfg(feature = "report")]
pub use load::{Loaded, Reading, load, load_with};
