//! A temporary work folder with helpers to write fixtures (xlsx via rust_xlsxwriter, CSV by
//! hand) and to run `tsreport` in it, showing stdout/stderr when an assertion fails.

use std::path::PathBuf;
use std::process::Output;

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet};

/// A cell of a fixture.
#[derive(Debug, Clone)]
pub enum V {
    /// Blank.
    B,
    S(&'static str),
    N(f64),
    /// A date cell (formatted yyyy-mm-dd).
    D(i32, u32, u32),
    /// A formula with its cached result.
    F(&'static str, &'static str),
}
pub use V::*;

pub struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    pub fn new() -> Workdir {
        Workdir {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// A workbook with one sheet per `(name, rows)`; rows start at A1.
    pub fn xlsx(&self, name: &str, sheets: &[(&str, Vec<Vec<V>>)]) -> PathBuf {
        self.xlsx_with(name, |wb| {
            for (sheet, rows) in sheets {
                let ws = wb.add_worksheet();
                ws.set_name(*sheet).unwrap();
                write_rows(ws, 0, rows);
            }
        })
    }

    /// A workbook built by `build`.
    pub fn xlsx_with(&self, name: &str, build: impl FnOnce(&mut Workbook)) -> PathBuf {
        let mut wb = Workbook::new();
        build(&mut wb);
        let p = self.path(name);
        wb.save(&p).unwrap();
        p
    }

    /// Runs `tsreport` with `args` in the work folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = assert_cmd::Command::cargo_bin("tsreport")
            .unwrap()
            .current_dir(self.dir.path())
            .env_remove("TSREPORT_LANG")
            .args(args)
            .output()
            .unwrap();
        Run(out)
    }

    /// Runs `tsreport` with `args` and the environment variable `key=value`.
    pub fn run_env(&self, args: &[&str], (key, value): (&str, &str)) -> Run {
        let out = assert_cmd::Command::cargo_bin("tsreport")
            .unwrap()
            .current_dir(self.dir.path())
            .env(key, value)
            .args(args)
            .output()
            .unwrap();
        Run(out)
    }
}

/// Writes rows from `first_row` on.
pub fn write_rows(ws: &mut Worksheet, first_row: u32, rows: &[Vec<V>]) {
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        let r = first_row + r as u32;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                B => {}
                S(s) => {
                    ws.write_string(r, c, *s).unwrap();
                }
                N(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                D(y, m, d) => {
                    let d = NaiveDate::from_ymd_opt(*y, *m, *d).unwrap();
                    ws.write_datetime_with_format(r, c, d, &date).unwrap();
                }
                F(f, v) => {
                    ws.write_formula(r, c, Formula::new(*f).set_result(*v))
                        .unwrap();
                }
            }
        }
    }
}

/// A finished run of the binary.
pub struct Run(pub Output);

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }

    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap_or(-1)
    }

    /// Asserts the exit code, showing the output when it differs.
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code(),
            code,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }

    /// Asserts that stdout holds `text`.
    pub fn expect_stdout(&self, text: &str) -> &Run {
        assert!(
            self.stdout().contains(text),
            "stdout lacks {text:?}:\n{}",
            self.stdout()
        );
        self
    }

    /// Asserts that stderr holds the line `line` exactly.
    pub fn expect_stderr_line(&self, line: &str) -> &Run {
        assert!(
            self.stderr().lines().any(|l| l == line),
            "stderr lacks the line {line:?}:\n{}",
            self.stderr()
        );
        self
    }
}

/// The header of a minimal complaint register.
pub fn complaint_header() -> Vec<V> {
    vec![
        S("投诉编号"),
        S("受理日期"),
        S("受理方式"),
        S("客户名称"),
        S("处理状态"),
        S("结案日期"),
    ]
}

/// Rewrites one part of a zipped workbook.
pub fn rezip(path: &std::path::Path, part: &str, edit: impl Fn(String) -> String) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut content = Vec::new();
        f.read_to_end(&mut content).unwrap();
        if name == part {
            content = edit(String::from_utf8(content).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}
