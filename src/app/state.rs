//! The dashboard's state: what it holds, and how the rest of the crate
//! reads it. Fields are private to `app`; [`App::update`] changes them.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ratatui::layout::Rect;
use ratatui::text::Line;
use time::Date;

use super::search::Lazy;
use super::view::{CategoryFilter, ListView};
use crate::content::series::Point;
use crate::content::{self, Ctx, Popup, Spot, Target};
use crate::data::asof::Chronology;
use crate::data::series::Kind;
use crate::data::{Lang, Loaded, RecordRef, Text};
use crate::input::Mode;
use crate::layout::{self, Shape};
use crate::panel::{Panel, SortKey};
use crate::text;
use crate::theme::Theme;

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

/// What `term` found out about a copy made inside tmux: tmux's
/// `set-clipboard` option, and whether the text is in a tmux paste buffer
/// (with "on" tmux makes one from the OSC 52 itself; otherwise `term` loads
/// it with `tmux load-buffer`, or says why it could not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InTmux {
    pub set_clipboard: String,
    pub buffer: Result<(), String>,
}

/// What the event loop does after an update: the app never does I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing visible changed.
    None,
    Redraw,
    /// Put this text on the terminal's clipboard, then redraw.
    Copy(String),
    /// Give the shell back until `fg` (Ctrl-Z).
    Suspend,
    Quit,
    /// Read this dataset file and hand the result to [`App::reloaded`].
    Reload(PathBuf),
    /// Write a CSV file named `name` (or `name-2`, `-3`… if it exists) in
    /// the working folder, and hand the result to [`App::exported`].
    Export {
        name: String,
        bytes: Vec<u8>,
        rows: usize,
    },
}

impl Effect {
    /// Whether the screen must be drawn again.
    pub fn redraws(&self) -> bool {
        !matches!(self, Effect::None)
    }

    pub(super) fn redraw_if(changed: bool) -> Effect {
        if changed {
            Effect::Redraw
        } else {
            Effect::None
        }
    }
}

/// Everything the dashboard shows, and nothing it does not need.
pub struct App {
    pub(super) data: Arc<Loaded>,
    pub(super) panel: Panel,
    pub(super) lang: Lang,
    pub(super) theme: Theme,
    pub(super) overlay: Option<Overlay>,
    /// The open detail popup's lines, built once when it opens.
    pub(super) detail: Vec<Line<'static>>,
    /// The records the detail names, by line, and the one `Tab` selected.
    pub(super) detail_links: Vec<(usize, RecordRef)>,
    pub(super) detail_link: Option<usize>,
    /// The details a followed link leads from, with their scroll and
    /// selected link: `Esc` goes back to the last.
    pub(super) detail_back: Vec<(Target, u16, Option<usize>)>,
    /// How far the popup is scrolled (clamped when drawn).
    pub(super) popup_scroll: u16,
    /// Typing a filter into the current panel's list.
    pub(super) filtering: bool,
    pub(super) views: [ListView; Panel::ALL.len()],
    pub(super) category: CategoryFilter,
    /// How a watched article text is drafted on reload.
    pub(super) drafting: crate::data::draft::Options,
    /// Index into `provinces`, or `None` for every province.
    pub(super) province: Option<usize>,
    /// The provinces of the dataset's places, in first-seen order.
    pub(super) provinces: Vec<Text>,
    /// Each count's province, as an index into `provinces`; built the
    /// first time a province filter or the place sort needs it.
    pub(super) count_province: Vec<Option<usize>>,
    /// What rows are filtered by, built on first need.
    pub(super) search: Lazy,
    /// Event indices in date order (undated last): the Timeline's axis.
    pub(super) timeline: Vec<usize>,
    /// The dates of the timeline's dated events, in its order: what the
    /// axis searches, packed together rather than read from each event.
    pub(super) timeline_dates: Vec<Date>,
    /// The article's figures in reading order: the Article panel's rows.
    pub(super) spots: Vec<Spot>,
    /// The Overview's headline figures: indices of the largest counts of
    /// people, jobs and enterprises known on the as-of date.
    pub(super) headline: Vec<usize>,
    /// The dataset's dates: the report date, event dates, series.
    pub(super) chronology: Chronology,
    /// Whether some rate, and some count, has a series of two points or
    /// more: Rates and Workforce then make room for a chart.
    pub(super) charted: [bool; 2],
    /// The date the dashboard shows the data as of; `None` when the dataset
    /// has no dates at all.
    pub(super) as_of: Option<Date>,
    /// `w`: the selected row of a table shows every cell in full.
    pub(super) wrap: bool,
    /// The widest project name in Chinese, English and both, in cells.
    pub(super) project_names: [u16; 3],
    /// The day of the month `{` and `}` keep while they move the date.
    pub(super) month_day: Option<u8>,
    /// One line for the footer about the last action (what `y` copied, where
    /// the as-of date moved); cleared by the next key.
    pub(super) notice: Option<String>,
    /// `--no-clipboard`: `y` shows the citation instead of copying it.
    pub(super) no_clipboard: bool,
    /// The dataset file reloaded on a file change (`--watch`).
    pub(super) watch: Option<PathBuf>,
    /// The problems of the last reload; empty when the data on screen is current.
    pub(super) reload_errors: Vec<String>,
    /// The terminal's size, for mouse hit-testing and page sizes.
    pub(super) area: Rect,
    /// The last chart's points, kept between frames so that a frame costs
    /// what it shows, not the series' length (see [`App::chart_points`]).
    pub(super) chart: Mutex<Option<ChartMemo>>,
    /// The open popup's lines wrapped to its width, kept between frames:
    /// scrolling and redrawing a popup then cost what it shows.
    pub(super) popup_wrap: Mutex<Option<PopupMemo>>,
}

