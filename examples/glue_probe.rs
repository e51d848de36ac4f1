fn main() {
    let texts: Vec<String> = std::env::args().skip(1).map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let corpus = dossier::ingest::glue::CorpusWords::from_texts(texts.iter().map(|s| s.as_str()));
    for t in &texts { for l in t.lines() { let (_, r) = dossier::ingest::glue::repair_line(l, &corpus); for (a,b) in r { println!("{a:?} -> {b:?}"); } } }
}
