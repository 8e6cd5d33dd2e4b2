//! Cells merged down over rows. A spreadsheet shows a merged cell's value in every row it
//! covers — a 地区 merged over the rows of its farms, a date over one day's visits — but
//! stores it in the top row only. The readers hand such regions to the consumer, which gives
//! each data row the value it shows.

/// A region merged over more than one row: its first column and its top and bottom rows
/// (0-based). A region over several columns shows its value in its first column only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergedDown {
    pub col: u32,
    pub top: u32,
    pub bottom: u32,
}

impl MergedDown {
    /// Whether the region covers `row` below its top row.
    pub fn covers_below_top(&self, row: u32) -> bool {
        self.top < row && row <= self.bottom
    }
}

/// A streamed sheet declaring more rows than this is not searched for merged cells: they are
/// written after the cells, so finding them is a second pass over the sheet, and merged
/// cells belong to hand-kept registers, not to a system's exports of this size.
pub const MAX_STREAMED_ROWS: u32 = 10_000;

/// The regions among `regions` that span more than one row, top to bottom.
pub fn down(regions: &[calamine::Dimensions]) -> Vec<MergedDown> {
    let mut down: Vec<MergedDown> = regions
        .iter()
        .filter(|d| d.end.0 > d.start.0)
        .map(|d| MergedDown {
            col: d.start.1,
            top: d.start.0,
            bottom: d.end.0,
        })
        .collect();
    down.sort_by_key(|m| (m.top, m.col));
    down
}
