//! The font charts are drawn with: a Simplified-Chinese subset of Noto Sans CJK SC embedded
//! in the binary (assets/fonts, SIL OFL 1.1), so a PNG comes out the same on a clerk's PC and
//! on a server with no Chinese font; `--font PATH` replaces it. The family is registered
//! under a CSS font stack, which the SVGs name as their `font-family`.

use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Result, bail};
use plotters::style::FontStyle;

/// The family charts name: PNGs draw it with the embedded font, SVGs let the viewer's
/// system pick the first it has.
pub const FAMILY: &str =
    "Microsoft YaHei, PingFang SC, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif";

static EMBEDDED: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSC-GB2312.otf");
static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();

/// Registers the chart font once per run: `custom` when given, the embedded one otherwise.
///
/// # Errors
/// The custom font cannot be read or is not a TrueType/OpenType font.
pub fn init(custom: Option<&Path>) -> Result<()> {
    let result = REGISTERED.get_or_init(|| {
        let bytes: &'static [u8] = match custom {
            Some(path) => match std::fs::read(path) {
                Ok(b) => Box::leak(b.into_boxed_slice()),
                Err(e) => return Err(format!("cannot read font {}: {e}", path.display())),
            },
            None => EMBEDDED,
        };
        for style in [FontStyle::Normal, FontStyle::Bold] {
            if plotters::style::register_font(FAMILY, style, bytes).is_err() {
                return Err(match custom {
                    Some(p) => format!("{} is not a TrueType/OpenType font (a .ttc collection is not supported; extract one face)", p.display()),
                    None => "the embedded chart font is damaged".to_string(),
                });
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        bail!("preparing the chart font: {e}");
    }
    Ok(())
}
