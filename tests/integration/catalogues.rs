//! The message catalogues are complete and consistent: every language has every message of
//! its file with the same placeholders, every message the code names exists, and no message
//! sits in a catalogue that nothing shows.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use nhi_core::domain::health_bank::{Category, Field};
use nhi_core::i18n::Lang;
use nhi_core::i18n::CATALOGUES;

/// Message id → the names of its placeholders, for one catalogue file.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn messages(source: &str, what: &str) -> Messages {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{what} does not parse: {errors:?}"));
    let mut found = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                let value = m
                    .value
                    .unwrap_or_else(|| panic!("{what}: {} has no value", m.id.name));
                pattern_vars(&value, &mut vars);
                assert!(
                    found.insert(m.id.name.to_owned(), vars).is_none(),
                    "{what}: {} twice",
                    m.id.name
                );
            }
            ast::Entry::Junk { content } => panic!("{what}: cannot read {content:?}"),
            _ => {}
        }
    }
    found
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// Every catalogue file by name ("app", "pages"), each language's messages.
fn catalogues() -> BTreeMap<&'static str, Vec<(Lang, Messages)>> {
    let mut by_name: BTreeMap<_, Vec<_>> = BTreeMap::new();
    for file in CATALOGUES {
        let what = format!("{}/{}.ftl", file.lang.code(), file.name);
        by_name
            .entry(file.name)
            .or_default()
            .push((file.lang, messages(file.source, &what)));
    }
    by_name
}

#[test]
fn every_language_has_every_message_with_the_same_placeholders() {
    let all = catalogues();
    assert_eq!(
        all["app"].iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        Lang::ALL,
        "the app speaks every language"
    );
    assert!(
        all.contains_key("pages"),
        "the backend's pages have a catalogue"
    );
    for (name, langs) in &all {
        let (first_lang, first) = &langs[0];
        for (lang, messages) in &langs[1..] {
            for (id, vars) in first {
                let other = messages
                    .get(id)
                    .unwrap_or_else(|| panic!("{}/{name}.ftl lacks {id}", lang.code()));
                assert_eq!(
                    other,
                    vars,
                    "{id}: placeholders differ between {} and {}",
                    first_lang.code(),
                    lang.code()
                );
            }
            for id in messages.keys() {
                assert!(
                    first.contains_key(id),
                    "{}/{name}.ftl has {id}, which {} lacks",
                    lang.code(),
                    first_lang.code()
                );
            }
        }
    }
}

/// Message ids as the code names them: `.t("…")`, `tr!(lang, "…"`, `Msg::new("…")`,
/// `notify("…")`, the mails' and the screens' helpers; the `message_id` functions are asked.
fn ids_in_code() -> BTreeSet<String> {
    let patterns = [
        r#"\.t\(\s*"([a-z0-9-]+)"\s*\)"#,
        r#"tr!\(\s*[^,]+,\s*"([a-z0-9-]+)""#,
        r#"Msg::new\(\s*"([a-z0-9-]+)"\s*\)"#,
        r#"notify\(\s*"([a-z0-9-]+)"\s*\)"#,
        r#"in_both\(\s*"([a-z0-9-]+)""#,
        r#"spinner\(\s*"([a-z0-9-]+)"\s*\)"#,
        r#"step_item\(Step::\w+, \d, "([a-z0-9-]+)"\)"#,
    ]
    .map(|p| regex::Regex::new(p).expect("valid pattern"));
    let mut ids = BTreeSet::new();
    for text in workspace_files(&["rs"]) {
        for pattern in &patterns {
            for c in pattern.captures_iter(&text) {
                ids.insert(c[1].to_owned());
            }
        }
    }
    ids
}

/// The text of every file with one of these extensions in the launchers (`src/`) and the
/// crates (`crates/`: their code and the backend's page templates).
fn workspace_files(extensions: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stack = vec![root.join("src"), root.join("crates")];
    let mut texts = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("the sources are readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
            {
                texts.push(std::fs::read_to_string(&path).expect("a source file"));
            }
        }
    }
    texts
}

#[test]
fn every_message_the_code_names_exists_and_every_message_is_used() {
    let all = catalogues();
    let known: BTreeSet<String> = all
        .values()
        .flat_map(|langs| langs[0].1.keys().cloned())
        .collect();
    let mut named = ids_in_code();
    named.extend(Category::ALL.map(|c| c.message_id().to_owned()));
    named.extend(Field::ALL.map(|f| f.message_id().to_owned()));
    named.extend(
        nhi_core::domain::card_application::RejectReason::ALL.map(|r| r.message_id().to_owned()),
    );
    let missing: Vec<_> = named.difference(&known).collect();
    assert!(
        missing.is_empty(),
        "named in the code, in no catalogue: {missing:?}"
    );
    // Every message is named somewhere in the code (directly or through the helpers above).
    let source_text = workspace_files(&["rs", "html"]).concat();
    let unused: Vec<_> = known
        .iter()
        .filter(|id| !source_text.contains(&format!("\"{id}\"")))
        .collect();
    assert!(
        unused.is_empty(),
        "in a catalogue, shown nowhere: {unused:?}"
    );
}

#[test]
fn a_catalogue_missing_a_message_is_caught() {
    // The check above must be able to fail: drop one message from a copy of the English
    // catalogue and compare it with the zh-TW one.
    let zh = CATALOGUES
        .iter()
        .find(|f| f.lang == Lang::ZhTw && f.name == "app")
        .unwrap();
    let en = CATALOGUES
        .iter()
        .find(|f| f.lang == Lang::En && f.name == "app")
        .unwrap();
    let zh = messages(zh.source, "zh-TW");
    let mut en = messages(en.source, "en");
    let (id, _) = en.pop_first().unwrap();
    assert!(zh.contains_key(&id) && !en.contains_key(&id));
    let placeholders = messages("x = { $a } and { $b ->\n   *[other] { $c }\n}\n", "test");
    assert_eq!(
        placeholders["x"],
        BTreeSet::from(["a".to_owned(), "b".to_owned(), "c".to_owned()])
    );
}
