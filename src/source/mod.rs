//! Stage 1, sources: the raw articles in `content/sources/`, read as delivered.
//!
//! dossier never writes to this folder. A [`SourceText`] is the decoded text
//! of one file plus the slug its page is published under; line numbers in it
//! are what every claim in the site links back to (`sources/<slug>.html#L12`).
//! A saved HTML page is turned into its readable text first (see [`html`]),
//! so that those lines are lines a reader can read.

pub mod html;
pub mod markup;
pub mod mhtml;
mod mojibake;
mod page_meta;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::slug;

/// Folder of raw articles, relative to the site root.
pub const SOURCES_DIR: &str = "content/sources";

/// Files larger than this are skipped: no news article is this big, and we
/// must stay within bounded memory on hostile input.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// The kinds of file accepted as sources.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "mhtml", "mht"];

/// How the bytes of a source were turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    /// Valid UTF-8 (a leading BOM is removed).
    Utf8,
    /// Not UTF-8; decoded as Windows-1252 (a superset of Latin-1).
    Windows1252,
    /// UTF-16 after its byte-order mark (what Windows Notepad saves as
    /// "Unicode").
    Utf16,
    /// Not UTF-8; decoded with the character set the saved page declares
    /// in its `<meta>` (an Arabic site's windows-1256, a Russian one's
    /// windows-1251).
    Declared,
}

/// One raw article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceText {
    /// URL-safe name derived from the file name: `sources/<slug>.html`.
    pub slug: String,
    /// Path relative to `content/sources/`, with `/` separators. Briefs refer
    /// to their source by this.
    pub rel_path: String,
    /// The decoded text, line endings normalised to `\n`.
    pub text: std::sync::Arc<str>,
    /// How the file was decoded.
    pub encoding: Encoding,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    /// SHA-256 of the text's letters and digits, lower-cased: the same
    /// article saved with other line endings, encoding or spacing has the
    /// same key (lower-case hex).
    pub letters_sha256: String,
    /// What the document says about itself (HTML metadata); empty for text.
    pub meta: SourceMeta,
}

/// Metadata a document carries apart from its text (HTML `<meta>`, JSON-LD),
/// and what its markup says of some of its lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceMeta {
    /// Headline the metadata gives (`og:title`, JSON-LD `headline`, `<title>`).
    pub title: Option<String>,
    /// Publisher / site name.
    pub outlet: Option<String>,
    /// Publication date the metadata gives (the first of `dates` not marked modified).
    pub published: Option<NaiveDate>,
    /// Every date the metadata gives, with the field it came from.
    pub dates: Vec<MetaDate>,
    /// Lines of the text that the markup marks (1-based numbers in `text`).
    pub marks: Vec<LineMark>,
    /// The page's own address (`<link rel="canonical">`, `og:url`): its
    /// domain names the publisher when nothing else does.
    #[serde(default)]
    pub address: Option<String>,
    /// Authors the metadata names (`<meta name="author">`, JSON-LD
    /// `author`), for a page whose byline does not say who wrote it.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Lines at the top of a text file that were a clipper's fields
    /// between `---` lines: read into this metadata and emptied from the
    /// text (0 for any other source).
    #[serde(default)]
    pub field_lines: usize,
    /// How the file's text was read: what its page says of the lines shown.
    #[serde(default)]
    pub reading: Reading,
}

/// How a source file became the lines its page shows (and ingest reads).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reading {
    /// The text as delivered (invisible characters aside).
    #[default]
    AsDelivered,
    /// A saved page (`.html`, `.mhtml`): the text it shows, markup left out.
    SavedPage,
    /// A text whose markup was read (Markdown, a forwarded e-mail's quote
    /// marks, a text browser's link numbers, a clipper's fields): the text
    /// as it reads, line for line.
    MarkupRead,
}

impl Reading {
    /// The name templates compare with.
    pub fn name(self) -> &'static str {
        match self {
            Reading::AsDelivered => "as-delivered",
            Reading::SavedPage => "saved-page",
            Reading::MarkupRead => "markup-read",
        }
    }
}

/// One date from a page's metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaDate {
    /// Where it stands: "article:published_time", "JSON-LD datePublished", ...
    pub field: String,
    /// The day.
    pub date: NaiveDate,
    /// A modification date, not the publication's.
    pub modified: bool,
    /// Written with a time in UTC ("2024-08-06T03:40:00Z"): the day is
    /// UTC's, which may not be the one the page prints for its readers.
    #[serde(default)]
    pub utc_time: bool,
}

