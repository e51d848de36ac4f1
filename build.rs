//! Compiles the ingest lexicon (`src/ingest/data/words.tsv.gz`) into a hash
//! table the binary carries, so that no build spends time decompressing and
//! indexing 180,000 words (see `src/ingest/lexicon_hash.rs` for the layout).

use std::io::Read;

#[path = "src/ingest/lexicon_hash.rs"]
mod lexicon_hash;

fn main() {
    const DATA: &str = "src/ingest/data/words.tsv.gz";
    println!("cargo:rerun-if-changed={DATA}");
    println!("cargo:rerun-if-changed=src/ingest/lexicon_hash.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(DATA).expect("lexicon data"))
        .read_to_string(&mut text)
        .expect("lexicon data decompresses");

    let mut records: Vec<u8> = Vec::with_capacity(text.len() + 600_000);
    let mut slots = vec![0u32; lexicon_hash::SLOTS];
    let mut words = 0u32;
    let mask = lexicon_hash::SLOTS - 1;
    for line in text.lines() {
        let mut parts = line.split('\t');
        let (Some(word), Some(z)) = (parts.next(), parts.next()) else {
            continue;
        };
        let flag = match parts.next().unwrap_or("") {
            "P" => b'P',
            "C" => b'C',
            _ => 0,
        };
        let Ok(len) = u8::try_from(word.len()) else {
            continue;
        };
        let offset = records.len();
        records.extend([len, z.parse::<u8>().unwrap_or(0), flag]);
        records.extend(word.as_bytes());
        let slot_value = u32::try_from(offset + 1).expect("lexicon under 4 GB");
        let mut i = (lexicon_hash::word_hash(word.as_bytes()) as usize) & mask;
        loop {
            match slots[i] {
                0 => {
                    slots[i] = slot_value;
                    words += 1;
                    break;
                }
                s => {
                    let at = (s - 1) as usize;
                    let n = records[at] as usize;
                    // A word listed twice: the later line wins, as in a map.
                    if &records[at + 3..at + 3 + n] == word.as_bytes() {
                        slots[i] = slot_value;
                        break;
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }
    assert!(
        (words as usize) * 2 < lexicon_hash::SLOTS,
        "lexicon table too full"
    );
    let mut table = Vec::with_capacity(4 + 4 * slots.len());
    table.extend(words.to_le_bytes());
    for s in slots {
        table.extend(s.to_le_bytes());
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("lexicon_records.bin"), records).expect("write lexicon");
    std::fs::write(out.join("lexicon_table.bin"), table).expect("write lexicon");
}
