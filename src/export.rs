//! `fugong export`: the dataset's tables as CSV, JSON or Markdown.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use serde_json::{Map, Value, json};
use time::Date;

use crate::content::{Ctx, series};
use crate::data::RecordRef;
use crate::data::asof::Chronology;
use crate::data::series::Kind;
use crate::data::{EventStatus, Lang, Loaded, Place, Qualifier, Text, When};
use crate::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    Rates,
    Counts,
    Events,
    Projects,
    People,
    /// Percentage-point changes (提高5.6个百分点), with what changed.
    Changes,
    /// Every point of every series (a figure on two dates or more): one
    /// row each, reported or implied by a change, with its source.
    Series,
    Checks,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Csv,
    Json,
    Markdown,
}

/// One exported row: columns in order.
pub type Row = Map<String, Value>;

fn opt(s: Option<String>) -> Value {
    s.map_or(Value::Null, Value::String)
}

fn date_columns(row: &mut Row, w: &When) {
    row.insert("date".into(), opt(w.date.map(crate::fmt::iso)));
    row.insert(
        "time".into(),
        opt(w.time.map(|t| format!("{:02}:{:02}", t.hour(), t.minute()))),
    );
    row.insert("when_zh".into(), json!(w.describe(Lang::Zh)));
    row.insert("when_en".into(), json!(w.describe(Lang::En)));
}

fn org_place_columns(row: &mut Row, d: &Loaded, org: Option<&str>, place: Option<&str>) {
    let o = org.and_then(|id| d.organisation(id));
    row.insert("organisation_zh".into(), opt(o.map(|o| o.name.zh.clone())));
    row.insert("organisation_en".into(), opt(o.map(|o| o.name.en.clone())));
    let p: Option<&Place> = d.place_of(place, org);
    row.insert("place_zh".into(), opt(p.map(|p| p.full(Lang::Zh))));
    row.insert("place_en".into(), opt(p.map(|p| p.full(Lang::En))));
}

/// A value as JSON: a whole one as an integer (42000, not 42000.0).
fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

fn qualifier(q: Qualifier) -> &'static str {
    q.name()
}

/// The rows of one table as known on `as_of` (`None`: every record): a
/// rate, count, change or series point reported later, or an event that
/// happens later, is left out, as the dashboard greys it.
pub fn rows_as_of(d: &Loaded, what: What, as_of: Option<Date>) -> Vec<Row> {
    if what == What::Series && as_of.is_some() {
        return series_rows(d, as_of);
    }
    let later = later_than(d, as_of);
    let mut out = rows(d, what);
    out.retain(|r| !later(r));
    out
}

/// Whether a row's record is reported (or happens) after `as_of`; never,
/// with no date.
fn later_than(d: &Loaded, as_of: Option<Date>) -> impl Fn(&Row) -> bool + '_ {
    let ds = &d.dataset;
    let chronology = as_of.map(|_| Chronology::with_series(ds, std::sync::Arc::clone(&d.series)));
    move |row: &Row| {
        let (Some(c), Some(id)) = (&chronology, row.get("id").and_then(Value::as_str)) else {
            return false;
        };
        match d.index.get(id) {
            Some(RecordRef::Rate(i)) => c.later(&ds.rates[i].when, as_of).is_some(),
            Some(RecordRef::Count(i)) => c.later(&ds.counts[i].when, as_of).is_some(),
            Some(RecordRef::Change(i)) => c.later(&ds.changes[i].when, as_of).is_some(),
            Some(RecordRef::Event(i)) => c.status(&ds.events[i], as_of).is_later(),
            _ => false,
        }
    }
}

impl What {
    /// Its name on the command line: "rates", "series".
    pub fn name(self) -> &'static str {
        match self {
            What::Rates => "rates",
            What::Counts => "counts",
            What::Events => "events",
            What::Projects => "projects",
            What::People => "people",
            What::Changes => "changes",
            What::Series => "series",
            What::Checks => "checks",
        }
    }
}

