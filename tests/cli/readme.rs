//! The README's two set-up commands must keep working: `cargo run --release -- report
//! sample-data` needs the package to name its default binary (there are two). The template
//! examples it shows (and the Windows package ships) are valid.

use std::path::Path;

#[test]
fn cargo_run_picks_tsreport_and_the_readme_shows_both_commands() {
    let manifest = include_str!("../../Cargo.toml");
    assert!(manifest.contains("default-run = \"tsreport\""));
    let readme = include_str!("../../README.md");
    assert!(readme.contains("cargo run --release -- report sample-data"));
    assert!(readme.contains("cargo test"));
    let ci = include_str!("../../.ci/run");
    assert!(ci.lines().any(|l| l.trim() == "cargo test"));
}

#[test]
fn the_readmes_template_example_is_a_valid_template() {
    let readme = include_str!("../../README.md");
    let example = readme
        .split("```toml\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .find(|block| block.starts_with("# 我的模板.toml"))
        .expect("the README shows 我的模板.toml");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("我的模板.toml");
    std::fs::write(&path, example).unwrap();
    let t = tsreport::template::Template::load(Some(&path)).unwrap_or_else(|e| {
        panic!("{}", e.text(tsreport::lang::Lang::En));
    });
    assert_eq!(t.own_brands, ["金穗", "丰农", "金穗优选"]);
    assert_eq!(t.demo_visit_days, 30);
    assert_eq!(
        t.market_of("张伟"),
        Some(&["东湖区".to_string(), "南岭镇".to_string()][..])
    );
    // The template shipped in the Windows package too.
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/windows/模板.toml");
    tsreport::template::Template::load(Some(&shipped)).unwrap();
}
