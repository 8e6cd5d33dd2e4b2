//! The console for the people who read it (SPEC §7): every command speaks Chinese by default
//! and English with `--lang en` or `TSREPORT_LANG=en`; problems are grouped per sheet and
//! reason, not flooded; the raw value on the problem list is the cell as written.

use crate::summary::{read_summary, table};
use crate::workdir::*;

/// A register whose every row has the same problem: an unknown channel.
fn flooded(w: &Workdir, rows: usize) {
    w.xlsx_with("big.xlsx", |wb| {
        let ws = wb.add_worksheet();
        ws.set_name("登记").unwrap();
        write_rows(ws, 0, &[vec![S("受理日期"), S("受理方式"), S("客户名称")]]);
        let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
        for r in 1..=rows as u32 {
            ws.write_datetime_with_format(r, 0, day, &date).unwrap();
            ws.write_string(r, 1, "飞鸽传书").unwrap();
            ws.write_string(r, 2, format!("客户{r}")).unwrap();
        }
    });
}

#[test]
fn five_thousand_rows_with_one_problem_print_a_screen_not_five_thousand_lines() {
    let w = Workdir::new();
    flooded(&w, 5000);
    let run = w.run(&["check", "big.xlsx"]);
    run.expect_code(1)
        .expect_stdout(
            "big.xlsx [登记] · 受理方式 (B):未识别的取值,计入“其他/未识别” [保留] 5000 处",
        )
        .expect_stdout("      第 2 行 \"飞鸽传书\";第 3 行 \"飞鸽传书\";第 4 行 \"飞鸽传书\" …")
        .expect_stdout("每一条见 `tsreport check --all`。");
    assert!(run.stdout().lines().count() < 40, "{}", run.stdout());
    let all = w.run(&["check", "big.xlsx", "--all"]);
    all.expect_code(1);
    let lines = all
        .stdout()
        .lines()
        .filter(|l| l.contains("\"飞鸽传书\" — 未识别的取值"))
        .count();
    assert_eq!(lines, 5000);
    // The report groups them too, and says where the full list is.
    let report = w.run(&["report", "big.xlsx", "--period", "2026-10", "--out", "out"]);
    report
        .expect_code(0)
        .expect_stdout("数据问题 5000 条(其中拒收 0 行),按工作表和原因归类:")
        .expect_stdout("完整清单见工作簿的“数据问题”表。");
    assert!(report.stdout().lines().count() < 40, "{}", report.stdout());
}

#[test]
fn the_raw_value_is_the_cell_as_written_not_its_canonical_label() {
    let w = Workdir::new();
    w.xlsx(
        "reg.xlsx",
        &[(
            "登记",
            vec![
                vec![S("受理日期"), S("受理方式"), S("处理状态"), S("结案日期")],
                vec![D(2026, 10, 1), S("电话"), S("Closed with explanation"), B],
            ],
        )],
    );
    w.write(
        "mine.toml",
        "[synonyms.status]\n\"完成\" = [\"Closed with explanation\"]\n",
    );
    w.run(&[
        "report",
        "reg.xlsx",
        "--period",
        "2026-10",
        "--out",
        "out",
        "--template",
        "mine.toml",
    ])
    .expect_code(0);
    let s = read_summary(&w.path("out"));
    let issue = table(&s, "data_issues")
        .iter()
        .find(|i| i["reason"] == "状态为完成但没有结案日期")
        .unwrap()
        .clone();
    assert_eq!(issue["raw"], "Closed with explanation");
    // It still counts as 完成.
    let status = table(&s, "complaints_by_status");
    assert_eq!(status[0]["status"], "完成");
    assert_eq!(status[0]["count"], 1);
}

#[test]
fn a_notes_sheet_is_skipped_calmly_and_an_odd_table_is_unrecognised() {
    let w = Workdir::new();
    w.xlsx(
        "book.xlsx",
        &[
            (
                "填表说明",
                vec![
                    vec![S("填表说明")],
                    vec![S("1. 按日期填写")],
                    vec![S("2. 结案后填结案日期")],
                ],
            ),
            (
                "通讯录",
                vec![
                    vec![S("姓名"), S("电话"), S("部门")],
                    vec![S("张三"), S("123"), S("技术部")],
                ],
            ),
            (
                "登记",
                vec![
                    complaint_header(),
                    vec![
                        S("K1"),
                        D(2026, 10, 1),
                        S("电话"),
                        S("甲"),
                        S("完成"),
                        D(2026, 10, 2),
                    ],
                ],
            ),
        ],
    );
    let run = w.run(&["check", "book.xlsx"]);
    run.expect_code(1)
        .expect_stdout("book.xlsx [填表说明]\n  备注:不是数据表(说明或备注页),已跳过")
        .expect_stdout("book.xlsx [通讯录]\n  备注:无法识别的工作表");
    // The notes sheet is no error: only the odd table is.
    assert!(!run.stderr().contains("填表说明"), "{}", run.stderr());
    assert!(
        run.stderr().contains("book.xlsx [通讯录]"),
        "{}",
        run.stderr()
    );
}

