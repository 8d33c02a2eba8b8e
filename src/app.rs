//! Application state and [`App::update`], the only place it changes.

use std::cmp::Ordering;
use std::path::PathBuf;

use ratatui::layout::{Position, Rect};
use time::Date;

use crate::data::asof::Chronology;
use crate::data::{Category, Lang, Loaded, Precision, RecordRef, Text};
use crate::input::{Action, Mode};
use crate::ui::{self, Theme};

/// The six panels, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Panel {
    Overview,
    Rates,
    Workforce,
    Timeline,
    Projects,
    Checks,
}

impl Panel {
    pub const ALL: [Panel; 6] = [
        Panel::Overview,
        Panel::Rates,
        Panel::Workforce,
        Panel::Timeline,
        Panel::Projects,
        Panel::Checks,
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

/// Which counts the Workforce panel lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryFilter {
    /// Every count of people (the default).
    People,
    One(Category),
    /// Every count, people or not.
    All,
}

impl CategoryFilter {
    fn next(self) -> CategoryFilter {
        let all = Category::ALL;
        match self {
            CategoryFilter::People => CategoryFilter::One(all[0]),
            CategoryFilter::One(c) => match all.iter().position(|x| *x == c) {
                Some(i) if i + 1 < all.len() => CategoryFilter::One(all[i + 1]),
                _ => CategoryFilter::All,
            },
            CategoryFilter::All => CategoryFilter::People,
        }
    }

    pub fn admits(self, c: Category) -> bool {
        match self {
            CategoryFilter::People => c.is_people(),
            CategoryFilter::One(x) => x == c,
            CategoryFilter::All => true,
        }
    }
}

/// A popup over the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The problems of the last failed reload.
    Errors,
    /// What `y` would have copied, with `--no-clipboard`.
    Citation(String),
    /// The detail of a record.
    Detail {
        target: Target,
    },
}

