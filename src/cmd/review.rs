//! `tsreport review`: each technician's self-review workbook for the period.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::load::InputArgs;
use crate::exit::{Code, OK};
use crate::render;
use crate::stats::review::{Reviews, all_names};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Only this technician (repeat for several). Default: everyone with records in the period.
    #[arg(long, value_name = "NAME")]
    technician: Vec<String>,
    /// Output folder (default: reports/<period>/review/).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// A name safe as a file name on Windows and elsewhere.
fn file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

pub fn run(args: Args) -> Result<Code> {
    let (template, loaded, period) = args.input.load()?;
    let reviews = Reviews::compute(&loaded, &period, &template).context("computing the reviews")?;
    let names = if args.technician.is_empty() {
        reviews.people()
    } else {
        let known = all_names(&loaded);
        for n in &args.technician {
            if !known.contains(n) {
                bail!(
                    "no technician named \"{n}\" in the inputs; names found: {}",
                    known.join(", ")
                );
            }
        }
        args.technician.clone()
    };
    if names.is_empty() {
        bail!(
            "nobody has records in {}; choose another --period",
            period.label()
        );
    }
    let out_dir = args.out.unwrap_or_else(|| {
        Path::new("reports")
            .join(period.file_label())
            .join("review")
    });
    for name in &names {
        let review = reviews.review(name).context("computing the reviews")?;
        let path = out_dir.join(format!("{}.xlsx", file_name(&review.technician)));
        let bytes = render::xlsx::review::to_bytes(&review, &period)?;
        render::write_atomic(&path, &bytes)
            .with_context(|| format!("cannot write {}", path.display()))?;
        println!("Wrote {}", path.display());
    }
    Ok(Code(OK))
}
