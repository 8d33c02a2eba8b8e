//! Which rows each panel lists, in what order, and what is selected.

use std::cmp::Ordering;

use super::query::{self, Query};
use super::state::App;
use super::view::ListView;
use crate::content::{self, Emptiness, Target, article};
use crate::data::asof::Status;
use crate::data::{Lang, Record, RecordRef};
use crate::panel::{Collection, Panel, SortKey};

impl App {
    pub(super) fn view_mut(&mut self) -> &mut ListView {
        &mut self.views[self.panel.index()]
    }

    /// The id of the selected record of a panel.
    pub fn selected_id(&self, panel: Panel) -> Option<String> {
        self.id_at(panel.collection(), self.view(panel).selected_row()?)
    }

    pub(super) fn select_id(&mut self, panel: Panel, id: &str) {
        let c = panel.collection();
        if let Some(i) = self
            .view(panel)
            .rows
            .iter()
            .position(|&row| self.id_at(c, row).as_deref() == Some(id))
        {
            self.views[panel.index()].selected = i;
        }
    }

    /// The id of a record of a collection (for a check: its kind and subject).
    fn id_at(&self, c: Collection, row: usize) -> Option<String> {
        let ds = &self.data.dataset;
        Some(match c {
            Collection::Rates => ds.rates.get(row)?.id.clone(),
            Collection::Counts => ds.counts.get(row)?.id.clone(),
            Collection::Events => ds.events.get(row)?.id.clone(),
            Collection::Projects => ds.projects.get(row)?.id.clone(),
            Collection::Checks => {
                let c = self.data.checks.get(row)?;
                format!("{:?} {}", c.kind, c.subject)
            }
            Collection::Figures => Record::of(ds, self.spots.get(row)?.record)?
                .id()
                .to_string(),
        })
    }

    /// What Enter opens on the current panel.
    pub fn selected_target(&self) -> Option<Target> {
        let row = self.view(self.panel).selected_row()?;
        Some(match self.panel.collection() {
            Collection::Rates => Target::Record(RecordRef::Rate(row)),
            Collection::Counts => Target::Record(RecordRef::Count(row)),
            Collection::Events => Target::Record(RecordRef::Event(row)),
            Collection::Projects => Target::Record(RecordRef::Project(row)),
            Collection::Checks => Target::Check(row),
            Collection::Figures => Target::Record(self.spots.get(row)?.record),
        })
    }

    pub(super) fn keep_selection_visible(&mut self) {
        let h = self.list_height();
        self.view_mut().scroll_into_view(h);
    }

    /// The record row `i` of a collection shows.
    fn record_of(&self, c: Collection, i: usize) -> Option<RecordRef> {
        Some(match c {
            Collection::Rates => RecordRef::Rate(i),
            Collection::Counts => RecordRef::Count(i),
            Collection::Events => RecordRef::Event(i),
            Collection::Projects => RecordRef::Project(i),
            Collection::Checks => return None,
            Collection::Figures => self.spots.get(i)?.record,
        })
    }

    fn len(&self, c: Collection) -> usize {
        let ds = &self.data.dataset;
        match c {
            Collection::Rates => ds.rates.len(),
            Collection::Counts => ds.counts.len(),
            Collection::Events => ds.events.len(),
            Collection::Projects => ds.projects.len(),
            Collection::Checks => self.data.checks.len(),
            Collection::Figures => self.spots.len(),
        }
    }

    /// Builds the search text if `panel` needs it: for a filter, or to sort
    /// by label.
    /// The article's figures are filtered by their paragraph's text, which
    /// needs none.
    fn need_search(&mut self, panel: Panel, q: &Query) {
        if panel.collection() == Collection::Figures {
            return;
        }
        if !q.text.is_empty() || !q.is_plain() || self.sort_key(panel) == SortKey::Label {
            self.search.get(&self.data);
        }
    }

