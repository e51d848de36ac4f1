//! The layout of the compiled-in lexicon table, shared by `build.rs` (which
//! writes it) and `lexicon.rs` (which reads it).
//!
//! Records file: per word `[length][zipf10][flag][word bytes]`, flag `P`
//! (proper noun), `C` (real compound) or 0. Table file: the number of words
//! (u32, little endian), then `SLOTS` u32 slots, each 0 (empty) or a record's
//! offset + 1, placed by [`word_hash`] with linear probing.

/// Number of table slots: a power of two, about three times the word count.
pub const SLOTS: usize = 1 << 19;

/// FNV-1a: stable across builds and platforms (the table is written at
/// compile time and read at run time).
pub fn word_hash(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
