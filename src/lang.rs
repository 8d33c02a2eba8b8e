//! The language of what is shown: Chinese, English or both. A leaf: it
//! imports nothing of the crate, so the panels' names need no data.

/// The language labels are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// 中文
    Zh,
    /// English
    En,
    /// Both: Chinese, then English.
    #[default]
    Both,
}

impl Lang {
    pub fn next(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Both,
            Lang::Both => Lang::Zh,
        }
    }

    /// The language for prose that is shown once (hints, headings): English in `Both`.
    pub fn prose(self) -> Lang {
        match self {
            Lang::Zh => Lang::Zh,
            _ => Lang::En,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Both => "中文+English",
        }
    }

    /// Picks one of two static texts for prose.
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self.prose() {
            Lang::Zh => zh,
            _ => en,
        }
    }
}
