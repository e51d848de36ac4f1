//! A writer for the block-style YAML that dossier writes: mappings and
//! sequences by indentation, one scalar per line, plain or single-quoted,
//! byte for byte as the YAML library (`yaml_serde` over libyaml) writes the
//! same value.
//!
//! The library analyses every scalar through libyaml's emitter, which was
//! 8 % of the instructions of ingesting a raw source (a brief's front
//! matter carries a few hundred scalars, most of them sentences of
//! context). This writer makes the library's two decisions itself: whether
//! the library's reader would take a plain scalar for something other than
//! a string (then the library asks for quotes), and which style libyaml's
//! analysis allows (`yaml_emitter_analyze_scalar`,
//! `yaml_emitter_select_scalar_style`). It declines (`Unsupported`) at
//! anything outside that subset: a scalar that needs double quotes or a
//! literal block (control characters, line breaks), a long or multi-line
//! key, a non-string key, an enum variant carrying data (a tag), a value
//! that is not a mapping at the top. The caller then asks the library.

use std::fmt::{self, Display, Write as _};

use serde::ser::{self, Serialize};

/// Why this writer declined: the value is outside its subset (or its
/// `Serialize` failed, which the library will report in its own words).
#[derive(Debug)]
pub(super) struct Unsupported;

impl Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("outside the block YAML subset")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: Display>(_msg: T) -> Self {
        Unsupported
    }
}

/// A value as the library would emit it: scalars keep whether they are
/// text (whose style is decided when written) or a number, bool or null
/// (always plain).
enum Node {
    Text(String),
    Plain(String),
    Seq(Vec<Node>),
    Map(Vec<(String, Node)>),
}

/// `value` as YAML text, or `Unsupported`.
pub(super) fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Unsupported> {
    let Node::Map(entries) = value.serialize(NodeMaker)? else {
        return Err(Unsupported);
    };
    let mut out = String::with_capacity(4096);
    if entries.is_empty() {
        out.push_str("{}\n");
        return Ok(out);
    }
    write_map(&mut out, &entries, 0, false)?;
    Ok(out)
}

/// A mapping whose keys stand at column `indent`; `inline` when the first
/// key follows a sequence's "- " already written.
fn write_map(
    out: &mut String,
    entries: &[(String, Node)],
    indent: usize,
    inline: bool,
) -> Result<(), Unsupported> {
    for (i, (key, value)) in entries.iter().enumerate() {
        if i > 0 || !inline {
            push_indent(out, indent);
        }
        // libyaml writes a key over 128 bytes as a complex key ("? key").
        if key.len() > 128 {
            return Err(Unsupported);
        }
        write_text(out, key, true)?;
        out.push(':');
        match value {
            Node::Seq(items) if !items.is_empty() => {
                out.push('\n');
                // A sequence in a mapping is written at the key's column.
                write_seq(out, items, indent, false)?;
            }
            Node::Map(inner) if !inner.is_empty() => {
                out.push('\n');
                write_map(out, inner, indent + 2, false)?;
            }
            scalar => {
                out.push(' ');
                write_scalar(out, scalar)?;
                out.push('\n');
            }
        }
    }
    Ok(())
}

/// A sequence whose dashes stand at column `indent`.
fn write_seq(
    out: &mut String,
    items: &[Node],
    indent: usize,
    inline: bool,
) -> Result<(), Unsupported> {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !inline {
            push_indent(out, indent);
        }
        out.push_str("- ");
        match item {
            Node::Seq(inner) if !inner.is_empty() => write_seq(out, inner, indent + 2, true)?,
            Node::Map(inner) if !inner.is_empty() => write_map(out, inner, indent + 2, true)?,
            scalar => {
                write_scalar(out, scalar)?;
                out.push('\n');
            }
        }
    }
    Ok(())
}

