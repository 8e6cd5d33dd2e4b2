//! The streaming reader on real workbooks: text arriving whole across batches, inflated
//! ahead or in place, and a sheet lying about its size stopped either way.

use super::{BATCH_CELLS, read};
use crate::ingest::ahead::tests::understate;
use crate::ingest::{Cell, Inflate, SheetConsumer, SheetProblem};
use crate::template::Limits;

/// Every row as displayed text, by row index; sheet ends with their problems.
#[derive(Default)]
struct Rows {
    rows: Vec<(u32, Vec<String>)>,
    ends: Vec<Option<SheetProblem>>,
}

impl SheetConsumer for Rows {
    fn begin_sheet(&mut self, _: &str) {}
    fn row(&mut self, row: u32, cells: &[Cell<'_>]) {
        self.rows
            .push((row, cells.iter().map(Cell::display).collect()));
    }
    fn end_sheet(&mut self, error: Option<SheetProblem>) {
        self.ends.push(error);
    }
}

/// Inline strings (as exports stream them) and formula results are text calamine
/// allocates; the reader copies them into its batches. Every value must come through in
/// its place, across batch boundaries.
#[test]
fn inline_text_and_formula_results_arrive_whole_across_batches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inline.xlsx");
    // Three cells a row (C stays empty): three batches of whole rows.
    let rows = (BATCH_CELLS * 2 / 3 + 1000) as u32;
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    for r in 0..rows {
        ws.write_string(r, 0, format!("客户{r}")).unwrap();
        ws.write_number(r, 1, f64::from(r)).unwrap();
        // Column C left empty; D a formula whose cached result is text.
        let formula = rust_xlsxwriter::Formula::new("=A1&\"\"").set_result(format!("结果{r}"));
        ws.write_formula(r, 3, formula).unwrap();
    }
    wb.save(&path).unwrap();
    // The sheet is large enough to be inflated ahead; the rows are the same either way.
    let sheet = zip::ZipArchive::new(std::fs::File::open(&path).unwrap())
        .unwrap()
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .size();
    assert!(sheet > 2 << 20, "{sheet}");
    for inflate in [Inflate::Ahead, Inflate::InPlace] {
        let mut got = Rows::default();
        read(&path, &limits(), inflate, &mut got).unwrap();
        assert_eq!(got.ends, vec![None]);
        assert_eq!(got.rows.len(), rows as usize);
        for (i, (r, cells)) in got.rows.iter().enumerate() {
            let want = [
                format!("客户{i}"),
                i.to_string(),
                String::new(),
                format!("结果{i}"),
            ];
            assert_eq!((*r as usize, cells.as_slice()), (i, &want[..]), "row {i}");
        }
    }
}

fn limits() -> Limits {
    Limits {
        max_cells: 10_000_000,
        max_columns: 1000,
        max_part_bytes: 1 << 30,
        max_csv_bytes: 1 << 30,
    }
}

/// A sheet big enough to be inflated ahead whose headers understate its size is stopped
/// with the same problem as when it is inflated in place.
#[test]
fn a_large_sheet_understating_its_size_is_stopped_either_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lying.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    for r in 0..40_000 {
        ws.write_string(r, 0, format!("客户{r}甲乙丙丁")).unwrap();
        ws.write_number(r, 1, f64::from(r)).unwrap();
    }
    wb.save(&path).unwrap();
    let declared = (3u32 << 20) / 2;
    let real = understate(&path, "xl/worksheets/sheet1.xml", declared);
    assert!(real > 2 << 20, "{real}");
    for inflate in [Inflate::Ahead, Inflate::InPlace] {
        let mut got = Rows::default();
        read(&path, &limits(), inflate, &mut got).unwrap();
        assert_eq!(
            got.ends,
            vec![Some(SheetProblem::LargerThanDeclared)],
            "{inflate:?}"
        );
    }
}
