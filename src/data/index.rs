//! Every id of a dataset, what it names, and one view of any record.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::model::{
    Change, Count, Dataset, Event, Lang, Organisation, Person, Place, Project, Rate, Source, Text,
    When,
};

/// What kind of record an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordRef {
    Place(usize),
    Organisation(usize),
    Rate(usize),
    Count(usize),
    Event(usize),
    Project(usize),
    Person(usize),
    Change(usize),
}

impl RecordRef {
    /// "place", "organisation", "rate", "count", "event", "project", "person".
    pub fn kind_name(self) -> &'static str {
        match self {
            RecordRef::Place(_) => "place",
            RecordRef::Organisation(_) => "organisation",
            RecordRef::Rate(_) => "rate",
            RecordRef::Count(_) => "count",
            RecordRef::Event(_) => "event",
            RecordRef::Project(_) => "project",
            RecordRef::Person(_) => "person",
            RecordRef::Change(_) => "change",
        }
    }
}

/// Every id of the dataset, and what it names. Hashed with foldhash,
/// seeded per process: the checks and the dashboard look ids up by the
/// hundred thousand, and SipHash made that a large part of both.
#[derive(Debug, Clone, Default)]
pub struct Index {
    ids: HashMap<String, RecordRef, foldhash::fast::RandomState>,
}

impl Index {
    pub fn get(&self, id: &str) -> Option<RecordRef> {
        self.ids.get(id).copied()
    }

    /// Files `id` as naming `r`. An id already filed keeps its first record,
    /// which is returned as the error.
    pub(in crate::data) fn insert(&mut self, id: &str, r: RecordRef) -> Result<(), RecordRef> {
        match self.ids.entry(id.to_string()) {
            Entry::Occupied(first) => Err(*first.get()),
            Entry::Vacant(slot) => {
                slot.insert(r);
                Ok(())
            }
        }
    }
}

