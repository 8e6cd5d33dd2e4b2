//! File names made from data (a technician's name), safe on Windows and Linux alike (SPEC §8):
//! no path separators or characters Windows forbids, no reserved device names, no leading
//! dots or trailing dots and spaces, and two names that would map to one file get distinct
//! files.

use std::collections::HashSet;

/// Names Windows reserves for devices, whatever the extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// One name made safe: forbidden characters become `_`, a reserved or empty name gets a `_`
/// prefix, leading dots and trailing dots and spaces go.
pub fn safe_stem(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = replaced
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    let base = trimmed.split('.').next().unwrap_or_default();
    if trimmed.is_empty() || RESERVED.iter().any(|r| r.eq_ignore_ascii_case(base)) {
        format!("_{trimmed}")
    } else {
        trimmed.to_string()
    }
}

/// Safe, distinct file stems for `names`, in order: when two names map to one stem (case
/// folded, as Windows compares), the later ones get `_2`, `_3` …
pub fn distinct_stems(names: &[String]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    names
        .iter()
        .map(|name| {
            let stem = safe_stem(name);
            let mut candidate = stem.clone();
            let mut n = 2;
            while !taken.insert(candidate.to_lowercase()) {
                candidate = format!("{stem}_{n}");
                n += 1;
            }
            candidate
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_safe_and_distinct_file_stems() {
        assert_eq!(safe_stem("张伟"), "张伟");
        assert_eq!(safe_stem("a/b\\c:d"), "a_b_c_d");
        assert_eq!(safe_stem("CON"), "_CON");
        assert_eq!(safe_stem("nul.txt"), "_nul.txt");
        assert_eq!(safe_stem("..hidden"), "hidden");
        assert_eq!(safe_stem("王 . "), "王");
        assert_eq!(safe_stem(""), "_");
        let names: Vec<String> = ["李/娜", "李_娜", "Ab", "aB"].map(String::from).to_vec();
        assert_eq!(
            distinct_stems(&names),
            vec!["李_娜", "李_娜_2", "Ab", "aB_2"]
        );
    }
}
