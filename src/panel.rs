//! The panels: what each is called, which collection of records it lists
//! and which columns it sorts by. Everything else that knows a panel asks
//! here, so the mapping "Overview and Rates list the rates" is written once.

use crate::lang::Lang;

/// The seven panels, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Panel {
    Overview,
    Rates,
    Workforce,
    Timeline,
    Projects,
    Checks,
    Article,
}

/// A collection of the dataset that a panel lists, one row per record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Collection {
    Rates,
    Counts,
    Events,
    Projects,
    Checks,
    /// The article's figures in reading order (see [`crate::content::Spot`]).
    Figures,
}

impl Panel {
    pub const ALL: [Panel; 7] = [
        Panel::Overview,
        Panel::Rates,
        Panel::Workforce,
        Panel::Timeline,
        Panel::Projects,
        Panel::Checks,
        Panel::Article,
    ];

    pub fn index(self) -> usize {
        Panel::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn next(self) -> Panel {
        Panel::ALL[(self.index() + 1) % Panel::ALL.len()]
    }

    pub fn prev(self) -> Panel {
        Panel::ALL[(self.index() + Panel::ALL.len() - 1) % Panel::ALL.len()]
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Panel::Overview => lang.pick("总览", "Overview"),
            Panel::Rates => lang.pick("比率", "Rates"),
            Panel::Workforce => lang.pick("人员", "Workforce"),
            Panel::Timeline => lang.pick("时间线", "Timeline"),
            Panel::Projects => lang.pick("项目", "Projects"),
            Panel::Checks => lang.pick("核对", "Checks"),
            Panel::Article => lang.pick("原文", "Article"),
        }
    }

    /// The records the panel's list shows.
    pub fn collection(self) -> Collection {
        match self {
            Panel::Overview | Panel::Rates => Collection::Rates,
            Panel::Workforce => Collection::Counts,
            Panel::Timeline => Collection::Events,
            Panel::Projects => Collection::Projects,
            Panel::Checks => Collection::Checks,
            Panel::Article => Collection::Figures,
        }
    }

    /// The columns `s` cycles through.
    pub fn sort_keys(self) -> &'static [SortKey] {
        match self {
            Panel::Overview | Panel::Rates => &[
                SortKey::Source,
                SortKey::Label,
                SortKey::Value,
                SortKey::Date,
            ],
            Panel::Workforce => &[
                SortKey::Source,
                SortKey::Label,
                SortKey::Value,
                SortKey::Date,
                SortKey::Place,
            ],
            Panel::Timeline => &[SortKey::Date, SortKey::Label, SortKey::Status],
            Panel::Projects => &[SortKey::Source, SortKey::Label, SortKey::Value],
            Panel::Checks => &[SortKey::Source, SortKey::Kind, SortKey::Status],
            // The article reads in one order.
            Panel::Article => &[SortKey::Source],
        }
    }
}

/// A column to order rows by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// The order of the dataset (the article's order).
    Source,
    Label,
    Value,
    Date,
    Place,
    Status,
    Kind,
}

impl SortKey {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            SortKey::Source => lang.pick("原文顺序", "article order"),
            SortKey::Label => lang.pick("名称", "label"),
            SortKey::Value => lang.pick("数值", "value"),
            SortKey::Date => lang.pick("日期", "date"),
            SortKey::Place => lang.pick("地点", "place"),
            SortKey::Status => lang.pick("状态", "status"),
            SortKey::Kind => lang.pick("类型", "kind"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_and_prev_cycle_through_every_panel() {
        for p in Panel::ALL {
            assert_eq!(p.next().prev(), p);
            assert_eq!(Panel::ALL[p.index()], p);
        }
        assert_eq!(Panel::Article.next(), Panel::Overview);
        assert_eq!(Panel::Overview.prev(), Panel::Article);
    }

    #[test]
    fn overview_and_rates_list_the_rates() {
        assert_eq!(Panel::Overview.collection(), Collection::Rates);
        assert_eq!(Panel::Rates.collection(), Collection::Rates);
        assert_eq!(Panel::Workforce.collection(), Collection::Counts);
    }
}
