//! `tsreport check`: are my exports clean? Reads every input, prints how each sheet was
//! recognised and mapped, the reconciliation and every data problem; exits 1 on problems.

use std::path::PathBuf;

use anyhow::Result;

use super::load::read_inputs;
use crate::exit::{Code, OK, PROBLEMS_FOUND};
use crate::render::console;
use crate::template::Template;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to read (.xlsx .xlsm .xls .ods .csv; folders recursively).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// A template laid over the built-in one (extra aliases, synonyms, own brands).
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<Code> {
    let template = Template::load(args.template.as_deref())?;
    let loaded = read_inputs(&args.inputs, &template);
    print!("{}", console::check_report(&loaded));
    let problems = loaded
        .issues
        .iter()
        .filter(|i| !i.reason.is_routine())
        .count()
        + loaded.file_errors.len();
    if problems == 0 {
        println!("\nClean: every row is accounted for and no problems were found.");
        Ok(Code(OK))
    } else {
        for line in loaded.error_lines() {
            eprintln!("tsreport: {line}");
        }
        println!("\n{problems} problem(s) found.");
        Ok(Code(PROBLEMS_FOUND))
    }
}