/// The rows of records `order` (indices into the table's collection: the
/// dashboard's list, filtered and sorted), in that order, as known on
/// `as_of` (what is reported later is left out, as `export --as-of` does).
pub fn rows_of(d: &Loaded, what: What, order: &[usize], as_of: Option<Date>) -> Vec<Row> {
    let mut all: Vec<Option<Row>> = rows(d, what).into_iter().map(Some).collect();
    // Events are exported by date; find each by its id.
    let at: Vec<usize> = match what {
        What::Events => {
            let ds = &d.dataset;
            let mut pos = vec![0; ds.events.len()];
            for (k, r) in all.iter().enumerate() {
                let id = r.as_ref().and_then(|r| r.get("id")).and_then(Value::as_str);
                if let Some(RecordRef::Event(i)) = id.and_then(|id| d.index.get(id)) {
                    pos[i] = k;
                }
            }
            pos
        }
        _ => (0..all.len()).collect(),
    };
    let later = later_than(d, as_of);
    order
        .iter()
        .filter_map(|&i| at.get(i).and_then(|&k| all.get_mut(k)?.take()))
        .filter(|r| !later(r))
        .collect()
}

/// The rows of one table, in the dataset's order (events by date).
pub fn rows(d: &Loaded, what: What) -> Vec<Row> {
    let ds = &d.dataset;
    match what {
        What::Rates => ds
            .rates
            .iter()
            .map(|r| {
                let mut row = Row::new();
                row.insert("id".into(), json!(r.id));
                row.insert("label_zh".into(), json!(r.label.zh));
                row.insert("label_en".into(), json!(r.label.en));
                row.insert("value".into(), number(r.value));
                row.insert("qualifier".into(), json!(qualifier(r.qualifier)));
                row.insert("unit_zh".into(), json!("%"));
                row.insert("unit_en".into(), json!("%"));
                for (col, lang) in [("shown_zh", Lang::Zh), ("shown_en", Lang::En)] {
                    row.insert(col.into(), json!(r.qualifier.show_percent(r.value, lang)));
                }
                let count = |id: &Option<String>| {
                    id.as_deref()
                        .and_then(|id| d.count(id))
                        .map_or(Value::Null, |c| json!(c.value))
                };
                row.insert("numerator".into(), count(&r.numerator));
                row.insert("numerator_id".into(), opt(r.numerator.clone()));
                row.insert("denominator".into(), count(&r.denominator));
                row.insert("denominator_id".into(), opt(r.denominator.clone()));
                date_columns(&mut row, &r.when);
                row.insert("status".into(), json!("reported"));
                org_place_columns(&mut row, d, r.organisation.as_deref(), r.place.as_deref());
                row.insert("figure".into(), json!(r.figure));
                row.insert("paragraph".into(), json!(r.source.paragraph));
                row.insert("quote".into(), json!(r.source.quote));
                row
            })
            .collect(),
        What::Counts => ds
            .counts
            .iter()
            .map(|c| {
                let mut row = Row::new();
                row.insert("id".into(), json!(c.id));
                row.insert("label_zh".into(), json!(c.label.zh));
                row.insert("label_en".into(), json!(c.label.en));
                row.insert("value".into(), json!(c.value));
                row.insert("qualifier".into(), json!(qualifier(c.qualifier)));
                row.insert("ordinal".into(), json!(c.ordinal));
                row.insert("unit_zh".into(), json!(c.unit.zh));
                row.insert("unit_en".into(), json!(c.unit.en));
                row.insert("shown_zh".into(), json!(c.shown(Lang::Zh)));
                row.insert("shown_en".into(), json!(c.shown(Lang::En)));
                row.insert(
                    "category".into(),
                    Value::String(c.category.name().to_string()),
                );
                date_columns(&mut row, &c.when);
                row.insert("status".into(), json!("reported"));
                org_place_columns(&mut row, d, c.organisation.as_deref(), c.place.as_deref());
                row.insert("figure".into(), json!(c.figure));
                row.insert("paragraph".into(), json!(c.source.paragraph));
                row.insert("quote".into(), json!(c.source.quote));
                row
            })
            .collect(),
        What::Events => {
            let mut order: Vec<usize> = (0..ds.events.len()).collect();
            order.sort_by_key(|&i| ds.events[i].when.order_key());
            order
                .into_iter()
                .map(|i| {
                    let e = &ds.events[i];
                    let mut row = Row::new();
                    row.insert("id".into(), json!(e.id));
                    row.insert("label_zh".into(), json!(e.label.zh));
                    row.insert("label_en".into(), json!(e.label.en));
                    date_columns(&mut row, &e.when);
                    let status = match (e.derivation.is_some(), e.status) {
                        (true, _) => "derived",
                        (false, EventStatus::Done) => "done",
                        (false, EventStatus::Planned) => "planned",
                    };
                    row.insert("status".into(), json!(status));
                    org_place_columns(&mut row, d, e.organisation.as_deref(), e.place.as_deref());
                    row.insert("figure".into(), opt(e.figure.clone()));
                    row.insert("paragraph".into(), json!(e.source.paragraph));
                    row.insert("quote".into(), json!(e.source.quote));
                    row
                })
                .collect()
        }
        What::Projects => ds
            .projects
            .iter()
            .map(|p| {
                let mut row = Row::new();
                row.insert("id".into(), json!(p.id));
                row.insert("label_zh".into(), json!(p.name.zh));
                row.insert("label_en".into(), json!(p.name.en));
                row.insert("summary_zh".into(), json!(p.summary.zh));
                row.insert("summary_en".into(), json!(p.summary.en));
                org_place_columns(&mut row, d, p.organisation.as_deref(), p.place.as_deref());
                row.insert("events".into(), json!(p.events));
                row.insert("figures".into(), json!(p.figures));
                row
            })
            .collect(),
        What::People => ds
            .people
            .iter()
            .map(|x| {
                let mut row = Row::new();
                row.insert("id".into(), json!(x.id));
                row.insert("name_zh".into(), json!(x.name.zh));
                row.insert("name_en".into(), json!(x.name.en));
                row.insert("role_zh".into(), json!(x.role.zh));
                row.insert("role_en".into(), json!(x.role.en));
                row.insert("organisation".into(), opt(x.organisation.clone()));
                row.insert("place".into(), opt(x.place.clone()));
                row.insert("paragraph".into(), json!(x.source.paragraph));
                row.insert("quote".into(), json!(x.source.quote));
                row
            })
            .collect(),
        What::Changes => ds
            .changes
            .iter()
            .map(|c| {
                let mut row = Row::new();
                row.insert("id".into(), json!(c.id));
                row.insert("label_zh".into(), json!(c.label.zh));
                row.insert("label_en".into(), json!(c.label.en));
                row.insert("value".into(), number(c.value));
                row.insert("unit_zh".into(), json!(c.unit.zh));
                row.insert("unit_en".into(), json!(c.unit.en));
                row.insert("of".into(), opt(c.of.clone()));
                date_columns(&mut row, &c.when);
                row.insert(
                    "from_date".into(),
                    opt(c.from.as_ref().and_then(|w| w.date).map(crate::fmt::iso)),
                );
                row.insert("figure".into(), json!(c.figure));
                row.insert("paragraph".into(), json!(c.source.paragraph));
                row.insert("quote".into(), json!(c.source.quote));
                row
            })
            .collect(),
        What::Series => series_rows(d, None),
        What::Checks => d
            .checks
            .iter()
            .map(|c| {
                let mut row = Row::new();
                row.insert("kind".into(), json!(c.kind.label().en));
                row.insert("subject".into(), json!(c.subject));
                row.insert("inputs".into(), json!(c.inputs));
                row.insert("formula_zh".into(), json!(c.formula.zh));
                row.insert("formula_en".into(), json!(c.formula.en));
                row.insert("passed".into(), json!(c.passed));
                row
            })
            .collect(),
    }
}