/// What a page's markup says of one line of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineMark {
    /// 1-based line number in the text.
    pub line: usize,
    /// What the element was.
    pub kind: MarkKind,
}

/// Kinds of marked lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MarkKind {
    /// `<h1>` .. `<h6>`, with its level.
    Heading(u8),
    /// An element whose class, rel or itemprop says author or byline.
    Byline,
    /// A `<time>` element, or one whose class says date.
    Date,
    /// A caption or credit (`<figcaption>`, class caption/credit).
    Caption,
    /// The standfirst under a headline (class dek, standfirst, subtitle,
    /// strapline): a paragraph of the article, whatever its shape.
    Standfirst,
}

impl SourceMeta {
    /// How the markup marks line `no`, if it does.
    pub fn mark(&self, no: usize) -> Option<MarkKind> {
        self.marks.iter().find(|m| m.line == no).map(|m| m.kind)
    }
}

/// The SHA-256 of a source file's bytes as [`SourceText::sha256`] has it:
/// whether a file still holds what was read is this hash compared.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl SourceText {
    /// The lines of the text, numbered from 1 by the caller.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.text.lines()
    }

    /// Build a source from bytes already read.
    pub fn from_bytes(rel_path: &str, bytes: &[u8]) -> Result<SourceText, String> {
        let slug = slug_for(rel_path).ok_or_else(|| {
            "the file name has no letters or digits to make a page name from".to_string()
        })?;
        let ext = rel_path.rsplit('.').next().unwrap_or("");
        let is = |names: &[&str]| names.iter().any(|n| ext.eq_ignore_ascii_case(n));
        // A single-file save is read as the page inside it.
        let saved = is(&["mhtml", "mht"])
            .then(|| mhtml::main_page(bytes))
            .transpose()?;
        let (text, encoding) = decode(saved.as_ref().map_or(bytes, |page| &page.html))?;
        let text = as_seen(text);
        let (text, meta) = if saved.is_some() || is(&["html", "htm"]) {
            // Again after parsing: `&shy;` and `&nbsp;` are characters only now.
            let (text, mut meta) = html::to_text(&text);
            for field in [&mut meta.title, &mut meta.outlet] {
                *field = field.take().map(as_seen);
            }
            meta.authors = meta.authors.into_iter().map(as_seen).collect();
            if meta.address.is_none() {
                meta.address = saved.and_then(|page| page.address);
            }
            meta.reading = Reading::SavedPage;
            (as_seen(text), meta)
        } else {
            let text = references_read(text);
            let (plain, marks) = markup::plain_text(&text);
            // A clipper's block of fields is the page's metadata, not its
            // text: its lines are emptied (line numbers stay the file's).
            // Else a scraper's fields, read from the text as shown (a
            // forwarded page's fields are quoted too).
            let (mut meta, plain) = match front_matter_header(&text) {
                Some((mut meta, lines)) => {
                    meta.field_lines = lines;
                    (meta, without_first_lines(&plain, lines))
                }
                None => (scraped_header(&plain), plain.into_owned()),
            };
            meta.marks = marks;
            if plain != text {
                meta.reading = Reading::MarkupRead;
            }
            (plain, meta)
        };
        let sha256 = sha256_hex(bytes);
        let letters_sha256 = letters_digest(&text)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(SourceText {
            slug,
            rel_path: rel_path.to_string(),
            letters_sha256,
            text: text.into(),
            encoding,
            sha256,
            meta,
        })
    }
}

/// A scraper's record of the page above its text ("Title: ...", "Source:
/// ...", "Published: 2024-09-10", "URL: ..."): the page's metadata, as a
/// saved page's `<meta>` tags would give it. Only a block of such fields at
/// the very top, two or more, one of them the title or the address.
fn scraped_header(text: &str) -> SourceMeta {
    let mut meta = SourceMeta::default();
    let mut fields = 0;
    let mut named = false;
    // (The page's address copied above the record, a browser's address
    // bar, is passed over.)
    let bare_address =
        |l: &str| (l.starts_with("http://") || l.starts_with("https://")) && !l.contains(' ');
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .skip_while(|l| bare_address(l))
        .take(8)
    {
        let Some((key, value)) = line.split_once(':') else {
            break;
        };
        let value = value.trim();
        if value.is_empty() {
            break;
        }
        let key = key.trim().to_ascii_lowercase();
        match header_field(&mut meta, &key, value) {
            Some(names) => named |= names,
            None if matches!(key.as_str(), "author" | "authors" | "byline") => {}
            None => break,
        }
        fields += 1;
    }
    if fields < 2 || !named {
        return SourceMeta::default();
    }
    meta.published = meta.dates.first().map(|d| d.date);
    meta
}

