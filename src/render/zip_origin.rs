//! The same workbook bytes on every system. A zip's central directory records which system
//! made each entry (the high byte of "version made by": 3 for Unix, 0 for MS-DOS/Windows),
//! and the zip library writes the one it was built for — the only difference between a
//! workbook made on Linux and one made on Windows. Every entry is marked MS-DOS, as Excel
//! marks its own.

/// The signatures of a central-directory entry and of the end of the central directory.
const ENTRY: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Marks every central-directory entry of the zip `bytes` as made on MS-DOS. Bytes that are
/// not a zip this simple (no end record, zip64) are left as they are.
pub fn mark_dos(bytes: &mut [u8]) {
    // The end record is 22 bytes; our zips carry no comment after it.
    let Some(end) = bytes.len().checked_sub(22) else {
        return;
    };
    if u32_at(bytes, end) != Some(END) {
        return;
    }
    let (Some(entries), Some(start)) = (u16_at(bytes, end + 10), u32_at(bytes, end + 16)) else {
        return;
    };
    let mut at = start as usize;
    for _ in 0..entries {
        if u32_at(bytes, at) != Some(ENTRY) {
            return;
        }
        bytes[at + 5] = 0;
        let (Some(name), Some(extra), Some(comment)) = (
            u16_at(bytes, at + 28),
            u16_at(bytes, at + 30),
            u16_at(bytes, at + 32),
        ) else {
            return;
        };
        at += 46 + name + extra + comment;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_marked_dos_and_nothing_else_changes() {
        let mut wb = rust_xlsxwriter::Workbook::new();
        wb.add_worksheet().write_string(0, 0, "甲").unwrap();
        let before = wb.save_to_buffer().unwrap();
        let mut after = before.clone();
        mark_dos(&mut after);
        let changed: Vec<usize> = (0..before.len())
            .filter(|&i| before[i] != after[i])
            .collect();
        // Each entry's host byte is now 0; nothing else moved.
        for &i in &changed {
            assert_eq!(after[i], 0);
            assert_eq!(u32_at(&after, i - 5), Some(ENTRY));
        }
        assert!(!changed.is_empty());
        // Still a zip that reads as before.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&after)).unwrap();
        assert!(zip.by_name("xl/workbook.xml").is_ok());
        // A second pass changes nothing more.
        let again = after.clone();
        mark_dos(&mut after);
        assert_eq!(after, again);
    }
}