    /// Finds each count's province if `panel` needs it: for a province
    /// filter, or to sort by place.
    pub(super) fn need_provinces(&mut self, panel: Panel) {
        let needed = panel.collection() == Collection::Counts
            && (self.province.is_some() || self.sort_key(panel) == SortKey::Place);
        if needed && self.count_province.len() != self.data.dataset.counts.len() {
            let (data, provinces) = (&self.data, &self.provinces);
            self.count_province = data
                .dataset
                .counts
                .iter()
                .map(|c| {
                    let p = c.place.as_deref().and_then(|id| data.place(id))?;
                    provinces.iter().position(|x| x.zh == p.province.zh)
                })
                .collect();
        }
    }

    /// Recomputes a panel's rows from its filter and sort, keeping the
    /// selection on the same record where it is still listed.
    /// The panel's filter, read: free text and column conditions.
    /// The panel's filter as words and conditions, not yet resolved
    /// against the data: what the footer reads every frame.
    fn parsed(&self, panel: Panel) -> Query {
        self.parse(&self.view(panel).filter)
    }

    /// A filter's text as words and conditions.
    fn parse(&self, filter: &str) -> Query {
        let year = self
            .data
            .dataset
            .year
            .value
            .or(self.as_of.map(|d| d.year()))
            .unwrap_or(2020);
        query::parse(&filter.to_lowercase(), year)
    }

    /// `n` / `N`: the next (or previous) row that matches the filter,
    /// round from the end to the start. While a filter is on, every listed
    /// row matches and this steps through them; after Esc has cleared it,
    /// it finds the rows the cleared filter matched among all of them, so
    /// each is seen among its neighbours. The footer says when nothing
    /// matches or there is no filter to look for.
    pub(super) fn next_match(&mut self, forward: bool) {
        let panel = self.panel;
        let lang = self.lang.prose();
        let v = self.view(panel);
        let n = v.rows.len();
        if n == 0 {
            return;
        }
        let from = v.selected;
        let at = |k: usize| match forward {
            true => (from + k) % n,
            false => (from + n - k % n) % n,
        };
        if !v.filter.is_empty() {
            let to = at(1);
            self.view_mut().select(to);
            return self.keep_selection_visible();
        }
        if v.last_filter.is_empty() {
            let note = lang.pick(
                "没有筛选可找：先按 / 输入",
                "no filter to look for: type one after /",
            );
            self.notice = Some(note.to_string());
            return;
        }
        let words = v.last_filter.clone();
        let mut q = self.parse(&words);
        q.prepare(&self.data);
        self.need_search(panel, &q);
        self.need_provinces(panel);
        let found = (1..=n)
            .map(at)
            .find(|&k| self.admits(panel, self.view(panel).rows[k], &q));
        match found {
            Some(k) => {
                if (forward && k <= from) || (!forward && k >= from) {
                    let note = lang.pick("从另一端接着找", "search wrapped round");
                    self.notice = Some(note.to_string());
                }
                self.view_mut().select(k);
                self.keep_selection_visible();
            }
            None => {
                self.notice = Some(match lang {
                    Lang::Zh => format!("没有符合“{words}”的行"),
                    _ => format!("no row matches “{words}”"),
                });
            }
        }
    }

    /// The panel's filter ready to admit rows: its places and
    /// organisations found (once per keystroke, not per row or frame).
    fn query(&self, panel: Panel) -> Query {
        let mut q = self.parsed(panel);
        q.prepare(&self.data);
        q
    }

    /// What the footer says of the current filter's conditions: a word
    /// that does not read as one, or a column this panel lacks.
    pub fn filter_note(&self) -> Option<String> {
        let panel = self.panel;
        if self.view(panel).filter.is_empty() {
            return None;
        }
        let q = self.parsed(panel);
        let lang = self.lang.prose();
        if let Some((word, why)) = q.problems.first() {
            return Some(format!("{word}: {}", why.say(lang)));
        }
        let lacks = match panel.collection() {
            Collection::Checks => !q.is_plain(),
            Collection::Projects => q
                .conds
                .iter()
                .any(|c| matches!(c.field, query::Field::Value | query::Field::Date)),
            _ => false,
        };
        lacks.then(|| {
            lang.pick(
                "此面板没有该列：条件只对比率、数字和事件有效",
                "this panel has no such column: conditions hold for rates, counts and events",
            )
            .to_string()
        })
    }

