//! A panel's list (its rows, selection, filter and sort) and the
//! Workforce panel's category filter.

use crate::data::Category;

/// Which counts the Workforce panel lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CategoryFilter {
    /// Every count of people (the default).
    People,
    One(Category),
    /// Every count, people or not.
    All,
}

impl CategoryFilter {
    /// The next filter: people, then each category of `present` (the
    /// dataset's own, known ones first), then every count.
    pub(super) fn next(&self, present: &[Category]) -> CategoryFilter {
        let at = |i: usize| match present.get(i) {
            Some(c) => CategoryFilter::One(c.clone()),
            None => CategoryFilter::All,
        };
        match self {
            CategoryFilter::People => at(0),
            CategoryFilter::One(c) => match present.iter().position(|x| x == c) {
                Some(i) => at(i + 1),
                None => CategoryFilter::All,
            },
            CategoryFilter::All => CategoryFilter::People,
        }
    }

    pub fn admits(&self, c: &Category) -> bool {
        match self {
            CategoryFilter::People => c.is_people(),
            CategoryFilter::One(x) => x == c,
            CategoryFilter::All => true,
        }
    }
}

/// The categories the counts of a dataset use: the known ones in their
/// order, then the dataset's own in the order they first appear.
pub(super) fn categories_of(counts: &[crate::data::Count]) -> Vec<Category> {
    let mut out: Vec<Category> = Category::KNOWN
        .into_iter()
        .filter(|k| counts.iter().any(|c| &c.category == k))
        .collect();
    for c in counts {
        if matches!(c.category, Category::Other(_)) && !out.contains(&c.category) {
            out.push(c.category.clone());
        }
    }
    out
}

/// One panel's list: which records it shows, in what order, and the selection.
#[derive(Debug, Clone, Default)]
pub struct ListView {
    /// Indices into the panel's collection, filtered and sorted.
    pub rows: Vec<usize>,
    pub selected: usize,
    /// The first visible row.
    pub offset: usize,
    pub filter: String,
    /// The last filter cleared with Esc: what `n` and `N` look for in the
    /// whole list.
    pub last_filter: String,
    /// Index into the panel's [`Panel::sort_keys`].
    pub sort: usize,
    pub descending: bool,
}

impl ListView {
    pub fn selected_row(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    /// The rows on screen: at most `height` from the first visible one.
    pub fn visible(&self, height: usize) -> impl Iterator<Item = usize> + '_ {
        self.rows.iter().skip(self.offset).take(height).copied()
    }

    /// The selection's line among the visible rows, if it is on screen.
    pub fn selected_on_screen(&self) -> Option<usize> {
        self.selected.checked_sub(self.offset)
    }

    /// Moves the selection by `delta` within bounds.
    pub(super) fn step(&mut self, delta: isize) {
        if self.rows.is_empty() {
            self.selected = 0;
            return;
        }
        let last = self.rows.len() - 1;
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub(super) fn select(&mut self, i: usize) {
        self.selected = i.min(self.rows.len().saturating_sub(1));
    }

    /// Keeps the selection within `height` visible rows.
    pub(super) fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        let max_offset = self.rows.len().saturating_sub(height);
        self.offset = self.offset.min(max_offset);
    }
}
