//! The pack's ZIP layout, canonical so that every byte of the archive is
//! determined by the files it holds: entries stored (not compressed), in a
//! fixed order, with fixed times (1980-01-01 00:00), no extra fields, no
//! comments, no data descriptors, no ZIP64. [`write`] makes it; [`read`]
//! reads an archive with the `zip` crate and accepts it only if writing
//! what it read gives back the very same bytes, so a changed byte anywhere
//! (a header, a timestamp, the central directory, the end record) is
//! refused even where ZIP readers ignore it. `docs/evidence-pack.md`
//! states the layout for auditors; `scripts/verify_evidence.py` checks it
//! the same way.

use std::io::Read;

/// Version needed to extract (and "made by", MS-DOS host): 2.0.
const VERSION: u16 = 20;
/// 1980-01-01 in MS-DOS date format; the time is 00:00:00.
const DOS_DATE: u16 = (1 << 5) | 1;
/// The largest archive [`read`] accepts (and the largest file [`write`] takes).
pub const MAX_ARCHIVE: usize = 1 << 30;

/// CRC-32 (IEEE 802.3, as ZIP uses it), from `crc32fast` (which the
/// `zip` crate uses too).
pub fn crc32(data: &[u8]) -> u32 {
    crc32fast::hash(data)
}

/// A name the layout allows: ASCII letters, digits, `.`, `_`, `-` and `/`
/// between non-empty parts, at most 200 bytes.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 200
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'/'))
        && name.split('/').all(|p| !p.is_empty() && p != "." && p != "..")
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The canonical archive of `files` (name, content), in the order given.
/// Refuses names outside [`valid_name`] and sizes past [`MAX_ARCHIVE`].
pub fn write(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let total: usize = files.iter().map(|(n, d)| 30 + 46 + 2 * n.len() + d.len()).sum::<usize>() + 22;
    if total > MAX_ARCHIVE || files.len() > usize::from(u16::MAX) {
        return Err("the pack would be too large".into());
    }
    let mut out = Vec::with_capacity(total);
    let mut central = Vec::new();
    for (name, data) in files {
        if !valid_name(name) {
            return Err(format!("{name:?} is not a name the pack may hold"));
        }
        let offset = out.len() as u32;
        let (crc, size, nlen) = (crc32(data), data.len() as u32, name.len() as u16);
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, VERSION);
        u16le(&mut out, 0); // flags
        u16le(&mut out, 0); // method: stored
        u16le(&mut out, 0); // time
        u16le(&mut out, DOS_DATE);
        u32le(&mut out, crc);
        u32le(&mut out, size);
        u32le(&mut out, size);
        u16le(&mut out, nlen);
        u16le(&mut out, 0); // extra length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its central directory header.
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, VERSION); // made by (MS-DOS, 2.0)
        u16le(&mut central, VERSION);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, DOS_DATE);
        u32le(&mut central, crc);
        u32le(&mut central, size);
        u32le(&mut central, size);
        u16le(&mut central, nlen);
        u16le(&mut central, 0); // extra length
        u16le(&mut central, 0); // comment length
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_offset, cd_size, n) = (out.len() as u32, central.len() as u32, files.len() as u16);
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, n);
    u16le(&mut out, n);
    u32le(&mut out, cd_size);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0); // comment length
    Ok(out)
}

/// The files of a canonical archive, in order. Fails, saying why, on an
/// archive that cannot be read, a file whose checksum does not match, or
/// any byte that differs from the canonical layout of what was read.
pub fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    if bytes.len() > MAX_ARCHIVE {
        return Err("the archive is larger than any pack Kith makes".into());
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("the archive cannot be read as a ZIP file ({e})"))?;
    let mut files = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| format!("entry {} cannot be read ({e})", i + 1))?;
        let name = String::from_utf8(f.name_raw().to_vec())
            .ok()
            .filter(|n| valid_name(n))
            .ok_or_else(|| format!("entry {} has a name the pack may not hold", i + 1))?;
        let mut data = Vec::new();
        f.read_to_end(&mut data).map_err(|e| format!("{name} is damaged ({e})"))?;
        files.push((name, data));
    }
    let canonical = write(&files)?;
    if canonical != bytes {
        let at = canonical.iter().zip(bytes).position(|(a, b)| a != b).unwrap_or(canonical.len().min(bytes.len()));
        return Err(format!(
            "the archive's bytes differ from the canonical layout of the files it holds (first difference at byte {at}): \
             it was changed after it was made"
        ));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn round_trips_and_refuses_every_changed_byte() {
        let files = vec![("a.txt".to_owned(), b"hello".to_vec()), ("d/b.json".to_owned(), b"{}".to_vec())];
        let bytes = write(&files).unwrap();
        assert_eq!(read(&bytes).unwrap(), files);
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x01;
            // Either refused, or (never) read back as different content.
            assert!(read(&b).is_err(), "byte {i} changed but the archive was accepted");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read(&longer).is_err());
        assert!(read(&bytes[..bytes.len() - 1]).is_err());
    }

    #[test]
    fn names_are_plain() {
        assert!(valid_name("register/record.csv"));
        for bad in ["", "/a", "a/", "a//b", "../a", "a b", "é", "a\\b"] {
            assert!(!valid_name(bad), "{bad}");
        }
    }
}
