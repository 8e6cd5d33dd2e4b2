//! What a figure is — a count, a share, a ratio, money, a price, a number of days — decided
//! once, where the figure is defined. The 环比 arithmetic (percentage points for shares), the
//! workbook's number formats and the brief's rounding all read it from here.

/// What the numbers of a column (or a figure) are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Names and labels: a region, a channel, a brand, a file.
    Text,
    /// An internal key (`complaints_received`) that machines read; never the first column.
    Key,
    /// A calendar date.
    Date,
    /// Yes or no (an own brand).
    Flag,
    /// A number of things: complaints, visits, rows, farms.
    Count,
    /// A share or rate as a fraction (0.25 = 25%); its changes are percentage points.
    Share,
    /// A relative change as a fraction (+0.125 = +12.5%).
    Change,
    /// A ratio of two quantities, such as the feed conversion ratio (料肉比).
    Ratio,
    /// An amount of money in 元, or money per unit (cost per kg gain).
    Money,
    /// A unit price (元/kg, 元/头 …).
    Price,
    /// A quantity in tonnes, kg or head.
    Quantity,
    /// A whole number of days.
    Days,
    /// A median (or mean) of days or counts: fractional even when the values are whole.
    Median,
    /// A rank (1 = best) or a row number: whole, without thousands separators.
    Ordinal,
    /// Each row of the table is one figure: the cell takes that figure's measure.
    OfRow,
    /// Each row of the table is one figure: the cell is the median of that figure.
    MedianOfRow,
}

impl Measure {
    /// The measure of a change of this figure between two periods: shares change in
    /// percentage points (a share), everything else in its own measure.
    pub fn difference(self) -> Measure {
        self
    }

    /// The measure of a median of this figure (counts and days become fractional).
    pub fn median(self) -> Measure {
        match self {
            Measure::Count | Measure::Days => Measure::Median,
            other => other,
        }
    }

    /// Whether the figure is a fraction shown as a percentage.
    pub fn is_fraction(self) -> bool {
        matches!(self, Measure::Share | Measure::Change)
    }

    /// Whether the figure is a whole number.
    pub fn is_whole(self) -> bool {
        matches!(self, Measure::Count | Measure::Days | Measure::Ordinal)
    }
}

/// One figure: its stable key, its labels, what it is, and which direction is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub measure: Measure,
    /// For ranks: whether a lower value is the better one (FCR, days without a record).
    pub lower_is_better: bool,
}

impl Figure {
    /// A figure for which more is better.
    pub const fn new(
        key: &'static str,
        zh: &'static str,
        en: &'static str,
        measure: Measure,
    ) -> Figure {
        Figure {
            key,
            zh,
            en,
            measure,
            lower_is_better: false,
        }
    }

    /// The same figure, ranked with the lowest value first.
    pub const fn lower_is_better(self) -> Figure {
        Figure {
            lower_is_better: true,
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_whole_numbers_are_fractional_and_shares_change_in_points() {
        assert_eq!(Measure::Count.median(), Measure::Median);
        assert_eq!(Measure::Days.median(), Measure::Median);
        assert_eq!(Measure::Ratio.median(), Measure::Ratio);
        assert_eq!(Measure::Share.difference(), Measure::Share);
        assert!(Measure::Share.is_fraction() && !Measure::Ratio.is_fraction());
        assert!(
            Figure::new("fcr", "料肉比", "FCR", Measure::Ratio)
                .lower_is_better()
                .lower_is_better
        );
    }
}
