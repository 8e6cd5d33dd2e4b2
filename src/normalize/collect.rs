//! The [`SheetConsumer`] that turns streamed rows into records: it holds back the first rows
//! until the header is found, then reads each data row straight into its kind's columns,
//! accounting for every row below the header (used, skipped or rejected).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use super::checks::check_record;
use super::fill::Merged;
use super::header::{self, Header};
use super::record::{RowIssue, RowParser};
use super::shapes::{looks_like_a_table, repeats_header, row_text};
use crate::frames::{Keep, RecordsBuilder, Value};
use crate::ingest::{Cell, MergedDown, SheetConsumer, SheetProblem, column_letter};
use crate::issues::{Action, DataIssue, Reason, SheetReport, Unrecognised};
use crate::schema::Kind;
use crate::template::Template;

enum State {
    Idle,
    Searching(Vec<(u32, Vec<Cell<'static>>)>),
    Data(Box<DataSheet>),
    Unrecognised,
}

struct DataSheet {
    header: Header,
    parser: RowParser,
    /// The last 0-based row handed to the sheet.
    last_row: u32,
    /// Blank rows not yet accounted for (trailing blank rows never are).
    pending_blank: Vec<u32>,
    /// A row of one text cell, held until the next row says whether it is the title of a
    /// table stacked below (a repeated header follows) or data.
    held: Option<(u32, Vec<Cell<'static>>)>,
}

/// Everything read so far, across files.
pub struct Collector<'t> {
    template: &'t Template,
    keep: Keep,
    pub tables: BTreeMap<Kind, RecordsBuilder>,
    pub sheets: Vec<SheetReport>,
    pub issues: Vec<DataIssue>,
    file: std::path::PathBuf,
    modified: Option<SystemTime>,
    state: State,
    row_issues: Vec<RowIssue>,
    merged: Merged,
    /// Whether the sheet being read is hidden.
    hidden: bool,
}

impl<'t> Collector<'t> {
    pub fn new(template: &'t Template, keep: Keep) -> Collector<'t> {
        Collector {
            template,
            keep,
            tables: BTreeMap::new(),
            sheets: Vec::new(),
            issues: Vec::new(),
            file: Default::default(),
            modified: None,
            state: State::Idle,
            row_issues: Vec::new(),
            merged: Merged::default(),
            hidden: false,
        }
    }

    /// Sets the file the next sheets come from.
    pub fn start_file(&mut self, path: &Path) {
        self.file = path.to_path_buf();
        self.modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    }

    fn sheet(&mut self) -> &mut SheetReport {
        self.sheets.last_mut().expect("a sheet has begun")
    }

    fn sheet_issue(
        &mut self,
        row: Option<u32>,
        column: Option<String>,
        raw: String,
        reason: Reason,
        action: Action,
    ) {
        let sheet = self.sheets.len() - 1;
        self.issues.push(DataIssue {
            sheet,
            row,
            column,
            raw,
            reason,
            action,
        });
    }

    /// Tries to recognise the header among the rows held back, then replays the rest.
    fn resolve_header(&mut self, rows: Vec<(u32, Vec<Cell<'static>>)>) {
        if rows.is_empty() {
            // A chart sheet has its note already.
            self.sheet().note.get_or_insert(Reason::EmptySheet);
            self.state = State::Unrecognised;
            return;
        }
        match header::detect(self.template, &rows) {
            Ok(h) => {
                let report = self.sheet();
                report.kind = Some(h.kind);
                report.also_qualified = h.also.clone();
                report.header_rows = Some((h.first_row + 1, h.last_row + 1));
                report.columns = h.columns.clone();
                let parser = RowParser::new(h.kind, &h.fields, &h.columns);
                self.tables
                    .entry(h.kind)
                    .or_insert_with(|| RecordsBuilder::keeping(h.kind, self.keep));
                let last_row = h.last_row;
                self.state = State::Data(Box::new(DataSheet {
                    header: h,
                    parser,
                    last_row,
                    pending_blank: Vec::new(),
                    held: None,
                }));
                for (r, cells) in rows.into_iter().filter(|(r, _)| *r > last_row) {
                    self.data_row(r, &cells);
                }
            }
            Err(closest) => {
                // No header cell named any known field, and no row has the shape of a table:
                // an instructions or notes sheet, skipped calmly; so is a hidden sheet no
                // kind's header fits (a register's drop-down lists).
                let reason = if self.hidden {
                    Reason::HiddenNotData
                } else if closest.is_none() && !looks_like_a_table(&rows) {
                    Reason::NotADataSheet
                } else {
                    Reason::UnrecognisedSheet(Unrecognised {
                        closest: closest.map(|c| (c.kind, c.missing)),
                        searched_rows: self.template.header_search_rows,
                    })
                };
                let count = rows.len() as u64;
                let report = self.sheet();
                report.note = Some(reason.clone());
                report.rows_read += count;
                report.skipped += count;
                self.sheet_issue(None, None, String::new(), reason, Action::Skipped);
                self.state = State::Unrecognised;
            }
        }
    }

    fn data_row(&mut self, row: u32, cells: &[Cell<'_>]) {
        let State::Data(ds) = &mut self.state else {
            return;
        };
        let blank = cells.iter().all(Cell::is_blank);
        ds.pending_blank.extend(ds.last_row + 1..row);
        ds.last_row = row;
        if blank {
            ds.pending_blank.push(row);
            return;
        }
        let pending = std::mem::take(&mut ds.pending_blank);
        let header_end = ds.header.last_row;
        self.flush_blanks(&pending);
        let (cells, filled) = self.merged.fill(row, header_end, cells);
        let cells = &*cells;
        self.sheet().merged_filled += filled;
        let State::Data(ds) = &mut self.state else {
            return;
        };
        if let Some((held_row, held)) = ds.held.take() {
            if repeats_header(self.template, ds.header.kind, &ds.parser.field_cols, cells) {
                // The title of a table stacked below, over its header.
                self.count_skip(held_row, row_text(&held), Reason::TitleRow);
                self.count_skip(row, row_text(cells), Reason::RepeatedHeader);
                return;
            }
            self.content_row(held_row, &held);
        }
        let State::Data(ds) = &mut self.state else {
            return;
        };
        let mut filled = cells.iter().filter(|c| !c.is_blank());
        if let (Some(Cell::Text(_)), None) = (filled.next(), filled.next()) {
            ds.held = Some((row, cells.iter().cloned().map(Cell::into_owned).collect()));
            return;
        }
        self.content_row(row, cells);
    }

    /// A row with content below the header: a footer, a repeated header or a record.
    fn content_row(&mut self, row: u32, cells: &[Cell<'_>]) {
        let State::Data(ds) = &self.state else {
            return;
        };
        if let Some(Cell::Text(first)) = cells.iter().find(|c| !c.is_blank())
            && self.template.is_footer(first)
        {
            let raw = row_text(cells);
            self.count_skip(row, raw, Reason::FooterRow);
            return;
        }
        if repeats_header(self.template, ds.header.kind, &ds.parser.field_cols, cells) {
            let raw = row_text(cells);
            self.count_skip(row, raw, Reason::RepeatedHeader);
            return;
        }
        self.record(row, cells);
    }

    /// Reads the row held back, if any, as the content it is (the sheet ends).
    fn release_held(&mut self) {
        if let State::Data(ds) = &mut self.state
            && let Some((row, cells)) = ds.held.take()
        {
            self.content_row(row, &cells);
        }
    }

    fn count_skip(&mut self, row: u32, raw: String, reason: Reason) {
        let report = self.sheet();
        report.rows_read += 1;
        report.skipped += 1;
        self.sheet_issue(Some(row + 1), None, raw, reason, Action::Skipped);
    }

    fn flush_blanks(&mut self, pending: &[u32]) {
        let mut i = 0;
        while i < pending.len() {
            let mut j = i;
            while j + 1 < pending.len() && pending[j + 1] == pending[j] + 1 {
                j += 1;
            }
            let n = (j - i + 1) as u64;
            let report = self.sheet();
            report.rows_read += n;
            report.skipped += n;
            let reason = if n == 1 {
                Reason::BlankRow
            } else {
                Reason::BlankRows(pending[j] + 1)
            };
            self.sheet_issue(
                Some(pending[i] + 1),
                None,
                String::new(),
                reason,
                Action::Skipped,
            );
            i = j + 1;
        }
    }

    fn record(&mut self, row: u32, cells: &[Cell<'_>]) {
        let State::Data(ds) = &mut self.state else {
            return;
        };
        let mut issues = std::mem::take(&mut self.row_issues);
        let mut values: Vec<Value<'_>> = Vec::with_capacity(ds.parser.field_cols.len());
        ds.parser
            .parse(self.template, cells, &mut values, &mut issues);
        let field_cols = &ds.parser.field_cols;
        let raw = |f: usize| {
            field_cols[f]
                .and_then(|c| cells.get(c as usize))
                .map(Cell::display)
                .unwrap_or_default()
        };
        check_record(
            self.template,
            ds.parser.kind,
            &mut values,
            &ds.parser.suffix_units,
            &raw,
            &mut issues,
        );
        let rejected = issues.iter().any(|i| i.action == Action::Rejected);
        let sheet_index = self.sheets.len() as u32 - 1;
        if !rejected {
            self.tables
                .get_mut(&ds.header.kind)
                .expect("table made with the header")
                .push(sheet_index, row + 1, &values);
        }
        let report = self.sheets.last_mut().expect("a sheet has begun");
        report.rows_read += 1;
        if rejected {
            report.rejected += 1;
        } else {
            report.used += 1;
        }
        for issue in issues.drain(..) {
            let column = issue.field.and_then(|f| ds.parser.field_cols[f]).map(|c| {
                let header = ds
                    .header
                    .columns
                    .iter()
                    .find(|u| u.col == c)
                    .map_or("", |u| u.header.as_str());
                format!("{header} ({})", column_letter(c))
            });
            self.issues.push(DataIssue {
                sheet: sheet_index as usize,
                row: Some(row + 1),
                column,
                raw: issue.raw,
                reason: issue.reason,
                action: if rejected {
                    Action::Rejected
                } else {
                    issue.action
                },
            });
        }
        self.row_issues = issues;
    }
}

impl SheetConsumer for Collector<'_> {
    fn begin_sheet(&mut self, sheet: &str) {
        self.sheets
            .push(SheetReport::new(self.file.clone(), sheet, self.modified));
        self.state = State::Searching(Vec::new());
        self.merged = Merged::default();
        self.hidden = false;
    }

    fn merged_down(&mut self, regions: Vec<MergedDown>) {
        self.merged.ahead = regions.into();
    }

    fn chart_sheet(&mut self) {
        self.sheet().note = Some(Reason::ChartSheet);
    }

    fn hidden_sheet(&mut self) {
        self.hidden = true;
    }

    fn row(&mut self, row: u32, cells: &[Cell<'_>]) {
        match &mut self.state {
            State::Searching(rows) => {
                if cells.iter().all(Cell::is_blank) {
                    return;
                }
                rows.push((row, cells.iter().cloned().map(Cell::into_owned).collect()));
                if rows.len() >= self.template.header_search_rows {
                    let rows = std::mem::take(rows);
                    self.resolve_header(rows);
                }
            }
            State::Data(_) => self.data_row(row, cells),
            State::Unrecognised => {
                if !cells.iter().all(Cell::is_blank) {
                    let report = self.sheet();
                    report.rows_read += 1;
                    report.skipped += 1;
                }
            }
            State::Idle => {}
        }
    }

    fn end_sheet(&mut self, error: Option<SheetProblem>) {
        // A row held back is read before the sheet's state goes (and after the rows held
        // while the header was searched for are read).
        self.release_held();
        if let State::Searching(rows) = std::mem::replace(&mut self.state, State::Idle) {
            self.resolve_header(rows);
            self.release_held();
        }
        if let Some(message) = error {
            let report = self.sheet();
            report.note = Some(Reason::SheetError(message.clone()));
            self.sheet_issue(
                None,
                None,
                String::new(),
                Reason::SheetError(message),
                Action::Rejected,
            );
        }
        self.state = State::Idle;
    }
}
