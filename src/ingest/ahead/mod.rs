//! Inflating ahead: a zipped workbook handed to calamine with its large parts (the sheets,
//! the shared-string table) inflated on a second thread while calamine parses them.
//!
//! calamine reads a part through the zip reader, which inflates it on the parsing thread:
//! about a sixteenth of that thread's time on a big sheet. Here calamine is given a view of
//! the file in which each large deflated part is listed as stored (uncompressed), its bytes
//! produced by a thread that inflates the original. The view is the original file up to its
//! central directory; then for each such part a new local header and its inflated bytes;
//! then 64 KiB of zeros (so the zip reader's search for the end record never touches a
//! part); then a new central directory (the original's records, those parts' rewritten)
//! and end record. Each part keeps its CRC and declared size, so the zip reader still
//! checks both, and the inflating thread stops as soon as a part inflates past its declared
//! size, with the zip reader's own words, so a part that lies about its size is stopped as
//! before.
//!
//! Only plain archives get the view (no zip64, no prefix or comment, no encryption, no
//! duplicate names); anything else is read as it is.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use directory::{DEFLATED, central_directory, data_start, end_record, local_header, stored_record};

mod directory;

/// Parts smaller than this are inflated where they are read.
const MIN_AHEAD_BYTES: u64 = 1 << 20;
/// Bytes per hand-over, and hand-overs in flight (about a megabyte held).
const CHUNK_BYTES: usize = 256 << 10;
const CHUNKS_IN_FLIGHT: usize = 4;

/// Zeros between the last part and the central directory: the zip reader looks for the end
/// record in the last 64 KiB and a little more, which must not reach into a part (that
/// would inflate it all once just to look).
const GAP_BYTES: u64 = (1 << 16) + 64;

/// The file as calamine reads it: [`Read`] + [`Seek`] over the view described above.
pub struct Ahead {
    /// Each inflating thread opens the file anew (a cloned handle would share the position).
    path: std::path::PathBuf,
    file: BufReader<File>,
    /// Where `file` stands (so sequential reads need no seek).
    file_pos: u64,
    /// The original bytes (local headers and data) end here.
    head_end: u64,
    parts: Vec<AheadPart>,
    /// Zeros from here (the last part's end) to `tail_start`.
    gap_start: u64,
    /// The new central directory and end record, from `tail_start` to the end.
    tail_start: u64,
    tail: Vec<u8>,
    pos: u64,
    stream: Option<Stream>,
}

/// One part inflated ahead.
struct AheadPart {
    /// Where its new local header stands in the view.
    header_at: u64,
    header: Vec<u8>,
    /// Its inflated size (as declared).
    size: u64,
    /// Its deflated bytes in the original file.
    source: u64,
    compressed: u64,
}

impl AheadPart {
    fn data_at(&self) -> u64 {
        self.header_at + self.header.len() as u64
    }
}

/// The inflating thread serving one part, and how far its bytes have been handed out.
struct Stream {
    part: usize,
    /// Bytes of the part handed out so far (`chunk[..at_chunk]` included).
    at: u64,
    chunk: Vec<u8>,
    at_chunk: usize,
    rx: Receiver<io::Result<Vec<u8>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Stream {
    /// No thread outlives its reader: the channel is closed, so the thread stops at its next
    /// hand-over (within a chunk), and it is waited for.
    fn drop(&mut self) {
        let (_, closed) = sync_channel(0);
        drop(std::mem::replace(&mut self.rx, closed));
        if let Some(thread) = self.thread.take() {
            // A thread that panicked has already said so through the closed channel.
            let _ = thread.join();
        }
    }
}

impl Ahead {
    /// The view of the zip at `path`, or `None` when no part is worth inflating ahead or the
    /// archive is not plain enough for the view (then it is read as it is).
    pub fn open(path: &Path) -> io::Result<Option<Ahead>> {
        let mut file = BufReader::new(File::open(path)?);
        let Some((cd_start, records)) = central_directory(&mut file)? else {
            return Ok(None);
        };
        if !records
            .iter()
            .any(|r| r.method == DEFLATED && r.size >= MIN_AHEAD_BYTES)
        {
            return Ok(None);
        }
        let mut names: Vec<&[u8]> = records
            .iter()
            .map(|r| &r.bytes[46..46 + r.name_len])
            .collect();
        names.sort_unstable();
        if names.windows(2).any(|w| w[0] == w[1]) {
            return Ok(None);
        }
        let mut parts = Vec::new();
        let mut directory = Vec::new();
        let mut at = cd_start;
        for r in &records {
            if r.method != DEFLATED || r.size < MIN_AHEAD_BYTES {
                directory.extend_from_slice(&r.bytes);
                continue;
            }
            let Some(source) = data_start(&mut file, r)? else {
                return Ok(None);
            };
            let header = local_header(r);
            directory.extend_from_slice(&stored_record(r, at as u32));
            let part = AheadPart {
                header_at: at,
                header,
                size: r.size,
                source,
                compressed: r.compressed,
            };
            at = part.data_at() + part.size;
            parts.push(part);
        }
        let gap_start = at;
        let Ok(tail_start) = u32::try_from(at + GAP_BYTES) else {
            return Ok(None);
        };
        let mut tail = directory;
        let end = end_record(records.len() as u16, tail.len() as u32, tail_start);
        tail.extend_from_slice(&end);
        Ok(Some(Ahead {
            path: path.to_path_buf(),
            file,
            file_pos: u64::MAX,
            head_end: cd_start,
            parts,
            gap_start,
            tail_start: u64::from(tail_start),
            tail,
            pos: 0,
            stream: None,
        }))
    }

    fn len(&self) -> u64 {
        self.tail_start + self.tail.len() as u64
    }

