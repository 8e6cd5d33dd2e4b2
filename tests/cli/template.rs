//! `tsreport template` and `--template`: the built-in template is shown and copied; a
//! user's file extends it; unknown keys are errors naming the key and the file.

use crate::workdir::*;

#[test]
fn show_prints_the_builtin_template() {
    let w = Workdir::new();
    let run = w.run(&["template", "--show"]);
    run.expect_code(0);
    assert_eq!(
        run.stdout(),
        include_str!("../../report-templates/default.toml")
    );
}

#[test]
fn init_writes_a_copy_and_never_overwrites() {
    let w = Workdir::new();
    w.run(&["template", "--init", "mine.toml"]).expect_code(0);
    assert_eq!(
        std::fs::read_to_string(w.path("mine.toml")).unwrap(),
        include_str!("../../report-templates/default.toml")
    );
    w.run(&["template", "--init", "mine.toml"])
        .expect_code(1)
        .expect_stderr_line("tsreport: mine.toml 已存在;请换一个名字,或先删除它");
    w.run(&["template", "--init", "mine.toml", "--lang", "en"])
        .expect_code(1)
        .expect_stderr_line(
            "tsreport: mine.toml already exists; choose another name or delete it first",
        );
}

#[test]
fn template_needs_show_or_init() {
    Workdir::new().run(&["template"]).expect_code(2);
}

#[test]
fn a_user_alias_makes_a_sheet_recognisable() {
    let w = Workdir::new();
    w.xlsx(
        "x.xlsx",
        &[(
            "Sheet1",
            vec![
                vec![S("来电日期"), S("受理方式")],
                vec![D(2026, 10, 1), S("400热线")],
            ],
        )],
    );
    w.run(&["check", "x.xlsx"])
        .expect_code(1)
        .expect_stdout("无法识别的工作表");
    w.write(
        "mine.toml",
        "[aliases.complaint]\nreceived_date = [\"来电日期\"]\n\n[synonyms.channel]\n\"电话\" = [\"400热线\"]\n",
    );
    w.run(&["check", "x.xlsx", "--template", "mine.toml"])
        .expect_code(0)
        .expect_stdout("A 来电日期→受理日期");
}

#[test]
fn unknown_template_key_is_an_error_naming_it_and_the_file() {
    let w = Workdir::new();
    w.write("bad.toml", "own_brand = [\"金穗\"]\n");
    w.xlsx("x.xlsx", &[("Sheet1", vec![complaint_header()])]);
    let run = w.run(&["check", "x.xlsx", "--template", "bad.toml"]);
    run.expect_code(1);
    let err = run.stderr();
    assert!(err.starts_with("tsreport: 模板 bad.toml:"), "{err}");
    assert!(err.contains("unknown field `own_brand`"), "{err}");
    let run = w.run(&["check", "x.xlsx", "--template", "bad.toml", "--lang", "en"]);
    run.expect_code(1);
    let err = run.stderr();
    assert!(err.starts_with("tsreport: template bad.toml:"), "{err}");
}

#[test]
fn a_setting_out_of_range_is_named_with_the_users_file() {
    let w = Workdir::new();
    w.write(
        "bad.toml",
        "forecast_min_points = 2\n[warnings]\nprice_pct = 0.0\n",
    );
    w.xlsx("x.xlsx", &[("Sheet1", vec![complaint_header()])]);
    let run = w.run(&["check", "x.xlsx", "--template", "bad.toml"]);
    run.expect_code(1);
    let err = run.stderr();
    assert!(err.starts_with("tsreport: 模板 bad.toml:"), "{err}");
    assert!(
        err.contains("forecast_min_points ≥ 3, warnings.price_pct > 0"),
        "{err}"
    );
    assert!(!err.contains("header_search_rows"), "{err}");
}

#[test]
fn a_name_in_chinese_without_quotes_is_told_how_to_write_it() {
    let w = Workdir::new();
    // As SPEC §5.3 shows it: not valid TOML.
    w.write("市场.toml", "[markets]\n张伟 = [\"东湖区\"]\n");
    w.xlsx("x.xlsx", &[("Sheet1", vec![complaint_header()])]);
    let run = w.run(&["check", "x.xlsx", "--template", "市场.toml"]);
    run.expect_code(1);
    let err = run.stderr();
    assert!(err.starts_with("tsreport: 模板 市场.toml:"), "{err}");
    assert!(err.contains("line 2"), "{err}");
    assert!(
        err.contains("要加英文双引号,例如 \"张伟\" = [\"东湖区\"]"),
        "{err}"
    );
}