/// One record of any kind, borrowed from its dataset.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    Place(&'a Place),
    Organisation(&'a Organisation),
    Rate(&'a Rate),
    Count(&'a Count),
    Event(&'a Event),
    Project(&'a Project),
    Person(&'a Person),
    Change(&'a Change),
}

/// What every record answers, whatever its kind: its id, label, source,
/// date, organisation and place. Code that needs one of these for a record
/// of any kind asks here rather than matching on [`RecordRef`].
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// Where the record is in its dataset.
    pub at: RecordRef,
    pub item: Item<'a>,
}

impl<'a> Record<'a> {
    /// The record `r` points at in `ds`; `None` when `r` is out of range.
    pub fn of(ds: &'a Dataset, r: RecordRef) -> Option<Record<'a>> {
        let item = match r {
            RecordRef::Place(i) => Item::Place(ds.places.get(i)?),
            RecordRef::Organisation(i) => Item::Organisation(ds.organisations.get(i)?),
            RecordRef::Rate(i) => Item::Rate(ds.rates.get(i)?),
            RecordRef::Count(i) => Item::Count(ds.counts.get(i)?),
            RecordRef::Event(i) => Item::Event(ds.events.get(i)?),
            RecordRef::Project(i) => Item::Project(ds.projects.get(i)?),
            RecordRef::Person(i) => Item::Person(ds.people.get(i)?),
            RecordRef::Change(i) => Item::Change(ds.changes.get(i)?),
        };
        Some(Record { at: r, item })
    }

    pub fn id(&self) -> &'a str {
        match self.item {
            Item::Place(x) => &x.id,
            Item::Organisation(x) => &x.id,
            Item::Rate(x) => &x.id,
            Item::Count(x) => &x.id,
            Item::Event(x) => &x.id,
            Item::Project(x) => &x.id,
            Item::Person(x) => &x.id,
            Item::Change(x) => &x.id,
        }
    }

    /// The record's name in both languages: a rate's, count's or event's
    /// label, an organisation's or project's name, a place's province (its
    /// top level; [`Record::title`] gives every level).
    pub fn label(&self) -> &'a Text {
        match self.item {
            Item::Place(x) => &x.province,
            Item::Organisation(x) => &x.name,
            Item::Rate(x) => &x.label,
            Item::Count(x) => &x.label,
            Item::Event(x) => &x.label,
            Item::Project(x) => &x.name,
            Item::Person(x) => &x.name,
            Item::Change(x) => &x.label,
        }
    }

    /// The record's name in `lang`, a place with every level
    /// ("重庆市 荣昌区" / "Rongchang District, Chongqing").
    pub fn title(&self, lang: Lang) -> String {
        match self.item {
            Item::Place(x) => x.full(lang),
            _ => self.label().get(lang).into_owned(),
        }
    }

    /// Where the article states it: rates, counts, events and people.
    pub fn source(&self) -> Option<&'a Source> {
        match self.item {
            Item::Person(x) => Some(&x.source),
            Item::Change(x) => Some(&x.source),
            Item::Rate(x) => Some(&x.source),
            Item::Count(x) => Some(&x.source),
            Item::Event(x) => Some(&x.source),
            _ => None,
        }
    }

    /// When it happened, is due or was reported: rates, counts and events.
    pub fn when(&self) -> Option<&'a When> {
        match self.item {
            Item::Rate(x) => Some(&x.when),
            Item::Count(x) => Some(&x.when),
            Item::Event(x) => Some(&x.when),
            Item::Change(x) => Some(&x.when),
            _ => None,
        }
    }

    /// The id of the organisation it belongs to, where it names one.
    pub fn organisation(&self) -> Option<&'a str> {
        match self.item {
            Item::Place(_) | Item::Organisation(_) | Item::Change(_) => None,
            Item::Rate(x) => x.organisation.as_deref(),
            Item::Count(x) => x.organisation.as_deref(),
            Item::Event(x) => x.organisation.as_deref(),
            Item::Project(x) => x.organisation.as_deref(),
            Item::Person(x) => x.organisation.as_deref(),
        }
    }

    /// The id of the place it names itself (not its organisation's: see
    /// `Loaded::place_of` for the fallback). A place has none.
    pub fn place(&self) -> Option<&'a str> {
        match self.item {
            Item::Place(_) | Item::Change(_) => None,
            Item::Organisation(x) => x.place.as_deref(),
            Item::Rate(x) => x.place.as_deref(),
            Item::Count(x) => x.place.as_deref(),
            Item::Event(x) => x.place.as_deref(),
            Item::Project(x) => x.place.as_deref(),
            Item::Person(x) => x.place.as_deref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Dataset {
        serde_json::from_str(include_str!("../../tests/data/minimal.json"))
            .expect("tests/data/minimal.json parses")
    }

    #[test]
    fn a_rate_answers_everything() {
        let ds = minimal();
        let r = Record::of(&ds, RecordRef::Rate(0)).expect("rate 0");
        assert_eq!(r.at, RecordRef::Rate(0));
        assert!(matches!(r.item, Item::Rate(x) if x.id == "rate-a"));
        assert_eq!(r.id(), "rate-a");
        assert_eq!(r.label().en, "Resumption rate");
        assert_eq!(r.title(Lang::Zh), "复工率");
        assert_eq!(r.source().map(|s| s.quote.as_str()), Some("复工率98.3%"));
        assert_eq!(r.source().map(|s| s.paragraph), Some(1));
        assert_eq!(r.when(), Some(&ds.rates[0].when));
        assert_eq!(r.organisation(), Some("org-a"));
        assert_eq!(r.place(), Some("place-a"));
    }

    #[test]
    fn counts_and_events_have_a_source_and_a_date() {
        let ds = minimal();
        let c = Record::of(&ds, RecordRef::Count(2)).expect("count 2");
        assert_eq!(c.id(), "count-jobs");
        assert_eq!(c.label().zh, "就业岗位");
        assert_eq!(c.source().map(|s| s.paragraph), Some(2));
        assert_eq!(c.when(), Some(&ds.counts[2].when));
        assert_eq!((c.organisation(), c.place()), (None, None));
        let e = Record::of(&ds, RecordRef::Event(2)).expect("event 2");
        assert_eq!(e.id(), "event-plan");
        assert_eq!(e.label().en, "Steel frame hoisted");
        assert_eq!(e.source().map(|s| s.quote.as_str()), Some("在5月中旬前"));
        assert_eq!(e.when(), Some(&ds.events[2].when));
    }

    #[test]
    fn places_organisations_and_projects_have_no_source_or_date() {
        let ds = minimal();
        let p = Record::of(&ds, RecordRef::Place(0)).expect("place 0");
        assert_eq!(p.id(), "place-a");
        // The label is the province; the title has every level.
        assert_eq!(p.label().en, "Chongqing");
        assert_eq!(p.title(Lang::En), "Rongchang District, Chongqing");
        assert_eq!(p.title(Lang::Zh), "重庆市 荣昌区");
        assert_eq!((p.organisation(), p.place()), (None, None));
        let o = Record::of(&ds, RecordRef::Organisation(0)).expect("organisation 0");
        assert_eq!(o.id(), "org-a");
        assert_eq!(o.label().zh, "某公司");
        assert_eq!(o.title(Lang::En), "A Company");
        assert_eq!((o.organisation(), o.place()), (None, Some("place-a")));
        let j = Record::of(&ds, RecordRef::Project(0)).expect("project 0");
        assert_eq!(j.id(), "project-a");
        assert_eq!(j.label().en, "Project A");
        assert_eq!((j.organisation(), j.place()), (Some("org-a"), None));
        for r in [p, o, j] {
            assert!(r.source().is_none() && r.when().is_none(), "{:?}", r.at);
        }
    }

    #[test]
    fn a_reference_out_of_range_is_none() {
        let ds = minimal();
        for r in [
            RecordRef::Place(1),
            RecordRef::Organisation(1),
            RecordRef::Rate(1),
            RecordRef::Count(4),
            RecordRef::Event(3),
            RecordRef::Project(usize::MAX),
        ] {
            assert!(Record::of(&ds, r).is_none(), "{r:?}");
        }
    }

    #[test]
    fn an_id_keeps_its_first_record() {
        let mut index = Index::default();
        assert_eq!(index.insert("a", RecordRef::Rate(0)), Ok(()));
        assert_eq!(
            index.insert("a", RecordRef::Count(3)),
            Err(RecordRef::Rate(0))
        );
        assert_eq!(index.get("a"), Some(RecordRef::Rate(0)));
        assert_eq!(index.get("b"), None);
    }
}