fn push_indent(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// A scalar or an empty collection (written in flow style, as libyaml does).
fn write_scalar(out: &mut String, node: &Node) -> Result<(), Unsupported> {
    match node {
        Node::Text(text) => write_text(out, text, false),
        Node::Plain(text) => {
            out.push_str(text);
            Ok(())
        }
        Node::Seq(_) => {
            out.push_str("[]");
            Ok(())
        }
        Node::Map(_) => {
            out.push_str("{}");
            Ok(())
        }
    }
}

/// A string in the style the library picks: plain when libyaml allows it
/// and the library's reader would read it back as this string, else single
/// quotes when libyaml allows them, else `Unsupported` (double quotes).
fn write_text(out: &mut String, text: &str, simple_key: bool) -> Result<(), Unsupported> {
    let allowed = Allowed::of(text)?;
    let wants_quotes = reads_as_other_than_text(text);
    let plain = !wants_quotes && allowed.block_plain && !(text.is_empty() && simple_key);
    if plain {
        out.push_str(text);
    } else if allowed.single_quoted {
        out.push('\'');
        for (i, part) in text.split('\'').enumerate() {
            if i > 0 {
                out.push_str("''");
            }
            out.push_str(part);
        }
        out.push('\'');
    } else {
        return Err(Unsupported);
    }
    Ok(())
}

/// What libyaml's analysis of a scalar allows in block context.
struct Allowed {
    block_plain: bool,
    single_quoted: bool,
}

impl Allowed {
    /// `yaml_emitter_analyze_scalar` for a scalar without line breaks (one
    /// with a break is `Unsupported`: the library writes it as a literal
    /// block or in double quotes).
    fn of(text: &str) -> Result<Allowed, Unsupported> {
        let bytes = text.as_bytes();
        let Some((&first, &last)) = bytes.first().zip(bytes.last()) else {
            return Ok(Allowed {
                block_plain: true,
                single_quoted: true,
            });
        };
        // Every indicator is ASCII, and so is every blank but the breaks
        // (which decline anyway): a byte's neighbours decide.
        let blank_at = |i: usize| bytes.get(i).is_none_or(|b| matches!(b, b' ' | b'\t' | 0));
        let mut block_indicators = text.starts_with("---") || text.starts_with("...");
        block_indicators |= matches!(
            first,
            b'#' | b','
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'&'
                | b'*'
                | b'!'
                | b'|'
                | b'>'
                | b'\''
                | b'"'
                | b'%'
                | b'@'
                | b'`'
        );
        block_indicators |= matches!(first, b'?' | b':' | b'-') && blank_at(1);
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b':' if i > 0 => block_indicators |= blank_at(i + 1),
                b'#' if i > 0 => block_indicators |= blank_at(i - 1),
                b' '..=b'~' => {}
                0x80.. => {
                    // A character's first byte: is it printable, a break?
                    if b >= 0xC0 {
                        let c = text[i..].chars().next().ok_or(Unsupported)?;
                        if is_break(c) || !is_printable(c) {
                            return Err(Unsupported);
                        }
                    }
                }
                // Control characters and line breaks.
                _ => return Err(Unsupported),
            }
        }
        let edge_space = first == b' ' || last == b' ';
        Ok(Allowed {
            block_plain: !edge_space && !block_indicators,
            single_quoted: true,
        })
    }
}

/// libyaml's line breaks: CR, LF, NEL, LINE and PARAGRAPH SEPARATOR.
fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// libyaml's printable characters (`IS_PRINTABLE`, UTF-8 output allowed).
fn is_printable(c: char) -> bool {
    matches!(c,
        '\n' | ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{10000}'..='\u{10ffff}')
        || (('\u{e000}'..='\u{fffd}').contains(&c) && c != '\u{feff}')
}

/// Whether the library's reader takes this plain scalar for a null, a
/// bool, an integer or a float, or for digits with a leading zero (a
/// string it still quotes): `yaml_serde`'s `visit_untagged_scalar`, for
/// which its writer asks for single quotes.
fn reads_as_other_than_text(text: &str) -> bool {
    if matches!(
        text,
        "" | "~"
            | "null"
            | "Null"
            | "NULL"
            | "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
    ) {
        return true;
    }
    // Every integer and float form the reader accepts begins with a digit,
    // a sign or a dot ("inf" and "nan" without a dot are not finite and
    // are refused).
    if !text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.')) {
        return false;
    }
    digits_but_not_number(text) || is_integer(text) || is_float(text)
}

fn digits_but_not_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    digits.len() > 1 && digits.starts_with('0') && digits[1..].bytes().all(|b| b.is_ascii_digit())
}

