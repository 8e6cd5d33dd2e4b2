//! `tsreport review`: each technician's self-review workbook for the period.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::load::InputArgs;
use crate::exit::{Code, OK};
use crate::lang::Lang;
use crate::messages::{Report, Run};
use crate::render;
use crate::render::file_names::distinct_stems;
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

pub fn run(args: Args, lang: Lang) -> Result<Code> {
    let (template, loaded, period) = args.input.load(lang)?;
    let reviews =
        Reviews::compute(&loaded, &period, &template).context(Run::Computing.text(lang))?;
    let names = if args.technician.is_empty() {
        reviews.people()
    } else {
        let known = all_names(&loaded);
        for name in &args.technician {
            if !known.contains(name) {
                let names = known.join(", ");
                bail!(
                    Run::NoTechnician {
                        name,
                        names: &names
                    }
                    .text(lang)
                );
            }
        }
        args.technician.clone()
    };
    if names.is_empty() {
        bail!(
            Run::NobodyInPeriod {
                period: &period.label()
            }
            .text(lang)
        );
    }
    let out_dir = args.out.unwrap_or_else(|| {
        Path::new("reports")
            .join(period.file_label())
            .join("review")
    });
    for (name, stem) in names.iter().zip(distinct_stems(&names)) {
        let review = reviews.review(name).context(Run::Computing.text(lang))?;
        let workbook = render::xlsx::review::to_bytes(&review, &period, lang)?;
        let json = render::json::review_bytes(&review, &period);
        for (ext, bytes) in [("xlsx", &workbook), ("json", &json)] {
            let path = out_dir.join(format!("{stem}.{ext}"));
            render::write_atomic(&path, bytes).map_err(|e| render::outputs::failed(&e, lang))?;
            println!(
                "{}",
                Report::Wrote {
                    path: &path.display()
                }
                .text(lang)
            );
        }
    }
    Ok(Code(OK))
}