/// The fields a clipper or scraper writes between `---` lines over the
/// text it saved (trafilatura's `--with-metadata`, Obsidian's web clipper,
/// MarkDownload), where other fields (tags, a description, the day it was
/// clipped) stand among the page's: the page's metadata, and the number of
/// lines the block takes, when it gives the title or the address.
fn front_matter_header(text: &str) -> Option<(SourceMeta, usize)> {
    let block = crate::front_matter::split(text).ok()?;
    // (A fence far down the text closes no block of fields.)
    if block.body_line > 42 {
        return None;
    }
    let mut meta = SourceMeta::default();
    let mut named = false;
    // The field a list's items belong to ("author:" then `  - "[[Jane Roe]]"`).
    let mut authors_list = false;
    for line in block.yaml.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(item) = line.strip_prefix("- ") {
            if authors_list {
                meta.authors.extend(field_names(item));
            }
            continue;
        }
        let (key, value) = line.split_once(':')?;
        let key = key.trim().to_ascii_lowercase();
        let value = unquoted(value.trim());
        authors_list = value.is_empty() && matches!(key.as_str(), "author" | "authors");
        if value.is_empty() {
            continue;
        }
        if matches!(key.as_str(), "author" | "authors" | "byline") {
            meta.authors.extend(field_names(value));
        } else if let Some(names) = header_field(&mut meta, &key, value) {
            named |= names;
        }
    }
    meta.published = meta.dates.first().map(|d| d.date);
    named.then_some((meta, block.body_line - 1))
}

/// Read one header field `key` (lower case) into `meta`: whether it names
/// the page (title, address), or `None` for a field of another kind.
fn header_field(meta: &mut SourceMeta, key: &str, value: &str) -> Option<bool> {
    let is_address = value.starts_with("http://") || value.starts_with("https://");
    match key {
        "title" | "headline" => {
            meta.title = Some(value.to_string());
            Some(true)
        }
        "url" | "link" | "address" | "url source" | "canonical" => {
            meta.address = Some(value.to_string());
            Some(true)
        }
        "source" if is_address => {
            meta.address = Some(value.to_string());
            Some(true)
        }
        "source" | "site" | "sitename" | "site_name" | "site name" | "publication" | "outlet"
        | "publisher" => {
            meta.outlet = Some(value.to_string());
            Some(false)
        }
        "published" | "date" | "publication date" | "published date" | "published time"
        | "date published" | "date_published" => {
            if let Some(date) = value
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            {
                meta.dates.push(MetaDate {
                    field: format!("the scraper's {key} field"),
                    date,
                    modified: false,
                    utc_time: false,
                });
            }
            Some(false)
        }
        _ => None,
    }
}

/// `text` with its first `n` lines emptied.
fn without_first_lines(text: &str, n: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i < n {
            out.extend(line.ends_with('\n').then_some('\n'));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// A field's value without the quotes YAML may put around it.
fn unquoted(value: &str) -> &str {
    ['"', '\'']
        .iter()
        .find_map(|q| value.strip_prefix(*q).and_then(|v| v.strip_suffix(*q)))
        .unwrap_or(value)
        .trim()
}

/// The names an author field gives: "Jane Roe", "Jane Roe, John Doe",
/// `["Jane Roe"]`, "[[Jane Roe]]" (a note's link to the person).
fn field_names(value: &str) -> Vec<String> {
    let value = unquoted(value)
        .trim_start_matches('[')
        .trim_end_matches(']');
    value
        .split([',', ';'])
        .flat_map(|p| p.split(" and "))
        .map(|p| unquoted(p.trim().trim_matches(['[', ']'])).to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// SHA-256 of the text's letters and digits, lower-cased, nothing else: two
/// saves of one article that differ in spacing, punctuation or case hash
/// alike. Fed to the hash in blocks, ASCII without Unicode tables (a build
/// reads every source; this was a tenth of reading them).
fn letters_digest(text: &str) -> [u8; 32] {
    let mut hasher = Sha256::new();
    let mut block: Vec<u8> = Vec::with_capacity(8192);
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                block.push(c.to_ascii_lowercase() as u8);
            }
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                block.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
        }
        if block.len() >= 8188 {
            hasher.update(&block);
            block.clear();
        }
    }
    hasher.update(&block);
    hasher.finalize().into()
}

/// The page slug of a source file: its path without extension, slugified
/// (`gulf/2024-09-08 report.txt` -> `gulf-2024-09-08-report`).
pub fn slug_for(rel_path: &str) -> Option<String> {
    let stem = match rel_path.rsplit_once('.') {
        Some((stem, ext)) if !ext.contains('/') => stem,
        _ => rel_path,
    };
    slug::slugify(stem).map(slug::not_list_page)
}

/// Decode bytes: UTF-16 after its byte-order mark; UTF-8 when valid; else
/// the character set a saved page declares, else Windows-1252. NUL bytes
/// (outside UTF-16) mean binary.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), String> {
    let utf16 = if bytes.starts_with(b"\xFF\xFE") {
        Some(encoding_rs::UTF_16LE)
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    };
    if let Some(utf16) = utf16 {
        let (cow, _) = utf16.decode_with_bom_removal(bytes);
        if cow.contains('\0') {
            return Err("the file looks binary (it contains NUL characters)".to_string());
        }
        return Ok((normalise_newlines(cow.into_owned()), Encoding::Utf16));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("the file looks binary (it contains NUL bytes)".to_string());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, encoding) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => match declared_charset(bytes) {
            Some(charset) => {
                let (cow, _, _) = charset.decode(bytes);
                (cow.into_owned(), Encoding::Declared)
            }
            None => {
                let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                (cow.into_owned(), Encoding::Windows1252)
            }
        },
    };
    Ok((normalise_newlines(text), encoding))
}

