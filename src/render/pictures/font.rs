//! The font charts are drawn with: a Simplified-Chinese subset of Noto Sans CJK SC embedded
//! in the binary (assets/fonts, SIL OFL 1.1), so a PNG comes out the same on a clerk's PC and
//! on a server with no Chinese font; `--font PATH` replaces it. The family is registered
//! under a CSS font stack, which the SVGs name as their `font-family`.

use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Result, bail};
use plotters::style::FontStyle;

use crate::lang::Lang;
use crate::messages::Setup;

/// The family charts name: PNGs draw it with the embedded font, SVGs let the viewer's
/// system pick the first it has.
pub const FAMILY: &str =
    "Microsoft YaHei, PingFang SC, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif";

static EMBEDDED: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSC-GB2312.otf");
static REGISTERED: OnceLock<Result<(), FontProblem>> = OnceLock::new();

/// Why the chart font could not be registered.
#[derive(Debug, Clone)]
enum FontProblem {
    Unreadable(std::path::PathBuf, String),
    NotAFont(std::path::PathBuf),
    Damaged,
}

impl FontProblem {
    fn text(&self, lang: Lang) -> String {
        match self {
            FontProblem::Unreadable(path, error) => Setup::FontUnreadable {
                path: &path.display(),
                error,
            }
            .text(lang),
            FontProblem::NotAFont(path) => Setup::NotAFont {
                path: &path.display(),
            }
            .text(lang),
            FontProblem::Damaged => Setup::FontDamaged.text(lang),
        }
    }
}

/// Proof that the chart font is registered: drawing a chart needs one. Plotters keeps its
/// fonts in one table per process, so the first font loaded is the one every chart uses.
#[derive(Debug, Clone, Copy)]
pub struct ChartFont(());

impl ChartFont {
    /// The embedded Chinese font.
    ///
    /// # Errors
    /// The embedded font is damaged (a bug).
    pub fn embedded() -> Result<ChartFont> {
        ChartFont::load(None, Lang::En)
    }

    /// `custom` when given, the embedded font otherwise.
    ///
    /// # Errors
    /// The custom font cannot be read or is not a TrueType/OpenType font.
    pub fn load(custom: Option<&Path>, lang: Lang) -> Result<ChartFont> {
        let result = REGISTERED.get_or_init(|| register(custom));
        if let Err(e) = result {
            bail!(e.text(lang));
        }
        Ok(ChartFont(()))
    }
}

fn register(custom: Option<&Path>) -> Result<(), FontProblem> {
    let bytes: &'static [u8] = match custom {
        Some(path) => match std::fs::read(path) {
            Ok(b) => Box::leak(b.into_boxed_slice()),
            Err(e) => return Err(FontProblem::Unreadable(path.to_path_buf(), e.to_string())),
        },
        None => EMBEDDED,
    };
    for style in [FontStyle::Normal, FontStyle::Bold] {
        if plotters::style::register_font(FAMILY, style, bytes).is_err() {
            return Err(match custom {
                Some(p) => FontProblem::NotAFont(p.to_path_buf()),
                None => FontProblem::Damaged,
            });
        }
    }
    Ok(())
}
