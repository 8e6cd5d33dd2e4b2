//! A register as a Parquet file: typed columns (dates as dates), for DuckDB, Spark,
//! pandas/polars and BI tools.

use std::io::{self, Write};

use polars::prelude::*;

/// Writes `df` as Parquet to `w`.
///
/// # Errors
/// The writer failed.
pub fn write(df: &DataFrame, w: &mut impl Write) -> io::Result<()> {
    let mut df = df.clone();
    ParquetWriter::new(w)
        .finish(&mut df)
        .map(|_| ())
        .map_err(|e| match e {
            // Keep the system's reason (a full disk) for the one-line error.
            PolarsError::IO { error, .. } => io::Error::new(error.kind(), error.to_string()),
            other => io::Error::other(other),
        })
}
