//! Bytes to text: UTF-8, UTF-16 and Windows-1252 decoding, binary and size checks, newline normalisation.
use super::{MAX_FILE_BYTES, MAX_LINES};

/// Bytes → text with `\n` line endings and no BOM, plus warnings; or the reason the file cannot be used.
///
/// UTF-8 (with or without BOM) and UTF-16 (with BOM, or recognisable without) are decoded; other
/// non-UTF-8 text is decoded lossily (mostly-UTF-8 with a few bad bytes) or as Windows-1252; files with
/// NUL bytes or many control characters are binary. Files over [`MAX_FILE_BYTES`] are truncated.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Vec<String>), String> {
    let mut warnings = Vec::new();
    if bytes.is_empty() {
        return Err("empty file (0 bytes): skipped".into());
    }
    let original_len = bytes.len();
    let mut text = if let Some(t) = decode_utf16(bytes) {
        warnings.push("UTF-16 text: converted to UTF-8".to_string());
        t
    } else {
        let mut b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if b.len() > MAX_FILE_BYTES {
            b = &b[..truncation_point(b, MAX_FILE_BYTES)];
        }
        let nuls = b.iter().filter(|&&c| c == 0).count();
        if nuls * 100 > b.len() {
            return Err(format!("binary file ({nuls} NUL bytes in {} bytes): skipped", b.len()));
        }
        match std::str::from_utf8(b) {
            Ok(s) => s.to_string(),
            Err(_) => {
                let (valid_multibyte, invalid) = utf8_stats(b);
                if valid_multibyte > 0 && valid_multibyte >= invalid {
                    warnings.push(format!("not valid UTF-8: {invalid} invalid byte sequence(s) replaced with \u{FFFD}"));
                    String::from_utf8_lossy(b).into_owned()
                } else {
                    warnings.push("not UTF-8: decoded as Windows-1252 (Latin-1)".to_string());
                    b.iter().map(|&c| cp1252(c)).collect()
                }
            }
        }
    };
    if text.len() > MAX_FILE_BYTES {
        let cut = truncation_point(text.as_bytes(), MAX_FILE_BYTES);
        text.truncate(cut);
    }
    if original_len > MAX_FILE_BYTES {
        warnings.push(format!(
            "file is {original_len} bytes, over the {MAX_FILE_BYTES}-byte limit: truncated to the first {} bytes",
            text.len()
        ));
    }
    let total = text.chars().count().max(1);
    let is_junk = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0C');
    let controls = text.chars().filter(|&c| is_junk(c)).count();
    if controls * 20 > total && controls >= 4 {
        return Err(format!("binary data ({controls} control characters in {total}): skipped"));
    }
    if controls > 0 {
        // A few stray control characters (NUL, escape, bell…) in otherwise readable text: dropped.
        text.retain(|c| !is_junk(c));
        warnings.push(format!("{controls} control character(s) such as NUL or escape removed"));
    }
    let mut text = normalise_newlines(&text);
    // Blank lines cost nothing later; only lines with text count toward the limit.
    let mut counted = 0;
    let mut cut = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            counted += 1;
            if counted == MAX_LINES + 1 && cut.is_none() {
                cut = Some(at);
            }
        }
        at += line.len();
    }
    if let Some(cut) = cut {
        text.truncate(cut);
        warnings.push(format!("file has {counted} non-blank lines, over the {MAX_LINES}-line limit: truncated to the first {MAX_LINES}"));
    }
    if text.trim().is_empty() {
        return Err("no text (only whitespace): skipped".into());
    }
    Ok((text, warnings))
}

/// Byte index ≤ `max` at which to cut: after the last line break in the final 64 KiB, else at a UTF-8 boundary.
pub(super) fn truncation_point(b: &[u8], max: usize) -> usize {
    if b.len() <= max {
        return b.len();
    }
    let floor = max.saturating_sub(64 * 1024);
    if let Some(nl) = b[floor..max].iter().rposition(|&c| c == b'\n') {
        return floor + nl + 1;
    }
    let mut cut = max;
    while cut > 0 && (b[cut] & 0xC0) == 0x80 {
        cut -= 1;
    }
    cut
}

/// (valid multi-byte UTF-8 characters, invalid sequences) in `b`.
pub(super) fn utf8_stats(mut b: &[u8]) -> (usize, usize) {
    let (mut good, mut bad) = (0, 0);
    loop {
        match std::str::from_utf8(b) {
            Ok(s) => {
                good += s.chars().filter(|c| !c.is_ascii()).count();
                return (good, bad);
            }
            Err(e) => {
                let (ok, rest) = b.split_at(e.valid_up_to());
                good += std::str::from_utf8(ok).map(|s| s.chars().filter(|c| !c.is_ascii()).count()).unwrap_or(0);
                bad += 1;
                match e.error_len() {
                    Some(n) => b = &rest[n..],
                    None => return (good, bad),
                }
            }
        }
    }
}

/// UTF-16 text: with a BOM, or without one when every other byte is NUL around ASCII text.
pub(super) fn decode_utf16(b: &[u8]) -> Option<String> {
    let (le, body) = if let Some(rest) = b.strip_prefix(b"\xFF\xFE") {
        (true, rest)
    } else if let Some(rest) = b.strip_prefix(b"\xFE\xFF") {
        (false, rest)
    } else {
        if b.len() < 8 || b.len() % 2 != 0 {
            return None;
        }
        let pairs = b.len() / 2;
        let zero_odd = b.iter().skip(1).step_by(2).filter(|&&c| c == 0).count();
        let zero_even = b.iter().step_by(2).filter(|&&c| c == 0).count();
        if zero_odd * 10 >= pairs * 9 && zero_even == 0 {
            (true, b)
        } else if zero_even * 10 >= pairs * 9 && zero_odd == 0 {
            (false, b)
        } else {
            return None;
        }
    };
    let body = &body[..body.len().min(MAX_FILE_BYTES * 2) & !1];
    let units = body.chunks_exact(2).map(|p| if le { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) });
    Some(char::decode_utf16(units).map(|r| r.unwrap_or('\u{FFFD}')).collect())
}

/// Windows-1252 byte → char (undefined bytes become U+FFFD).
pub(super) fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž', '\u{FFFD}', '\u{FFFD}', '‘', '’', '“',
        '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// CRLF and lone CR → LF.
pub(super) fn normalise_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}
