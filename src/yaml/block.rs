//! A reader for the block-style YAML that dossier writes itself: a brief's
//! front matter as the YAML library emits it (mappings and sequences by
//! indentation, one scalar per line, plain or quoted on one line).
//!
//! Parsing 10,000 briefs' front matter with libyaml was a sixth of a clean
//! build's CPU; this reader does the same work for this subset in a
//! fraction of it. It never decides anything the library would decide
//! otherwise: it declines (`None`) at the first thing outside the subset
//! (a comment, a tab, a flow collection, a block or multi-line scalar, an
//! anchor, a tag, a duplicate key, a plain scalar a YAML resolver could
//! read as something else), and its caller then asks the library. A plain
//! scalar becomes a JSON number, bool or null only in the forms the
//! library reads the same way for a number, bool or option field; the
//! caller's typed deserialisation fails on any other reading, and that
//! failure also sends the text to the library (so `title: 2024` is the
//! text "2024", as the library makes it).

use serde_json::{Map, Number, Value};

use super::MAX_DEPTH;

/// The YAML `text` as a JSON value, or `None` where it is not in the subset.
pub(super) fn parse(text: &str) -> Option<Value> {
    if text.contains(['\t', '\r', '\u{feff}']) {
        return None;
    }
    let mut lines = Vec::new();
    for raw in text.lines() {
        let rest = raw.trim_start_matches(' ');
        if rest.is_empty() {
            continue;
        }
        if rest.ends_with(' ') || rest == "---" || rest == "..." {
            return None;
        }
        let indent = raw.len() - rest.len();
        if indent > 2 * MAX_DEPTH {
            return None;
        }
        lines.push(Line { indent, rest });
    }
    let mut reader = Reader {
        lines,
        at: 0,
        depth: 0,
    };
    let value = match reader.lines.first() {
        None => Value::Object(Map::new()),
        Some(first) if first.indent == 0 => reader.block(0)?,
        Some(_) => return None,
    };
    (reader.at == reader.lines.len()).then_some(value)
}

/// A non-blank line: its indentation and what follows it.
struct Line<'a> {
    indent: usize,
    rest: &'a str,
}

struct Reader<'a> {
    lines: Vec<Line<'a>>,
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    /// The mapping or sequence that starts at the current line.
    fn block(&mut self, indent: usize) -> Option<Value> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let line = self.lines.get(self.at)?;
        let value = if is_item(line.rest) {
            self.sequence(indent)
        } else {
            self.mapping(indent)
        };
        self.depth -= 1;
        value
    }

    fn sequence(&mut self, indent: usize) -> Option<Value> {
        let mut items = Vec::new();
        while let Some(line) = self.lines.get(self.at) {
            if line.indent < indent || line.indent == indent && !is_item(line.rest) {
                break;
            }
            if line.indent > indent {
                return None;
            }
            let after = &line.rest[1..];
            let content = after.trim_start_matches(' ');
            if content.is_empty() || is_item(content) {
                // A nested block under a bare "-", or a sequence in a
                // sequence: the library's business.
                return None;
            }
            if key_and_value(content).is_some() {
                // "- name: X" then "  lines:": a mapping whose keys stand
                // where this one's does.
                let column = indent + line.rest.len() - content.len();
                self.lines[self.at] = Line {
                    indent: column,
                    rest: content,
                };
                items.push(self.block(column)?);
            } else {
                items.push(scalar(content)?);
                self.at += 1;
            }
        }
        Some(Value::Array(items))
    }

    fn mapping(&mut self, indent: usize) -> Option<Value> {
        let mut map = Map::new();
        while let Some(line) = self.lines.get(self.at) {
            if line.indent < indent {
                break;
            }
            if line.indent > indent || is_item(line.rest) {
                return None;
            }
            let (key, value) = key_and_value(line.rest)?;
            self.at += 1;
            let value = match value {
                Some(v) => scalar(v)?,
                None => match self.lines.get(self.at) {
                    Some(next) if next.indent > indent => self.block(next.indent)?,
                    // YAML lets a mapping's sequence stand at its key's
                    // indentation ("topics:" then "- pmf").
                    Some(next) if next.indent == indent && is_item(next.rest) => {
                        self.sequence(indent)?
                    }
                    _ => Value::Null,
                },
            };
            if map.insert(key.to_string(), value).is_some() {
                return None;
            }
        }
        Some(Value::Object(map))
    }
}

fn is_item(rest: &str) -> bool {
    rest == "-" || rest.starts_with("- ")
}

