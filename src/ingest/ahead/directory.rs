//! The zip records the view reads and writes: the original's end record and central
//! directory, a part's local header, and the new records for a part stored uncompressed.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};

pub(super) const LOCAL_HEADER: u32 = 0x0403_4b50;
pub(super) const CENTRAL_HEADER: u32 = 0x0201_4b50;
pub(super) const END_RECORD: u32 = 0x0605_4b50;
/// The general-purpose flag saying sizes follow the data (not so for a stored copy).
pub(super) const DATA_DESCRIPTOR_FLAG: u16 = 1 << 3;
pub(super) const ENCRYPTED_FLAG: u16 = 1;
pub(super) const DEFLATED: u16 = 8;

/// One central-directory record of the original, parsed as far as the view needs.
pub(super) struct Record {
    pub bytes: Vec<u8>,
    pub flags: u16,
    pub method: u16,
    pub compressed: u64,
    pub size: u64,
    pub header_at: u64,
    pub name_len: usize,
}

/// The original central directory's start and records, or `None` if the archive is not
/// plain: a zip64 or multi-disk archive, one with a prefix or a comment, or an encrypted or
/// zip64 entry.
pub(super) fn central_directory(
    file: &mut BufReader<File>,
) -> io::Result<Option<(u64, Vec<Record>)>> {
    let len = file.seek(SeekFrom::End(0))?;
    if len < 22 {
        return Ok(None);
    }
    let mut end = [0u8; 22];
    file.seek(SeekFrom::Start(len - 22))?;
    file.read_exact(&mut end)?;
    // An end record with no comment, all on one disk, and not zip64.
    if u32_at(&end, 0) != END_RECORD
        || u16_at(&end, 4) != 0
        || u16_at(&end, 6) != 0
        || u16_at(&end, 8) != u16_at(&end, 10)
        || u16_at(&end, 20) != 0
        || u16_at(&end, 10) == u16::MAX
        || u32_at(&end, 16) == u32::MAX
    {
        return Ok(None);
    }
    let entries = usize::from(u16_at(&end, 10));
    let (cd_len, cd_start) = (u64::from(u32_at(&end, 12)), u64::from(u32_at(&end, 16)));
    if cd_start + cd_len != len - 22 {
        return Ok(None);
    }
    let mut cd = vec![0u8; cd_len as usize];
    file.seek(SeekFrom::Start(cd_start))?;
    file.read_exact(&mut cd)?;
    let mut records = Vec::with_capacity(entries);
    let mut at = 0;
    for _ in 0..entries {
        let Some(fixed) = cd.get(at..at + 46) else {
            return Ok(None);
        };
        let flags = u16_at(fixed, 8);
        let (compressed, size, header_at) =
            (u32_at(fixed, 20), u32_at(fixed, 24), u32_at(fixed, 42));
        let name_len = usize::from(u16_at(fixed, 28));
        let whole = 46 + name_len + usize::from(u16_at(fixed, 30)) + usize::from(u16_at(fixed, 32));
        if u32_at(fixed, 0) != CENTRAL_HEADER
            || flags & ENCRYPTED_FLAG != 0
            || [compressed, size, header_at].contains(&u32::MAX)
            || u64::from(header_at) >= cd_start
        {
            return Ok(None);
        }
        let Some(bytes) = cd.get(at..at + whole) else {
            return Ok(None);
        };
        records.push(Record {
            bytes: bytes.to_vec(),
            flags,
            method: u16_at(fixed, 10),
            compressed: u64::from(compressed),
            size: u64::from(size),
            header_at: u64::from(header_at),
            name_len,
        });
        at += whole;
    }
    Ok((at == cd.len()).then_some((cd_start, records)))
}

/// Where record `r`'s data starts in the file (after its local header), or `None` if the
/// local header is not there or the data runs past the central directory's start.
pub(super) fn data_start(file: &mut BufReader<File>, r: &Record) -> io::Result<Option<u64>> {
    let mut fixed = [0u8; 30];
    file.seek(SeekFrom::Start(r.header_at))?;
    if file.read_exact(&mut fixed).is_err() || u32_at(&fixed, 0) != LOCAL_HEADER {
        return Ok(None);
    }
    let start = r.header_at + 30 + u64::from(u16_at(&fixed, 26)) + u64::from(u16_at(&fixed, 28));
    Ok(Some(start))
}

/// A stored part's local header: the record's version, flags (less the data descriptor),
/// time, date, CRC, size twice and name, no extra field.
pub(super) fn local_header(r: &Record) -> Vec<u8> {
    let c = &r.bytes;
    let mut h = Vec::with_capacity(30 + r.name_len);
    h.extend_from_slice(&LOCAL_HEADER.to_le_bytes());
    h.extend_from_slice(&c[6..8]);
    h.extend_from_slice(&(r.flags & !DATA_DESCRIPTOR_FLAG).to_le_bytes());
    h.extend_from_slice(&0u16.to_le_bytes());
    h.extend_from_slice(&c[12..20]);
    h.extend_from_slice(&(r.size as u32).to_le_bytes());
    h.extend_from_slice(&(r.size as u32).to_le_bytes());
    h.extend_from_slice(&c[28..30]);
    h.extend_from_slice(&0u16.to_le_bytes());
    h.extend_from_slice(&c[46..46 + r.name_len]);
    h
}

/// Record `r` rewritten for its part stored, uncompressed, with its local header at `at`.
pub(super) fn stored_record(r: &Record, at: u32) -> Vec<u8> {
    let mut record = r.bytes.clone();
    set_u16(&mut record, 8, r.flags & !DATA_DESCRIPTOR_FLAG);
    set_u16(&mut record, 10, 0);
    set_u32(&mut record, 20, r.size as u32);
    set_u32(&mut record, 42, at);
    record
}

/// The end record of a one-disk archive of `entries` whose central directory of
/// `directory_len` bytes starts at `directory_at`, with no comment.
pub(super) fn end_record(entries: u16, directory_len: u32, directory_at: u32) -> Vec<u8> {
    let mut end = Vec::with_capacity(22);
    end.extend_from_slice(&END_RECORD.to_le_bytes());
    end.extend_from_slice(&[0; 4]);
    end.extend_from_slice(&entries.to_le_bytes());
    end.extend_from_slice(&entries.to_le_bytes());
    end.extend_from_slice(&directory_len.to_le_bytes());
    end.extend_from_slice(&directory_at.to_le_bytes());
    end.extend_from_slice(&[0; 2]);
    end
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn set_u16(b: &mut [u8], at: usize, v: u16) {
    b[at..at + 2].copy_from_slice(&v.to_le_bytes());
}

fn set_u32(b: &mut [u8], at: usize, v: u32) {
    b[at..at + 4].copy_from_slice(&v.to_le_bytes());
}