/// The points of every series, series by series (in the order of their
/// first record), oldest point first. A series is named by its first
/// record's id; a point implied by a change names the change as its record
/// and says how it is worked out (`99% − 73 = 26%`).
fn series_rows(d: &Loaded, as_of: Option<Date>) -> Vec<Row> {
    let ds = &d.dataset;
    let chronology = Chronology::with_series(ds, std::sync::Arc::clone(&d.series));
    let theme = Theme::MONO;
    let ctx = Ctx {
        data: d,
        chronology: &chronology,
        as_of,
        lang: Lang::En,
        theme: &theme,
    };
    let mut out = Vec::new();
    for kind in [Kind::Rate, Kind::Count] {
        let lines = d.series.lines(kind);
        for s in 0..lines.len() {
            let Some(&first) = lines.points(s).first() else {
                continue;
            };
            let first = first as usize;
            // Each point with the date it is known from.
            let points: Vec<(series::Point, Option<Date>)> = d
                .series
                .plotted(kind, first)
                .iter()
                .map(|p| (series::Point::of(p, ctx.as_of), p.known))
                .filter(|(p, _)| !p.later)
                .collect();
            if points.len() < 2 {
                continue;
            }
            let (id, label, unit, org, place) = match kind {
                Kind::Rate => {
                    let r = &ds.rates[first];
                    let pct = Text {
                        zh: "%".into(),
                        en: "%".into(),
                    };
                    (&r.id, &r.label, pct, &r.organisation, &r.place)
                }
                Kind::Count => {
                    let c = &ds.counts[first];
                    (&c.id, &c.label, c.unit.clone(), &c.organisation, &c.place)
                }
            };
            for (n, (p, known)) in points.iter().enumerate() {
                let mut row = Row::new();
                row.insert("series".into(), json!(id));
                row.insert("point".into(), json!(n + 1));
                row.insert(
                    "kind".into(),
                    json!(match kind {
                        Kind::Rate => "rate",
                        Kind::Count => "count",
                    }),
                );
                row.insert("label_zh".into(), json!(label.zh));
                row.insert("label_en".into(), json!(label.en));
                row.insert("unit_zh".into(), json!(unit.zh));
                row.insert("unit_en".into(), json!(unit.en));
                row.insert("date".into(), json!(crate::fmt::iso(p.date)));
                row.insert("known".into(), opt(known.map(crate::fmt::iso)));
                row.insert("value".into(), number(p.value));
                row.insert("qualifier".into(), json!(qualifier(p.qualifier)));
                row.insert("derived".into(), json!(p.derived));
                let (record, formula, figure, source) = if p.derived {
                    let c = &ds.changes[p.record];
                    // Plain ASCII for scripts: 99% - 73 = 26%.
                    let formula = series::implied(d, c, crate::data::Lang::En)
                        .map(|(_, f)| f.replace('−', "-"));
                    (&c.id, formula, &c.figure, &c.source)
                } else {
                    match kind {
                        Kind::Rate => {
                            let r = &ds.rates[p.record];
                            (&r.id, None, &r.figure, &r.source)
                        }
                        Kind::Count => {
                            let c = &ds.counts[p.record];
                            (&c.id, None, &c.figure, &c.source)
                        }
                    }
                };
                row.insert("formula".into(), opt(formula));
                row.insert("record".into(), json!(record));
                org_place_columns(&mut row, d, org.as_deref(), place.as_deref());
                row.insert("figure".into(), json!(figure));
                row.insert("paragraph".into(), json!(source.paragraph));
                row.insert("quote".into(), json!(source.quote));
                out.push(row);
            }
        }
    }
    out
}