/// A popup's lines as wrapped, and what they were wrapped from.
pub(super) struct PopupMemo {
    width: u16,
    source: Vec<Line<'static>>,
    wrapped: Arc<[Line<'static>]>,
}

/// A chart's points and what they were made for.
pub(super) struct ChartMemo {
    key: (Kind, usize, usize, Option<Date>),
    points: Arc<[Point]>,
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
        timeline.sort_by_key(|&i| data.dataset.events[i].when.order_key());
        let timeline_dates = timeline
            .iter()
            .map_while(|&i| data.dataset.events[i].when.date)
            .collect();
        let chronology =
            Chronology::with_series(&data.dataset, std::sync::Arc::clone(&data.series));
        let as_of = chronology.default_date();
        let mut app = App {
            headline: chronology.headline(&data.dataset, as_of),
            charted: [Kind::Rate, Kind::Count].map(|k| data.series.may_chart(k)),
            chronology,
            as_of,
            month_day: None,
            wrap: false,
            project_names: [Lang::Zh, Lang::En, Lang::Both].map(|lang| {
                let widest = data
                    .dataset
                    .projects
                    .iter()
                    .map(|p| crate::text::width(&p.name.get(lang)))
                    .max()
                    .unwrap_or(0);
                u16::try_from(widest).unwrap_or(u16::MAX)
            }),
            notice: None,
            no_clipboard: false,
            timeline,
            timeline_dates,
            spots: content::article::spots(&data.dataset),
            data: Arc::new(data),
            panel: Panel::Overview,
            lang,
            theme,
            overlay: None,
            detail: Vec::new(),
            detail_links: Vec::new(),
            detail_link: None,
            detail_back: Vec::new(),
            popup_scroll: 0,
            filtering: false,
            views: Default::default(),
            category: CategoryFilter::People,
            drafting: crate::data::draft::Options::default(),
            province: None,
            provinces,
            count_province: Vec::new(),
            search: Lazy::default(),
            watch: None,
            reload_errors: Vec::new(),
            area: Rect::new(0, 0, 120, 40),
            chart: Mutex::new(None),
            popup_wrap: Mutex::new(None),
        };
        for p in Panel::ALL {
            app.rebuild(p);
        }
        app
    }

