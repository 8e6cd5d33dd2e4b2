//! Filling data rows from cells merged down over them: a region's value (its top row's, read
//! when that row comes) goes into each blank cell of its first column below, row by row as
//! the sheet streams — only for regions that start in a data row.

use std::borrow::Cow;

use crate::ingest::{Cell, MergedDown};

/// The cells merged down over rows on the sheet being read: those below the current row,
/// top first, and those covering it, each with the value of its top row.
#[derive(Default)]
pub struct Merged {
    pub ahead: std::collections::VecDeque<MergedDown>,
    covering: Vec<(MergedDown, Option<Cell<'static>>)>,
}

impl Merged {
    /// `cells` of data row `row` with each blank cell that a region merged down from a data
    /// row above covers given that region's value (a region starting in the header, or above
    /// it, gives none), and how many cells were so filled.
    pub fn fill<'c>(
        &mut self,
        row: u32,
        header_end: u32,
        cells: &'c [Cell<'c>],
    ) -> (Cow<'c, [Cell<'c>]>, u64) {
        self.covering.retain(|(m, _)| m.bottom >= row);
        while self.ahead.front().is_some_and(|m| m.top <= row) {
            let m = self.ahead.pop_front().expect("checked");
            let value = (m.top == row && row > header_end)
                .then(|| cells.get(m.col as usize))
                .flatten()
                .filter(|c| !c.is_blank())
                .map(|c| c.clone().into_owned());
            self.covering.push((m, value));
        }
        let mut out = Cow::Borrowed(cells);
        let mut filled_cells = 0;
        for (m, value) in &self.covering {
            let col = m.col as usize;
            if let Some(v) = value
                && m.covers_below_top(row)
                && cells.get(col).is_none_or(Cell::is_blank)
            {
                let filled = out.to_mut();
                if filled.len() <= col {
                    filled.resize(col + 1, Cell::Empty);
                }
                filled[col] = v.clone();
                filled_cells += 1;
            }
        }
        (out, filled_cells)
    }
}
