//! [`App::update`]: the only place the dashboard's state changes. It reads
//! nothing from outside; what must be done outside (copy, suspend, quit,
//! read the watched file) comes back as an [`Effect`].

use ratatui::layout::{Position, Rect};
use time::Date;

use super::state::{App, Effect, InTmux, Overlay};
use crate::content::{self, Target, as_of_text};
use crate::data::{EventStatus, Lang};
use crate::export::{self, What};
use crate::input::Action;
use crate::layout;
use crate::panel::{Collection, Panel, SortKey};

impl App {
    /// Applies an action; says what the event loop must do next.
    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Resize(w, h) => {
                let changed = self.area.width != w || self.area.height != h;
                self.area = Rect::new(0, 0, w, h);
                self.keep_selection_visible();
                return Effect::redraw_if(changed);
            }
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::Click(x, y) => return Effect::redraw_if(self.click(x, y)),
            Action::FileChanged => {
                return self.watch.clone().map_or(Effect::None, Effect::Reload);
            }
            Action::Scroll(x, y, delta) => return Effect::redraw_if(self.scroll(x, y, delta)),
            _ => {}
        }
        // Nothing is shown but "too small": act on nothing unseen.
        if layout::too_small(self.area) {
            return Effect::None;
        }
        // A notice lasts until the next key.
        let cleared = self.notice.take().is_some();
        match self.key(action) {
            Effect::None if cleared => Effect::Redraw,
            e => e,
        }
    }

    /// Applies a key's action.
    fn key(&mut self, action: Action) -> Effect {
        if let (Some(Overlay::Detail { target }), Action::Copy) = (&self.overlay, action) {
            let target = *target;
            return self.copy(target);
        }
        if self.overlay.is_some() {
            return Effect::redraw_if(self.popup_key(action));
        }
        if self.filtering {
            return Effect::redraw_if(self.filter_key(action));
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
                None => return Effect::None,
            },
            Action::Back => {
                // Nothing to close or clear: Esc never quits, so a user
                // backing out of a popup with one Esc too many stays.
                if self.view(self.panel).filter.is_empty() {
                    let lang = self.lang.prose();
                    let note =
                        lang.pick("没有可关闭的内容；按 q 退出", "nothing to close; q quits");
                    self.notice = Some(note.to_string());
                    return Effect::Redraw;
                }
                let v = self.view_mut();
                v.last_filter = std::mem::take(&mut v.filter);
                self.rebuild(self.panel);
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
                    if matches!(self.sort_key(p), SortKey::Label | SortKey::Place) {
                        self.rebuild(p);
                    }
                }
            }
            Action::ToggleHelp => self.open(Overlay::Help),
            Action::ShowErrors => {
                if self.reload_errors.is_empty() {
                    // Say why nothing opens.
                    let lang = self.lang.prose();
                    let why = if self.watch.is_none() {
                        lang.pick(
                            "e 列出重新加载的问题；需以 --data 文件 --watch 启动",
                            "e lists reload problems: start with --data FILE --watch",
                        )
                    } else {
                        lang.pick(
                            "没有重新加载的问题：屏幕上是最新数据",
                            "no reload problems: the data on screen is current",
                        )
                    };
                    self.notice = Some(why.to_string());
                    return Effect::Redraw;
                }
                self.open(Overlay::Errors);
            }
            Action::CycleProvince => {
                // The next province with a count of the category, then all.
                let from = self.province.map_or(0, |i| i + 1);
                self.province = Some(0);
                self.need_provinces(Panel::Workforce);
                let counts = &self.data.dataset.counts;
                let has = |k: usize| {
                    counts.iter().enumerate().any(|(i, c)| {
                        self.category.admits(&c.category)
                            && self.count_province.get(i).copied().flatten() == Some(k)
                    })
                };
                self.province = (from..self.provinces.len()).find(|&k| has(k));
                self.rebuild(Panel::Workforce);
            }
            Action::CycleCategory => {
                self.category = self
                    .category
                    .next(&super::view::categories_of(&self.data.dataset.counts));
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
                    return Effect::Redraw;
                }
            },
            Action::ExportView => return self.export_view(),
            Action::ToggleWrap => {
                self.wrap = !self.wrap;
                let lang = self.lang.prose();
                let note = match self.wrap {
                    true => lang.pick(
                        "折行：选中行显示完整；再按 w 恢复",
                        "wrap: the selected row shows in full; w again to undo",
                    ),
                    false => lang.pick("不折行", "no wrap"),
                };
                self.notice = Some(note.to_string());
            }
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::FilterChar(_)
            | Action::ClosePopup
            | Action::NextLink
            | Action::PrevLink
            | Action::FilterBackspace
            | Action::FilterDone
            | Action::Quit
            | Action::Resize(..)
            | Action::FileChanged
            | Action::Suspend
            | Action::Click(..)
            | Action::Scroll(..) => return Effect::None,
        }
        self.keep_selection_visible();
        Effect::Redraw
    }

    /// A key in a popup: every popup scrolls, within its content at the
    /// current size. Returns whether anything changed.
    fn popup_key(&mut self, action: Action) -> bool {
        if matches!(self.overlay, Some(Overlay::Detail { .. })) && self.link_key(action) {
            return true;
        }
        let max = self.popup_max_scroll();
        let s = self.popup_scroll.min(max);
        self.popup_scroll = match action {
            Action::Back | Action::ClosePopup | Action::ToggleHelp | Action::Open => {
                self.overlay = None;
                self.detail = Vec::new();
                self.detail_links = Vec::new();
                self.detail_link = None;
                self.detail_back = Vec::new();
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
        true
    }

    /// A detail's links: `Tab` selects the next record it names (scrolled
    /// into view), `Enter` opens it, and `Esc` comes back to the detail it
    /// was opened from. Returns whether it took the key.
    fn link_key(&mut self, action: Action) -> bool {
        let n = self.detail_links.len();
        match action {
            Action::NextLink | Action::PrevLink if n > 0 => {
                self.detail_link = Some(match (self.detail_link, action) {
                    (None, Action::NextLink) => 0,
                    (None, _) => n - 1,
                    (Some(k), Action::NextLink) => (k + 1) % n,
                    (Some(k), _) => (k + n - 1) % n,
                });
                self.scroll_to_link();
                true
            }
            Action::Open => {
                let Some(&(_, r)) = self.detail_link.and_then(|k| self.detail_links.get(k)) else {
                    return false;
                };
                let Some(Overlay::Detail { target }) = self.overlay else {
                    return false;
                };
                self.detail_back
                    .push((target, self.popup_scroll, self.detail_link));
                let back = std::mem::take(&mut self.detail_back);
                self.open(Overlay::Detail {
                    target: Target::Record(r),
                });
                self.detail_back = back;
                true
            }
            Action::Back => {
                let Some((target, scroll, link)) = self.detail_back.pop() else {
                    return false;
                };
                let back = std::mem::take(&mut self.detail_back);
                self.open(Overlay::Detail { target });
                self.detail_back = back;
                self.popup_scroll = scroll;
                self.detail_link = link;
                true
            }
            _ => false,
        }
    }

    /// Scrolls the detail so that its selected link's line is in view.
    fn scroll_to_link(&mut self) {
        let Some(&(line, _)) = self.detail_link.and_then(|k| self.detail_links.get(k)) else {
            return;
        };
        let Some(content) = self.popup() else { return };
        let body = layout::regions(&self.shape()).body;
        let (row, visible) = layout::popup_row(body, &content, line);
        let visible = visible.max(1);
        if row < self.popup_scroll {
            self.popup_scroll = row;
        } else if row >= self.popup_scroll + visible {
            self.popup_scroll = row + 1 - visible;
        }
    }

    /// A key while typing a filter. Returns whether anything changed.
    fn filter_key(&mut self, action: Action) -> bool {
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
        true
    }

    /// Moves the as-of date to `to`, or says why it cannot (`edge`: Chinese,
    /// English).
    fn move_as_of(&mut self, to: Option<Date>, edge: (&'static str, &'static str)) -> Effect {
        let lang = self.lang.prose();
        let Some(d) = to else {
            self.notice = Some(lang.pick(edge.0, edge.1).to_string());
            return Effect::Redraw;
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
                    EventStatus::Planned => format!("{}{label}", lang.pick("到期：", "due: ")),
                    EventStatus::Done => label.into_owned(),
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
        Effect::Redraw
    }

    /// Moves the as-of date by `months`, keeping the day of the month the
    /// moves started from, so that `{` then `}` comes back to the same date.
    fn move_months(&mut self, months: i32, edge: (&'static str, &'static str)) -> Effect {
        let Some(d) = self.as_of else {
            return self.move_as_of(None, ("数据集没有日期", "the dataset has no dates"));
        };
        let day = self.month_day.unwrap_or(d.day());
        let effect = self.move_as_of(self.chronology.shift_months(d, months, day), edge);
        self.month_day = Some(day);
        effect
    }

    /// Shows the data as known on `d`: the Overview's gauges and headline
    /// figures are the latest known then. Nothing in the data changes.
    pub(super) fn set_as_of(&mut self, d: Option<Date>) {
        self.as_of = d;
        self.month_day = None;
        self.headline = self.chronology.headline(&self.data.dataset, d);
        self.rebuild(Panel::Overview);
        // Statuses are computed against the date.
        if self.sort_key(Panel::Timeline) == SortKey::Status {
            self.rebuild(Panel::Timeline);
        }
    }

    /// `y`: the citation for the clipboard, said in the footer; with
    /// `--no-clipboard`, only shown.
    /// The panel's rows as its list shows them (filtered, sorted) as CSV,
    /// for `term` to write; the Article's figures are not a table.
    fn export_view(&mut self) -> Effect {
        let lang = self.lang.prose();
        let what = match self.panel.collection() {
            Collection::Rates => What::Rates,
            Collection::Counts => What::Counts,
            Collection::Events => What::Events,
            Collection::Projects => What::Projects,
            Collection::Checks => What::Checks,
            Collection::Figures => {
                self.notice = Some(
                    lang.pick(
                        "原文不是表格：x 可在其他面板导出",
                        "the article is not a table: x exports the other panels",
                    )
                    .to_string(),
                );
                return Effect::Redraw;
            }
        };
        let order = &self.view(self.panel).rows;
        let rows = export::rows_of(&self.data, what, order, self.as_of);
        let mut bytes = Vec::new();
        if export::write(what, &rows, export::Format::Csv, &mut bytes).is_err() {
            self.notice = Some(lang.pick("导出失败", "the export failed").to_string());
            return Effect::Redraw;
        }
        let date = self.as_of.map(crate::fmt::iso).unwrap_or_default();
        let name = format!(
            "fugong-{}{}{date}.csv",
            what.name(),
            if date.is_empty() { "" } else { "-" }
        );
        Effect::Export {
            name,
            bytes,
            rows: rows.len(),
        }
    }

    /// What became of an export: the footer says where it went, or why not.
    pub fn exported(&mut self, result: Result<(String, usize), String>) -> Effect {
        let lang = self.lang.prose();
        self.notice = Some(match result {
            Ok((name, 1)) => lang
                .pick("已导出 1 行到 {name}", "wrote 1 row to {name}")
                .replace("{name}", &name),
            Ok((name, n)) => lang
                .pick("已导出 {n} 行到 {name}", "wrote {n} rows to {name}")
                .replace("{n}", &n.to_string())
                .replace("{name}", &name),
            Err(e) => format!("{}: {e}", lang.pick("导出失败", "export failed")),
        });
        Effect::Redraw
    }

    /// What the footer says once `term` knows where a copy inside tmux
    /// went: tmux passes OSC 52 on to the terminal unless its
    /// `set-clipboard` is off, and only a paste buffer is sure.
    pub fn copied_in_tmux(&mut self, text: &str, tmux: InTmux) -> Effect {
        let lang = self.lang.prose();
        let shown = text.replace('\n', " / ");
        let off = tmux.set_clipboard == "off";
        let said = match (&tmux.buffer, off) {
            (Ok(()), false) => lang
                .pick(
                    "已复制，在 tmux 缓冲区并转给终端剪贴板",
                    "copied: in tmux's buffer, and sent on to the terminal's clipboard",
                )
                .to_string(),
            (Ok(()), true) => lang
                .pick(
                    "仅在 tmux 缓冲区（tmux 的 set-clipboard 为 off；前缀键 ] 粘贴）",
                    "in tmux's buffer only (tmux's set-clipboard is off; prefix ] pastes)",
                )
                .to_string(),
            (Err(e), false) => match lang {
                Lang::Zh => format!("已经 tmux 转给终端剪贴板，未放入 tmux 缓冲区（{e}）"),
                _ => format!(
                    "sent on to the terminal's clipboard by tmux; not in tmux's buffer ({e})"
                ),
            },
            (Err(e), true) => {
                self.notice = Some(match lang {
                    Lang::Zh => {
                        format!("未复制：tmux 的 set-clipboard 为 off，放入缓冲区也失败（{e}）")
                    }
                    _ => format!(
                        "not copied: tmux's set-clipboard is off and tmux load-buffer failed ({e})"
                    ),
                });
                return Effect::Redraw;
            }
        };
        self.notice = Some(format!("{said}: {shown}"));
        Effect::Redraw
    }

    fn copy(&mut self, target: Target) -> Effect {
        let lang = self.lang.prose();
        let Some(text) = self.citation(target) else {
            self.notice = Some(lang.pick("没有可复制的内容", "nothing to copy").to_string());
            return Effect::Redraw;
        };
        if self.no_clipboard {
            // The footer is one line: show the whole citation in a popup.
            self.open(Overlay::Citation(text));
            return Effect::Redraw;
        }
        let shown = text.replace('\n', " / ");
        self.notice = Some(format!("{}: {shown}", lang.pick("已复制", "copied")));
        Effect::Copy(text)
    }

    fn open(&mut self, overlay: Overlay) {
        let d = match overlay {
            Overlay::Detail { target } => content::detail::detail(&self.ctx(), target),
            _ => content::detail::Detail::default(),
        };
        self.detail = d.lines;
        self.detail_links = d.links;
        self.detail_link = None;
        self.detail_back = Vec::new();
        self.overlay = Some(overlay);
        self.popup_scroll = 0;
    }

    fn click(&mut self, x: u16, y: u16) -> bool {
        let pos = Position::new(x, y);
        if self.overlay.is_some() {
            return false;
        }
        let regions = layout::regions(&self.shape());
        if let Some((panel, ..)) = regions.tabs.iter().find(|(_, r, _)| r.contains(pos)) {
            self.panel = *panel;
            self.keep_selection_visible();
            return true;
        }
        // The article's lines are not its rows: a click there selects nothing.
        if regions.list.contains(pos) && self.panel.collection() != Collection::Figures {
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
        let regions = layout::regions(&self.shape());
        if !regions.list.contains(Position::new(x, y)) {
            return false;
        }
        self.view_mut().step(isize::from(delta) * 3);
        self.keep_selection_visible();
        true
    }
}