    /// Reads from the original bytes at `self.pos`.
    fn read_head(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.file_pos != self.pos {
            self.file.seek(SeekFrom::Start(self.pos))?;
        }
        let room = usize::try_from(self.head_end - self.pos).unwrap_or(usize::MAX);
        let n = buf.len().min(room);
        let n = self.file.read(&mut buf[..n])?;
        self.file_pos = self.pos + n as u64;
        Ok(n)
    }

    /// Reads part `i`'s inflated bytes from `offset` on.
    fn read_part(&mut self, i: usize, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let restart = match &self.stream {
            Some(s) => s.part != i || s.at > offset,
            None => true,
        };
        if restart {
            self.stream = None;
            self.stream = Some(self.start(i)?);
        }
        let stream = self.stream.as_mut().expect("started above");
        loop {
            if stream.at_chunk == stream.chunk.len() {
                stream.chunk = match stream.rx.recv() {
                    Ok(chunk) => chunk?,
                    Err(_) => return Err(io::Error::other("the inflating thread stopped")),
                };
                stream.at_chunk = 0;
                if stream.chunk.is_empty() {
                    return Ok(0);
                }
            }
            let left = stream.chunk.len() - stream.at_chunk;
            // Skipping forward to `offset` (a reader that seeks within the part).
            if stream.at < offset {
                let skip = left.min(usize::try_from(offset - stream.at).unwrap_or(usize::MAX));
                stream.at_chunk += skip;
                stream.at += skip as u64;
                continue;
            }
            let n = left.min(buf.len());
            buf[..n].copy_from_slice(&stream.chunk[stream.at_chunk..stream.at_chunk + n]);
            stream.at_chunk += n;
            stream.at += n as u64;
            return Ok(n);
        }
    }

    /// A thread inflating part `i` from its start.
    fn start(&mut self, i: usize) -> io::Result<Stream> {
        let part = &self.parts[i];
        let mut file = File::open(&self.path)?;
        file.seek(SeekFrom::Start(part.source))?;
        let (compressed, size) = (part.compressed, part.size);
        let (tx, rx) = sync_channel(CHUNKS_IN_FLIGHT);
        let thread = std::thread::Builder::new()
            .name("inflate".into())
            .spawn(move || inflate(file.take(compressed), size, &tx))?;
        Ok(Stream {
            part: i,
            at: 0,
            chunk: Vec::new(),
            at_chunk: 0,
            rx,
            thread: Some(thread),
        })
    }
}

/// Inflates `deflated` and sends it on in chunks, then an empty chunk; an error if it
/// inflates past `size` bytes (with the zip reader's words for that) or fails.
fn inflate(deflated: impl Read, size: u64, tx: &SyncSender<io::Result<Vec<u8>>>) {
    let mut decoder =
        flate2::read::DeflateDecoder::new(BufReader::with_capacity(1 << 16, deflated));
    let mut total = 0u64;
    loop {
        let mut chunk = vec![0u8; CHUNK_BYTES];
        let mut filled = 0;
        let result = loop {
            match decoder.read(&mut chunk[filled..]) {
                Ok(0) => break Ok(()),
                Ok(n) => {
                    filled += n;
                    if filled == chunk.len() {
                        break Ok(());
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => break Err(e),
            }
        };
        chunk.truncate(filled);
        total += filled as u64;
        // At the declared size, one byte more means the part lied about it.
        let more = total == size && filled > 0 && decoder.read(&mut [0u8; 1]).is_ok_and(|n| n > 0);
        let message = match result {
            Err(e) => Err(e),
            Ok(()) if total > size || more => Err(io::Error::other(
                "File is larger than its declared uncompressed size",
            )),
            Ok(()) => Ok(chunk),
        };
        let last = !matches!(&message, Ok(c) if !c.is_empty());
        if tx.send(message).is_err() || last {
            return;
        }
    }
}

impl Read for Ahead {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let pos = self.pos;
        if buf.is_empty() || pos >= self.len() {
            return Ok(0);
        }
        let n = if pos < self.head_end {
            self.read_head(buf)?
        } else if pos >= self.tail_start {
            let from = &self.tail[(pos - self.tail_start) as usize..];
            let n = from.len().min(buf.len());
            buf[..n].copy_from_slice(&from[..n]);
            n
        } else if pos >= self.gap_start {
            let n = buf.len().min((self.tail_start - pos) as usize);
            buf[..n].fill(0);
            n
        } else {
            // The part whose header or data holds `pos` (parts lie in order).
            let i = self.parts.partition_point(|p| p.header_at <= pos) - 1;
            let part = &self.parts[i];
            let data_at = part.data_at();
            if pos < data_at {
                let from = &part.header[(pos - part.header_at) as usize..];
                let n = from.len().min(buf.len());
                buf[..n].copy_from_slice(&from[..n]);
                n
            } else {
                let room = usize::try_from(data_at + part.size - pos).unwrap_or(usize::MAX);
                let n = buf.len().min(room);
                self.read_part(i, pos - data_at, &mut buf[..n])?
            }
        };
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Ahead {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let target = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len().checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = target
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "seek before the start"))?;
        Ok(self.pos)
    }
}

/// A zipped workbook as calamine reads it: through the view when one was made, else as it is.
pub enum Zipped {
    Ahead(Ahead),
    Plain(BufReader<File>),
}

impl Read for Zipped {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Zipped::Ahead(a) => a.read(buf),
            Zipped::Plain(p) => p.read(buf),
        }
    }
}

impl Seek for Zipped {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        match self {
            Zipped::Ahead(a) => a.seek(to),
            Zipped::Plain(p) => p.seek(to),
        }
    }
}

#[cfg(test)]
pub(super) mod tests;
