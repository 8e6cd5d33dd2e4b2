//! A workbook of any bytes, as .xlsx, .ods and .xls: the zip and size checks, calamine's
//! readers and the cell streaming — rows or a clear error, never a crash or a runaway
//! allocation. The first byte picks the extension, the rest is the file. A library's panic
//! on a damaged file is contained by the reader (the file is reported unreadable); a panic
//! in tsreport's own code is a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tsreport_fuzz::{Rows, only_library_panics_are_contained, read};

fuzz_target!(|data: &[u8]| {
    only_library_panics_are_contained();
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let ext = ["xlsx", "ods", "xls"][usize::from(pick) % 3];
    let mut rows = Rows::default();
    read(bytes, ext, &mut rows);
});
