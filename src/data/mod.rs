//! The dataset: read, parse, sanitize and check once, then read-only.
//!
//! A module imports only modules to its left, never one to its right:
//! `fmt` (the crate's, a leaf) ← `sanitize` ← `figure` ← `model` ← `scan`
//! ← `show` ← `index` ← `series` ← `load` ← `check` ← `draft` ← `asof` ← this one,
//! which ties them together. `model` is the types alone; `show` is how
//! they read; `scan` finds the figures of a text, which `check` (its
//! coverage) and `draft` (a dataset from an article) both need.

pub mod asof;
pub mod check;
pub mod draft;
pub mod figure;
pub mod index;
pub mod load;
pub mod model;
pub mod sanitize;
pub mod scan;
pub mod series;
mod shape;
mod show;

use std::path::Path;

pub use check::{CheckKind, CheckResult};
pub use index::{Index, Item, Record, RecordRef};
pub use load::ArticleFile;
pub use model::*;

/// The article's dataset, embedded so the binary runs from any folder.
pub const EMBEDDED: &str = include_str!("../../assets/dataset.json");

/// A dataset that passed every check, with its id index and the checks it passed.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub dataset: Dataset,
    pub index: Index,
    /// Records of one figure over time (see [`series`]).
    pub series: std::sync::Arc<series::Series>,
    pub checks: Vec<CheckResult>,
    /// Figures of the article's text that no record carries (and the
    /// dataset does not explain in `source.unrecorded`): warnings, not errors.
    pub warnings: Vec<String>,
    /// Drafted in memory from an article's text, not a curated dataset.
    pub drafted: bool,
}

/// Every problem found in a dataset, one line each.
#[derive(Debug, Clone)]
pub struct Invalid {
    /// Where the data came from: a path, or "embedded dataset".
    pub origin: String,
    pub problems: Vec<String>,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.problems.as_slice() {
            [one] => write!(f, "{}: {one}", self.origin),
            many => write!(f, "{}: {} problems", self.origin, many.len()),
        }
    }
}

impl std::error::Error for Invalid {}

/// Parses (cleaning every string as it reads) and checks a dataset's text.
pub fn load_str(text: &str, origin: &str) -> Result<Loaded, Invalid> {
    finish(parse(text, origin)?, origin, None)
}

/// Parses a dataset's text; a problem names its origin.
fn parse(text: &str, origin: &str) -> Result<Dataset, Invalid> {
    load::parse_all(text).map_err(|problems| Invalid {
        origin: origin.to_string(),
        problems,
    })
}

/// Checks a parsed dataset, its strings already cleaned by the parse; its
/// quotes against `article` when given, else against its own text.
fn finish(
    dataset: Dataset,
    origin: &str,
    article: Option<&ArticleFile>,
) -> Result<Loaded, Invalid> {
    let invalid = |problems| Invalid {
        origin: origin.to_string(),
        problems,
    };
    let report = check::check_against(&dataset, article);
    if !report.problems.is_empty() {
        return Err(invalid(report.problems));
    }
    Ok(Loaded {
        drafted: dataset.source.drafted,
        dataset,
        index: report.index,
        series: std::sync::Arc::new(report.series),
        checks: report.checks,
        warnings: report.warnings,
    })
}

/// Reads and loads a dataset file; an article's text (see
/// [`is_article`]) is drafted in memory.
pub fn load_path(path: &Path) -> Result<Loaded, Invalid> {
    load_path_with(path, &draft::Options::default())
}

/// As [`load_path`], drafting an article's text with `opts`.
pub fn load_path_with(path: &Path, opts: &draft::Options) -> Result<Loaded, Invalid> {
    load_path_against(path, None, opts)
}

/// Whether a file's text is an article to draft rather than a dataset: a
/// `.txt`, `.text` or `.md` file; never a `.json` one; otherwise a text
/// that does not start as JSON does (`{`, `[` or `"`).
pub fn is_article(path: &Path, text: &str) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("txt" | "text" | "md") => return true,
        Some("json") => return false,
        _ => {}
    }
    let first = text
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .chars()
        .next();
    first.is_some_and(|c| !matches!(c, '{' | '[' | '"'))
}