    pub(super) fn rebuild(&mut self, panel: Panel) {
        let q = self.query(panel);
        let needle = &q;
        self.need_search(panel, &q);
        self.need_provinces(panel);
        let key = self.sort_key(panel);
        let mut rows: Vec<usize> = match (panel.collection(), key) {
            // The axis's order is the date order: taken, not sorted again.
            (Collection::Events, SortKey::Date) => self
                .timeline
                .iter()
                .copied()
                .filter(|&i| self.admits(panel, i, needle))
                .collect(),
            (c, _) => {
                let n = self.len(c);
                let mut rows: Vec<usize> =
                    (0..n).filter(|&i| self.admits(panel, i, needle)).collect();
                self.sort_rows(panel, &mut rows);
                rows
            }
        };
        if key == SortKey::Date
            && panel.collection() == Collection::Events
            && self.view(panel).descending
        {
            rows.reverse();
        }
        self.set_rows(panel, rows);
    }

    /// Why a panel lists no row: the dataset has none, the typed filter
    /// matches none, or (Workforce) the category or province leaves none.
    /// Only meaningful when the list is empty.
    pub fn emptiness(&self, panel: Panel) -> Emptiness {
        if self.len(panel.collection()) == 0 {
            Emptiness::Absent
        } else if !self.view(panel).filter.is_empty() {
            Emptiness::Filtered
        } else if panel == Panel::Workforce {
            Emptiness::Narrowed
        } else {
            // The Overview's rates before the first is reported.
            Emptiness::NotYet
        }
    }

