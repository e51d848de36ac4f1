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
    let mut push = |c: char, out: &mut String| {
        if c.is_ascii_alphanumeric() || c == '_' {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    };
    for c in text.chars() {
        if c.is_ascii() {
            push(c, &mut out);
        } else {
            // Any script, transliterated: "Erdoğan" -> "erdogan",
            // "السوداني" -> "lswdny"; what has no letters separates words.
            // Punctuation, spaces and invisible marks of any script separate words.
            match deunicode::deunicode_char(c) {
                Some(latin) if c.is_alphanumeric() => {
                    // Letters only: "ع" is "`", a letter of the word, not a break.
                    for l in latin
                        .chars()
                        .filter(|l| l.is_ascii_alphanumeric() || *l == ' ')
                    {
                        push(l, &mut out);
                    }
                }
                _ => push(' ', &mut out),
            }
        }
        if out.len() >= MAX_LEN {
            break;
        }
    }
    out.truncate(MAX_LEN);
    let mut out = out.trim_end_matches('-').to_string();
    // `con.html` cannot be created on Windows (nor can `con.anything`).
    if is_windows_device(&out) {
        out.push('_');
    }
    (!out.is_empty()).then_some(out)
}

/// Names made unique by a numbered suffix ("a", "a-2", "a-3", ...), each
/// claim in constant time however many share a base: a page with 50,000
/// identical headings, or 50,000 sources of one headline, must not take
/// quadratic time.
#[derive(Debug, Default)]
pub struct UniqueNames {
    used: std::collections::HashSet<String>,
    /// Per base, the last suffix tried.
    next: std::collections::HashMap<String, usize>,
}

impl UniqueNames {
    /// Names already taken.
    pub fn new(taken: impl IntoIterator<Item = String>) -> UniqueNames {
        UniqueNames {
            used: taken.into_iter().collect(),
            next: Default::default(),
        }
    }

    /// Mark `name` as taken.
    pub fn take(&mut self, name: String) {
        self.used.insert(name);
    }

    /// `base` if free, else `base-N` for the smallest N from 2 not tried yet.
    pub fn claim(&mut self, base: &str) -> String {
        if self.used.insert(base.to_string()) {
            return base.to_string();
        }
        let n = self.next.entry(base.to_string()).or_insert(1);
        loop {
            *n += 1;
            let candidate = format!("{base}-{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// Slug of the list page of each output folder: no content item may take it.
pub const LIST_PAGE: &str = "index";

/// Windows device names, reserved whatever the extension: CON, PRN, AUX,
/// NUL, COM1-9, LPT1-9.
pub fn is_windows_device(slug: &str) -> bool {
    let s = slug.as_bytes();
    matches!(slug, "con" | "prn" | "aux" | "nul")
        || (s.len() == 4
            && (slug.starts_with("com") || slug.starts_with("lpt"))
            && (b'1'..=b'9').contains(&s[3]))
}

/// `slug`, or `slug_` when it is the list page's name (for names derived
/// from content, like sources and entities, which cannot be asked to rename).
pub fn not_list_page(slug: String) -> String {
    if slug == LIST_PAGE {
        format!("{slug}_")
    } else {
        slug
    }
}

/// True when `s` is already a valid slug.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_LEN
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !s.starts_with('-')
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
        assert_eq!(
            slugify("Erdoğan’s visit").as_deref(),
            Some("erdogan-s-visit")
        );
        assert_eq!(
            slugify("محمد شياع السوداني").as_deref(),
            Some("mhmd-shy-lswdny")
        );
        assert_eq!(slugify("\u{200d}\u{200b}"), None);
        assert!(slugify(&"a".repeat(500)).unwrap().len() <= MAX_LEN);
        assert_eq!(slugify("CON").as_deref(), Some("con_"));
        assert_eq!(slugify("lpt9").as_deref(), Some("lpt9_"));
        assert_eq!(slugify("com10").as_deref(), Some("com10"));
        assert_eq!(slugify("a\0b").as_deref(), Some("a-b"));
        assert_eq!(slugify("zero\u{200b}width").as_deref(), Some("zero-width"));
    }

    #[test]
    fn unique_names_count_on() {
        let mut names = UniqueNames::new(["a-3".to_string()]);
        let got: Vec<String> = (0..5).map(|_| names.claim("a")).collect();
        assert_eq!(got, ["a", "a-2", "a-4", "a-5", "a-6"]);
        assert_eq!(names.claim("b"), "b");
        // Many of one base: every name distinct (linear, not quadratic).
        let mut many = UniqueNames::default();
        let all: std::collections::HashSet<String> = (0..50_000).map(|_| many.claim("x")).collect();
        assert_eq!(all.len(), 50_000);
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