    /// `--no-clipboard`: `y` shows the citation in a popup instead.
    /// How the watched file is drafted when it is an article's text.
    pub fn drafting(mut self, opts: crate::data::draft::Options) -> App {
        self.drafting = opts;
        self
    }

    /// How the watched file is drafted when it is an article's text.
    pub fn draft_options(&self) -> &crate::data::draft::Options {
        &self.drafting
    }

    pub fn without_clipboard(mut self, off: bool) -> App {
        self.no_clipboard = off;
        self
    }

    /// `--watch`: a file change reloads `path`.
    pub fn watching(mut self, path: Option<PathBuf>) -> App {
        self.watch = path;
        self
    }

    /// `--as-of`: shows the data as known on `d` (`None`: the dataset's
    /// own default, its latest reported date).
    pub fn with_as_of(mut self, d: Option<Date>) -> App {
        if d.is_some() {
            self.set_as_of(d);
        }
        self
    }

    /// Builds the search text on another thread, so the first filter
    /// keystroke finds it ready. The dashboard calls this after its first
    /// frame; `snapshot` never needs it.
    pub fn prepare_search(&mut self) {
        self.search.prepare(&self.data);
    }

    pub fn data(&self) -> &Loaded {
        &self.data
    }

    pub fn panel(&self) -> Panel {
        self.panel
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the selected row of a table shows its cut cells in full.
    pub fn wrap(&self) -> bool {
        self.wrap
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn popup_scroll(&self) -> u16 {
        self.popup_scroll
    }

    pub fn view(&self, panel: Panel) -> &ListView {
        &self.views[panel.index()]
    }

    pub fn category(&self) -> &CategoryFilter {
        &self.category
    }

    /// The province the Workforce panel is filtered by, if any.
    pub fn province(&self) -> Option<&Text> {
        self.province.and_then(|i| self.provinces.get(i))
    }

    pub fn provinces(&self) -> &[Text] {
        &self.provinces
    }

    /// Event indices in date order, undated last.
    pub fn timeline(&self) -> &[usize] {
        &self.timeline
    }

    /// The dates of the timeline's dated events (its first part), in order.
    pub fn timeline_dates(&self) -> &[Date] {
        &self.timeline_dates
    }

    /// The article's figures in reading order (the Article panel's rows
    /// index these).
    pub fn spots(&self) -> &[Spot] {
        &self.spots
    }

    /// The Overview's headline figures (count indices), largest first.
    pub fn headline(&self) -> &[usize] {
        &self.headline
    }

    pub fn chronology(&self) -> &Chronology {
        &self.chronology
    }

    pub fn as_of(&self) -> Option<Date> {
        self.as_of
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    pub fn watched(&self) -> Option<&Path> {
        self.watch.as_deref()
    }

    pub fn reload_errors(&self) -> &[String] {
        &self.reload_errors
    }

    pub fn area(&self) -> Rect {
        self.area
    }

    /// What content is made from: the data as this app shows it.
    /// Record `i`'s series to draw `columns` wide, as of the as-of date
    /// ([`content::series::chart_points`]): made once for a selection, a
    /// width and a date, then reused while they stay. The memo is the only
    /// state drawing touches, and it holds nothing drawing does not
    /// recompute the same.
    pub fn chart_points(&self, kind: Kind, i: usize, columns: usize) -> Arc<[Point]> {
        let key = (kind, i, columns, self.as_of);
        let mut memo = self.chart.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(m) = memo.as_ref().filter(|m| m.key == key) {
            return Arc::clone(&m.points);
        }
        let points: Arc<[Point]> =
            content::series::chart_points(&self.ctx(), kind, i, columns).into();
        *memo = Some(ChartMemo {
            key,
            points: Arc::clone(&points),
        });
        points
    }

    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            data: &self.data,
            chronology: &self.chronology,
            as_of: self.as_of,
            lang: self.lang,
            theme: &self.theme,
        }
    }

    /// What the layout depends on.
    pub fn shape(&self) -> Shape {
        Shape {
            area: self.area,
            panel: self.panel,
            lang: self.lang,
            overview_rows: self.view(Panel::Overview).rows.len(),
            headlines: self.headline.len(),
            alert: !self.reload_errors.is_empty(),
            charted: match self.panel {
                Panel::Rates | Panel::Overview => self.charted[0],
                Panel::Workforce => self.charted[1],
                _ => false,
            },
            project_names: self.project_names[match self.lang {
                Lang::Zh => 0,
                Lang::En => 1,
                Lang::Both => 2,
            }],
        }
    }

    pub fn mode(&self) -> Mode {
        match self.overlay {
            Some(Overlay::Detail { .. }) => Mode::Detail,
            Some(_) => Mode::Popup,
            None if self.filtering => Mode::Filtering,
            None => Mode::Normal,
        }
    }

    pub fn sort_key(&self, panel: Panel) -> SortKey {
        let keys = panel.sort_keys();
        keys[self.view(panel).sort % keys.len()]
    }

    /// The open popup's content.
    pub fn popup(&self) -> Option<Popup<'_>> {
        let ctx = self.ctx();
        Some(match self.overlay.as_ref()? {
            Overlay::Help => Popup::help(&ctx),
            Overlay::Detail { .. } => Popup::detail(
                &ctx,
                &self.detail,
                self.detail_link
                    .and_then(|k| self.detail_links.get(k))
                    .map(|&(line, _)| line),
                self.detail_back.len(),
            ),
            Overlay::Citation(text) => Popup::citation(&ctx, text),
            Overlay::Errors => Popup::errors(&ctx, &self.reload_errors),
        })
    }