/// What a detail popup shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Record(RecordRef),
    Check(usize),
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
    fn step(&mut self, delta: isize) {
        if self.rows.is_empty() {
            self.selected = 0;
            return;
        }
        let last = self.rows.len() - 1;
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    fn select(&mut self, i: usize) {
        self.selected = i.min(self.rows.len().saturating_sub(1));
    }

    /// Keeps the selection within `height` visible rows.
    fn scroll_into_view(&mut self, height: usize) {
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

/// What each record is filtered by — its labels, its figure as written and
/// as shown, its dates, and the names of its organisation and place —
/// lower-cased once per dataset so a keystroke does no allocation per row.
/// Organisation and place names are kept once each and shared by reference,
/// not copied into every record's text.
#[derive(Debug, Clone, Default)]
pub struct Search {
    rates: Vec<String>,
    counts: Vec<String>,
    events: Vec<String>,
    projects: Vec<String>,
    /// Each check's formula in both languages and its subject's id,
    /// lower-cased, kept only when that differs from the originals (most
    /// formulas are digits and Chinese, most ids lower-case). A check also
    /// matches by its subject record's text, found through `check_subject`,
    /// so the subject's label is not copied for every check.
    checks: Vec<Option<Box<str>>>,
    check_subject: Vec<Option<RecordRef>>,
    /// Each organisation's and each place's names, by index.
    organisations: Vec<String>,
    places: Vec<String>,
    /// The organisation and place (indices) each rate, count and event shows.
    rate_where: Vec<Where>,
    count_where: Vec<Where>,
    event_where: Vec<Where>,
    /// Each count's province, as an index into [`App::provinces`].
    count_province: Vec<Option<usize>>,
}

/// A record's organisation and place, as indices into [`Search`]'s names.
#[derive(Debug, Clone, Copy, Default)]
struct Where {
    organisation: Option<u32>,
    place: Option<u32>,
}

impl Search {
    fn new(data: &Loaded, provinces: &[Text]) -> Search {
        let ds = &data.dataset;
        let text = |t: &crate::data::Text| format!("{}\u{1f}{}", t.zh, t.en);
        let lower = |parts: &[&str]| parts.join("\u{1f}").to_lowercase();
        let position = |r: Option<RecordRef>| match r {
            Some(RecordRef::Organisation(i) | RecordRef::Place(i)) => u32::try_from(i).ok(),
            _ => None,
        };
        // What a row shows besides its label: its organisation, and its place
        // or else its organisation's.
        let whereabouts = |org: Option<&str>, place: Option<&str>| Where {
            organisation: org.and_then(|id| position(data.index.get(id))),
            place: place
                .or_else(|| org.and_then(|o| data.organisation(o)?.place.as_deref()))
                .and_then(|id| position(data.index.get(id))),
        };
        let label_of = |id: &str| -> String {
            match data.index.get(id) {
                Some(RecordRef::Rate(i)) => text(&ds.rates[i].label),
                Some(RecordRef::Count(i)) => text(&ds.counts[i].label),
                Some(RecordRef::Event(i)) => text(&ds.events[i].label),
                Some(RecordRef::Project(i)) => text(&ds.projects[i].name),
                _ => String::new(),
            }
        };
        Search {
            rates: ds
                .rates
                .iter()
                .map(|r| lower(&[&text(&r.label), &r.figure, &crate::fmt::percent(r.value)]))
                .collect(),
            counts: ds
                .counts
                .iter()
                .map(|c| {
                    lower(&[
                        &text(&c.label),
                        &c.figure,
                        &c.shown(Lang::Zh),
                        &c.shown(Lang::En),
                    ])
                })
                .collect(),
            events: ds
                .events
                .iter()
                .map(|e| {
                    lower(&[
                        &text(&e.label),
                        e.figure.as_deref().unwrap_or_default(),
                        &e.when.describe(Lang::Zh),
                        &e.when.describe(Lang::En),
                    ])
                })
                .collect(),
            projects: ds
                .projects
                .iter()
                .map(|p| {
                    let members: Vec<String> = p
                        .events
                        .iter()
                        .chain(&p.figures)
                        .map(|id| label_of(id))
                        .collect();
                    let org = p
                        .organisation
                        .as_deref()
                        .and_then(|id| data.organisation(id))
                        .map(|o| text(&o.name))
                        .unwrap_or_default();
                    let place = data
                        .place_of(p.place.as_deref(), p.organisation.as_deref())
                        .map(|pl| format!("{}\u{1f}{}", pl.full(Lang::Zh), pl.full(Lang::En)))
                        .unwrap_or_default();
                    lower(&[
                        &text(&p.name),
                        &text(&p.summary),
                        &org,
                        &place,
                        &members.join("\u{1f}"),
                    ])
                })
                .collect(),
            checks: data
                .checks
                .iter()
                .map(|c| {
                    let t = format!("{}\u{1f}{}", text(&c.formula), c.subject);
                    let lower = t.to_lowercase();
                    (lower != t).then(|| lower.into_boxed_str())
                })
                .collect(),
            check_subject: data
                .checks
                .iter()
                .map(|c| data.index.get(&c.subject))
                .collect(),
            organisations: ds
                .organisations
                .iter()
                .map(|o| text(&o.name).to_lowercase())
                .collect(),
            places: ds
                .places
                .iter()
                .map(|p| format!("{}\u{1f}{}", p.full(Lang::Zh), p.full(Lang::En)).to_lowercase())
                .collect(),
            rate_where: ds
                .rates
                .iter()
                .map(|r| whereabouts(r.organisation.as_deref(), r.place.as_deref()))
                .collect(),
            count_where: ds
                .counts
                .iter()
                .map(|c| whereabouts(c.organisation.as_deref(), c.place.as_deref()))
                .collect(),
            event_where: ds
                .events
                .iter()
                .map(|e| whereabouts(e.organisation.as_deref(), e.place.as_deref()))
                .collect(),
            count_province: ds
                .counts
                .iter()
                .map(|c| {
                    let p = c.place.as_deref().and_then(|id| data.place(id))?;
                    provinces.iter().position(|x| x.zh == p.province.zh)
                })
                .collect(),
        }
    }

    /// Whether a record's own text, or its organisation's or place's names,
    /// contain `needle`.
    fn matches(&self, own: &str, at: Where, needle: &str) -> bool {
        let name = |names: &[String], i: Option<u32>| {
            i.and_then(|i| names.get(usize::try_from(i).ok()?))
                .is_some_and(|n| n.contains(needle))
        };
        own.contains(needle)
            || name(&self.organisations, at.organisation)
            || name(&self.places, at.place)
    }
}

/// Everything the dashboard shows, and nothing it does not need.
pub struct App {
    pub data: Loaded,
    pub panel: Panel,
    pub lang: Lang,
    pub theme: Theme,
    pub overlay: Option<Overlay>,
    /// The open detail popup's lines, built once when it opens.
    pub detail: Vec<ratatui::text::Line<'static>>,
    /// How far the popup is scrolled (clamped when drawn).
    pub popup_scroll: u16,
    /// Typing a filter into the current panel's list.
    pub filtering: bool,
    pub views: [ListView; 6],
    pub category: CategoryFilter,
    /// Index into [`App::provinces`], or `None` for every province.
    pub province: Option<usize>,
    /// The provinces of the dataset's places, in first-seen order.
    pub provinces: Vec<Text>,
    /// What rows are filtered by.
    pub search: Search,
    /// Event indices in date order (undated last): the Timeline's axis.
    pub timeline: Vec<usize>,
    /// The Overview's headline figures: indices of the largest counts of
    /// people, jobs and enterprises known on the as-of date.
    pub headline: Vec<usize>,
    /// The dataset's dates: the report date, event dates, series.
    pub chronology: Chronology,
    /// The date the dashboard shows the data as of; `None` when the dataset
    /// has no dates at all.
    pub as_of: Option<Date>,
    /// The day of the month `{` and `}` keep while they move the date.
    month_day: Option<u8>,
    /// One line for the footer about the last action (what `y` copied, where
    /// the as-of date moved); cleared by the next key.
    pub notice: Option<String>,
    /// Text `y` asked to copy; the event loop writes it to the terminal's
    /// clipboard and clears this.
    pub clipboard: Option<String>,
    /// `--no-clipboard`: `y` shows the citation instead of copying it.
    pub no_clipboard: bool,
    /// The dataset file reloaded on [`Action::FileChanged`] (`--watch`).
    pub watch: Option<PathBuf>,
    /// The problems of the last reload; empty when the data on screen is current.
    pub reload_errors: Vec<String>,
    /// The terminal's size, for mouse hit-testing and page sizes.
    pub area: Rect,
    pub quit: bool,
    /// Ctrl-Z asked to suspend; the event loop does it and clears this.
    pub suspend: bool,
}

impl App {
    pub fn new(data: Loaded, lang: Lang, theme: Theme) -> App {
        let mut provinces: Vec<Text> = Vec::new();
        for p in &data.dataset.places {
            if !provinces.iter().any(|x| x.zh == p.province.zh) {
                provinces.push(p.province.clone());
            }
        }
        let mut timeline: Vec<usize> = (0..data.dataset.events.len()).collect();
        timeline.sort_by_key(|&i| date_key(&data.dataset.events[i].when));
        let chronology = Chronology::new(&data.dataset);
        let as_of = chronology.default_date();
        let mut app = App {
            search: Search::new(&data, &provinces),
            headline: headline(&data.dataset, &chronology, as_of),
            chronology,
            as_of,
            month_day: None,
            notice: None,
            clipboard: None,
            no_clipboard: false,
            timeline,
            data,
            panel: Panel::Overview,
            lang,
            theme,
            overlay: None,
            detail: Vec::new(),
            popup_scroll: 0,
            filtering: false,
            views: Default::default(),
            category: CategoryFilter::People,
            province: None,
            provinces,
            watch: None,
            reload_errors: Vec::new(),
            area: Rect::new(0, 0, 120, 40),
            quit: false,
            suspend: false,
        };
        for p in Panel::ALL {
            app.rebuild(p);
        }
        app
    }

    pub fn mode(&self) -> Mode {
        if let Some(Overlay::Detail { .. }) = self.overlay {
            Mode::Detail
        } else if self.overlay.is_some() {
            Mode::Popup
        } else if self.filtering {
            Mode::Filtering
        } else {
            Mode::Normal
        }
    }

    pub fn view(&self, panel: Panel) -> &ListView {
        &self.views[panel.index()]
    }

    fn view_mut(&mut self) -> &mut ListView {
        &mut self.views[self.panel.index()]
    }

    pub fn sort_key(&self, panel: Panel) -> SortKey {
        let keys = panel.sort_keys();
        keys[self.view(panel).sort % keys.len()]
    }

    /// Applies an action; returns whether anything visible changed.
    pub fn update(&mut self, action: Action) -> bool {
        match action {
            Action::Resize(w, h) => {
                let changed = self.area.width != w || self.area.height != h;
                self.area = Rect::new(0, 0, w, h);
                self.keep_selection_visible();
                return changed;
            }
            Action::Quit => {
                self.quit = true;
                return true;
            }
            Action::Suspend => {
                self.suspend = true;
                return true;
            }
            Action::Click(x, y) => return self.click(x, y),
            Action::FileChanged => return self.reload(),
            Action::Scroll(x, y, delta) => return self.scroll(x, y, delta),
            _ => {}
        }
        // Nothing is shown but "too small": act on nothing unseen.
        if ui::too_small(self.area) {
            return false;
        }
        // A notice lasts until the next key.
        let cleared = self.notice.take().is_some();
        self.key(action) || cleared
    }

    /// Applies a key's action; returns whether anything visible changed.
    fn key(&mut self, action: Action) -> bool {
        if let (Some(Overlay::Detail { target }), Action::Copy) = (&self.overlay, action) {
            let target = *target;
            return self.copy(target);
        }
        if self.overlay.is_some() {
            // Every popup scrolls, within its content at the current size.
            let max = self.popup_max_scroll();
            let s = self.popup_scroll.min(max);
            self.popup_scroll = match action {
                Action::Back | Action::ToggleHelp | Action::Open => {
                    self.overlay = None;
                    self.detail = Vec::new();
                    0
                }
                Action::Down => s.saturating_add(1),
                Action::Up => s.saturating_sub(1),
                Action::PageDown => s.saturating_add(10),
                Action::PageUp => s.saturating_sub(10),
                Action::Top => 0,
                Action::Bottom => max,
                _ => return false,
            }
            .min(max);
            return true;
        }
        if self.filtering {
            match action {
                // Controls and invisible characters are not text to search
                // for, and must not reach the footer.
                Action::FilterChar(c) if crate::data::sanitize::is_hostile(c) => return false,
                Action::FilterChar(c) => {
                    self.view_mut().filter.push(c);
                    self.refine(self.panel);
                }
                Action::FilterBackspace => {
                    self.view_mut().filter.pop();
                    self.rebuild(self.panel);
                }
                Action::FilterDone => self.filtering = false,
                Action::Back => {
                    self.filtering = false;
                    self.view_mut().filter.clear();
                    self.rebuild(self.panel);
                }
                _ => return false,
            }
            return true;
        }
        let page = self.list_height().max(1) as isize;
        match action {
            Action::NextPanel => self.panel = self.panel.next(),
            Action::PrevPanel => self.panel = self.panel.prev(),
            Action::GoPanel(p) => self.panel = p,
            Action::Down => self.view_mut().step(1),
            Action::Up => self.view_mut().step(-1),
            Action::PageDown => self.view_mut().step(page),
            Action::PageUp => self.view_mut().step(-page),
            Action::Top => self.view_mut().select(0),
            Action::Bottom => self.view_mut().select(usize::MAX),
            Action::Open => match self.selected_target() {
                Some(target) => self.open(Overlay::Detail { target }),
                None => return false,
            },
            Action::Back => {
                if self.view(self.panel).filter.is_empty() {
                    self.quit = true;
                } else {
                    self.view_mut().filter.clear();
                    self.rebuild(self.panel);
                }
            }
            Action::StartFilter => self.filtering = true,
            Action::CycleSort => {
                let v = self.view_mut();
                v.sort = v.sort.wrapping_add(1);
                self.rebuild(self.panel);
            }
            Action::FlipSort => {
                let v = self.view_mut();
                v.descending = !v.descending;
                self.rebuild(self.panel);
            }
            Action::CycleLang => {
                self.lang = self.lang.next();
                // Label order depends on the language.
                for p in Panel::ALL {
                    self.rebuild(p);
                }
            }
            Action::ToggleHelp => self.open(Overlay::Help),
            Action::ShowErrors => {
                if self.reload_errors.is_empty() {
                    return false;
                }
                self.open(Overlay::Errors);
            }
            Action::CycleProvince => {
                self.province = match self.province {
                    None if !self.provinces.is_empty() => Some(0),
                    Some(i) if i + 1 < self.provinces.len() => Some(i + 1),
                    _ => None,
                };
                self.rebuild(Panel::Workforce);
            }
            Action::CycleCategory => {
                self.category = self.category.next();
                self.rebuild(Panel::Workforce);
            }
            Action::EarlierEvent => {
                let to = self.as_of.and_then(|d| self.chronology.previous_stop(d));
                return self.move_as_of(to, ("没有更早的事件", "no earlier event"));
            }
            Action::LaterEvent => {
                let to = self.as_of.and_then(|d| self.chronology.next_stop(d));
                return self.move_as_of(to, ("没有更晚的事件", "no later event"));
            }
            Action::EarlierMonth => {
                let edge = (
                    "已到最早日期的前一个月",
                    "already a month before the first date",
                );
                return self.move_months(-1, edge);
            }
            Action::LaterMonth => {
                let edge = (
                    "已到最晚日期的后一个月",
                    "already a month after the last date",
                );
                return self.move_months(1, edge);
            }
            Action::AsOfReport => {
                let to = self.chronology.default_date();
                return self.move_as_of(to, ("数据集没有日期", "the dataset has no dates"));
            }
            Action::AsOfSelected => {
                let date = self
                    .view(Panel::Timeline)
                    .selected_row()
                    .and_then(|i| self.data.dataset.events.get(i))
                    .and_then(|e| e.when.date);
                return self.move_as_of(
                    date,
                    ("此事件没有日历日期", "this event has no calendar date"),
                );
            }
            Action::Copy => match self.selected_target() {
                Some(target) => return self.copy(target),
                None => {
                    let lang = self.lang.prose();
                    self.notice = Some(lang.pick("没有选中的行", "no row selected").to_string());
                    return true;
                }
            },
            Action::FilterChar(_)
            | Action::FilterBackspace
            | Action::FilterDone
            | Action::Quit
            | Action::Resize(..)
            | Action::FileChanged
            | Action::Suspend
            | Action::Click(..)
            | Action::Scroll(..) => return false,
        }
        self.keep_selection_visible();
        true
    }

    /// Moves the as-of date to `to`, or says why it cannot (`edge`: Chinese,
    /// English).
    fn move_as_of(&mut self, to: Option<Date>, edge: (&'static str, &'static str)) -> bool {
        let lang = self.lang.prose();
        let Some(d) = to else {
            self.notice = Some(lang.pick(edge.0, edge.1).to_string());
            return true;
        };
        self.set_as_of(Some(d));
        let ds = &self.data.dataset;
        // What that day holds: events, and milestones due then.
        let here: Vec<String> = self
            .timeline
            .iter()
            .map(|&i| &ds.events[i])
            .filter(|e| e.when.date == Some(d))
            .map(|e| {
                let label = e.label.get(self.lang);
                match e.status {
                    crate::data::EventStatus::Planned => {
                        format!("{}{label}", lang.pick("到期：", "due: "))
                    }
                    crate::data::EventStatus::Done => label.into_owned(),
                }
            })
            .collect();
        let date = as_of_text(d, lang);
        let (colon, semicolon) = match lang {
            Lang::Zh => ("：", "；"),
            _ => (": ", "; "),
        };
        self.notice = Some(if here.is_empty() {
            date
        } else {
            format!("{date}{colon}{}", here.join(semicolon))
        });
        true
    }

    /// Moves the as-of date by `months`, keeping the day of the month the
    /// moves started from, so that `{` then `}` comes back to the same date.
    fn move_months(&mut self, months: i32, edge: (&'static str, &'static str)) -> bool {
        let Some(d) = self.as_of else {
            return self.move_as_of(None, ("数据集没有日期", "the dataset has no dates"));
        };
        let day = self.month_day.unwrap_or(d.day());
        let changed = self.move_as_of(self.chronology.shift_months(d, months, day), edge);
        self.month_day = Some(day);
        changed
    }

    /// Shows the data as known on `d`: the Overview's gauges and headline
    /// figures are the latest known then. Nothing in the data changes.
    pub fn set_as_of(&mut self, d: Option<Date>) {
        self.as_of = d;
        self.month_day = None;
        self.headline = headline(&self.data.dataset, &self.chronology, d);
        self.rebuild(Panel::Overview);
        // Statuses are computed against the date.
        if self.sort_key(Panel::Timeline) == SortKey::Status {
            self.rebuild(Panel::Timeline);
        }
    }

    /// The selected record as one line with its source, in the current language.
    /// In both languages: the Chinese sentence, then the English, on two lines.
    pub fn citation(&self, target: Target) -> Option<String> {
        let one = |lang| match target {
            Target::Record(r) => {
                crate::cite::sentence(&self.data, &self.chronology, r, lang, self.as_of)
            }
            Target::Check(i) => crate::cite::check_sentence(&self.data, i, lang),
        };
        match self.lang {
            Lang::Both => Some(format!("{}\n{}", one(Lang::Zh)?, one(Lang::En)?)),
            lang => one(lang),
        }
    }

    /// `y`: hands the citation to the event loop for the clipboard, and says
    /// so in the footer; with `--no-clipboard`, only shows it.
    fn copy(&mut self, target: Target) -> bool {
        let lang = self.lang.prose();
        let Some(text) = self.citation(target) else {
            self.notice = Some(lang.pick("没有可复制的内容", "nothing to copy").to_string());
            return true;
        };
        if self.no_clipboard {
            // The footer is one line: show the whole citation in a popup.
            self.open(Overlay::Citation(text));
        } else {
            let shown = text.replace('\n', " / ");
            self.notice = Some(format!("{}: {shown}", lang.pick("已复制", "copied")));
            self.clipboard = Some(text);
        }
        true
    }

    fn open(&mut self, overlay: Overlay) {
        self.detail = match overlay {
            Overlay::Detail { target } => ui::detail_lines(self, target),
            _ => Vec::new(),
        };
        self.overlay = Some(overlay);
        self.popup_scroll = 0;
    }

    /// The furthest the open popup can scroll at the current size.
    pub fn popup_max_scroll(&self) -> u16 {
        ui::popup_max_scroll(self)
    }

    /// Reloads the watched file. A valid file replaces the data, keeping each
    /// panel's selection on the same record where its id still exists; an
    /// invalid or missing one keeps the last good data and records why.
    fn reload(&mut self) -> bool {
        let Some(path) = self.watch.clone() else {
            return false;
        };
        match crate::data::load_path(&path) {
            Ok(data) => {
                // A date the user moved to stays; the default follows the data.
                let moved = (self.as_of != self.chronology.default_date()).then_some(self.as_of);
                let no_clipboard = self.no_clipboard;
                let kept: Vec<Option<String>> =
                    Panel::ALL.iter().map(|&p| self.selected_id(p)).collect();
                *self = App {
                    watch: self.watch.take(),
                    area: self.area,
                    panel: self.panel,
                    lang: self.lang,
                    overlay: match self.overlay.take() {
                        // A detail's record may have moved or gone: close it.
                        Some(Overlay::Detail { .. }) | None => None,
                        // A popup the user opened stays until they close it
                        // (the errors one then says the file is valid again),
                        // so their next Esc does not quit instead.
                        Some(o @ (Overlay::Help | Overlay::Errors)) => Some(o),
                        Some(Overlay::Citation(_)) => None,
                    },
                    filtering: self.filtering,
                    category: self.category,
                    ..App::new(data, self.lang, self.theme)
                }
                .with_views_from(&std::mem::take(&mut self.views), self.province_name());
                self.no_clipboard = no_clipboard;
                if let Some(d) = moved {
                    self.set_as_of(d);
                }
                for (p, id) in Panel::ALL.into_iter().zip(kept) {
                    if let Some(id) = id {
                        self.select_id(p, &id);
                    }
                }
                self.keep_selection_visible();
            }
            Err(invalid) => {
                self.reload_errors = invalid
                    .problems
                    .iter()
                    .map(|p| format!("{}: {p}", invalid.origin))
                    .collect();
            }
        }
        true
    }

    /// Carries filters, sorts and the province over from the old views.
    fn with_views_from(mut self, old: &[ListView; 6], province: Option<String>) -> App {
        for (new, old) in self.views.iter_mut().zip(old) {
            new.filter.clone_from(&old.filter);
            new.sort = old.sort;
            new.descending = old.descending;
            new.offset = old.offset;
        }
        self.province = province.and_then(|p| self.provinces.iter().position(|x| x.zh == p));
        for p in Panel::ALL {
            self.rebuild(p);
        }
        self
    }

    fn province_name(&self) -> Option<String> {
        self.province
            .and_then(|i| self.provinces.get(i))
            .map(|t| t.zh.clone())
    }

    /// The id of the selected record of a panel.
    pub fn selected_id(&self, panel: Panel) -> Option<String> {
        self.id_at(panel, self.view(panel).selected_row()?)
    }

    fn select_id(&mut self, panel: Panel, id: &str) {
        let v = self.view(panel);
        if let Some(i) = v
            .rows
            .iter()
            .position(|&row| self.id_at(panel, row).as_deref() == Some(id))
        {
            self.views[panel.index()].selected = i;
        }
    }

    /// The id of a panel's record at `row` (for a check: its kind and subject).
    fn id_at(&self, panel: Panel, row: usize) -> Option<String> {
        let ds = &self.data.dataset;
        Some(match panel {
            Panel::Overview | Panel::Rates => ds.rates.get(row)?.id.clone(),
            Panel::Workforce => ds.counts.get(row)?.id.clone(),
            Panel::Timeline => ds.events.get(row)?.id.clone(),
            Panel::Projects => ds.projects.get(row)?.id.clone(),
            Panel::Checks => {
                let c = self.data.checks.get(row)?;
                format!("{:?} {}", c.kind, c.subject)
            }
        })
    }

    /// How many rows the current panel's list shows.
    pub fn list_height(&self) -> usize {
        usize::from(ui::regions(self.area, self).list.height)
    }

    fn keep_selection_visible(&mut self) {
        let h = self.list_height();
        self.view_mut().scroll_into_view(h);
    }

    /// What Enter opens on the current panel.
    pub fn selected_target(&self) -> Option<Target> {
        let row = self.view(self.panel).selected_row()?;
        Some(match self.panel {
            Panel::Overview | Panel::Rates => Target::Record(RecordRef::Rate(row)),
            Panel::Workforce => Target::Record(RecordRef::Count(row)),
            Panel::Timeline => Target::Record(RecordRef::Event(row)),
            Panel::Projects => Target::Record(RecordRef::Project(row)),
            Panel::Checks => Target::Check(row),
        })
    }

    fn click(&mut self, x: u16, y: u16) -> bool {
        let pos = Position::new(x, y);
        if self.overlay.is_some() {
            return false;
        }
        let regions = ui::regions(self.area, self);
        if let Some((panel, _)) = regions.tabs.iter().find(|(_, r)| r.contains(pos)) {
            self.panel = *panel;
            self.keep_selection_visible();
            return true;
        }
        if regions.list.contains(pos) {
            let v = self.view_mut();
            let i = v.offset + usize::from(y - regions.list.y);
            if i < v.rows.len() {
                v.selected = i;
                return true;
            }
        }
        false
    }

    fn scroll(&mut self, x: u16, y: u16, delta: i8) -> bool {
        if self.overlay.is_some() {
            let max = self.popup_max_scroll();
            let s = self.popup_scroll.min(max);
            self.popup_scroll = s.saturating_add_signed(i16::from(delta) * 3).min(max);
            return true;
        }
        let regions = ui::regions(self.area, self);
        if !regions.list.contains(Position::new(x, y)) {
            return false;
        }
        self.view_mut().step(isize::from(delta) * 3);
        self.keep_selection_visible();
        true
    }

    /// Recomputes a panel's rows from its filter and sort, keeping the
    /// selection on the same record where it is still listed.
    pub fn rebuild(&mut self, panel: Panel) {
        let needle = self.view(panel).filter.to_lowercase();
        let n = match panel {
            Panel::Overview | Panel::Rates => self.search.rates.len(),
            Panel::Workforce => self.search.counts.len(),
            Panel::Timeline => self.search.events.len(),
            Panel::Projects => self.search.projects.len(),
            Panel::Checks => self.data.checks.len(),
        };
        let mut rows: Vec<usize> = (0..n).filter(|&i| self.admits(panel, i, &needle)).collect();
        self.sort_rows(panel, &mut rows);
        self.set_rows(panel, rows);
    }

    /// After a character was added to the filter: only rows already listed
    /// can still match, and their order stands, so this costs what is listed.
    fn refine(&mut self, panel: Panel) {
        let needle = self.view(panel).filter.to_lowercase();
        let mut rows = std::mem::take(&mut self.views[panel.index()].rows);
        rows.retain(|&i| self.admits(panel, i, &needle));
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

    /// Whether row `i` of a panel's collection passes its filters.
    fn admits(&self, panel: Panel, i: usize, needle: &str) -> bool {
        let s = &self.search;
        match panel {
            Panel::Overview => {
                self.chronology
                    .rate_is_latest(&self.data.dataset, i, self.as_of)
                    && s.matches(&s.rates[i], s.rate_where[i], needle)
            }
            Panel::Rates => s.matches(&s.rates[i], s.rate_where[i], needle),
            Panel::Workforce => {
                self.category.admits(self.data.dataset.counts[i].category)
                    && (self.province.is_none() || s.count_province[i] == self.province)
                    && s.matches(&s.counts[i], s.count_where[i], needle)
            }
            Panel::Timeline => s.matches(&s.events[i], s.event_where[i], needle),
            Panel::Projects => s.projects[i].contains(needle),
            Panel::Checks => {
                let c = &self.data.checks[i];
                let own = match &s.checks[i] {
                    Some(lower) => lower.contains(needle),
                    None => {
                        c.formula.zh.contains(needle)
                            || c.formula.en.contains(needle)
                            || c.subject.contains(needle)
                    }
                };
                own || match s.check_subject[i] {
                    Some(RecordRef::Rate(r)) => s.rates[r].contains(needle),
                    Some(RecordRef::Count(c)) => s.counts[c].contains(needle),
                    Some(RecordRef::Event(e)) => s.events[e].contains(needle),
                    Some(RecordRef::Project(p)) => s.projects[p].contains(needle),
                    _ => false,
                }
            }
        }
    }

    /// Orders rows by the panel's sort key; ties keep the dataset's order.
    fn sort_rows(&self, panel: Panel, rows: &mut [usize]) {
        let key = self.sort_key(panel);
        match key {
            // Provinces are few: rank them once, then sort by integers.
            SortKey::Place => {
                let mut order: Vec<usize> = (0..self.provinces.len()).collect();
                order.sort_by_cached_key(|&p| self.provinces[p].get(self.lang).into_owned());
                let mut rank = vec![0usize; order.len()];
                for (r, &p) in order.iter().enumerate() {
                    rank[p] = r;
                }
                rows.sort_by_key(|&i| {
                    let r = self.search.count_province.get(i).copied().flatten();
                    (r.map_or(usize::MAX, |p| rank[p]), i)
                });
            }
            // Labels are borrowed, already lower-cased, from the search
            // text: no string is built or copied to sort.
            SortKey::Label => {
                let mut keyed: Vec<(&str, usize)> =
                    rows.iter().map(|&i| (self.text_key(panel, i), i)).collect();
                keyed.sort_unstable();
                for (row, (_, i)) in rows.iter_mut().zip(keyed) {
                    *row = i;
                }
            }
            _ => rows.sort_by(|&a, &b| self.compare(panel, key, a, b)),
        }
        if self.view(panel).descending {
            rows.reverse();
        }
    }

    /// The text a row sorts by: its label in the current language,
    /// lower-cased (English in English, else Chinese). It is a slice of the
    /// row's search text, which begins with the Chinese and the English
    /// label, lower-cased and separated by U+001F.
    fn text_key(&self, panel: Panel, i: usize) -> &str {
        let s = &self.search;
        let text = match panel {
            Panel::Overview | Panel::Rates => &s.rates[i],
            Panel::Workforce => &s.counts[i],
            Panel::Timeline => &s.events[i],
            Panel::Projects => &s.projects[i],
            Panel::Checks => return &self.data.checks[i].subject,
        };
        let field = usize::from(self.lang == Lang::En);
        text.split('\u{1f}').nth(field).unwrap_or_default()
    }

    /// The label of any record by id.
    pub fn label_of_id(&self, id: &str) -> Option<&crate::data::Text> {
        let ds = &self.data.dataset;
        Some(match self.data.index.get(id)? {
            RecordRef::Place(i) => &ds.places.get(i)?.province,
            RecordRef::Organisation(i) => &ds.organisations.get(i)?.name,
            RecordRef::Rate(i) => &ds.rates.get(i)?.label,
            RecordRef::Count(i) => &ds.counts.get(i)?.label,
            RecordRef::Event(i) => &ds.events.get(i)?.label,
            RecordRef::Project(i) => &ds.projects.get(i)?.name,
        })
    }

    /// Orders two rows by a key other than text (see [`App::text_key`]).
    fn compare(&self, panel: Panel, key: SortKey, a: usize, b: usize) -> Ordering {
        let ds = &self.data.dataset;
        let o = match (panel, key) {
            (_, SortKey::Source) => a.cmp(&b),
            (Panel::Overview | Panel::Rates, SortKey::Value) => {
                ds.rates[a].value.total_cmp(&ds.rates[b].value)
            }
            (Panel::Overview | Panel::Rates, SortKey::Date) => {
                date_key(&ds.rates[a].when).cmp(&date_key(&ds.rates[b].when))
            }
            (Panel::Workforce, SortKey::Value) => ds.counts[a].value.cmp(&ds.counts[b].value),
            (Panel::Workforce, SortKey::Date) => {
                date_key(&ds.counts[a].when).cmp(&date_key(&ds.counts[b].when))
            }
            (Panel::Timeline, SortKey::Date) => {
                date_key(&ds.events[a].when).cmp(&date_key(&ds.events[b].when))
            }
            // By status on the as-of date: done, derived, not yet, due (soonest
            // first), past due (longest first), undated.
            (Panel::Timeline, SortKey::Status) => {
                use crate::data::asof::Status;
                let s = |i: usize| match self.chronology.status(&ds.events[i], self.as_of) {
                    Status::Done => (0, 0),
                    Status::Derived => (1, 0),
                    Status::Later(_) | Status::Unannounced(_) => (2, 0),
                    Status::Due { days, .. } => (3, days),
                    Status::Overdue { days, .. } => (4, -days),
                    Status::Planned => (5, 0),
                };
                s(a).cmp(&s(b))
            }
            (Panel::Projects, SortKey::Value) => {
                let n = |i: usize| ds.projects[i].figures.len() + ds.projects[i].events.len();
                n(a).cmp(&n(b))
            }
            (Panel::Checks, SortKey::Kind) => {
                let k = |i: usize| self.data.checks[i].kind as u8;
                k(a).cmp(&k(b))
            }
            (Panel::Checks, SortKey::Status) => {
                self.data.checks[a].passed.cmp(&self.data.checks[b].passed)
            }
            _ => Ordering::Equal,
        };
        // Ties keep the article's order, so every sort is stable and total.
        o.then(a.cmp(&b))
    }
}

/// How many headline figures the Overview shows at most.
const HEADLINE_MAX: usize = 10;

/// "as of 2020-03-25" / "截至2020年3月25日".
pub fn as_of_text(d: Date, lang: Lang) -> String {
    match lang.prose() {
        Lang::Zh => format!("截至{}", crate::fmt::zh_date(d)),
        _ => format!("as of {}", crate::fmt::iso(d)),
    }
}

/// The largest counts of people, jobs and enterprises known on `as_of`
/// (the latest of each series), largest first.
/// Whether a count can be a headline figure: people, jobs or enterprises,
/// and not an ordinal.
pub fn is_headline_kind(c: &crate::data::Count) -> bool {
    !c.ordinal
        && (c.category.is_people() || matches!(c.category, Category::Jobs | Category::Enterprises))
}

pub fn headline(
    ds: &crate::data::Dataset,
    chronology: &Chronology,
    as_of: Option<Date>,
) -> Vec<usize> {
    let mut v: Vec<usize> = (0..ds.counts.len())
        .filter(|&i| is_headline_kind(&ds.counts[i]) && chronology.count_is_latest(ds, i, as_of))
        .collect();
    v.sort_by_key(|&i| std::cmp::Reverse(ds.counts[i].value));
    v.truncate(HEADLINE_MAX);
    v
}

/// Orders dates; undated records go last, winter after every calendar date.
pub fn date_key(w: &crate::data::When) -> (u8, Option<time::Date>, Option<time::Time>) {
    match (w.date, w.precision) {
        (Some(d), _) => (0, Some(d), w.time),
        (None, Precision::Winter) => (1, None, None),
        (None, _) => (2, None, None),
    }
}
