//! The one place that talks to the YAML library.
//!
//! `serde_yaml` is archived; we depend on its maintained continuation
//! (`yaml_serde`) under the card's name. Keeping every call here means a
//! future switch touches one file.

mod block;
mod emit;

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

/// Deserialize a brief's front matter: as [`from_str`], through the reader
/// of the block YAML dossier writes (`block`) when the text is in that
/// subset and the type takes what it read, else through the library.
///
/// For types whose fields are read by name and type, as a brief's are: a
/// type that reads a map in its order, or asks the format what a value is
/// (`deserialize_any`), could read the JSON the subset reader makes
/// differently from YAML, and must use [`from_str`].
pub fn from_front_matter<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if let Some(value) = block::parse(text)
        && let Ok(parsed) = serde_json::from_value(value)
    {
        return Ok(parsed);
    }
    from_str(text)
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
        let mut escaped = false;
        // Bytes, not chars: every character looked for is ASCII, and no byte
        // of a longer UTF-8 character is (a tenth of the time of a parse).
        for (col, c) in line.bytes().enumerate() {
            if let Some(q) = quote {
                // Inside quotes: '' is a quote in single-quoted text, \x
                // an escape in double-quoted text; neither ends it.
                if escaped {
                    escaped = false;
                } else if q == b'"' && c == b'\\' {
                    escaped = true;
                } else if c == q {
                    if q == b'\'' && line.as_bytes().get(col + 1) == Some(&b'\'') {
                        escaped = true;
                    } else {
                        quote = None;
                    }
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
            // ':' and '-' are indicators only before a space or the line's
            // end, ',' only inside brackets ("a,&b" and "e-&b" are text).
            let next_is_space = matches!(line.as_bytes().get(col + 1), None | Some(b' '));
            value_start = match c {
                b' ' | b'\t' => value_start,
                b':' => next_is_space,
                // "- " opens an item only where a value begins: "A- *" is text.
                b'-' => next_is_space && value_start,
                b',' => depth > 0,
                // An opening bracket only where a value begins: "a{b" is text.
                b'[' | b'{' => value_start,
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

/// Serialize `value` as YAML text: through the writer of the block YAML
/// dossier writes (`emit`, the library's output byte for byte) when the
/// value is in that subset, else through the library.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    if let Ok(text) = emit::to_string(value) {
        return Ok(text);
    }
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
        // Indicators are indicators only where a value begins.
        let ok: serde_yaml::Value =
            from_str("title: Rockets, & drones A- *x e-&y .{*z\nlist:\n- a,&b\n").unwrap();
        assert_eq!(
            ok["title"],
            serde_yaml::Value::String("Rockets, & drones A- *x e-&y .{*z".into())
        );
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

    #[test]
    fn the_subset_reader_reads_what_ingest_writes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/briefs");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let yaml_text = crate::front_matter::split(&text).unwrap().yaml;
            assert!(block::parse(yaml_text).is_some(), "declined:\n{yaml_text}");
        }
    }

    /// The shapes of a brief's front matter, for the property below.
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Front {
        title: String,
        #[serde(default)]
        draft: bool,
        outlet: Option<String>,
        #[serde(default)]
        topics: Vec<String>,
        #[serde(default)]
        items: Vec<Item>,
        #[serde(default)]
        evidence: std::collections::BTreeMap<String, Vec<Item>>,
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Item {
        text: String,
        value: Option<f64>,
        line: usize,
        #[serde(default)]
        lines: Vec<usize>,
    }

    fn text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            "[A-Za-z0-9 ,.'\"#:&*!|>%@`?{}\\[\\]~-]{0,24}",
            proptest::sample::select(vec![
                "null",
                "~",
                "true",
                "False",
                "2024",
                "007",
                "1e5",
                "+5",
                ".inf",
                "0x1f",
                "-3",
                "1.5",
                "2024-07-29",
                "a: b",
                "a #b",
                "- x",
                "x:",
                "",
                " x",
                "x ",
                "é \u{201c}q\u{201d}",
                "tab\there",
                "two\nlines",
                "\u{7}bell",
            ])
            .prop_map(str::to_string),
        ]
    }

    proptest::proptest! {
        /// Whatever the library writes, the subset reader reads as the
        /// library does (or declines, and the library reads it).
        #[test]
        fn front_matter_reads_back_as_the_library_reads_it(
            title in text(),
            outlet in proptest::option::of(text()),
            draft in proptest::bool::ANY,
            topics in proptest::collection::vec(text(), 0..3),
            items in proptest::collection::vec(
                (text(), proptest::option::of(-1e6f64..1e6), 0usize..500, proptest::collection::vec(0usize..99, 0..3)),
                0..3,
            ),
            keys in proptest::collection::vec("[a-z_]{1,8}", 0..3),
        ) {
            let items: Vec<Item> = items
                .into_iter()
                .map(|(text, value, line, lines)| Item { text, value, line, lines })
                .collect();
            let evidence = keys
                .into_iter()
                .map(|k| (k, vec![Item { text: title.clone(), value: None, line: 1, lines: vec![] }]))
                .collect();
            let front = Front { title, draft, outlet, topics, items, evidence };
            let written = to_string(&front).unwrap();
            let library = from_str::<Front>(&written).map_err(|e| e.message);
            let fast = from_front_matter::<Front>(&written).map_err(|e| e.message);
            proptest::prop_assert_eq!(&fast, &library, "{}", written);
            if let Some(value) = block::parse(&written)
                && let Ok(read) = serde_json::from_value::<Front>(value)
            {
                proptest::prop_assert_eq!(Ok(read), library);
            }
        }
    }
}