/// Drafts an article's text into a dataset and checks it.
pub fn load_draft(text: &str, origin: &str, opts: &draft::Options) -> Result<Loaded, Invalid> {
    let invalid = |p: String| Invalid {
        origin: origin.to_string(),
        problems: vec![p],
    };
    let dataset = draft::draft(text, opts).map_err(invalid)?;
    let mut loaded = finish(dataset, origin, None)?;
    loaded.drafted = true;
    Ok(loaded)
}

/// Reads and loads a dataset file, checked against `article` when given.
fn load_path_against(
    path: &Path,
    article: Option<&ArticleFile>,
    opts: &draft::Options,
) -> Result<Loaded, Invalid> {
    let origin = sanitize::clean(&path.display().to_string()).into_owned();
    let text = load::read_file(path).map_err(|p| Invalid {
        origin: origin.clone(),
        problems: vec![p.trim_start_matches(&format!("{origin}: ")).to_string()],
    })?;
    if article.is_none() && is_article(path, &text) {
        let mut opts = opts.clone();
        if opts.title.is_empty() {
            opts.title = path
                .file_stem()
                .map(|s| sanitize::clean(&s.to_string_lossy()).into_owned())
                .unwrap_or_default();
        }
        return load_draft(&text, &origin, &opts);
    }
    let dataset = parse(&text, &origin)?;
    // The text can be as large as the dataset: let it go before checking.
    drop(text);
    finish(dataset, &origin, article)
}

/// Loads the embedded dataset, or the file at `path`.
pub fn load(path: Option<&Path>) -> Result<Loaded, Invalid> {
    load_with(path, &draft::Options::default())
}

/// Loads the embedded dataset, or the file at `path`, drafting an
/// article's text with `opts`.
pub fn load_with(path: Option<&Path>, opts: &draft::Options) -> Result<Loaded, Invalid> {
    match path {
        Some(p) => load_path_with(p, opts),
        None => load_str(EMBEDDED, "embedded dataset"),
    }
}

/// Loads the embedded dataset, or the file at `path`, with its quotes
/// checked against `article` instead of the text the dataset carries, and
/// that text, if any, against `article` paragraph by paragraph
/// (`check --article`). Every other check is as [`load`]'s.
pub fn load_against(path: Option<&Path>, article: &ArticleFile) -> Result<Loaded, Invalid> {
    match path {
        Some(p) => load_path_against(p, Some(article), &draft::Options::default()),
        None => {
            let origin = "embedded dataset";
            finish(parse(EMBEDDED, origin)?, origin, Some(article))
        }
    }
}

