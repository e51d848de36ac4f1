//! Text whose UTF-8 bytes were once read as Windows-1252 (or Latin-1) and
//! saved again: "Iraqâ€™s" for "Iraq’s", "Ã©" for "é", "Ø§Ù„" for "ال".
//! A scraper that guessed the wrong character set writes such pages; to
//! every rule after this one "â€œnon-negotiableâ€" is no quotation and
//! "SÃ©bastien" no name, and a reader of the source page sees noise.
//!
//! The repair is ftfy's core step, done only where it cannot be wrong: a
//! run of characters whose Windows-1252 bytes form one valid UTF-8
//! sequence (a lead byte 0xC2-0xF4 and its continuation bytes 0x80-0xBF)
//! is that sequence's character. Ordinary text never holds such a run:
//! "Ã" followed by "©", or "â" by "€" and "™", is not a word in any
//! language the pages are written in. A single accented letter ("café",
//! "Şırnak") is no sequence and stays. Newlines are ASCII and never part
//! of a run, so every line keeps its number.

/// Windows-1252's characters for the bytes 0x80-0x9F; the five bytes it
/// leaves undefined are read as the C1 controls of the same number (what
/// the WHATWG decoder, and Latin-1, give them).
const HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The byte a character was read from, if it is one above ASCII.
fn byte_of(c: char) -> Option<u8> {
    match c as u32 {
        0x80..=0xFF => Some(c as u32 as u8),
        _ => HIGH.iter().position(|&h| h == c).map(|i| 0x80 + i as u8),
    }
}

fn continuation(c: char) -> Option<u8> {
    byte_of(c).filter(|b| (0x80..=0xBF).contains(b))
}

/// The character a run starting at `chars[0]` was, and how many characters
/// the run is.
fn sequence_at(chars: &[char]) -> Option<(char, usize)> {
    let lead = byte_of(chars[0])?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    for k in 1..len {
        match chars.get(k).copied().and_then(continuation) {
            Some(b) => bytes[k] = b,
            // "â€" and then anything: a closing quotation mark whose last
            // byte (0x9D) the first reading dropped, as it has no character
            // in Windows-1252.
            None if k == 2 && bytes[..2] == [0xE2, 0x80] => return Some(('”', 2)),
            None => return None,
        }
    }
    let ch = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
    Some((ch, len))
}

/// `text` with its mis-decoded runs read as what they were (twice over
/// for a page mis-decoded twice); the text itself when it has none.
pub fn repaired(text: String) -> String {
    let mut text = text;
    for _ in 0..2 {
        match repaired_once(&text) {
            Some(fixed) => text = fixed,
            None => break,
        }
    }
    text
}

fn repaired_once(text: &str) -> Option<String> {
    // (Most pages: no character could start a run.)
    if text.is_ascii() || !text.contains(|c: char| ('\u{c2}'..='\u{f4}').contains(&c)) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut fixed = false;
    let mut i = 0;
    while i < chars.len() {
        match sequence_at(&chars[i..]) {
            Some((ch, used)) => {
                out.push(ch);
                i += used;
                fixed = true;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    fixed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::repaired;

    /// What a scraper that read UTF-8 as Windows-1252 writes.
    fn garbled(s: &str) -> String {
        let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(s.as_bytes());
        cow.into_owned()
    }

    #[test]
    fn reads_runs_as_the_characters_they_were() {
        for original in [
            "The minister’s “final” word – and the mission’s end…",
            "Sébastien Lecornu met Şivan Perwer in Erbil.",
            "العراق والولايات المتحدة",
            "Price: £5 · 20 °C",
            "Emoji 🙂 aside",
        ] {
            let bad = garbled(original);
            assert_ne!(bad, original);
            assert_eq!(repaired(bad), original);
        }
        // Read wrong twice.
        let twice = garbled(&garbled("Iraq’s"));
        assert_eq!(repaired(twice), "Iraq’s");
    }

    #[test]
    fn a_dropped_last_byte_is_a_closing_quote() {
        // (0x9D has no Windows-1252 character: many tools drop it.)
        assert_eq!(
            repaired("â€œwinâ€ for Baghdad".to_string()),
            "“win” for Baghdad"
        );
    }

    #[test]
    fn leaves_ordinary_text_and_its_lines_alone() {
        for text in [
            "café, naïve, Şırnak, Ñandú, Ærø, Ørsted, Ã and © apart",
            "plain ASCII\nwith lines",
        ] {
            assert_eq!(repaired(text.to_string()), text);
        }
        let bad = garbled("line one’s\nline two’s\n");
        assert_eq!(repaired(bad), "line one’s\nline two’s\n");
    }
}
