//! Any bytes as an `.ods`: the zip and size checks and calamine's OpenDocument reader —
//! rows or a clear error, never a crash or a runaway allocation.
//! A library's panic on a damaged file is contained by the reader (the file is reported
//! unreadable); a panic in tsreport's own code is a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tsreport_fuzz::{Rows, only_library_panics_are_contained, read};

fuzz_target!(|data: &[u8]| {
    only_library_panics_are_contained();
    read(data, "ods", &mut Rows::default());
});