/// A value as one CSV or Markdown cell: a list's items space-separated (an
/// id holds no space), as a JSON export keeps them a list.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    }
}

const WHEN: [&str; 4] = ["date", "time", "when_zh", "when_en"];
const ORG_PLACE: [&str; 4] = ["organisation_zh", "organisation_en", "place_zh", "place_en"];
const SOURCE: [&str; 3] = ["figure", "paragraph", "quote"];

/// The columns of each table, in order: the header even of an empty table.
pub fn columns(what: What) -> Vec<&'static str> {
    let parts: &[&[&str]] = match what {
        What::Rates => &[
            &[
                "id",
                "label_zh",
                "label_en",
                "value",
                "qualifier",
                "unit_zh",
                "unit_en",
                "shown_zh",
                "shown_en",
                "numerator",
                "numerator_id",
                "denominator",
                "denominator_id",
            ],
            &WHEN,
            &["status"],
            &ORG_PLACE,
            &SOURCE,
        ],
        What::Counts => &[
            &[
                "id",
                "label_zh",
                "label_en",
                "value",
                "qualifier",
                "ordinal",
                "unit_zh",
                "unit_en",
                "shown_zh",
                "shown_en",
                "category",
            ],
            &WHEN,
            &["status"],
            &ORG_PLACE,
            &SOURCE,
        ],
        What::Events => &[
            &["id", "label_zh", "label_en"],
            &WHEN,
            &["status"],
            &ORG_PLACE,
            &SOURCE,
        ],
        What::Projects => &[
            &["id", "label_zh", "label_en", "summary_zh", "summary_en"],
            &ORG_PLACE,
            &["events", "figures"],
        ],
        // The organisation and the place by id, as the dataset names them.
        What::People => &[&[
            "id",
            "name_zh",
            "name_en",
            "role_zh",
            "role_en",
            "organisation",
            "place",
            "paragraph",
            "quote",
        ]],
        What::Changes => &[
            &[
                "id", "label_zh", "label_en", "value", "unit_zh", "unit_en", "of",
            ],
            &WHEN,
            &["from_date"],
            &SOURCE,
        ],
        What::Series => &[
            &[
                "series",
                "point",
                "kind",
                "label_zh",
                "label_en",
                "unit_zh",
                "unit_en",
                "date",
                "known",
                "value",
                "qualifier",
                "derived",
                "formula",
                "record",
            ],
            &ORG_PLACE,
            &SOURCE,
        ],
        What::Checks => &[&[
            "kind",
            "subject",
            "inputs",
            "formula_zh",
            "formula_en",
            "passed",
        ]],
    };
    parts.concat()
}