    /// What a panel's empty list says, in the app's language.
    pub fn empty_note(&self, panel: Panel) -> &'static str {
        content::empty_list(self.lang, panel.collection(), self.emptiness(panel))
    }

    /// After a character was added to the filter: only rows already listed
    /// can still match, and their order stands, so this costs what is listed.
    pub(super) fn refine(&mut self, panel: Panel) {
        let q = self.query(panel);
        // A condition can let more in as it is typed (value<1 → value<10).
        if !q.is_plain() {
            return self.rebuild(panel);
        }
        let needle = &q;
        self.need_search(panel, &q);
        self.need_provinces(panel);
        let mut rows = std::mem::take(&mut self.views[panel.index()].rows);
        rows.retain(|&i| self.admits(panel, i, needle));
        self.set_rows(panel, rows);
    }

    /// Installs a panel's rows, keeping the selection on the same record
    /// where it is still listed.
    fn set_rows(&mut self, panel: Panel, rows: Vec<usize>) {
        let v = &mut self.views[panel.index()];
        let keep = v.selected_row();
        v.rows = rows;
        v.selected = keep
            .and_then(|k| v.rows.iter().position(|&r| r == k))
            .unwrap_or(0);
        v.offset = v.offset.min(v.selected);
        if panel == self.panel {
            self.keep_selection_visible();
        }
    }

    /// Whether row `i` of a panel's collection passes its filters. The
    /// search text is built (see [`App::need_search`]) whenever `needle`
    /// is not empty.
    fn admits(&self, panel: Panel, i: usize, q: &Query) -> bool {
        let c = panel.collection();
        let needle = q.text.as_str();
        let text = || {
            (needle.is_empty()
                || self
                    .search
                    .ready()
                    .is_some_and(|s| s.matches(&self.data, c, i, needle)))
                && (q.is_plain()
                    || self.record_of(c, i).is_some_and(|r| {
                        let at = self.search.ready().and_then(|s| s.whereabouts(c, i));
                        q.admits(&self.data, r, at)
                    }))
        };
        match panel {
            Panel::Overview => {
                self.chronology
                    .rate_is_latest(&self.data.dataset, i, self.as_of)
                    && text()
            }
            Panel::Workforce => {
                self.category.admits(&self.data.dataset.counts[i].category)
                    && (self.province.is_none()
                        || self.count_province.get(i).copied().flatten() == self.province)
                    && text()
            }
            // A figure is listed when its paragraph has the needle.
            Panel::Article => self.spots.get(i).is_some_and(|s| {
                self.data
                    .dataset
                    .source
                    .text
                    .as_deref()
                    .and_then(|t| t.get(s.paragraph.wrapping_sub(1)))
                    .is_some_and(|p| article::paragraph_matches(p, needle))
            }),
            _ => text(),
        }
    }

    /// Orders rows by the panel's sort key; ties keep the dataset's order.
    fn sort_rows(&self, panel: Panel, rows: &mut [usize]) {
        let key = self.sort_key(panel);
        let c = panel.collection();
        match (key, self.search.ready()) {
            // Rows are built in the dataset's order already.
            (SortKey::Source, _) => {}
            // Provinces are few: rank them once, then sort by integers.
            (SortKey::Place, _) => {
                let mut order: Vec<usize> = (0..self.provinces.len()).collect();
                // 重庆 by pinyin in Chinese (chóngqìng), by name in English.
                order.sort_by_cached_key(|&p| match self.lang {
                    Lang::En => self.provinces[p].en.to_lowercase(),
                    _ => crate::text::collate::key(&self.provinces[p].zh),
                });
                let mut rank = vec![0usize; order.len()];
                for (r, &p) in order.iter().enumerate() {
                    rank[p] = r;
                }
                rows.sort_by_key(|&i| {
                    let r = self.count_province.get(i).copied().flatten();
                    (r.map_or(usize::MAX, |p| rank[p]), i)
                });
            }
            // Labels are borrowed from the search text, lower-cased, or,
            // in Chinese, its pinyin keys (made once): no string is built
            // or copied to sort.
            (SortKey::Label, Some(search)) => {
                let mut keyed: Vec<(&str, usize)> = rows
                    .iter()
                    .map(|&i| (search.label_key(&self.data, c, i, self.lang), i))
                    .collect();
                keyed.sort_unstable();
                for (row, (_, i)) in rows.iter_mut().zip(keyed) {
                    *row = i;
                }
            }
            _ => rows.sort_by(|&a, &b| self.compare(c, key, a, b)),
        }
        if self.view(panel).descending {
            rows.reverse();
        }
    }

    /// Orders two rows by a key other than text (events by date are taken
    /// in the axis's order instead: see [`App::rebuild`]).
    fn compare(&self, c: Collection, key: SortKey, a: usize, b: usize) -> Ordering {
        let ds = &self.data.dataset;
        let o = match (c, key) {
            (_, SortKey::Source) => a.cmp(&b),
            (Collection::Rates, SortKey::Value) => ds.rates[a].value.total_cmp(&ds.rates[b].value),
            (Collection::Rates, SortKey::Date) => ds.rates[a]
                .when
                .order_key()
                .cmp(&ds.rates[b].when.order_key()),
            (Collection::Counts, SortKey::Value) => ds.counts[a].value.cmp(&ds.counts[b].value),
            (Collection::Counts, SortKey::Date) => ds.counts[a]
                .when
                .order_key()
                .cmp(&ds.counts[b].when.order_key()),
            // By status on the as-of date: done, derived, not yet, due (soonest
            // first), past due (longest first), undated.
            (Collection::Events, SortKey::Status) => {
                let s = |i: usize| match self.chronology.status(&ds.events[i], self.as_of) {
                    Status::Done => (0, 0),
                    Status::Derived => (1, 0),
                    Status::Later(_) | Status::Unannounced(_) => (2, 0),
                    Status::Due { days, .. } => (3, days),
                    Status::Overdue { days, .. } => (4, -days),
                    Status::NoReport(_) => (5, 0),
                    Status::Planned => (6, 0),
                };
                s(a).cmp(&s(b))
            }
            (Collection::Projects, SortKey::Value) => {
                let n = |i: usize| ds.projects[i].figures.len() + ds.projects[i].events.len();
                n(a).cmp(&n(b))
            }
            (Collection::Checks, SortKey::Kind) => {
                let k = |i: usize| self.data.checks[i].kind as u8;
                k(a).cmp(&k(b))
            }
            (Collection::Checks, SortKey::Status) => {
                self.data.checks[a].passed.cmp(&self.data.checks[b].passed)
            }
            _ => Ordering::Equal,
        };
        // Ties keep the article's order, so every sort is stable and total.
        o.then(a.cmp(&b))
    }
}
