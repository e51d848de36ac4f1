//! Code highlighting with syntect, as CSS classes (the theme ships the CSS).
//!
//! Loading syntect's syntax set costs tens of milliseconds, so it is loaded
//! on first use only: a briefing without code blocks never pays for it.

use std::sync::OnceLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// Class prefix of highlighted tokens (`hl-keyword`, ...), so theme CSS cannot clash.
pub const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Highlight `code` written in `lang` (a fence info word such as `rust` or `json`).
/// Returns the inner HTML of a `<code>` element, or `None` when the language
/// is unknown (the caller then shows it escaped, unhighlighted).
pub fn highlight(code: &str, lang: &str) -> Option<String> {
    if lang.is_empty() {
        return None;
    }
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang)?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    Some(generator.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_not_inline_styles() {
        let html = highlight("fn main() {}\n", "rust").unwrap();
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="), "{html}");
        assert!(highlight("x", "no-such-language").is_none());
    }
}