    /// The open popup as drawn in `body`: its content, its rectangle, and
    /// its lines wrapped to fit ([`layout::popup`]). The wrapped lines are
    /// kept while the content and the width stay the same, the way
    /// [`App::chart_points`] keeps a chart's.
    pub fn popup_in(&self, body: Rect) -> Option<(Popup<'_>, Rect, Arc<[Line<'static>]>)> {
        let content = self.popup()?;
        let width = layout::popup_wrap_width(body, content.width);
        let mut memo = self.popup_wrap.lock().unwrap_or_else(|e| e.into_inner());
        let wrapped = match memo.as_ref() {
            Some(m) if m.width == width && *m.source == *content.lines => Arc::clone(&m.wrapped),
            _ => {
                let wrapped: Arc<[Line<'static>]> = text::wrap(&content.lines, width).into();
                *memo = Some(PopupMemo {
                    width,
                    source: content.lines.to_vec(),
                    wrapped: Arc::clone(&wrapped),
                });
                wrapped
            }
        };
        drop(memo);
        let rect = layout::popup_rect(body, content.width, wrapped.len());
        Some((content, rect, wrapped))
    }

    /// What the open popup clears of the screen when it is drawn (nothing
    /// without one): what is drawn there before it is never seen.
    pub fn popup_cleared(&self) -> Rect {
        if self.overlay.is_none() {
            return Rect::default();
        }
        let body = layout::regions(&self.shape()).body;
        self.popup_in(body)
            .map_or_else(Rect::default, |(_, rect, _)| {
                layout::popup_cleared(body, rect)
            })
    }

    /// The furthest the open popup can scroll at the current size.
    pub fn popup_max_scroll(&self) -> u16 {
        let body = layout::regions(&self.shape()).body;
        let Some((_, rect, wrapped)) = self.popup_in(body) else {
            return 0;
        };
        layout::popup_max_scroll(rect, wrapped.len())
    }

    /// How many rows the current panel's list shows.
    pub fn list_height(&self) -> usize {
        usize::from(layout::regions(&self.shape()).list.height)
    }

    /// The selected record as one line with its source, in the current
    /// language; in both languages the Chinese sentence, then the English,
    /// on two lines.
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
}