#[test]
fn every_command_speaks_chinese_by_default_and_english_when_asked() {
    let w = Workdir::new();
    crate::report::month_fixture(&w);
    // report
    w.run(&["report", "in", "--period", "2026-10", "--out", "zh"])
        .expect_code(0)
        .expect_stdout("期间:2026-10(2026-10-01 至 2026-10-31)")
        .expect_stdout("数据核对(读取行数 = 使用 + 跳过 + 拒收)")
        .expect_stdout("已写出 zh/brief.html");
    w.run(&[
        "report", "in", "--period", "2026-10", "--out", "en", "--lang", "en",
    ])
    .expect_code(0)
    .expect_stdout("Period: 2026-10 (2026-10-01 – 2026-10-31)")
    .expect_stdout("Reconciliation (rows read = used + skipped + rejected)")
    .expect_stdout("Wrote en/brief.html");
    w.run_env(
        &["report", "in", "--period", "2026-10", "--out", "env"],
        ("TSREPORT_LANG", "en"),
    )
    .expect_code(0)
    .expect_stdout("Wrote env/brief.html");
    // check
    w.run(&["check", "in"])
        .expect_code(1)
        .expect_stdout("发现 ");
    w.run(&["check", "in", "--lang", "en"])
        .expect_code(1)
        .expect_stdout("problem(s) found.");
    // review
    w.run(&["review", "in", "--period", "2026-10", "--out", "rv"])
        .expect_code(0)
        .expect_stdout("已写出 rv/");
    w.run(&[
        "review", "in", "--period", "2026-10", "--out", "rv-en", "--lang", "en",
    ])
    .expect_code(0)
    .expect_stdout("Wrote rv-en/");
    // sample
    w.run(&[
        "sample",
        "--out",
        "s",
        "--months",
        "1",
        "--rows-per-month",
        "2",
    ])
    .expect_code(0)
    .expect_stdout("已写出 s/");
    w.run(&[
        "sample",
        "--out",
        "s2",
        "--months",
        "1",
        "--rows-per-month",
        "2",
        "--lang",
        "en",
    ])
    .expect_code(0)
    .expect_stdout("Wrote s2/");
    // template
    w.run(&["template", "--init", "t.toml"])
        .expect_code(0)
        .expect_stdout("已写出 t.toml");
    w.run(&["template", "--init", "t2.toml", "--lang", "en"])
        .expect_code(0)
        .expect_stdout("wrote t2.toml");
    // --help
    w.run(&["--help"])
        .expect_code(0)
        .expect_stdout("用法:tsreport");
    w.run(&["report", "--help"])
        .expect_code(0)
        .expect_stdout("输出文件夹(默认 reports/<期间>/)");
    w.run(&["report", "--help", "--lang", "en"])
        .expect_code(0)
        .expect_stdout("Output folder (default: reports/<period>/)");
    // Every line of every subcommand's Chinese help is Chinese.
    for sub in ["report", "check", "review", "export", "sample", "template"] {
        let help = w.run(&[sub, "--help"]).stdout();
        for english in [
            "With --",
            "Folder to",
            "Random seed",
            "Write only",
            "Months of",
        ] {
            assert!(!help.contains(english), "{sub} --help: {english}\n{help}");
        }
    }
    w.run(&["sample", "--help"])
        .expect_code(0)
        .expect_stdout("与 --complaints-only 同用:使用共享字符串表");
}

/// `tsreport check … | head`: the reader of the console output goes away early. The command
/// stops without a panic message or backtrace on stderr.
#[cfg(unix)]
#[test]
fn a_closed_pipe_on_stdout_stops_the_command_quietly() {
    let w = Workdir::new();
    flooded(&w, 50);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("tsreport"))
        .current_dir(w.path("."))
        .env_remove("TSREPORT_LANG")
        .args(["check", "big.xlsx"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close the pipe's reading end before the command prints anything.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("backtrace"), "{stderr}");
}
