//! Every sentence tsreport prints on the console — summaries, headings, the reconciliation,
//! problems, errors — in Chinese (the default) and English (`--lang en`), side by side, one
//! module per occasion. A row problem's own wording lives with it in `issues/reason.rs`;
//! what can be wrong with a file or a sheet is in `problems.rs`, with a template in
//! `template_problems.rs`.

mod check;
mod export;
mod listing;
mod problems;
mod report;
mod run;
mod setup;
mod template_problems;

pub use check::Check;
pub use export::Export;
pub use listing::Listing;
pub use problems::{FileProblem, SheetProblem};
pub use report::Report;
pub use run::Run;
pub use setup::Setup;
pub use template_problems::TemplateProblem;

use crate::lang::Lang;

fn pick(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
