//! `tsreport check`: are my exports clean? Reads every input, prints how each sheet was
//! recognised and mapped, the reconciliation and the data problems (grouped, or every one
//! with `--all`); exits 1 on problems.

use std::path::PathBuf;

use anyhow::Result;

use super::load::{read_inputs, template};
use crate::exit::{Code, OK, PROBLEMS_FOUND};
use crate::frames::Keep;
use crate::lang::Lang;
use crate::messages::Listing;
use crate::render::console;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to read (.xlsx .xlsm .xls .ods .csv; folders recursively).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// A template laid over the built-in one (extra aliases, synonyms, own brands).
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    /// List every problem on its own line (by default they are grouped per sheet and
    /// reason, with three examples each).
    #[arg(long)]
    all: bool,
}

pub fn run(args: Args, lang: Lang) -> Result<Code> {
    let template = template(args.template.as_deref(), lang)?;
    let loaded = read_inputs(&args.inputs, &template, Keep::All, lang);
    print!("{}", console::check_report(&loaded, lang, args.all));
    let problems = loaded
        .issues
        .iter()
        .filter(|i| !i.reason.is_routine())
        .count()
        + loaded.file_errors.len();
    if problems == 0 {
        println!("\n{}", Listing::Clean.text(lang));
        Ok(Code(OK))
    } else {
        for line in loaded.error_lines(lang) {
            eprintln!("tsreport: {line}");
        }
        println!(
            "\n{}",
            Listing::ProblemsFound { count: problems }.text(lang)
        );
        Ok(Code(PROBLEMS_FOUND))
    }
}