/// The reader's integers: decimal, `0x`, `0o`, `0b`, with a sign (a `+`
/// not followed by another sign), in any width up to 128 bits.
fn is_integer(text: &str) -> bool {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'+') => (false, &text[1..]),
        Some(b'-') => (true, &text[1..]),
        _ => (false, text),
    };
    if unsigned.starts_with(['+', '-']) {
        return false;
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(digits) = unsigned.strip_prefix(prefix) {
            if digits.starts_with(['+', '-']) {
                return false;
            }
            if fits_128(digits, radix, negative) {
                return true;
            }
        }
    }
    !digits_but_not_number(text) && fits_128(unsigned, 10, negative)
}

/// Whether `digits` read in `radix` fits a u128 (or, negated, an i128), as
/// Rust's `from_str_radix` reads them (no sign left, at least one digit).
fn fits_128(digits: &str, radix: u32, negative: bool) -> bool {
    if digits.starts_with(['+', '-']) {
        return false;
    }
    if negative {
        i128::from_str_radix(&format!("-{digits}"), radix).is_ok()
    } else {
        u128::from_str_radix(digits, radix).is_ok()
    }
}

/// The reader's floats: `.inf`, `.nan` in three cases, signed, and every
/// finite number Rust's parser reads.
fn is_float(text: &str) -> bool {
    let unpositive = match text.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return false,
        Some(rest) => rest,
        None => text,
    };
    matches!(unpositive, ".inf" | ".Inf" | ".INF")
        || matches!(text, "-.inf" | "-.Inf" | "-.INF" | ".nan" | ".NaN" | ".NAN")
        || unpositive.parse::<f64>().is_ok_and(f64::is_finite)
}

/// Serialises a value into a [`Node`] tree, as the library's serializer
/// walks it.
struct NodeMaker;

fn plain(text: impl Into<String>) -> Result<Node, Unsupported> {
    Ok(Node::Plain(text.into()))
}

fn float(value: f64) -> Result<Node, Unsupported> {
    if value.is_nan() {
        plain(".nan")
    } else if value.is_infinite() {
        plain(if value > 0.0 { ".inf" } else { "-.inf" })
    } else {
        plain(ryu::Buffer::new().format_finite(value))
    }
}