/// Writes the rows of table `what` in `format`.
pub fn write(what: What, rows: &[Row], format: Format, out: &mut dyn Write) -> Result<()> {
    let head = columns(what);
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows).context("writing JSON")?;
            writeln!(out).context("writing JSON")?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(&head).context("writing CSV")?;
            for r in rows {
                w.write_record(r.values().map(cell))
                    .context("writing CSV")?;
            }
            w.flush().context("writing CSV")?;
        }
        Format::Markdown => {
            let md = |s: &str| {
                s.replace('\\', "\\\\")
                    .replace('|', "\\|")
                    .replace(['\n', '\r'], " ")
            };
            writeln!(
                out,
                "| {} |",
                head.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | ")
            )?;
            writeln!(out, "|{}", " --- |".repeat(head.len().max(1)))?;
            for r in rows {
                let cells: Vec<String> = r.values().map(|v| md(&cell(v))).collect();
                writeln!(out, "| {} |", cells.join(" | "))?;
            }
        }
    }
    Ok(())
}

/// Writes to `path` atomically: a temporary file in the same folder, then a
/// rename. Refuses an existing file unless `force`.
pub fn write_file(path: &Path, force: bool, bytes: &[u8]) -> Result<()> {
    write_file_with(path, force, |w| w.write_all(bytes))
}

/// As [`write_file`], the contents written by `write` (so a large one
/// need not be held in memory first).
pub fn write_file_with(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    let shown = crate::data::sanitize::clean(&path.display().to_string()).into_owned();
    if path.is_dir() {
        bail!("{shown} is a directory; give a file's name");
    }
    if !force && path.exists() {
        bail!("{shown} exists; use --force to overwrite it");
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        let folder = crate::data::sanitize::clean(&dir.display().to_string()).into_owned();
        if dir.exists() {
            bail!("{folder} is not a folder; cannot write {shown} in it");
        }
        bail!("the folder {folder} does not exist; create it, or give another -o");
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".fugong-export");
    // A new file gets the usual permissions (0666 less the umask), a
    // replaced one keeps its own: not tempfile's owner-only default.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(match std::fs::metadata(path) {
            Ok(m) if force => m.permissions(),
            _ => std::fs::Permissions::from_mode(0o666),
        });
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    {
        let mut out = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut out).and_then(|()| out.flush())
    }
    .and_then(|()| tmp.as_file().sync_all())
    .with_context(|| format!("cannot write {shown}"))?;
    if force {
        tmp.persist(path)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot write {shown}"))?;
    } else {
        tmp.persist_noclobber(path)
            .map_err(|e| e.error)
            .with_context(|| {
                format!("cannot write {shown} (it may have appeared meanwhile; use --force)")
            })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_have_exactly_the_declared_columns() {
        let d = crate::data::load(None).unwrap();
        for what in What::value_variants() {
            let head = columns(*what);
            for row in rows(&d, *what) {
                let keys: Vec<&str> = row.keys().map(String::as_str).collect();
                assert_eq!(keys, head, "{what:?}");
            }
        }
    }
}
