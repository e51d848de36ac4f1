//! The one place that talks to the YAML library.
//!
//! `serde_yaml` is archived; we depend on its maintained continuation
//! (`yaml_serde`) under the card's name. Keeping every call here means a
//! future switch touches one file.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A YAML parse or type error with its position inside the YAML text.
#[derive(Debug, Clone)]
pub struct YamlError {
    /// What went wrong, as the YAML library says it (position stripped).
    pub message: String,
    /// 1-based line within the YAML text.
    pub line: Option<usize>,
    /// 1-based column within the YAML text.
    pub column: Option<usize>,
}

/// Deserialize `text` into `T`, keeping the error position.
///
/// When the library reports both where it gave up and the construct it was
/// reading ("found unexpected end of stream at line 2 column 1, while
/// scanning a quoted scalar at line 1 column 8"), the construct's position is
/// kept: that is where the mistake (an unclosed quote) is.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    within_limits(text)?;
    serde_yaml::from_str(text).map_err(|e| {
        let (message, positions) = strip_positions(&e.to_string());
        let loc = e.location();
        let (line, column) = match positions.last() {
            Some(&(l, c)) if positions.len() > 1 => (Some(l), Some(c)),
            _ => (
                loc.as_ref().map(|l| l.line()),
                loc.as_ref().map(|l| l.column()),
            ),
        };
        YamlError {
            message,
            line,
            column,
        }
    })
}

/// Deepest nesting a dossier file may use (flow brackets, or indentation
/// in steps of two). Front matter, topics and aliases need a handful.
pub const MAX_DEPTH: usize = 64;

/// Refuse, before the parser sees it, what would make it work without
/// bound: nesting deeper than [`MAX_DEPTH`] (the scanner takes minutes on
/// 100,000 brackets) and anchors or aliases (`&x` ... `*x`: a short file
/// that repeats one long string thousands of times expands to gigabytes).
/// No dossier file needs either. One pass over the text.
fn within_limits(text: &str) -> Result<(), YamlError> {
    let err = |message: String, line: usize, column: usize| YamlError {
        message,
        line: Some(line),
        column: Some(column),
    };
    let mut depth = 0usize;
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if indent > 2 * MAX_DEPTH {
            return Err(err(
                format!("nested more than {MAX_DEPTH} levels deep (indented {indent} spaces)"),
                n + 1,
                indent + 1,
            ));
        }
        // Where a value can begin: the line start, or after ':', '-', ',',
        // '[' or '{' and spaces. Quoted text and comments are skipped.
        let mut value_start = true;
        let mut quote: Option<u8> = None;
        // Bytes, not chars: every character looked for is ASCII, and no byte
        // of a longer UTF-8 character is (a tenth of the time of a parse).
        for (col, c) in line.bytes().enumerate() {
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                continue;
            }
            match c {
                b'"' | b'\'' if value_start => quote = Some(c),
                b'#' if value_start || line.as_bytes()[..col].ends_with(b" ") => break,
                b'[' | b'{' if value_start => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(err(
                            format!("nested more than {MAX_DEPTH} levels deep"),
                            n + 1,
                            col + 1,
                        ));
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                b'&' | b'*' if value_start => {
                    return Err(err(
                        "YAML anchors and aliases (&name, *name) are not allowed in dossier files; write the value out".to_string(),
                        n + 1,
                        col + 1,
                    ));
                }
                _ => {}
            }
            value_start = match c {
                b' ' | b'\t' => value_start,
                b':' | b'-' | b',' | b'[' | b'{' => true,
                _ => false,
            };
        }
    }
    Ok(())
}

/// Remove every " at line L column C" from a message, returning the positions.
fn strip_positions(msg: &str) -> (String, Vec<(usize, usize)>) {
    const AT: &str = " at line ";
    let mut out = String::with_capacity(msg.len());
    let mut positions = Vec::new();
    let mut rest = msg;
    while let Some(i) = rest.find(AT) {
        out.push_str(&rest[..i]);
        let after = &rest[i + AT.len()..];
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let nl = digits(after);
        let parsed = after[nl..].strip_prefix(" column ").and_then(|c| {
            let nc = digits(c);
            let line = after[..nl].parse().ok()?;
            let col = c[..nc].parse().ok()?;
            Some((line, col, &c[nc..]))
        });
        match parsed {
            Some((line, col, tail)) => {
                positions.push((line, col));
                rest = tail;
            }
            None => {
                out.push_str(AT);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, positions)
}

/// Serialize `value` as YAML text.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_and_aliases_are_refused_before_parsing() {
        let deep = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let e = from_str::<serde_yaml::Value>(&deep).unwrap_err();
        assert!(e.message.contains("levels deep"), "{}", e.message);
        assert_eq!(e.line, Some(1));
        let mut indented = String::new();
        for i in 0..200 {
            indented.push_str(&" ".repeat(2 * i));
            indented.push_str("a:\n");
        }
        assert!(
            from_str::<serde_yaml::Value>(&indented)
                .unwrap_err()
                .message
                .contains("levels deep")
        );
        let laughs = format!(
            "a: &x \"{}\"\nb: [{}]\n",
            "y".repeat(100_000),
            vec!["*x"; 10_000].join(", ")
        );
        let e = from_str::<serde_yaml::Value>(&laughs).unwrap_err();
        assert!(e.message.contains("anchors and aliases"), "{}", e.message);
        assert_eq!((e.line, e.column), (Some(1), Some(4)));
        // Ordinary text with the same characters is fine.
        let ok: serde_yaml::Value = from_str(
            "title: \"AT&T [and] *stars*\"\ntopics: [a, b]\nnote: Q&A with 5*3 {x}\nlist:\n  - [1, [2, 3]]\n",
        )
        .unwrap();
        assert_eq!(ok["topics"][1], serde_yaml::Value::String("b".into()));
    }

    #[test]
    fn unclosed_quote_points_at_the_quote() {
        let e = from_str::<serde_yaml::Value>("a: 1\ntitle: \"unclosed\n").unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(8)), "{}", e.message);
        assert!(
            e.message.contains("while scanning a quoted scalar"),
            "{}",
            e.message
        );
        assert!(!e.message.contains("at line"), "{}", e.message);
    }
}
