//! Any bytes as an `.xls`: the compound-file and sheet-size checks (`ingest/cfb.rs`,
//! `ingest/biff.rs`) and calamine's BIFF reader — rows or a clear error, never a crash or a
//! runaway allocation.
//! A library's panic on a damaged file is contained by the reader (the file is reported
//! unreadable); a panic in tsreport's own code is a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tsreport_fuzz::{Rows, only_library_panics_are_contained, read};

fuzz_target!(|data: &[u8]| {
    only_library_panics_are_contained();
    read(data, "xls", &mut Rows::default());
});