impl Loaded {
    /// The record `r` points at: its id, label, source, date, organisation
    /// and place, whatever its kind (see [`Record`]). `None` when `r` is not
    /// a record of this dataset.
    pub fn record(&self, r: RecordRef) -> Option<Record<'_>> {
        Record::of(&self.dataset, r)
    }

    /// The record an id names, if any.
    pub fn record_by_id(&self, id: &str) -> Option<Record<'_>> {
        self.record(self.index.get(id)?)
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        match self.index.get(id)? {
            RecordRef::Place(i) => self.dataset.places.get(i),
            _ => None,
        }
    }

    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        match self.index.get(id)? {
            RecordRef::Organisation(i) => self.dataset.organisations.get(i),
            _ => None,
        }
    }

    /// A rate's numerator and denominator, where the dataset gives them.
    pub fn fraction(&self, r: &Rate) -> (Option<u64>, Option<u64>) {
        let value = |id: &Option<String>| Some(self.count(id.as_deref()?)?.value);
        (value(&r.numerator), value(&r.denominator))
    }

    pub fn count(&self, id: &str) -> Option<&Count> {
        match self.index.get(id)? {
            RecordRef::Count(i) => self.dataset.counts.get(i),
            _ => None,
        }
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        match self.index.get(id)? {
            RecordRef::Event(i) => self.dataset.events.get(i),
            _ => None,
        }
    }

    /// A one-paragraph summary: records by kind and checks passed.
    pub fn summary(&self) -> String {
        let ds = &self.dataset;
        let passed = self.checks.iter().filter(|c| c.passed).count();
        let by_kind = |k: CheckKind| self.checks.iter().filter(|c| c.kind == k).count();
        let year = match ds.year.value {
            None => "unknown".to_string(),
            Some(y) if ds.year.inferred => {
                format!("{y} (inferred: {})", ds.year.reason.get(Lang::En))
            }
            Some(y) => y.to_string(),
        };
        format!(
            "{title}\n{en}\n\
             records: rates {rates}, counts {counts}, events {events} ({planned} planned, {derived} derived), \
             projects {projects}, organisations {orgs}, places {places}, people {people}, changes {changes}\n\
             checks: {passed} of {total} passed (ratio {ratio}, figure {figure}, derived date {derivedc}, agreement {agree}, change {changec})\n\
             year: {year}\n\
             text: {text}",
            title = ds.title.zh,
            en = ds.title.en,
            rates = ds.rates.len(),
            counts = ds.counts.len(),
            changes = ds.changes.len(),
            events = ds.events.len(),
            planned = ds
                .events
                .iter()
                .filter(|e| e.status == EventStatus::Planned)
                .count(),
            derived = ds.events.iter().filter(|e| e.derivation.is_some()).count(),
            projects = ds.projects.len(),
            orgs = ds.organisations.len(),
            places = ds.places.len(),
            people = ds.people.len(),
            total = self.checks.len(),
            ratio = by_kind(CheckKind::Ratio),
            figure = by_kind(CheckKind::Figure),
            derivedc = by_kind(CheckKind::Derived),
            agree = by_kind(CheckKind::Agreement),
            changec = by_kind(CheckKind::Change),
            text = match &ds.source.text {
                Some(t) => format!("carried, {} paragraphs; {}", t.len(), self.quotes_found()),
                None => "not carried; quotes are checked against their figures only".to_string(),
            },
        )
    }

    /// The line `check --article` adds to the summary of a dataset that
    /// passed against `article`.
    pub fn article_summary(&self, article: &ArticleFile) -> String {
        let same = if self.dataset.source.text.is_some() {
            ", the same as the dataset's text"
        } else {
            ""
        };
        format!(
            "article: {}, {} paragraphs{same}; {}",
            article.origin,
            article.paragraphs.len(),
            self.quotes_found()
        )
    }

    /// "all 70 quotes (9 of people) are in their paragraphs verbatim": of a dataset that
    /// passed its checks against a text.
    fn quotes_found(&self) -> String {
        let (n, people) = self.quote_count();
        format!("all {n} quotes ({people} of people) are in their paragraphs verbatim")
    }

    /// How many quotes the dataset has, and how many of them are people's.
    pub fn quote_count(&self) -> (usize, usize) {
        let ds = &self.dataset;
        let people = ds.people.len();
        (
            ds.rates.len() + ds.counts.len() + ds.events.len() + people,
            people,
        )
    }
}

impl Loaded {
    /// Organisation `id`'s name, or "" when there is none.
    pub fn organisation_name(&self, id: Option<&str>, lang: Lang) -> String {
        self.organisation_text(id)
            .map(|name| name.get(lang).into_owned())
            .unwrap_or_default()
    }

    /// Where a record is, in a word: the shortest name of its place (or
    /// of its organisation's), else its organisation's name.
    pub fn whereabouts(&self, place: Option<&str>, organisation: Option<&str>) -> Option<&Text> {
        self.place_of(place, organisation)
            .map(Place::short_text)
            .or_else(|| self.organisation_text(organisation))
    }

    /// The name of organisation `id`.
    pub fn organisation_text(&self, id: Option<&str>) -> Option<&Text> {
        id.and_then(|id| self.organisation(id)).map(|o| &o.name)
    }

    /// The shortest name of place `id` ([`Place::short_text`]).
    pub fn place_text(&self, id: Option<&str>) -> Option<&Text> {
        id.and_then(|id| self.place(id)).map(Place::short_text)
    }

