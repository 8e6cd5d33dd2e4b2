//! The view read back: every part as the original holds it, seeks within a part, a part
//! that lies about its size, and archives left as they are.

use std::io::{Read, Seek, SeekFrom, Write};

use super::{Ahead, MIN_AHEAD_BYTES};

/// Text that deflates (a little) but is not all alike: `n` bytes of numbered lines.
fn text(n: usize, seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(n + 64);
    let mut x = seed;
    while out.len() < n {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        out.extend_from_slice(
            format!("<row r=\"{}\"><c>{}</c></row>\n", out.len(), x >> 40).as_bytes(),
        );
    }
    out.truncate(n);
    out
}

/// A zip of `parts` (name, bytes, deflated?) written by the zip crate.
fn zip_of(path: &std::path::Path, parts: &[(&str, &[u8], bool)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes, deflated) in parts {
        let method = if *deflated {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// A zip in a new folder holding one deflated sheet of `n` bytes; the folder, the path and
/// the sheet's bytes.
fn one_sheet(n: usize, seed: u64) -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    let sheet = text(n, seed);
    zip_of(&path, &[("xl/worksheets/sheet1.xml", &sheet, true)]);
    (dir, path, sheet)
}

/// Rewrites the uncompressed size `part` declares, in both its headers (the central
/// directory's and the local one), to `declared`, as a crafted file would; returns the
/// size it declared before.
pub(in crate::ingest) fn understate(path: &std::path::Path, part: &str, declared: u32) -> u32 {
    let mut bytes = std::fs::read(path).unwrap();
    let name = part.as_bytes();
    let central = bytes
        .windows(4)
        .enumerate()
        .position(|(i, w)| {
            w == [0x50, 0x4b, 1, 2] && bytes.get(i + 46..i + 46 + name.len()) == Some(name)
        })
        .unwrap_or_else(|| panic!("{part} not in {}", path.display()));
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap());
    let real = u32_at(&bytes, central + 24);
    let local = u32_at(&bytes, central + 42) as usize;
    bytes[central + 24..central + 28].copy_from_slice(&declared.to_le_bytes());
    bytes[local + 22..local + 26].copy_from_slice(&declared.to_le_bytes());
    std::fs::write(path, bytes).unwrap();
    real
}

fn contents(zip: &mut zip::ZipArchive<impl Read + Seek>) -> Vec<(String, Vec<u8>)> {
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().to_string(), bytes)
        })
        .collect()
}

#[test]
fn the_view_holds_every_part_as_the_original_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    let big = MIN_AHEAD_BYTES as usize * 3 + 12_345;
    let (a, b, small) = (text(big, 1), text(big / 2, 2), text(5000, 3));
    zip_of(
        &path,
        &[
            ("[Content_Types].xml", &small, true),
            ("xl/sharedStrings.xml", &b, true),
            ("xl/worksheets/sheet1.xml", &a, true),
            ("xl/stored.bin", &b, false),
        ],
    );
    let ahead = Ahead::open(&path)
        .unwrap()
        .expect("two parts worth inflating ahead");
    assert_eq!(ahead.parts.len(), 2);
    let mut view = zip::ZipArchive::new(ahead).unwrap();
    let mut plain = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let got = contents(&mut view);
    assert_eq!(got, contents(&mut plain));
    assert_eq!(got[2].1, a);
    // Read again, in another order: each part restarts its thread.
    for i in [2, 1, 2] {
        let mut bytes = Vec::new();
        view.by_index(i).unwrap().read_to_end(&mut bytes).unwrap();
        assert_eq!(bytes, got[i].1);
    }
}

#[test]
fn seeking_within_a_part_reads_the_right_bytes() {
    let (_dir, path, a) = one_sheet(MIN_AHEAD_BYTES as usize * 2, 4);
    let mut ahead = Ahead::open(&path).unwrap().unwrap();
    let data_at = ahead.parts[0].data_at();
    let mut buf = [0u8; 100];
    // Forward (skipping within the thread's output), back (a new thread), forward again.
    for offset in [700_000u64, 10, 1_500_000, 1_500_050] {
        ahead.seek(SeekFrom::Start(data_at + offset)).unwrap();
        ahead.read_exact(&mut buf).unwrap();
        assert_eq!(
            buf[..],
            a[offset as usize..offset as usize + 100],
            "at {offset}"
        );
    }
}

#[test]
fn a_part_inflating_past_its_declared_size_is_stopped_with_the_zip_readers_words() {
    let (_dir, path, _) = one_sheet(MIN_AHEAD_BYTES as usize * 3, 5);
    // 2 MiB declared: exactly at a hand-over boundary, so the byte past it must be looked for.
    let declared = (MIN_AHEAD_BYTES * 2) as u32;
    understate(&path, "xl/worksheets/sheet1.xml", declared);

    let mut view = zip::ZipArchive::new(Ahead::open(&path).unwrap().unwrap()).unwrap();
    let mut part = view.by_index(0).unwrap();
    assert_eq!(part.size(), u64::from(declared));
    let mut got = Vec::new();
    let err = part.read_to_end(&mut got).unwrap_err();
    assert!(super::super::xlsx::larger_than_declared(&err), "{err}");
    assert!(got.len() as u64 <= u64::from(declared));
}

#[test]
fn archives_the_view_does_not_cover_are_read_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    // Nothing worth inflating ahead.
    zip_of(&path, &[("a.xml", &text(5000, 6), true)]);
    assert!(Ahead::open(&path).unwrap().is_none());
    // A comment after the end record.
    let big = text(MIN_AHEAD_BYTES as usize * 2, 7);
    zip_of(&path, &[("a.xml", &big, true)]);
    let mut bytes = std::fs::read(&path).unwrap();
    let n = bytes.len();
    bytes[n - 2..].copy_from_slice(&3u16.to_le_bytes());
    bytes.extend_from_slice(b"hi!");
    std::fs::write(&path, &bytes).unwrap();
    assert!(Ahead::open(&path).unwrap().is_none());
    // Not a zip at all.
    std::fs::write(&path, b"not a zip, only text").unwrap();
    assert!(Ahead::open(&path).unwrap().is_none());
}