/// "key: value" or "key:" (its value on the lines below): the key is a
/// plain word of letters, digits, '_' and '-' (what dossier's fields and
/// evidence names are).
fn key_and_value(rest: &str) -> Option<(&str, Option<&str>)> {
    let end = rest
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))?;
    let (key, after) = rest.split_at(end);
    if key.is_empty() || key.starts_with('-') {
        return None;
    }
    let after = after.strip_prefix(':')?;
    if after.is_empty() {
        return Some((key, None));
    }
    let value = after.strip_prefix(' ')?.trim_start_matches(' ');
    Some((key, Some(value)))
}

/// One scalar (or an empty flow collection) that fills the rest of a line.
fn scalar(text: &str) -> Option<Value> {
    match text.as_bytes().first()? {
        b'\'' => single_quoted(text).map(Value::String),
        b'"' => double_quoted(text).map(Value::String),
        _ if text == "[]" => Some(Value::Array(Vec::new())),
        _ if text == "{}" => Some(Value::Object(Map::new())),
        _ => plain(text),
    }
}

fn plain(text: &str) -> Option<Value> {
    // Indicators that begin something other than a plain scalar, and the
    // sequences that end one early (a comment, a nested key).
    if text.starts_with([
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`',
    ]) || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
    {
        return number(text);
    }
    Some(match text {
        "null" | "Null" | "NULL" | "~" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => match number(text) {
            Some(n) => n,
            None if looks_numeric(text) => return None,
            None => Value::String(text.to_string()),
        },
    })
}

/// A number in the two forms dossier writes: an integer without a leading
/// zero ("27", "-3") or a decimal ("1497.0").
fn number(text: &str) -> Option<Value> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || int.len() > 1 && int.starts_with('0') {
        return None;
    }
    match frac {
        None => {
            if text.starts_with('-') {
                text.parse::<i64>().ok().map(Value::from)
            } else {
                text.parse::<u64>().ok().map(Value::from)
            }
        }
        Some(f) if all_digits(f) => text
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number),
        Some(_) => None,
    }
}

/// Could a YAML resolver read this plain scalar as a number in a form
/// `number` does not ("+5", "0x1f", "1e3", "1_000", ".5", ".inf", "007")?
/// Such a scalar is left to the library.
fn looks_numeric(text: &str) -> bool {
    let t = text.strip_prefix(['+', '-']).unwrap_or(text);
    if matches!(
        t.to_ascii_lowercase().as_str(),
        ".inf" | "inf" | "infinity" | ".nan" | "nan"
    ) {
        return true;
    }
    let all = |s: &str, ok: fn(u8) -> bool| !s.is_empty() && s.bytes().all(|b| ok(b) || b == b'_');
    if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        return all(hex, |b| b.is_ascii_hexdigit());
    }
    if let Some(octal) = t.strip_prefix("0o") {
        return all(octal, |b| (b'0'..=b'7').contains(&b));
    }
    if let Some(binary) = t.strip_prefix("0b") {
        return all(binary, |b| b == b'0' || b == b'1');
    }
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let mantissa_ok = mantissa.bytes().any(|b| b.is_ascii_digit())
        && all(mantissa, |b| b.is_ascii_digit() || b == b'.')
        && mantissa.matches('.').count() <= 1;
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    });
    mantissa_ok && exponent_ok
}

/// 'it''s': the text between the quotes, doubled quotes made single; the
/// closing quote must end the line.
fn single_quoted(text: &str) -> Option<String> {
    let inner = text.strip_prefix('\'')?;
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    loop {
        let q = rest.find('\'')?;
        out.push_str(&rest[..q]);
        rest = &rest[q + 1..];
        if let Some(after) = rest.strip_prefix('\'') {
            out.push('\'');
            rest = after;
        } else {
            return rest.is_empty().then_some(out);
        }
    }
}

/// "a \"b\"\n": the escapes the library writes; any other declines.
fn double_quoted(text: &str) -> Option<String> {
    let inner = text.strip_prefix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (i + 1 == inner.len()).then_some(out),
            '\\' => {
                let (_, e) = chars.next()?;
                let hex = |chars: &mut std::str::CharIndices, n: usize| {
                    let mut v = 0u32;
                    for _ in 0..n {
                        v = v * 16 + chars.next()?.1.to_digit(16)?;
                    }
                    char::from_u32(v)
                };
                out.push(match e {
                    '\\' => '\\',
                    '"' => '"',
                    '/' => '/',
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '0' => '\0',
                    'x' => hex(&mut chars, 2)?,
                    'u' => hex(&mut chars, 4)?,
                    'U' => hex(&mut chars, 8)?,
                    _ => return None,
                });
            }
            _ => out.push(c),
        }
    }
    None
}
