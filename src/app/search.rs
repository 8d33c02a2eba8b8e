//! What rows are filtered and sorted by: each record's text, lower-cased.

use std::sync::Arc;

use crate::data::{Lang, Loaded, RecordRef};
use crate::panel::Collection;

/// What each record is filtered by — its labels, its figure as written and
/// as shown, its dates, and the names of its organisation and place —
/// lower-cased once per dataset so a keystroke does no allocation per row.
/// Built when first needed (the first filter keystroke or label sort), or
/// in the background once the dashboard is on screen: never before the
/// first frame.
/// Organisation and place names are kept once each and shared by reference,
/// not copied into every record's text.
#[derive(Debug, Default)]
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
    /// Each rate's, count's, event's and project's Chinese label as a
    /// pinyin sort key (`text::collate`), made the first time a list is
    /// sorted by label in Chinese.
    pinyin: [std::sync::OnceLock<Vec<Box<str>>>; 4],
}

/// A record's organisation and place, as indices into [`Search`]'s names.
#[derive(Debug, Clone, Copy, Default)]
struct Where {
    organisation: Option<u32>,
    place: Option<u32>,
}

impl Search {
    pub fn new(data: &Loaded) -> Search {
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
                    // Its people, by name and role, so a filter finds it by them.
                    let people: Vec<String> = crate::content::people_of(data, p)
                        .iter()
                        .map(|x| format!("{}\u{1f}{}", text(&x.name), text(&x.role)))
                        .collect();
                    lower(&[
                        &text(&p.name),
                        &text(&p.summary),
                        &org,
                        &place,
                        &members.join("\u{1f}"),
                        &people.join("\u{1f}"),
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
            pinyin: Default::default(),
        }
    }

    /// Whether a record's own text, or its organisation's or place's names,
    /// contain `needle`.
    fn matches_at(&self, own: &str, at: Where, needle: &str) -> bool {
        let name = |names: &[String], i: Option<u32>| {
            i.and_then(|i| names.get(usize::try_from(i).ok()?))
                .is_some_and(|n| n.contains(needle))
        };
        own.contains(needle)
            || name(&self.organisations, at.organisation)
            || name(&self.places, at.place)
    }

    /// Row `i`'s organisation and place (its own, else its organisation's),
    /// as indices into the dataset's lists; `None` for a collection
    /// without them.
    pub fn whereabouts(&self, c: Collection, i: usize) -> Option<(Option<usize>, Option<usize>)> {
        let w = match c {
            Collection::Rates => self.rate_where.get(i)?,
            Collection::Counts => self.count_where.get(i)?,
            Collection::Events => self.event_where.get(i)?,
            _ => return None,
        };
        let at = |x: Option<u32>| x.and_then(|x| usize::try_from(x).ok());
        Some((at(w.organisation), at(w.place)))
    }

    /// Whether row `i` of a collection contains `needle` (lower-cased) in
    /// its text, or its organisation's or place's names.
    pub fn matches(&self, data: &Loaded, c: Collection, i: usize, needle: &str) -> bool {
        match c {
            Collection::Rates => self.matches_at(&self.rates[i], self.rate_where[i], needle),
            Collection::Counts => self.matches_at(&self.counts[i], self.count_where[i], needle),
            Collection::Events => self.matches_at(&self.events[i], self.event_where[i], needle),
            Collection::Projects => self.projects[i].contains(needle),
            // Filtered by their paragraphs instead (see `App::admits`).
            Collection::Figures => false,
            Collection::Checks => {
                let c = &data.checks[i];
                let own = match &self.checks[i] {
                    Some(lower) => lower.contains(needle),
                    None => {
                        c.formula.zh.contains(needle)
                            || c.formula.en.contains(needle)
                            || c.subject.contains(needle)
                    }
                };
                own || match self.check_subject[i] {
                    Some(RecordRef::Rate(r)) => self.rates[r].contains(needle),
                    Some(RecordRef::Count(c)) => self.counts[c].contains(needle),
                    Some(RecordRef::Event(e)) => self.events[e].contains(needle),
                    Some(RecordRef::Project(p)) => self.projects[p].contains(needle),
                    _ => false,
                }
            }
        }
    }

    /// The text a row sorts by: its label in `lang`, lower-cased in
    /// English; else its Chinese label's pinyin key (重庆 as chóngqìng). It is a slice of the row's search text,
    /// which begins with the Chinese and the English label, lower-cased and
    /// separated by U+001F.
    pub fn label_key<'a>(
        &'a self,
        data: &'a Loaded,
        c: Collection,
        i: usize,
        lang: Lang,
    ) -> &'a str {
        let (texts, slot) = match c {
            Collection::Rates => (&self.rates, 0),
            Collection::Counts => (&self.counts, 1),
            Collection::Events => (&self.events, 2),
            Collection::Projects => (&self.projects, 3),
            Collection::Checks => return &data.checks[i].subject,
            // Listed in reading order only.
            Collection::Figures => return "",
        };
        let field = |t: &'a String, n: usize| t.split('\u{1f}').nth(n).unwrap_or_default();
        if lang == Lang::En {
            return field(&texts[i], 1);
        }
        let keys = self.pinyin[slot].get_or_init(|| {
            texts
                .iter()
                .map(|t| crate::text::collate::key(field(t, 0)).into_boxed_str())
                .collect()
        });
        &keys[i]
    }
}

/// The search text, built on first need: in the background when asked
/// ahead, else at once.
#[derive(Debug, Default)]
pub struct Lazy {
    ready: Option<Search>,
    building: Option<std::thread::JoinHandle<Search>>,
}

impl Lazy {
    /// Starts building in the background, if nothing is built or building.
    pub fn prepare(&mut self, data: &Arc<Loaded>) {
        if self.ready.is_none() && self.building.is_none() {
            let data = Arc::clone(data);
            self.building = Some(std::thread::spawn(move || Search::new(&data)));
        }
    }

    /// The search text, waiting for or doing the build if needed.
    pub fn get(&mut self, data: &Loaded) -> &Search {
        let building = &mut self.building;
        self.ready.get_or_insert_with(|| {
            // A build that failed is done again here.
            building
                .take()
                .and_then(|h| h.join().ok())
                .unwrap_or_else(|| Search::new(data))
        })
    }

    /// Whether the text is built or being built.
    pub fn started(&self) -> bool {
        self.ready.is_some() || self.building.is_some()
    }

    /// The search text if it is built.
    pub fn ready(&self) -> Option<&Search> {
        self.ready.as_ref()
    }
}