/// The character set a saved page declares near its start (`<meta
/// charset="windows-1256">`, `content="text/html; charset=iso-8859-6"`),
/// when it is one the WHATWG encoding standard knows and not UTF-8 (bytes
/// that are not UTF-8 do not become it by saying so).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|&b| b == b'"' || b == b'\'')
        .take_while(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    encoding_rs::Encoding::for_label(&label).filter(|e| *e != encoding_rs::UTF_8)
}

/// The text as a reader sees it: characters that show nothing (soft
/// hyphens, zero-width spaces, word joiners, direction marks) left out, and
/// every other width of space (no-break, thin, figure) read as a space.
/// Pages carry them where the eye cannot tell (a CMS's hyphenation hints, an
/// Arabic site's direction marks around a date, `&nbsp;` after a dateline),
/// but to every rule after this one "sold\u{ad}iers" is not "soldiers" and
/// "Ministry\u{a0}of" is not two words of a name. Lines are kept as they
/// are, so a claim's line number is still the file's. The joiners that
/// shape Arabic, Persian and Indic letters (U+200C, U+200D) are kept.
/// Text once mis-decoded ("Iraqâ€™s") is read as it was first ([`mojibake`]).
pub fn as_seen(text: String) -> String {
    let text = mojibake::repaired(text);
    if text.is_ascii() || !text.contains(|c| unseen(c) || odd_space(c)) {
        return text;
    }
    text.chars()
        .filter(|&c| !unseen(c))
        .map(|c| if odd_space(c) { ' ' } else { c })
        .collect()
}

