//! `--watch`: the event loop reads the watched file (see
//! [`Effect::Reload`]) and hands the result here.

use super::state::{App, Effect, Overlay};
use super::view::ListView;
use crate::data::{Invalid, Loaded};
use crate::panel::Panel;

impl App {
    /// Takes a reload's result. A valid file replaces the data, keeping
    /// each panel's selection on the same record where its id still exists;
    /// an invalid or missing one keeps the last good data and records why.
    pub fn reloaded(&mut self, result: Result<Loaded, Invalid>) -> Effect {
        match result {
            Ok(data) => {
                // A date the user moved to stays; the default follows the data.
                let moved = (self.as_of != self.chronology.default_date()).then_some(self.as_of);
                let kept: Vec<Option<String>> =
                    Panel::ALL.iter().map(|&p| self.selected_id(p)).collect();
                let province = self.province().map(|t| t.zh.clone());
                // The new data's search text is built ahead as the old was,
                // so the next filter keystroke does not wait for it.
                let searched = self.search.started();
                let views = std::mem::take(&mut self.views);
                *self = App {
                    watch: self.watch.take(),
                    area: self.area,
                    panel: self.panel,
                    lang: self.lang,
                    no_clipboard: self.no_clipboard,
                    overlay: match self.overlay.take() {
                        // A detail's record may have moved or gone: close it.
                        Some(Overlay::Detail { .. } | Overlay::Citation(_)) | None => None,
                        // A popup the user opened stays until they close it
                        // (the errors one then says the file is valid again),
                        // so their next Esc does not quit instead.
                        Some(o @ (Overlay::Help | Overlay::Errors)) => Some(o),
                    },
                    filtering: self.filtering,
                    category: self.category.clone(),
                    ..App::new(data, self.lang, self.theme)
                }
                .with_views_from(&views, province);
                if let Some(d) = moved {
                    self.set_as_of(d);
                }
                if searched {
                    self.prepare_search();
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
                // The error's line above the footer takes one from the list.
                self.keep_selection_visible();
            }
        }
        Effect::Redraw
    }

    /// Carries filters, sorts and the province over from the old views.
    fn with_views_from(mut self, old: &[ListView], province: Option<String>) -> App {
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
}
