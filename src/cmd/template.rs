//! `tsreport template`: print the built-in template, or copy it to a file to edit.

use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::exit::{Code, OK};
use crate::lang::Lang;
use crate::messages::Setup;
use crate::template::DEFAULT_TOML;

#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct Args {
    /// Print the built-in template (aliases, synonyms, own brands, limits).
    #[arg(long)]
    show: bool,
    /// Write a copy of the built-in template to FILE, to edit and pass with --template.
    #[arg(long, value_name = "FILE")]
    init: Option<PathBuf>,
}

pub fn run(args: Args, lang: Lang) -> Result<Code> {
    if let Some(path) = args.init {
        let shown = path.display();
        if path.exists() {
            bail!(Setup::AlreadyExists { path: &shown }.text(lang));
        }
        crate::render::write_atomic(&path, DEFAULT_TOML.as_bytes())
            .map_err(|e| crate::render::outputs::failed(&e, lang))?;
        println!("{}", Setup::TemplateWritten { path: &shown }.text(lang));
    } else if args.show {
        print!("{DEFAULT_TOML}");
    }
    Ok(Code(OK))
}
