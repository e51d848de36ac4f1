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