/// "coalition&#8217;s mission", "U.S. &amp; Iraq": the character
/// references a scraper left in a page's text when it took the text from the
/// page's feed or its content system's field (tags stripped, references
/// not), read as the characters a browser shows. Only whole references
/// that HTML defines are read: "AT&T", "R&D" and "a=1&b=2" stay as they are.
pub fn references_read(text: String) -> String {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    if !text.contains('&') {
        return text;
    }
    let re = R.get_or_init(|| {
        regex::Regex::new(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
            .unwrap()
    });
    if !re.is_match(&text) {
        return text;
    }
    let read = re.replace_all(&text, |c: &regex::Captures| {
        let reference = &c[0];
        // The HTML parser knows every named reference; one it does not
        // know comes back as it went in. (A reference to a line break is
        // not read: a line's number must stay the file's.)
        let shown: String = scraper::Html::parse_fragment(reference)
            .root_element()
            .text()
            .collect();
        if shown.is_empty() || shown.contains(['\n', '\r']) {
            reference.to_string()
        } else {
            shown
        }
    });
    as_seen(read.into_owned())
}

/// Format characters that print nothing between two letters.
fn unseen(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{61c}'
            | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Spaces other than the ASCII one (line and paragraph separators aside:
/// they are not within a line).
fn odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn normalise_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Every source file of the site, sorted by path, plus the problems met.
///
/// Unreadable, binary, empty or oversized files are skipped with a warning;
/// two files that would publish under the same slug are an error.
pub fn load_sources(root: &Path) -> (Vec<SourceText>, Diagnostics, Diagnostics) {
    load_sources_by(root, read_source)
}

/// [`load_sources`], each file read by `read` (given its path in
/// `content/sources/`, its full path and its metadata): the build passes
/// [`read_source`] behind its cache (`build::load`).
pub fn load_sources_by(
    root: &Path,
    read: impl Fn(&str, &Path, &std::fs::Metadata) -> Result<SourceText, Diagnostic> + Sync,
) -> (Vec<SourceText>, Diagnostics, Diagnostics) {
    let mut warnings = Diagnostics::new();
    let files = list_sources(&root.join(SOURCES_DIR), &mut warnings);
    let loaded: Vec<Result<SourceText, Diagnostic>> = files
        .par_iter()
        .map(|(rel, path)| {
            let shown = Path::new(SOURCES_DIR).join(rel);
            let meta = std::fs::metadata(path)
                .map_err(|e| Diagnostic::new(&shown, format!("cannot read: {e}")))?;
            read(rel, path, &meta)
        })
        .collect();
    finish_loading(loaded, warnings, Diagnostics::new())
}

/// The source `rel` (in `content/sources/`) at `path`, whose metadata is
/// `meta`: read and decoded, or why it is skipped.
pub fn read_source(
    rel: &str,
    path: &Path,
    meta: &std::fs::Metadata,
) -> Result<SourceText, Diagnostic> {
    let shown = Path::new(SOURCES_DIR).join(rel);
    {
        if meta.len() > MAX_SOURCE_BYTES {
            return Err(Diagnostic::new(
                &shown,
                format!(
                    "skipped: {} bytes is over the {} byte limit for a source",
                    meta.len(),
                    MAX_SOURCE_BYTES
                ),
            ));
        }
        if meta.len() == 0 {
            return Err(Diagnostic::new(&shown, "skipped: the file is empty"));
        }
        let bytes = std::fs::read(path)
            .map_err(|e| Diagnostic::new(&shown, format!("cannot read: {e}")))?;
        let source = SourceText::from_bytes(rel, &bytes)
            .map_err(|m| Diagnostic::new(&shown, format!("skipped: {m}")))?;
        if source.text.trim().is_empty() {
            return Err(Diagnostic::new(&shown, "skipped: the file has no text"));
        }
        Ok(source)
    }
}

/// The sources read, in path order: the skipped ones as warnings, two
/// that publish under one slug as an error.
fn finish_loading(
    loaded: Vec<Result<SourceText, Diagnostic>>,
    mut warnings: Diagnostics,
    mut errors: Diagnostics,
) -> (Vec<SourceText>, Diagnostics, Diagnostics) {
    let mut sources = Vec::with_capacity(loaded.len());
    for item in loaded {
        match item {
            Ok(s) => {
                if s.encoding == Encoding::Windows1252 {
                    warnings.push(Diagnostic::new(
                        Path::new(SOURCES_DIR).join(&s.rel_path),
                        "not valid UTF-8; decoded as Windows-1252",
                    ));
                }
                sources.push(s);
            }
            Err(d) => warnings.push(d),
        }
    }
    // Two files with one slug would overwrite each other's page.
    let mut by_slug: Vec<(&str, &str)> = sources
        .iter()
        .map(|s| (s.slug.as_str(), s.rel_path.as_str()))
        .collect();
    by_slug.sort();
    for pair in by_slug.windows(2) {
        if pair[0].0 == pair[1].0 {
            errors.push(
                Diagnostic::new(
                    Path::new(SOURCES_DIR).join(pair[1].1),
                    format!(
                        "publishes as sources/{}.html, like {}",
                        pair[0].0, pair[0].1
                    ),
                )
                .hint("rename one of the two files"),
            );
        }
    }
    (sources, warnings, errors)
}

/// Regular files with one of `extensions` under `dir`, as (relative path with
/// `/`, full path), sorted. Symlinks are not followed: a link could lead out
/// of the site. Hidden files and folders (`.git`, editor swap files) are skipped.
pub fn list_files(
    dir: &Path,
    extensions: &[&str],
    warnings: &mut Diagnostics,
) -> Vec<(String, PathBuf)> {
    walk_files(dir, extensions, warnings, |_| false, |_| {})
}

/// The source files under `dir` (`content/sources/`), as [`list_files`]
/// gives them, less the folder of files a browser saves beside a page
/// ("Save Page As, complete": `Page.html` and `Page_files/` with its
/// scripts, styles, images and the pages of its frames, which are ads and
/// embedded posts, not articles). Any other file it cannot read as a source
/// (a PDF, a word processor's document, a Safari web archive) is named in a
/// warning, so that an article dropped in is never left out unsaid.
pub fn list_sources(dir: &Path, warnings: &mut Diagnostics) -> Vec<(String, PathBuf)> {
    let mut unread = Vec::new();
    let files = walk_files(dir, EXTENSIONS, warnings, is_saved_page_folder, |path| {
        if !is_system_file(path) {
            unread.push(path.to_path_buf())
        }
    });
    unread.sort();
    for path in unread {
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        warnings.push(
            Diagnostic::new(
                Path::new(SOURCES_DIR).join(rel),
                "not read: a source is a text file (.txt), Markdown (.md) or a saved web page (.html, .htm, .mhtml, .mht)",
            )
            .hint(unread_hint(&path)),
        );
    }
    files
}

/// A file the operating system or an editor leaves in any folder
/// (Windows' thumbnail cache and folder settings, an editor's backup
/// ending in `~`): nobody's article, not worth a warning.
fn is_system_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.eq_ignore_ascii_case("thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
        || name.ends_with('~')
}

/// What to do with a file of a kind dossier does not read.
fn unread_hint(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => {
            "copy the article's text into a .txt file (a PDF's layout does not survive extraction)"
        }
        "doc" | "docx" | "odt" | "rtf" | "pages" => "save the document as plain text (.txt)",
        "webarchive" => "save the page as HTML (Safari: File > Save As, Format: Page Source)",
        _ => "convert it to one of those, or move it out of content/sources/",
    }
}

/// Is `entry` the folder of a saved page's files: `X_files` beside `X.html`
/// (or `.htm`), as browsers save a complete page?
fn is_saved_page_folder(entry: &walkdir::DirEntry) -> bool {
    if !entry.file_type().is_dir() {
        return false;
    }
    let name = entry.file_name().to_string_lossy();
    let Some(page) = name.strip_suffix("_files").filter(|p| !p.is_empty()) else {
        return false;
    };
    let beside = |ext: &str| {
        entry
            .path()
            .with_file_name(format!("{page}.{ext}"))
            .is_file()
    };
    ["html", "htm", "HTML", "HTM"].into_iter().any(beside)
}

/// The walk of [`list_files`]: folders for which `skip_folder` holds are not
/// entered, files of other extensions are handed to `other`.
fn walk_files(
    dir: &Path,
    extensions: &[&str],
    warnings: &mut Diagnostics,
    skip_folder: impl Fn(&walkdir::DirEntry) -> bool,
    mut other: impl FnMut(&Path),
) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut legacy = Vec::new();
    if !dir.is_dir() {
        return out;
    }
    // Names are looked at as bytes: at thousands of briefs, path methods
    // (`strip_prefix`, `extension`, lossy names) were most of a listing.
    let base = dir.as_os_str().as_encoded_bytes();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_name().as_encoded_bytes().starts_with(b".") || skip_folder(e))
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| dir.to_path_buf());
                warnings.push(Diagnostic::new(p, format!("cannot read: {e}")));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        if !has_extension(entry.file_name(), extensions) {
            other(entry.path());
            continue;
        }
        let path = entry.path();
        // The walk joins names onto `dir`, so every path starts with it.
        let Some(rel) = path
            .as_os_str()
            .as_encoded_bytes()
            .strip_prefix(base)
            .map(|r| {
                r.strip_prefix(b"/")
                    .or_else(|| r.strip_prefix(b"\\"))
                    .unwrap_or(r)
            })
        else {
            continue;
        };
        match std::str::from_utf8(rel) {
            Ok(rel) => out.push((rel.replace('\\', "/"), path.to_path_buf())),
            Err(_) => legacy.push((legacy_name(rel), path.to_path_buf())),
        }
    }
    // A name in a legacy encoding goes by its Windows-1252 reading, unless a
    // file is named so in Unicode already.
    for (rel, path) in legacy {
        if out.iter().any(|(r, _)| *r == rel) {
            warnings.push(Diagnostic::new(
                &path,
                format!("skipped: its name is not Unicode, and read as Windows-1252 it is {rel:?}, the name of another file"),
            ));
        } else {
            out.push((rel, path));
        }
    }
    // Sorted once here rather than per folder while walking.
    out.sort();
    out
}

