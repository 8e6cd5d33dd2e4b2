//! The compound-file container of an `.xls` workbook (MS-CFB), checked before calamine reads
//! it. calamine follows the container's sector chains without bounds: a damaged file whose
//! allocation table (FAT) loops, or that lists one FAT sector many times, makes it read and
//! allocate without end. A valid file has neither, so a file that has either is refused as
//! corrupt here, and every chain calamine then follows ends within the file.

use std::io::Read;
use std::path::Path;

use super::{FileError, FileProblem};

const SIGNATURE: [u8; 8] = *b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// Sector ids at or above this are markers (free, end of chain, FAT or DIFAT sector).
const MAX_REGULAR: u32 = 0xFFFF_FFFA;
/// In the DIFAT, ids below this name FAT sectors.
const DIFSECT: u32 = 0xFFFF_FFFC;

/// Refuses an `.xls` container whose sector chains could not end; leaves every other
/// problem (not a compound file at all, an unknown sector size) to calamine's own message.
pub fn check(path: &Path) -> Result<(), FileError> {
    let mut bytes = Vec::new();
    super::open(path)?
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::new(path, FileProblem::Unreadable(e.to_string())))?;
    if chains_end(&bytes) {
        Ok(())
    } else {
        Err(FileError::new(path, FileProblem::Corrupt { ext: "xls" }))
    }
}

/// Whether every chain in the container's allocation table ends (false for a loop or for a
/// FAT sector listed twice); true when the bytes are not a compound file this check reads.
fn chains_end(bytes: &[u8]) -> bool {
    let Some(container) = Container::parse(bytes) else {
        return true;
    };
    let Some(fat_sectors) = container.fat_sectors() else {
        return false;
    };
    let fat = container.table(&fat_sectors);
    acyclic(&fat, container.sectors())
}

/// The header's layout and the file's bytes.
struct Container<'b> {
    bytes: &'b [u8],
    sector_size: usize,
}

impl<'b> Container<'b> {
    fn parse(bytes: &'b [u8]) -> Option<Self> {
        if bytes.len() < 512 || bytes[..8] != SIGNATURE {
            return None;
        }
        let sector_size = match u16::from_le_bytes([bytes[30], bytes[31]]) {
            9 => 512,
            12 => 4096,
            _ => return None,
        };
        Some(Container { bytes, sector_size })
    }

    /// How many whole sectors the file holds after its header (calamine's bound on ids).
    fn sectors(&self) -> usize {
        self.bytes.len() / self.sector_size
    }

    /// The sector `id`'s bytes (shorter or empty at the end of the file).
    fn sector(&self, id: u32) -> &'b [u8] {
        let start = (id as usize + 1).saturating_mul(self.sector_size);
        let end = start.saturating_add(self.sector_size).min(self.bytes.len());
        self.bytes.get(start..end).unwrap_or(&[])
    }

    /// The FAT's sectors as the DIFAT lists them (the header's 109 ids, then the DIFAT
    /// chain's), read as calamine reads them; `None` when one is listed twice or the DIFAT
    /// chain is longer than the file.
    fn fat_sectors(&self) -> Option<Vec<u32>> {
        let mut difat: Vec<u32> = words(&self.bytes[76..512]).collect();
        let mut next = u32_at(self.bytes, 68);
        let mut steps = 0;
        while next < MAX_REGULAR {
            steps += 1;
            if steps > self.sectors() + 1 {
                return None;
            }
            difat.extend(words(self.sector(next)));
            next = difat.pop()?;
        }
        let fat: Vec<u32> = difat.into_iter().filter(|id| *id < DIFSECT).collect();
        let mut seen = vec![false; self.sectors() + 1];
        for &id in &fat {
            match seen.get_mut(id as usize) {
                Some(true) => return None,
                Some(s) => *s = true,
                // Past the file: calamine reports it.
                None => {}
            }
        }
        Some(fat)
    }

    /// The allocation table: each sector's next sector, from the FAT sectors in order.
    fn table(&self, fat_sectors: &[u32]) -> Vec<u32> {
        fat_sectors
            .iter()
            .flat_map(|&id| words(self.sector(id)))
            .collect()
    }
}

/// Whether following `next` from any sector below `sectors` always reaches a marker or a
/// sector outside the table (where calamine stops with an error) without coming back.
fn acyclic(next: &[u32], sectors: usize) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Ends,
    }
    let n = next.len().min(sectors + 1);
    let mut mark = vec![Mark::New; n];
    let mut path = Vec::new();
    for start in 0..n {
        let mut id = start;
        while id < n && mark[id] == Mark::New {
            mark[id] = Mark::OnPath;
            path.push(id);
            id = next[id] as usize;
        }
        if id < n && mark[id] == Mark::OnPath {
            return false;
        }
        for done in path.drain(..) {
            mark[done] = Mark::Ends;
        }
    }
    true
}

fn words(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compound file of 512-byte sectors: the header, then `sectors`; the header's DIFAT
    /// lists `fat` as the FAT's sectors.
    fn container(fat: &[u32], sectors: &[[u32; 128]]) -> Vec<u8> {
        let mut bytes = vec![0u8; 512];
        bytes[..8].copy_from_slice(&SIGNATURE);
        bytes[30..32].copy_from_slice(&9u16.to_le_bytes());
        bytes[68..72].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
        for (i, slot) in bytes[76..512].chunks_exact_mut(4).enumerate() {
            let id = fat.get(i).copied().unwrap_or(0xFFFF_FFFF);
            slot.copy_from_slice(&id.to_le_bytes());
        }
        for sector in sectors {
            bytes.extend(sector.iter().flat_map(|w| w.to_le_bytes()));
        }
        bytes
    }

    /// A FAT sector (id 0, marked as such) whose entries 1.. follow `chain`.
    fn fat_sector(chain: &[(usize, u32)]) -> [u32; 128] {
        let mut s = [0xFFFF_FFFFu32; 128];
        s[0] = 0xFFFF_FFFD;
        for &(i, next) in chain {
            s[i] = next;
        }
        s
    }

    const END: u32 = 0xFFFF_FFFE;

    #[test]
    fn a_chain_that_ends_passes() {
        let bytes = container(
            &[0],
            &[
                fat_sector(&[(1, 2), (2, 3), (3, END)]),
                [0; 128],
                [0; 128],
                [0; 128],
            ],
        );
        assert!(chains_end(&bytes));
    }

    #[test]
    fn a_chain_that_loops_is_refused() {
        let bytes = container(
            &[0],
            &[
                fat_sector(&[(1, 2), (2, 3), (3, 1)]),
                [0; 128],
                [0; 128],
                [0; 128],
            ],
        );
        assert!(!chains_end(&bytes));
    }

    #[test]
    fn a_sector_pointing_at_itself_is_refused() {
        let bytes = container(&[0], &[fat_sector(&[(1, 1)]), [0; 128]]);
        assert!(!chains_end(&bytes));
    }

    #[test]
    fn a_fat_sector_listed_twice_is_refused() {
        let bytes = container(&[0, 0], &[fat_sector(&[(1, END)]), [0; 128]]);
        assert!(!chains_end(&bytes));
    }

    #[test]
    fn a_chain_leaving_the_file_is_left_to_calamine() {
        let bytes = container(&[0], &[fat_sector(&[(1, 5000)]), [0; 128]]);
        assert!(chains_end(&bytes));
    }

    #[test]
    fn not_a_compound_file_is_left_to_calamine() {
        assert!(chains_end(b"PK\x03\x04 not a compound file"));
        assert!(chains_end(&[0xD0; 100]));
    }
}
