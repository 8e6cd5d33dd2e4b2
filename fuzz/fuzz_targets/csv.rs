//! A CSV file of any bytes: encoding sniffed (UTF-8, BOM, GB18030), delimiter sniffed,
//! quoting parsed — rows or a clear error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tsreport_fuzz::{Rows, only_library_panics_are_contained, read};

fuzz_target!(|data: &[u8]| {
    only_library_panics_are_contained();
    let mut rows = Rows::default();
    read(data, "csv", &mut rows);
});