/// The name of a file whose name is not UTF-8 (bytes of a legacy encoding,
/// which a Unix file system allows): its Windows-1252 reading, the encoding
/// such names most often come from, so that a brief can name it in YAML.
fn legacy_name(rel: &[u8]) -> String {
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(rel);
    text.replace('\\', "/")
}

/// Does the file `name` end in `.` and one of `extensions` (any case)? As
/// [`Path::extension`]: a name starting with its only dot has none.
fn has_extension(name: &std::ffi::OsStr, extensions: &[&str]) -> bool {
    let name = name.as_encoded_bytes();
    match name.iter().rposition(|&c| c == b'.') {
        Some(dot) if dot > 0 => {
            let ext = &name[dot + 1..];
            extensions
                .iter()
                .any(|x| x.as_bytes().eq_ignore_ascii_case(ext))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_latin1_and_crlf() {
        let (t, e) = decode(b"caf\xe9\r\nline").unwrap();
        assert_eq!(t, "café\nline");
        assert_eq!(e, Encoding::Windows1252);
        let (t, e) = decode("\u{feff}ok".as_bytes()).unwrap();
        assert_eq!((t.as_str(), e), ("ok", Encoding::Utf8));
        assert!(decode(b"\x00\x01binary").is_err());
    }

    #[test]
    fn a_clippers_fields_are_the_pages_metadata_not_its_text() {
        let clipped = "---\n\
            title: \"Talks on the coalition resume\"\n\
            source: \"https://news.example/talks\"\n\
            author:\n  - \"[[Jane Roe]]\"\n  - John Doe\n\
            published: 2024-11-19\n\
            created: 2024-12-02\n\
            tags:\n  - \"clippings\"\n\
            ---\n\
            Officials said the talks resumed on Tuesday.\n";
        let s = SourceText::from_bytes("clip.md", clipped.as_bytes()).unwrap();
        assert_eq!(
            s.meta.title.as_deref(),
            Some("Talks on the coalition resume")
        );
        assert_eq!(
            s.meta.address.as_deref(),
            Some("https://news.example/talks")
        );
        assert_eq!(s.meta.authors, ["Jane Roe", "John Doe"]);
        // The day it was clipped is not the day it was published.
        assert_eq!(s.meta.published, NaiveDate::from_ymd_opt(2024, 11, 19));
        assert_eq!(s.meta.field_lines, 11);
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[..11].iter().all(|l| l.is_empty()), "{lines:?}");
        assert_eq!(lines[11], "Officials said the talks resumed on Tuesday.");
        // A scraper's record under the page's address, copied from the bar.
        let m = scraped_header(
            "https://harbour.example/a\nTitle: Talks resume in Baghdad\nSource: Harbour Review\nPublished: 2024-09-10\n\nText.",
        );
        assert_eq!(m.title.as_deref(), Some("Talks resume in Baghdad"));
        assert_eq!(m.outlet.as_deref(), Some("Harbour Review"));
        // A rule of dashes over ordinary text is no block of fields.
        let ruled = "---\nOfficials said the talks resumed.\n---\nMore text.\n";
        let s = SourceText::from_bytes("ruled.txt", ruled.as_bytes()).unwrap();
        assert_eq!(s.meta.field_lines, 0);
        assert_eq!(s.lines().nth(1), Some("Officials said the talks resumed."));
    }

    #[test]
    fn text_is_read_as_seen() {
        let source = SourceText::from_bytes(
            "a.txt",
            "Sold\u{ad}iers of the\u{a0}Min\u{200b}istry\n\u{200f}3\u{202f}March 2024\u{200e}\nد\u{200c}ر\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(
            &*source.text,
            "Soldiers of the Ministry\n3 March 2024\nد\u{200c}ر\n"
        );
        let page = SourceText::from_bytes(
            "a.html",
            b"<html><head><title>Sold&shy;iers</title></head><body><h1>Sold&shy;iers&#8203; return</h1>\
              <p>Left&nbsp;on Monday.</p></body></html>",
        )
        .unwrap();
        assert_eq!(page.meta.title.as_deref(), Some("Soldiers"));
        assert!(page.text.contains("Soldiers return"), "{}", page.text);
        assert!(page.text.contains("Left on Monday."), "{}", page.text);
    }

    #[test]
    fn character_references_left_in_scraped_text_are_read() {
        let source = SourceText::from_bytes(
            "a.txt",
            b"U.S. &amp; Iraq&#8217;s talks &#x2014; &ldquo;soon&rdquo;&nbsp;said\nAT&T and R&D, a=1&b=2; &madeup; &#10;x\n",
        )
        .unwrap();
        assert_eq!(
            &*source.text,
            "U.S. & Iraq\u{2019}s talks \u{2014} \u{201c}soon\u{201d} said\nAT&T and R&D, a=1&b=2; &madeup; &#10;x\n"
        );
    }

    #[test]
    fn decodes_utf16_and_a_declared_charset() {
        // As Windows Notepad saves "Unicode": little-endian after a BOM.
        let mut notepad = vec![0xFF, 0xFE];
        notepad.extend(
            "Erbil \u{2013} a line\r\nnext"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let (t, e) = decode(&notepad).unwrap();
        assert_eq!(
            (t.as_str(), e),
            ("Erbil \u{2013} a line\nnext", Encoding::Utf16)
        );
        let mut big = vec![0xFE, 0xFF];
        big.extend("Mosul".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&big).unwrap().0, "Mosul");
        // An Arabic page saved in windows-1256, as it declares: "بغداد".
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body><p>".to_vec();
        page.extend([0xC8, 0xDB, 0xCF, 0xC7, 0xCF]);
        page.extend(b"</p></body></html>");
        let (t, e) = decode(&page).unwrap();
        assert!(
            t.contains("<p>\u{628}\u{63a}\u{62f}\u{627}\u{62f}</p>"),
            "{t}"
        );
        assert_eq!(e, Encoding::Declared);
        // Valid UTF-8 stays UTF-8 whatever the page says.
        let said = "<meta charset=\"windows-1256\"><p>\u{628}\u{63a}\u{62f}\u{627}\u{62f}</p>";
        assert_eq!(
            decode(said.as_bytes()).unwrap(),
            (said.to_string(), Encoding::Utf8)
        );
    }

    #[test]
    fn slugs_from_paths() {
        assert_eq!(
            slug_for("000_ac499432f2e612ce.txt").as_deref(),
            Some("000_ac499432f2e612ce")
        );
        assert_eq!(
            slug_for("gulf/2024 Report.HTML").as_deref(),
            Some("gulf-2024-report")
        );
        assert_eq!(slug_for("noext").as_deref(), Some("noext"));
    }

    #[test]
    fn lists_files_by_extension_skipping_hidden_ones() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("sources");
        for f in [
            "b.txt",
            "a.TXT",
            "gulf/2024 report.html",
            "notes.md",
            ".hidden.txt",
            ".git/x.txt",
            "gulf/.swap.txt",
            ".txt",
            "trailing.",
        ] {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        std::fs::create_dir_all(root.join("folder.txt")).unwrap();
        let mut warnings = Diagnostics::new();
        // With and without a trailing separator on the folder.
        for dir in [root.clone(), root.join("")] {
            let found = list_files(&dir, &["txt", "html"], &mut warnings);
            let rels: Vec<&str> = found.iter().map(|(r, _)| r.as_str()).collect();
            assert_eq!(rels, ["a.TXT", "b.txt", "gulf/2024 report.html"]);
            assert_eq!(found[2].1, root.join("gulf").join("2024 report.html"));
        }
        assert!(warnings.is_empty());
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            // A legacy (Latin-1) name goes by its Windows-1252 reading; one
            // that reads as the name of another file is skipped, said.
            let legacy = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
            std::fs::write(root.join(legacy), "x").unwrap();
            let found = list_files(&root, &["txt"], &mut warnings);
            let rels: Vec<&str> = found.iter().map(|(r, _)| r.as_str()).collect();
            assert_eq!(rels, ["a.TXT", "b.txt", "café.txt"]);
            assert_eq!(found[2].1, root.join(legacy));
            assert!(warnings.is_empty());
            std::fs::write(root.join("café.txt"), "y").unwrap();
            let found = list_files(&root, &["txt"], &mut warnings);
            assert_eq!(found.len(), 3);
            assert_eq!(found[2].1, root.join("café.txt"));
            assert_eq!(warnings.len(), 1);
        }
    }

    /// The letters hash is the SHA-256 of the letters and digits of the
    /// text lower-cased, whatever the script, however long the text.
    #[test]
    fn letters_digest_is_the_hash_of_the_lowercased_letters() {
        let sample = "Al-Sudani's ÉTÉ, İstanbul: STRAßE 2,500 troops — \u{627}\u{644}\u{639}\u{631}\u{627}\u{642} ǅ x\n";
        for text in [String::new(), sample.to_string(), sample.repeat(700)] {
            let letters: String = text
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            let want: [u8; 32] = Sha256::digest(letters.as_bytes()).into();
            assert_eq!(letters_digest(&text), want, "{} chars", text.len());
        }
    }
}
