//! Phase times and memory on stderr when `TSREPORT_TIMINGS` is set (for benchmarks): how long
//! each phase of a run took and, on Linux, the peak and current resident memory.

use std::time::Instant;

/// Started at the beginning of a run; silent unless `TSREPORT_TIMINGS` is set.
pub struct Timer(Option<Instant>);

impl Timer {
    pub fn from_env() -> Timer {
        Timer(std::env::var_os("TSREPORT_TIMINGS").map(|_| Instant::now()))
    }

    /// Reports that `phase` is done.
    pub fn lap(&mut self, phase: &str) {
        if let Some(start) = self.0 {
            eprintln!(
                "timing: {phase} done at {:.2} s {}",
                start.elapsed().as_secs_f64(),
                memory()
            );
        }
    }
}

/// Peak and current resident memory as Linux reports them; empty elsewhere.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let lines: Vec<&str> = status
        .lines()
        .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        .collect();
    lines.join(" ")
}
