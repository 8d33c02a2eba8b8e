//! The README's snapshot is what the current code draws, so it cannot go stale.

mod support;

use fugong::data::Lang;

#[test]
fn readme_snapshot_matches_the_code() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("<!-- snapshot: fugong snapshot --size 100x30 --lang en -->")
        .expect("README has the snapshot marker");
    let block = &readme[start..];
    let open = block.find("```text\n").expect("snapshot block") + "```text\n".len();
    let close = block[open..].find("```").expect("snapshot block ends") + open;
    let in_readme = &block[open..close];

    let mut app = support::app(Lang::En);
    let buf = fugong::snapshot::render(&mut app, 100, 30);
    let drawn = fugong::snapshot::plain(&buf);
    assert_eq!(
        in_readme, drawn,
        "README snapshot is stale: regenerate it with `cargo run -- snapshot --size 100x30 --lang en`"
    );
}

#[test]
fn readme_keys_table_names_every_key_of_the_keymap() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("<!-- keys:")
        .expect("README has the keys marker");
    let table = &readme[start..];
    let table = &table[..table.find("\n\n").expect("the table ends")];
    for b in fugong::input::KEYMAP {
        for key in b.shown.split_whitespace() {
            assert!(
                table.contains(&format!("`{key}`")),
                "the README's keys table lacks `{key}` ({})",
                b.help_en
            );
        }
    }
}
