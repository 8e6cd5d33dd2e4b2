//! The compound-file container of an `.xls` workbook (MS-CFB), checked before calamine reads
//! it. calamine follows the container's sector chains without bounds: a damaged file whose
//! allocation table (FAT) loops, or that lists one FAT sector many times, makes it read and
//! allocate without end. A valid file has neither, so a file that has either is refused as
//! corrupt here, and every chain calamine then follows ends within the file.

const SIGNATURE: [u8; 8] = *b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// Sector ids at or above this are markers (free, end of chain, FAT or DIFAT sector).
const MAX_REGULAR: u32 = 0xFFFF_FFFA;
/// In the DIFAT, ids below this name FAT sectors.
const DIFSECT: u32 = 0xFFFF_FFFC;

/// The container is damaged in a way calamine would not survive (a loop, a FAT sector listed
/// twice, a stream in sectors the file does not have).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Damaged;

/// The workbook stream (`Workbook`, or `Book` for BIFF5) as calamine will read it: `None`
/// when the bytes are not a compound file this check reads or have no such stream (calamine
/// says so in its own words).
pub(super) fn workbook_stream(bytes: &[u8]) -> Result<Option<Vec<u8>>, Damaged> {
    let Some(container) = Container::parse(bytes) else {
        return Ok(None);
    };
    let fat = checked_fat(&container)?;
    let Some(dirs) = container.chain(container.header_u32(48), &fat, usize::MAX) else {
        return Ok(None);
    };
    let entries: Vec<Entry> = dirs
        .chunks_exact(128)
        .map(|c| Entry::parse(c, container.sector_size))
        .collect();
    let Some(stream) = ["Workbook", "Book"]
        .iter()
        .find_map(|want| entries.iter().find(|e| e.name.eq_ignore_ascii_case(want)))
    else {
        return Ok(None);
    };
    if stream.len >= MINI_CUTOFF {
        return Ok(container.chain(stream.start, &fat, stream.len));
    }
    container.mini_stream(&entries, &fat, stream)
}

/// Refuses a compound file whose allocation table calamine could not follow to an end (an
/// encrypted `.xlsx` is one too: calamine walks its container before it says "password").
/// Bytes that are no compound file this check reads pass; calamine says what they are.
pub(super) fn check_container(bytes: &[u8]) -> Result<(), Damaged> {
    match Container::parse(bytes) {
        Some(container) => checked_fat(&container).map(|_| ()),
        None => Ok(()),
    }
}

/// The allocation table, when every FAT sector is listed once and no chain loops.
fn checked_fat(container: &Container<'_>) -> Result<Vec<u32>, Damaged> {
    let fat_sectors = container.fat_sectors().ok_or(Damaged)?;
    let fat = container.table(&fat_sectors);
    if acyclic(&fat, container.sectors()) {
        Ok(fat)
    } else {
        Err(Damaged)
    }
}

/// Streams shorter than this live in the mini stream, in 64-byte sectors.
const MINI_CUTOFF: usize = 4096;
const MINI_SECTOR: usize = 64;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

/// A directory entry: a stream's name, first sector and length.
struct Entry {
    name: String,
    start: u32,
    len: usize,
}

impl Entry {
    fn parse(raw: &[u8], sector_size: usize) -> Entry {
        let units: Vec<u16> = raw[..64]
            .chunks_exact(2)
            .map(|u| u16::from_le_bytes([u[0], u[1]]))
            .collect();
        let mut name = String::from_utf16_lossy(&units);
        if let Some(end) = name.find('\0') {
            name.truncate(end);
        }
        let len = if sector_size == 512 {
            u64::from(u32_at(raw, 120))
        } else {
            u64::from_le_bytes(raw[120..128].try_into().expect("eight bytes"))
        };
        Entry {
            name,
            start: u32_at(raw, 116),
            len: usize::try_from(len).unwrap_or(usize::MAX),
        }
    }
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

    fn header_u32(&self, at: usize) -> u32 {
        u32_at(self.bytes, at)
    }

    /// The bytes of the chain from `start`, at most `len` of them, as calamine collects
    /// them; `None` where calamine would stop with an error (a sector past the file or the
    /// table). The table is acyclic, so the walk ends.
    fn chain(&self, start: u32, fat: &[u32], len: usize) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut id = start;
        while id != END_OF_CHAIN {
            if id as usize > self.sectors() {
                return None;
            }
            let sector = self.sector(id);
            out.extend_from_slice(&sector[..sector.len().min(len - out.len())]);
            if out.len() >= len {
                break;
            }
            id = *fat.get(id as usize)?;
        }
        Some(out)
    }

    /// A short stream, read from the mini stream through the mini FAT. A mini sector past
    /// the mini stream (calamine would read on into whatever follows) is damage.
    fn mini_stream(
        &self,
        entries: &[Entry],
        fat: &[u32],
        want: &Entry,
    ) -> Result<Option<Vec<u8>>, Damaged> {
        let mini_fat_len = self.header_u32(64) as usize;
        let (mini, mini_fat) = if mini_fat_len > 0 {
            let Some(root) = entries.first() else {
                return Ok(None);
            };
            let (Some(mini), Some(table)) = (
                self.chain(root.start, fat, root.len),
                self.chain(
                    self.header_u32(60),
                    fat,
                    mini_fat_len.saturating_mul(self.sector_size),
                ),
            ) else {
                return Ok(None);
            };
            (mini, words(&table).collect::<Vec<u32>>())
        } else {
            (Vec::new(), Vec::new())
        };
        let mut out = Vec::new();
        let mut id = want.start;
        while id != END_OF_CHAIN {
            let start = id as usize * MINI_SECTOR;
            let sector = mini.get(start..start + MINI_SECTOR).ok_or(Damaged)?;
            out.extend_from_slice(&sector[..MINI_SECTOR.min(want.len - out.len())]);
            if out.len() >= want.len {
                break;
            }
            let Some(&next) = mini_fat.get(id as usize) else {
                return Ok(None);
            };
            id = next;
        }
        Ok(Some(out))
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

    fn chains_end(bytes: &[u8]) -> bool {
        workbook_stream(bytes) != Err(Damaged)
    }

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
