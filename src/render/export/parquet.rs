//! A register as a Parquet file: typed columns (dates as dates), for DuckDB, Spark,
//! pandas/polars and BI tools. Written with polars' own Parquet writer crate and one codec,
//! snappy (what Spark and pandas write by default): polars' `parquet` feature would build its
//! streaming engine and a cloud stack a clerk's PC never uses.

use std::io::{self, Write};

use polars::prelude::*;
use polars_parquet::write::{
    CompressionOptions, FileWriter, StatisticsOptions, Version, WriteOptions, get_dtype_encoding,
    row_group_iter, to_parquet_schema,
};

/// Rows per row group: polars' own default, so a reader can skip through a large register.
const ROW_GROUP_ROWS: usize = 512 * 512;

/// Writes `df` as Parquet to `w`.
///
/// # Errors
/// The writer failed.
pub fn write(df: &DataFrame, w: &mut impl Write) -> io::Result<()> {
    write_polars(df, w).map_err(|e| match e {
        // Keep the system's reason (a full disk) for the one-line error.
        PolarsError::IO { error, .. } => io::Error::new(error.kind(), error.to_string()),
        other => io::Error::other(other),
    })
}

fn write_polars(df: &DataFrame, w: &mut impl Write) -> PolarsResult<()> {
    let compat = CompatLevel::newest();
    let schema = df.schema().to_arrow(compat);
    let options = WriteOptions {
        statistics: StatisticsOptions::default(),
        compression: CompressionOptions::Snappy,
        version: Version::V1,
        data_page_size: None,
    };
    let encodings: Vec<_> = schema
        .iter_values()
        .map(|f| get_dtype_encoding(&f.dtype))
        .collect();
    let fields = to_parquet_schema(&schema)?.fields().to_vec();
    let mut file = FileWriter::try_new(w, schema, options)?;
    let mut offset = 0;
    while offset < df.height() {
        let mut group = df.slice(offset as i64, ROW_GROUP_ROWS);
        offset += group.height();
        group.rechunk_mut_par();
        for batch in group.iter_chunks(compat, false) {
            let rows = batch.len() as u64;
            let columns = row_group_iter(batch, encodings.clone().into(), fields.clone(), options);
            file.write(rows, columns)?;
        }
    }
    file.end(None)?;
    Ok(())
}
