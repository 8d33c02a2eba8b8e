//! The layout ARCHITECTURE.md describes, checked against the code: no file
//! of src/ imports (through `use` or a path) a file that imports it back,
//! no module imports one in its own or a higher layer, and no file has more
//! than 700 lines of code before its tests.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A file's module path: src/ui/overview.rs is ["ui", "overview"], a mod.rs
/// or lib.rs is its folder's.
fn module_of(root: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code before the file's tests, without line comments, and without
/// the paths of `pub(in path)`, which name a scope, not an import.
fn code(text: &str) -> String {
    let before = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut code = before
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    while let Some(i) = code.find("pub(in ") {
        let end = code[i..].find(')').map_or(code.len(), |e| i + e + 1);
        code.replace_range(i..end, "pub");
    }
    code
}

/// `a::{b, c::{d, e}}` as the paths a::b, a::c::d, a::c::e.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.split_whitespace().collect();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap_or_default().to_string()];
    };
    let prefix = &tree[..open];
    let inner = tree[open + 1..]
        .strip_suffix('}')
        .unwrap_or(&tree[open + 1..]);
    let (mut depth, mut start, mut out) = (0, 0, Vec::new());
    for (i, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&inner[start..]);
    out.into_iter()
        .filter(|s| !s.is_empty())
        .flat_map(|s| expand(&format!("{prefix}{s}")))
        .collect()
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every path the code names that starts at `crate`, `super`, `self` or one
/// of `children`.
fn paths(code: &str, children: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    // use declarations, braces expanded.
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let boundary = rest[..i].chars().next_back().is_none_or(|c| !is_ident(c));
        let after = &rest[i + 4..];
        let Some(end) = after.find(';') else { break };
        if boundary {
            out.extend(expand(&after[..end]));
        }
        rest = &after[end..];
    }
    // Paths in the code itself: crate::x, super::x, child::x.
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        if is_ident(bytes[i]) && (i == 0 || !(is_ident(bytes[i - 1]) || bytes[i - 1] == ':')) {
            let mut j = i;
            while j < bytes.len() && (is_ident(bytes[j]) || bytes[j] == ':') {
                j += 1;
            }
            let p: String = bytes[i..j].iter().collect();
            let first = p.split("::").next().unwrap_or_default();
            // A path ending in `::` is a `use` prefix, expanded above.
            if p.contains("::")
                && !p.ends_with("::")
                && (matches!(first, "crate" | "super" | "self") || children.contains(first))
            {
                out.push(p);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

struct Tree {
    /// Module path → file.
    files: BTreeMap<Vec<String>, PathBuf>,
    /// File → the files it imports.
    edges: BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    lines: BTreeMap<PathBuf, usize>,
}

fn tree() -> Tree {
    let root = support::path("src");
    let mut all = Vec::new();
    rust_files(&root, &mut all);
    // The binary is its own crate: it imports the library, nothing imports it.
    all.retain(|f| !f.ends_with("main.rs"));
    let files: BTreeMap<Vec<String>, PathBuf> = all
        .iter()
        .map(|f| (module_of(&root, f), f.clone()))
        .collect();
    let resolve = |path: &[String]| -> Option<&PathBuf> {
        (0..=path.len()).rev().find_map(|n| files.get(&path[..n]))
    };
    let mut edges = BTreeMap::new();
    let mut lines = BTreeMap::new();
    for f in &all {
        let text = fs::read_to_string(f).expect("a source file");
        let code = code(&text);
        lines.insert(f.clone(), code.lines().count());
        let me = module_of(&root, f);
        let children: BTreeSet<String> = code
            .lines()
            .filter_map(|l| {
                let l = l.trim();
                let l = l.strip_prefix("pub ").unwrap_or(l);
                let l = l.strip_prefix("pub(crate) ").unwrap_or(l);
                l.strip_prefix("mod ")?
                    .strip_suffix(';')
                    .map(str::to_string)
            })
            .collect();
        let mut to = BTreeSet::new();
        for p in paths(&code, &children) {
            let parts: Vec<String> = p.split("::").map(str::to_string).collect();
            let target: Vec<String> = match parts[0].as_str() {
                "crate" => parts[1..].to_vec(),
                "super" => {
                    let ups = parts.iter().take_while(|s| *s == "super").count();
                    let base = &me[..me.len().saturating_sub(ups)];
                    base.iter().chain(&parts[ups..]).cloned().collect()
                }
                "self" => me.iter().chain(&parts[1..]).cloned().collect(),
                _ => me.iter().chain(&parts).cloned().collect(),
            };
            if let Some(t) = resolve(&target)
                && t != f
            {
                to.insert(t.clone());
            }
        }
        edges.insert(f.clone(), to);
    }
    Tree {
        files,
        edges,
        lines,
    }
}

/// The files that can reach themselves through imports, each cycle once.
fn cycles(edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<Vec<PathBuf>> {
    let reach = |from: &PathBuf| -> BTreeSet<PathBuf> {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&PathBuf> = edges[from].iter().collect();
        while let Some(n) = todo.pop() {
            if seen.insert(n.clone()) {
                todo.extend(edges.get(n).into_iter().flatten());
            }
        }
        seen
    };
    let reachable: BTreeMap<&PathBuf, BTreeSet<PathBuf>> =
        edges.keys().map(|f| (f, reach(f))).collect();
    let mut out: Vec<Vec<PathBuf>> = Vec::new();
    for (f, r) in &reachable {
        if r.contains(*f) {
            let cycle: Vec<PathBuf> = reachable
                .iter()
                .filter(|(g, rg)| rg.contains(*f) && r.contains(**g))
                .map(|(g, _)| (*g).clone())
                .collect();
            if !out.contains(&cycle) {
                out.push(cycle);
            }
        }
    }
    out
}

#[test]
fn no_file_imports_one_that_imports_it_back() {
    let t = tree();
    let found = cycles(&t.edges);
    let shown: Vec<String> = found
        .iter()
        .map(|c| {
            c.iter()
                .map(|f| {
                    let to: Vec<String> = t.edges[f]
                        .iter()
                        .filter(|g| c.contains(g))
                        .map(|g| g.display().to_string())
                        .collect();
                    format!("{} -> {}", f.display(), to.join(", "))
                })
                .collect::<Vec<_>>()
                .join("\n  ")
        })
        .collect();
    assert!(
        found.is_empty(),
        "import cycles:\n  {}",
        shown.join("\n\n  ")
    );
}

#[test]
fn no_file_has_over_700_lines_of_code_before_its_tests() {
    let long: Vec<String> = tree()
        .lines
        .iter()
        .filter(|(_, n)| **n > 700)
        .map(|(f, n)| format!("{}: {n}", f.display()))
        .collect();
    assert!(long.is_empty(), "{long:?}");
}

/// The layers of ARCHITECTURE.md, lowest first: the lines of its `layers`
/// block, each naming the top-level modules of one layer.
fn layers() -> Vec<Vec<String>> {
    let doc = fs::read_to_string(support::path("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let block = doc
        .split("```layers\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("ARCHITECTURE.md has a ```layers block");
    let mut v: Vec<Vec<String>> = block
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default())
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect();
    // The block lists the top layer first, as a reader reads down the flow.
    v.reverse();
    v
}

#[test]
fn modules_import_only_lower_layers_as_architecture_md_says() {
    let t = tree();
    let layers = layers();
    let layer_of = |m: &str| layers.iter().position(|l| l.iter().any(|x| x == m));
    let top = |f: &PathBuf| -> String {
        t.files
            .iter()
            .find(|(_, g)| *g == f)
            .and_then(|(m, _)| m.first().cloned())
            .unwrap_or_default()
    };
    let mut wrong = Vec::new();
    let mut unlisted = BTreeSet::new();
    for (f, to) in &t.edges {
        let from = top(f);
        if from.is_empty() {
            continue; // lib.rs only declares the modules.
        }
        let Some(lf) = layer_of(&from) else {
            unlisted.insert(from);
            continue;
        };
        for g in to {
            let m = top(g);
            if m.is_empty() || m == from {
                continue;
            }
            match layer_of(&m) {
                Some(lg) if lg < lf => {}
                Some(_) => wrong.push(format!(
                    "{} -> {} ({from} -> {m})",
                    f.display(),
                    g.display()
                )),
                None => {
                    unlisted.insert(m);
                }
            }
        }
    }
    assert!(
        unlisted.is_empty(),
        "modules missing from ARCHITECTURE.md: {unlisted:?}"
    );
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_ui_panel_imports_another() {
    let t = tree();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join("ui");
    let panels: Vec<PathBuf> = fugong::panel::Panel::ALL
        .iter()
        .map(|p| root.join(format!("{}.rs", format!("{p:?}").to_lowercase())))
        .collect();
    for p in &panels {
        assert!(p.exists(), "{} is not a file", p.display());
    }
    let wrong: Vec<String> = panels
        .iter()
        .flat_map(|p| {
            t.edges[p]
                .iter()
                .filter(|g| panels.contains(g))
                .map(move |g| format!("{} -> {}", p.display(), g.display()))
        })
        .collect();
    assert!(wrong.is_empty(), "panels importing panels: {wrong:?}");
}

#[test]
fn the_checker_sees_imports_through_use_super_and_child_paths() {
    let children = BTreeSet::from(["overview".to_string()]);
    let found = paths(
        "use crate::app::{App, Effect};\nuse super::{axis, events::x};\nfn f() { overview::render(); crate::fmt::iso(d); }",
        &children,
    );
    for want in [
        "crate::app::App",
        "super::axis",
        "super::events::x",
        "overview::render",
        "crate::fmt::iso",
    ] {
        assert!(found.iter().any(|p| p == want), "{want} not in {found:?}");
    }
    let mut edges = BTreeMap::new();
    let (a, b) = (PathBuf::from("a.rs"), PathBuf::from("b.rs"));
    edges.insert(a.clone(), BTreeSet::from([b.clone()]));
    edges.insert(b.clone(), BTreeSet::from([a.clone()]));
    assert_eq!(cycles(&edges), vec![vec![a, b]]);
}
