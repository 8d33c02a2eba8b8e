//! Ids and references: every id names one record, and every reference
//! names a record of the kind it should.

use super::{Checker, article};
use crate::data::index::RecordRef;

impl Checker<'_> {
    pub(super) fn collect_ids(&mut self) {
        let ds = self.ds;
        let all = ds
            .places
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("places[{i}].id"), &r.id, RecordRef::Place(i)))
            .chain(ds.organisations.iter().enumerate().map(|(i, r)| {
                (
                    format!("organisations[{i}].id"),
                    &r.id,
                    RecordRef::Organisation(i),
                )
            }))
            .chain(
                ds.rates
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("rates[{i}].id"), &r.id, RecordRef::Rate(i))),
            )
            .chain(
                ds.counts
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("counts[{i}].id"), &r.id, RecordRef::Count(i))),
            )
            .chain(
                ds.events
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("events[{i}].id"), &r.id, RecordRef::Event(i))),
            )
            .chain(
                ds.projects
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("projects[{i}].id"), &r.id, RecordRef::Project(i))),
            )
            .chain(
                ds.people
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("people[{i}].id"), &r.id, RecordRef::Person(i))),
            )
            .chain(
                ds.changes
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("changes[{i}].id"), &r.id, RecordRef::Change(i))),
            );
        for (path, id, r) in all {
            if id.trim().is_empty() {
                self.problem(path, "id is empty");
                continue;
            }
            if self.index.insert(id, r).is_err() {
                self.problem(path, format_args!("duplicate id \"{id}\""));
            }
        }
    }

    /// Checks that `id` names a record of one of the `kinds`.
    pub(super) fn reference(
        &mut self,
        path: String,
        id: &str,
        kinds: &[&str],
    ) -> Option<RecordRef> {
        match self.index.get(id) {
            None => {
                self.problem(path, format_args!("\"{id}\" does not name any record"));
                None
            }
            Some(r) if !kinds.contains(&r.kind_name()) => {
                self.problem(
                    path,
                    format_args!(
                        "\"{id}\" names {}, not {}",
                        article(r.kind_name()),
                        article(&kinds.join(" or "))
                    ),
                );
                None
            }
            Some(r) => Some(r),
        }
    }

    pub(super) fn optional_reference(&mut self, path: String, id: Option<&String>, kind: &str) {
        if let Some(id) = id {
            self.reference(path, id, &[kind]);
        }
    }

    pub(super) fn check_places_and_organisations(&mut self) {
        let ds = self.ds;
        for (i, p) in ds.places.iter().enumerate() {
            self.label(format!("places[{i}].province"), &p.province);
        }
        for (i, o) in ds.organisations.iter().enumerate() {
            self.label(format!("organisations[{i}].name"), &o.name);
            self.optional_reference(
                format!("organisations[{i}].place"),
                o.place.as_ref(),
                "place",
            );
        }
    }

    pub(super) fn check_projects(&mut self) {
        let ds = self.ds;
        for (i, p) in ds.projects.iter().enumerate() {
            let path = format!("projects[{i}]");
            self.label(format!("{path}.name"), &p.name);
            self.optional_reference(
                format!("{path}.organisation"),
                p.organisation.as_ref(),
                "organisation",
            );
            self.optional_reference(format!("{path}.place"), p.place.as_ref(), "place");
            for (j, id) in p.events.iter().enumerate() {
                self.reference(format!("{path}.events[{j}]"), id, &["event"]);
            }
            for (j, id) in p.figures.iter().enumerate() {
                self.reference(format!("{path}.figures[{j}]"), id, &["rate", "count"]);
            }
        }
    }
}

