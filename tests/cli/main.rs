//! Integration tests: the real binary and library on fixtures built in temporary folders.
//! Every expected number is counted by hand from the fixture it checks.

mod bad_files;
mod brief;
mod check_messy;
mod console;
mod dedup;
mod export;
mod frames;
mod fuzz_regressions;
mod market;
mod paths;
mod periods;
mod pictures;
mod print;
mod reading;
mod readme;
mod report;
mod review;
mod rules;
mod sample_data;
mod summary;
mod template;
mod warnings;
mod workdir;
mod write_failures;
