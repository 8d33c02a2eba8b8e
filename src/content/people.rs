//! The people the article names: which belong to a project, and how one
//! looks in a card or a list.

use ratatui::text::{Line, Span};

use super::ctx::Ctx;
use crate::data::{Loaded, Person, Place, Project};

/// Whether `inner` is `outer` or lies within it: every level `outer` names
/// (province, city, county, locality), `inner` names alike.
fn within(inner: &Place, outer: &Place) -> bool {
    let level = |o: &Option<crate::data::Text>, i: &Option<crate::data::Text>| {
        o.as_ref().is_none_or(|o| i.as_ref() == Some(o))
    };
    inner.province == outer.province
        && level(&outer.city, &inner.city)
        && level(&outer.county, &inner.county)
        && level(&outer.locality, &inner.locality)
}

/// The people of a project, in the dataset's order: those of its
/// organisation, those of its place or a place within it (a person's own
/// place, else their organisation's), and those the article names in a
/// paragraph the project's events and figures come from.
pub fn people_of<'a>(data: &'a Loaded, pr: &Project) -> Vec<&'a Person> {
    let place = data.place_of(pr.place.as_deref(), pr.organisation.as_deref());
    let paragraphs: Vec<u32> = pr
        .events
        .iter()
        .chain(&pr.figures)
        .filter_map(|id| Some(data.record_by_id(id)?.source()?.paragraph))
        .collect();
    data.dataset
        .people
        .iter()
        .filter(|x| {
            let same_org = pr.organisation.is_some() && x.organisation == pr.organisation;
            let same_place = match (
                place,
                data.place_of(x.place.as_deref(), x.organisation.as_deref()),
            ) {
                (Some(outer), Some(inner)) => within(inner, outer),
                _ => false,
            };
            same_org || same_place || paragraphs.contains(&x.source.paragraph)
        })
        .collect()
}

/// "王海  党员攻关队队长" in a card: the name, then the role.
pub fn person_line(x: &Person, ctx: &Ctx<'_>) -> Line<'static> {
    let t = ctx.theme;
    Line::from(vec![
        Span::styled(format!("{}  ", x.name.get(ctx.lang)), t.accent),
        Span::styled(x.role.get(ctx.lang).into_owned(), t.base),
    ])
}