impl Checker<'_> {
    /// A person: a name and a role in both languages, references that
    /// resolve, and a source whose quote names them.
    pub(super) fn check_people(&mut self) {
        let ds = self.ds;
        for (i, p) in ds.people.iter().enumerate() {
            let path = format!("people[{i}]");
            self.label(format!("{path}.name"), &p.name);
            self.label(format!("{path}.role"), &p.role);
            self.optional_reference(
                format!("{path}.organisation"),
                p.organisation.as_ref(),
                "organisation",
            );
            self.optional_reference(format!("{path}.place"), p.place.as_ref(), "place");
            self.source(&path, &p.source, None);
            let (quote, name) = (&p.source.quote, &p.name.zh);
            if !quote.trim().is_empty() && !name.trim().is_empty() && !quote.contains(name.as_str())
            {
                self.problem(
                    format!("{path}.source.quote"),
                    format_args!("quote \"{quote}\" does not name the person \"{name}\""),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{CheckKind, check};
    use crate::data::index::RecordRef;
    use crate::data::model::Derivation;

    #[test]
    fn index_names_every_record() {
        let report = check(&minimal());
        let index = &report.index;
        assert_eq!(index.get("place-a"), Some(RecordRef::Place(0)));
        assert_eq!(index.get("org-a"), Some(RecordRef::Organisation(0)));
        assert_eq!(index.get("rate-a"), Some(RecordRef::Rate(0)));
        assert_eq!(index.get("count-day"), Some(RecordRef::Count(3)));
        assert_eq!(index.get("event-plan"), Some(RecordRef::Event(2)));
        assert_eq!(index.get("project-a"), Some(RecordRef::Project(0)));
        assert_eq!(index.get("nothing"), None);
    }

    // --- ids and references ---

    #[test]
    fn duplicate_id() {
        let mut ds = minimal();
        let mut copy = ds.places[0].clone();
        copy.province.en = "Elsewhere".to_string();
        ds.places.push(copy);
        let report = check(&ds);
        assert_eq!(report.problems, ["places[1].id: duplicate id \"place-a\""]);
        // The first record keeps the id.
        assert_eq!(report.index.get("place-a"), Some(RecordRef::Place(0)));
    }

    #[test]
    fn duplicate_id_across_kinds() {
        let mut ds = minimal();
        ds.projects[0].id = "rate-a".to_string();
        let report = check(&ds);
        assert_eq!(report.problems, ["projects[0].id: duplicate id \"rate-a\""]);
        assert_eq!(report.index.get("rate-a"), Some(RecordRef::Rate(0)));
    }

    #[test]
    fn empty_id() {
        let mut ds = minimal();
        ds.projects[0].id = " ".to_string();
        assert_problems(&ds, &["projects[0].id: id is empty"]);
        ds.projects[0].id = String::new();
        assert_problems(&ds, &["projects[0].id: id is empty"]);
    }

    #[test]
    fn dangling_reference() {
        let mut ds = minimal();
        ds.rates[RATE].organisation = Some("org-missing".to_string());
        ds.organisations[0].place = Some("place-missing".to_string());
        ds.projects[0].events.push("event-missing".to_string());
        assert_problems(
            &ds,
            &[
                "organisations[0].place: \"place-missing\" does not name any record",
                "rates[0].organisation: \"org-missing\" does not name any record",
                "projects[0].events[3]: \"event-missing\" does not name any record",
            ],
        );
    }

    #[test]
    fn dangling_numerator_skips_the_ratio() {
        let mut ds = minimal();
        ds.rates[RATE].numerator = Some("count-missing".to_string());
        let report = check(&ds);
        assert_eq!(
            report.problems,
            ["rates[0].numerator: \"count-missing\" does not name any record"]
        );
        assert_eq!(count_of_kind(&report.checks, CheckKind::Ratio), 0);
    }

    #[test]
    fn reference_to_the_wrong_kind() {
        let mut ds = minimal();
        ds.rates[RATE].numerator = Some("event-flight".to_string());
        assert_problems(
            &ds,
            &["rates[0].numerator: \"event-flight\" names an event, not a count"],
        );

        let mut ds = minimal();
        ds.counts[TOTAL].place = Some("org-a".to_string());
        ds.projects[0].figures[0] = "event-plan".to_string();
        ds.projects[0].events[0] = "rate-a".to_string();
        assert_problems(
            &ds,
            &[
                "counts[0].place: \"org-a\" names an organisation, not a place",
                "projects[0].events[0]: \"rate-a\" names a rate, not an event",
                "projects[0].figures[0]: \"event-plan\" names an event, not a rate or count",
            ],
        );
    }

    #[test]
    fn a_person_is_indexed_and_checked() {
        let mut ds = minimal();
        ds.people.push(person("队长王海"));
        let report = check(&ds);
        assert!(report.problems.is_empty(), "{:#?}", report.problems);
        assert_eq!(report.index.get("person-a"), Some(RecordRef::Person(0)));

        ds.people[0].organisation = Some("place-a".to_string());
        ds.people[0].place = Some("place-missing".to_string());
        ds.people[0].role.en = " ".to_string();
        ds.people[0].role.zh = String::new();
        ds.people[0].source.quote = "队长王".to_string();
        ds.people.push(person("队长王海"));
        assert_problems(
            &ds,
            &[
                "people[1].id: duplicate id \"person-a\"",
                "people[0].role: label is empty in both languages (zh and en)",
                "people[0].organisation: \"place-a\" names a place, not an organisation",
                "people[0].place: \"place-missing\" does not name any record",
                "people[0].source.quote: quote \"队长王\" does not name the person \"王海\"",
            ],
        );
    }

    #[test]
    fn derivation_references_the_wrong_kinds() {
        let mut ds = minimal();
        ds.events[BEGAN].derivation = Some(Derivation::DayNumber {
            day: "event-plan".to_string(),
            on: "count-day".to_string(),
        });
        assert_problems(
            &ds,
            &[
                "events[1].derivation.day: \"event-plan\" names an event, not a count",
                "events[1].derivation.on: \"count-day\" names a count, not an event",
            ],
        );
    }
}
