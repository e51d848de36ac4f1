//! Slugs: the file-name-safe identifiers that become URLs.
//!
//! A slug is lower-case ASCII letters, digits, `-` and `_`, at most
//! [`MAX_LEN`] bytes, never empty. Everything that becomes a path in the
//! output goes through here, so no file name can climb out of its folder.

/// Longest slug we produce; keeps paths well under file-system limits.
pub const MAX_LEN: usize = 80;

/// Turn arbitrary text into a slug: "Gaza War, 2024!" -> "gaza-war-2024".
/// Returns `None` when nothing usable is left (e.g. only punctuation).
pub fn slugify(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len().min(MAX_LEN));
    let mut dash = false;
    for c in text.chars() {
        let c = fold_latin(c);
        if c.is_ascii_alphanumeric() || c == '_' {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
        if out.len() >= MAX_LEN {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

/// True when `s` is already a valid slug.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_LEN
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !s.starts_with('-')
}

/// Map common accented Latin letters to ASCII so "Café" slugs as "cafe".
fn fold_latin(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Gaza War, 2024!").as_deref(), Some("gaza-war-2024"));
        assert_eq!(
            slugify("000_ac499432f2e612ce").as_deref(),
            Some("000_ac499432f2e612ce")
        );
        assert_eq!(slugify("../../etc/passwd").as_deref(), Some("etc-passwd"));
        assert_eq!(slugify("Café au lait").as_deref(), Some("cafe-au-lait"));
        assert_eq!(slugify("!!!"), None);
        assert_eq!(slugify("العراق"), None);
        assert!(slugify(&"a".repeat(500)).unwrap().len() <= MAX_LEN);
    }

    #[test]
    fn validity() {
        assert!(is_slug("gaza-spillover"));
        assert!(!is_slug("Gaza"));
        assert!(!is_slug("../x"));
        assert!(!is_slug(""));
        assert!(!is_slug("-x"));
    }
}