    /// The place of a record, falling back on its organisation's place.
    pub fn place_of(&self, place: Option<&str>, organisation: Option<&str>) -> Option<&Place> {
        place
            .or_else(|| organisation.and_then(|o| self.organisation(o)?.place.as_deref()))
            .and_then(|id| self.place(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Loaded {
        load_str(include_str!("../../tests/data/minimal.json"), "minimal")
            .expect("tests/data/minimal.json is valid")
    }

    #[test]
    fn a_record_by_id_is_the_record_the_index_names() {
        let data = minimal();
        let r = data.record_by_id("count-day").expect("count-day");
        assert_eq!(r.at, RecordRef::Count(3));
        assert_eq!(r.id(), "count-day");
        assert_eq!(r.label().en, "Day of resumption");
        assert_eq!(r.source().map(|s| s.quote.as_str()), Some("第四十二天"));
        assert!(data.record_by_id("nothing").is_none());
        assert!(data.record(RecordRef::Rate(7)).is_none());
    }

    /// The article as it was published, one paragraph a line.
    const ARTICLE: &str = include_str!("../../tests/data/article.txt");

    #[test]
    fn the_embedded_dataset_carries_the_article_unchanged() {
        let data = load(None).expect("the embedded dataset is valid");
        let text = data
            .dataset
            .source
            .text
            .as_ref()
            .expect("it carries its text");
        // Byte for byte, after the parse cleaned every string.
        assert_eq!(format!("{}\n", text.join("\n")), ARTICLE);
        assert_eq!(text.len(), data.dataset.source.paragraphs as usize);
        // Nothing in it is what the cleaning changes: the ideographic spaces
        // that indent each paragraph and the no-break spaces after two
        // headings are text.
        for p in ARTICLE.lines() {
            assert!(
                matches!(sanitize::clean(p), std::borrow::Cow::Borrowed(_)),
                "{p}"
            );
        }
        assert!(ARTICLE.contains('\u{3000}') && ARTICLE.contains('\u{a0}'));
    }

    #[test]
    fn the_embedded_dataset_passes_against_the_article_file() {
        let file = ArticleFile {
            origin: "article.txt".to_string(),
            paragraphs: load::article_paragraphs(ARTICLE),
        };
        let data = load_against(None, &file).expect("the embedded dataset matches its article");
        assert!(data.article_summary(&file).ends_with(
            "27 paragraphs, the same as the dataset's text; all 70 quotes (9 of people) are in their paragraphs verbatim"
        ));
        let changed = ARTICLE.replacen("已经复工470家", "已经复工471家", 1);
        let file = ArticleFile {
            paragraphs: load::article_paragraphs(&changed),
            ..file
        };
        let invalid = load_against(None, &file).expect_err("a changed figure fails");
        assert_eq!(invalid.origin, "embedded dataset");
        assert_eq!(invalid.problems.len(), 3, "{:#?}", invalid.problems);
    }

    #[test]
    fn every_id_of_the_embedded_dataset_names_its_record() {
        let data = load(None).expect("the embedded dataset is valid");
        let ds = &data.dataset;
        let ids = ds.places.iter().map(|x| (&x.id, &x.province));
        let ids = ids
            .chain(ds.organisations.iter().map(|x| (&x.id, &x.name)))
            .chain(ds.rates.iter().map(|x| (&x.id, &x.label)))
            .chain(ds.counts.iter().map(|x| (&x.id, &x.label)))
            .chain(ds.events.iter().map(|x| (&x.id, &x.label)))
            .chain(ds.projects.iter().map(|x| (&x.id, &x.name)));
        let mut n = 0;
        for (id, label) in ids {
            let r = data.record_by_id(id).expect("every id names a record");
            assert_eq!(r.id(), id);
            assert_eq!(r.label(), label, "{id}");
            assert_eq!(data.index.get(id), Some(r.at));
            n += 1;
        }
        assert!(n > 50, "{n} records");
    }
}
