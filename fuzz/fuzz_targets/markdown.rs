//! Markdown rendering (pulldown-cmark, heading ids, syntect, ammonia) on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let html = dossier::render::markdown::render(text, &|u| Some(format!("x/{u}")));
    assert!(!html.contains("<script"), "script survived sanitising");
    let _ = dossier::analyse::plain_text(text);
});