impl ser::Serializer for NodeMaker {
    type Ok = Node;
    type Error = Unsupported;
    type SerializeSeq = SeqMaker;
    type SerializeTuple = SeqMaker;
    type SerializeTupleStruct = SeqMaker;
    type SerializeTupleVariant = ser::Impossible<Node, Unsupported>;
    type SerializeMap = MapMaker;
    type SerializeStruct = MapMaker;
    type SerializeStructVariant = ser::Impossible<Node, Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<Node, Unsupported> {
        plain(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result<Node, Unsupported> {
        plain(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<Node, Unsupported> {
        plain(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<Node, Unsupported> {
        plain(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<Node, Unsupported> {
        plain(v.to_string())
    }
    fn serialize_i128(self, v: i128) -> Result<Node, Unsupported> {
        plain(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<Node, Unsupported> {
        plain(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<Node, Unsupported> {
        plain(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<Node, Unsupported> {
        plain(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<Node, Unsupported> {
        plain(v.to_string())
    }
    fn serialize_u128(self, v: u128) -> Result<Node, Unsupported> {
        plain(v.to_string())
    }
    fn serialize_f32(self, v: f32) -> Result<Node, Unsupported> {
        if v.is_finite() {
            plain(ryu::Buffer::new().format_finite(v))
        } else {
            float(f64::from(v))
        }
    }
    fn serialize_f64(self, v: f64) -> Result<Node, Unsupported> {
        float(v)
    }
    fn serialize_char(self, _v: char) -> Result<Node, Unsupported> {
        // The library always single-quotes a char; not needed here.
        Err(Unsupported)
    }
    fn serialize_str(self, v: &str) -> Result<Node, Unsupported> {
        Ok(Node::Text(v.to_owned()))
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<Node, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Result<Node, Unsupported> {
        plain("null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Node, Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Node, Unsupported> {
        plain("null")
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Node, Unsupported> {
        plain("null")
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Node, Unsupported> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Node, Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Node, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqMaker, Unsupported> {
        Ok(SeqMaker(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqMaker, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<SeqMaker, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapMaker, Unsupported> {
        Ok(MapMaker {
            entries: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<MapMaker, Unsupported> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<Node, Unsupported> {
        let mut text = String::new();
        write!(text, "{value}").map_err(|_| Unsupported)?;
        // The library reads a one-entry map's key made this way as a tag
        // when it starts with '!'.
        if text.starts_with('!') {
            return Err(Unsupported);
        }
        Ok(Node::Text(text))
    }
}

struct SeqMaker(Vec<Node>);

impl ser::SerializeSeq for SeqMaker {
    type Ok = Node;
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.0.push(value.serialize(NodeMaker)?);
        Ok(())
    }
    fn end(self) -> Result<Node, Unsupported> {
        Ok(Node::Seq(self.0))
    }
}

impl ser::SerializeTuple for SeqMaker {
    type Ok = Node;
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, Unsupported> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for SeqMaker {
    type Ok = Node;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, Unsupported> {
        ser::SerializeSeq::end(self)
    }
}

struct MapMaker {
    entries: Vec<(String, Node)>,
    key: Option<String>,
}

impl MapMaker {
    fn push(&mut self, key: Node, value: Node) -> Result<(), Unsupported> {
        // Only text keys; a duplicate the library would write twice is
        // left to it.
        let Node::Text(key) = key else {
            return Err(Unsupported);
        };
        self.entries.push((key, value));
        Ok(())
    }
}

impl ser::SerializeMap for MapMaker {
    type Ok = Node;
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        match key.serialize(NodeMaker)? {
            Node::Text(key) => {
                self.key = Some(key);
                Ok(())
            }
            _ => Err(Unsupported),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        let key = self.key.take().ok_or(Unsupported)?;
        let value = value.serialize(NodeMaker)?;
        self.push(Node::Text(key), value)
    }
    fn end(self) -> Result<Node, Unsupported> {
        Ok(Node::Map(self.entries))
    }
}

impl ser::SerializeStruct for MapMaker {
    type Ok = Node;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        let value = value.serialize(NodeMaker)?;
        self.push(Node::Text(key.to_owned()), value)
    }
    fn end(self) -> Result<Node, Unsupported> {
        Ok(Node::Map(self.entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A value of any shape the writer may meet, serialised as the
    /// library's serializer sees it.
    #[derive(Debug, Clone)]
    enum Tree {
        Text(String),
        Int(i64),
        Float(f64),
        Bool(bool),
        Null,
        Seq(Vec<Tree>),
        Map(Vec<(String, Tree)>),
    }

    impl Serialize for Tree {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use ser::{SerializeMap, SerializeSeq};
            match self {
                Tree::Text(t) => s.serialize_str(t),
                Tree::Int(i) => s.serialize_i64(*i),
                Tree::Float(f) => s.serialize_f64(*f),
                Tree::Bool(b) => s.serialize_bool(*b),
                Tree::Null => s.serialize_none(),
                Tree::Seq(items) => {
                    let mut seq = s.serialize_seq(Some(items.len()))?;
                    for item in items {
                        seq.serialize_element(item)?;
                    }
                    seq.end()
                }
                Tree::Map(entries) => {
                    let mut map = s.serialize_map(Some(entries.len()))?;
                    for (k, v) in entries {
                        map.serialize_entry(k, v)?;
                    }
                    map.end()
                }
            }
        }
    }

    /// Strings at every edge of the library's two decisions: indicators
    /// first, inside and last, things its reader reads as numbers, bools
    /// or nulls, spaces at the ends, breaks and unprintable characters.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[A-Za-z0-9 ,.'\"#:&*!|>%@`?{}\\[\\]~+_-]{0,10}",
            "[0-9+.eExXoObB_-]{1,6}",
            proptest::sample::select(vec![
                "",
                " ",
                "  x",
                "x ",
                "null",
                "Null",
                "NULL",
                "~",
                "true",
                "TRUE",
                "False",
                "yes",
                "no",
                "2024",
                "007",
                "-007",
                "+01",
                "00",
                "-0",
                "1e5",
                "1e400",
                "1.",
                ".5",
                "+.inf",
                "-.Inf",
                ".NaN",
                "nan",
                "inf",
                "+5",
                "++5",
                "--5",
                "-+5",
                "+-5",
                "0x1F",
                "-0x10",
                "+0x10",
                "0x+5",
                "-0x-5",
                "0o17",
                "0b101",
                "-0b1",
                "1_000",
                "340282366920938463463374607431768211456",
                "-170141183460469231731687303715884105729",
                "---x",
                "--- x",
                "...",
                "..x",
                "-",
                "?",
                ":",
                "?x",
                ":x",
                "-x",
                "- x",
                "x:y",
                "x: y",
                "x:",
                "x #y",
                "x#y",
                "#x",
                "a\tb",
                "a\rb",
                "two\nlines",
                "nel\u{85}x",
                "ls\u{2028}x",
                "bom\u{feff}",
                "\u{fffe}",
                "\u{9f}",
                "\u{7f}",
                "bell\u{7}",
                "nbsp\u{a0}x",
                "emoji \u{1f600}",
                "\u{e000}",
                "\u{fffd}",
                "\u{d7ff}",
                "it's",
                "'q'",
                "\"q\"",
                "\u{201c}quoted\u{201d}: yes",
                "2024-07-29",
                "@x",
                "`x",
                "%x",
            ])
            .prop_map(str::to_string),
            "[a-z]{129,131}",
        ]
    }

    fn tree() -> impl Strategy<Value = Tree> {
        let leaf = prop_oneof![
            text().prop_map(Tree::Text),
            any::<i64>().prop_map(Tree::Int),
            prop_oneof![
                any::<f64>(),
                Just(f64::INFINITY),
                Just(f64::NAN),
                Just(2500.0),
                Just(1e21)
            ]
            .prop_map(Tree::Float),
            any::<bool>().prop_map(Tree::Bool),
            Just(Tree::Null),
        ];
        leaf.prop_recursive(4, 48, 5, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(Tree::Seq),
                proptest::collection::vec((text(), inner), 0..5).prop_map(Tree::Map),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Whatever this writer writes, the library writes byte for byte.
        #[test]
        fn writes_what_the_library_writes(
            entries in proptest::collection::vec((text(), tree()), 0..6)
        ) {
            let value = Tree::Map(entries);
            if let Ok(ours) = to_string(&value) {
                let library = serde_yaml::to_string(&value).unwrap();
                prop_assert_eq!(ours, library);
            }
        }

        /// A string of any characters, as a value and as a key.
        #[test]
        fn any_string_is_written_as_the_library_writes_it(s in "\\PC{0,12}|.{0,12}") {
            let value = Tree::Map(vec![
                (s.clone(), Tree::Text(s.clone())),
                ("k".into(), Tree::Seq(vec![Tree::Text(s.clone())])),
            ]);
            if let Ok(ours) = to_string(&value) {
                prop_assert_eq!(ours, serde_yaml::to_string(&value).unwrap());
            }
        }
    }

    /// The subset is what briefs are made of: every shipped brief's front
    /// matter is written by this writer, not handed to the library, and
    /// reads back to the same text.
    #[test]
    fn every_shipped_brief_is_in_the_subset() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/briefs");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let yaml = crate::front_matter::split(&text).unwrap().yaml;
            let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
            let ours = to_string(&value).expect("a shipped brief is in the subset");
            assert_eq!(ours, serde_yaml::to_string(&value).unwrap());
            assert_eq!(ours, yaml, "the brief as ingest wrote it");
            seen += 1;
        }
        assert!(seen >= 5);
    }

    #[test]
    fn quotes_what_the_reader_would_read_as_something_else() {
        let value = Tree::Map(vec![
            ("year".into(), Tree::Text("2014".into())),
            ("flag".into(), Tree::Text("true".into())),
            ("said".into(), Tree::Text("He said: 'no'".into())),
            ("plain".into(), Tree::Text("2,500 troops".into())),
            ("empty".into(), Tree::Seq(vec![])),
        ]);
        assert_eq!(
            to_string(&value).unwrap(),
            "year: '2014'\nflag: 'true'\nsaid: 'He said: ''no'''\nplain: 2,500 troops\nempty: []\n"
        );
        let tab = Tree::Map(vec![("t".into(), Tree::Text("a\tb".into()))]);
        assert!(to_string(&tab).is_err(), "double quotes are the library's");
    }
}
