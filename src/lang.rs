//! The label language of outputs (SPEC §6): Chinese by default, English with `--lang en`.
//! Dimension values (channels, categories …) are data and stay Chinese.

/// Which labels a renderer writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Picks the label for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
