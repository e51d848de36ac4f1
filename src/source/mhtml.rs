//! A web page saved as one file (`.mhtml`, `.mht`): what Chrome, Edge and
//! Opera write for "Save page as, single file". It is a MIME message
//! (`multipart/related`): the page's HTML as its first `text/html` part,
//! quoted-printable or base64, then its styles, images and the pages of its
//! frames (ads, embedded posts), each a part of its own. The article is the
//! first HTML part; the rest is left alone. The message's own `Date:` is
//! when the page was saved, never when it was published, so it is not read.

use mailparse::MailHeaderMap;

/// More multipart boundaries than this and the file is not a saved page (a
/// browser writes one): the MIME parser walks nested parts by recursion, so
/// a hostile file nesting thousands of them must not reach it.
const MAX_BOUNDARIES: usize = 16;

/// The page inside a single-file save.
#[derive(Debug, PartialEq, Eq)]
pub struct SavedPage {
    /// The main frame's HTML, as UTF-8 when its part named another charset.
    pub html: Vec<u8>,
    /// The address the page was saved from (`Snapshot-Content-Location`,
    /// else the HTML part's `Content-Location`).
    pub address: Option<String>,
}

/// The main page of the MHTML file `bytes`, or why there is none.
pub fn main_page(bytes: &[u8]) -> Result<SavedPage, String> {
    let boundaries = count_ascii_case_insensitive(bytes, b"boundary=");
    if boundaries > MAX_BOUNDARIES {
        return Err(format!(
            "not a saved web page: {boundaries} multipart boundaries (a browser writes one)"
        ));
    }
    let mail = mailparse::parse_mail(bytes)
        .map_err(|e| format!("not a readable single-file web page (MIME): {e}"))?;
    let part = first_html_part(&mail)
        .ok_or("no web page inside this single-file save (no text/html part)")?;
    let raw = part
        .get_body_raw()
        .map_err(|e| format!("the page inside cannot be decoded: {e}"))?;
    let html = match part.ctype.params.get("charset") {
        Some(label) if std::str::from_utf8(&raw).is_err() => {
            match encoding_rs::Encoding::for_label(label.trim().as_bytes()) {
                Some(charset) => charset.decode(&raw).0.into_owned().into_bytes(),
                None => raw,
            }
        }
        _ => raw,
    };
    let address = [
        mail.headers.get_first_value("Snapshot-Content-Location"),
        part.headers.get_first_value("Content-Location"),
    ]
    .into_iter()
    .flatten()
    .map(|a| a.trim().to_string())
    .find(|a| !a.is_empty() && !a.starts_with("cid:"));
    Ok(SavedPage { html, address })
}

/// The first `text/html` part, depth first: the main frame, which browsers
/// write before the frames inside it.
fn first_html_part<'a>(
    mail: &'a mailparse::ParsedMail<'a>,
) -> Option<&'a mailparse::ParsedMail<'a>> {
    if mail.subparts.is_empty() {
        return mail
            .ctype
            .mimetype
            .eq_ignore_ascii_case("text/html")
            .then_some(mail);
    }
    mail.subparts.iter().find_map(first_html_part)
}

/// How often `needle` (lower-case ASCII) occurs in `bytes`, in any case.
fn count_ascii_case_insensitive(bytes: &[u8], needle: &[u8]) -> usize {
    bytes
        .windows(needle.len())
        .filter(|w| w.eq_ignore_ascii_case(needle))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A save in the shape browsers write: headers, the HTML part in
    /// quoted-printable (soft line breaks, `=3D`, UTF-8 bytes as `=C3=A9`),
    /// a style part, an embedded frame's page after it.
    fn saved(html_part_headers: &str, html_body: &str) -> Vec<u8> {
        format!(
            "From: <Saved by Blink>\r\n\
             Snapshot-Content-Location: https://news.example/world/talks-resume\r\n\
             Subject: Talks resume\r\n\
             Date: Mon, 2 Dec 2024 09:15:00 -0000\r\n\
             MIME-Version: 1.0\r\n\
             Content-Type: multipart/related;\r\n\
             \ttype=\"text/html\";\r\n\
             \tboundary=\"----MultipartBoundary--x1----\"\r\n\
             \r\n\
             \r\n\
             ------MultipartBoundary--x1----\r\n\
             {html_part_headers}\
             \r\n\
             {html_body}\r\n\
             ------MultipartBoundary--x1----\r\n\
             Content-Type: text/css\r\n\
             Content-Transfer-Encoding: quoted-printable\r\n\
             Content-Location: https://news.example/site.css\r\n\
             \r\n\
             body {{ margin: 0; }}\r\n\
             ------MultipartBoundary--x1----\r\n\
             Content-Type: text/html\r\n\
             Content-Location: https://ads.example/frame\r\n\
             \r\n\
             <p>Sponsored: buy now</p>\r\n\
             ------MultipartBoundary--x1------\r\n"
        )
        .into_bytes()
    }

    #[test]
    fn the_first_html_part_decoded_is_the_page() {
        let bytes = saved(
            "Content-Type: text/html\r\n\
             Content-ID: <frame-1@mhtml.blink>\r\n\
             Content-Transfer-Encoding: quoted-printable\r\n\
             Content-Location: https://news.example/world/talks-resume\r\n",
            "<html><head><meta charset=3D\"utf-8\"></head><body><h1 class=3D\"headline\">Talks re=\r\n\
             sume in Baghdad</h1><p>The caf=C3=A9 was full.</p></body></html>",
        );
        let page = main_page(&bytes).unwrap();
        let html = String::from_utf8(page.html).unwrap();
        assert!(
            html.contains("<h1 class=\"headline\">Talks resume in Baghdad</h1>"),
            "{html}"
        );
        assert!(html.contains("café"), "{html}");
        assert!(!html.contains("Sponsored"), "{html}");
        assert_eq!(
            page.address.as_deref(),
            Some("https://news.example/world/talks-resume")
        );
    }

    #[test]
    fn a_base64_part_in_a_named_charset_becomes_utf8() {
        // "<p>Caf\xe9</p>" in windows-1252, base64.
        let bytes = saved(
            "Content-Type: text/html; charset=windows-1252\r\n\
             Content-Transfer-Encoding: base64\r\n",
            "PHA+Q2Fm6TwvcD4=",
        );
        let page = main_page(&bytes).unwrap();
        assert_eq!(String::from_utf8(page.html).unwrap(), "<p>Café</p>");
    }

    #[test]
    fn files_that_are_no_saved_page_are_refused() {
        let no_html = b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello\r\n";
        assert!(
            main_page(no_html)
                .unwrap_err()
                .contains("no text/html part")
        );
        let mut nested = String::from("Content-Type: multipart/related; boundary=\"b0\"\r\n\r\n");
        for i in 1..=40 {
            nested.push_str(&format!(
                "--b{}\r\nContent-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n",
                i - 1
            ));
        }
        assert!(
            main_page(nested.as_bytes())
                .unwrap_err()
                .contains("boundaries")
        );
        // Arbitrary bytes give an error or a page, never a panic.
        for junk in [
            &b""[..],
            b"\xff\xfe\x00",
            b"Content-Type: text/html\r\n\r\n",
        ] {
            let _ = main_page(junk);
        }
    }
}
