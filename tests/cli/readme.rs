//! The README's two set-up commands must keep working: `cargo run --release -- report
//! sample-data` needs the package to name its default binary (there are two).

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
