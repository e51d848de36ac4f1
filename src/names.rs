//! Name keys: telling when two spellings are one name.
//!
//! Arabic names reach English in many transliterations: Mohammed /
//! Mohammad / Muhammad, Sabit / Thabit, al-Abassi / al-Abbasi. A name key
//! reduces a name to a consonant skeleton that such variants share: particles
//! (al-, el-, bin, ibn, abu) dropped, letter pairs that stand for one Arabic
//! sound folded (th -> s, dh -> d, kh -> h, q and gh -> k, ...), vowels after the
//! first letter dropped, doubled letters collapsed. Used by ingest (merging
//! forms within an article) and by analysis (across articles).

/// Particles that are not part of a name's identity.
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "abu", "bint", "the", "de", "van", "von", "da",
];

/// Words that open a kunya ("Abu Fadak", "Umm Ahmed"): a name taken from
/// a child's, which a text may tie to a person's full name.
pub const KUNYA_WORDS: &[&str] = &["Abu", "Umm", "Abou"];

/// The skeleton of one name token: "Thabit" -> "sbt", "al-Abbasi" -> "abs".
pub fn token_key(token: &str) -> String {
    // Asked for every candidate name of every article: one lower-casing,
    // and a replacement only where its pair occurs.
    let lowered = token.to_lowercase();
    let lower: String = lowered
        .chars()
        .map(fold_accent)
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    let mut bytes = PARTICLES
        .iter()
        .find_map(|p| {
            lowered
                .strip_prefix(p)
                .and_then(|rest| rest.strip_prefix('-'))
                .map(|_| lower[p.len()..].to_string())
        })
        .unwrap_or(lower)
        .into_bytes();
    // In order, each over the whole key (a later pair may be made by an
    // earlier replacement: "skh" -> "sh" -> "s"). The key is ASCII letters
    // only, so bytes: `str::contains` and `replace` build a substring
    // searcher per call, and this ran twelve of them per token.
    for (from, to) in [
        (&b"th"[..], b's'),
        (b"dh", b'd'),
        (b"kh", b'h'),
        // Persian writes one sound for Arabic's qaf and ghayn, and English
        // prints it either way: Araghchi / Araqchi, Ghaani / Qaani.
        (b"gh", b'k'),
        (b"ph", b'f'),
        (b"sh", b's'),
        (b"ch", b's'),
        (b"q", b'k'),
        (b"ck", b'k'),
        (b"y", b'i'),
        (b"z", b's'),
    ] {
        replace_ascii(&mut bytes, from, to);
    }
    // "w" after a vowel and before a consonant or the end is a vowel's
    // glide, as "u" writes it ("Fawzi" / "Fauzi", "Hawramany"); at the
    // start or between vowels it is a consonant ("al-Walai" is not
    // "al-Alawi", whose skeletons were both "al").
    let vowel = |b: Option<&u8>| matches!(b, Some(b'a' | b'e' | b'i' | b'o' | b'u'));
    for i in 0..bytes.len() {
        if bytes[i] == b'w' && i > 0 && vowel(bytes.get(i - 1)) && !vowel(bytes.get(i + 1)) {
            bytes[i] = b'u';
        }
    }
    let s = String::from_utf8(bytes).unwrap_or_default();
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
        if i > 0 && vowel {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    // A leading vowel is kept but folded, so Abbasi / Ebbasi / Abassi agree.
    if let Some(first) = out.chars().next()
        && matches!(first, 'a' | 'e' | 'i' | 'o' | 'u')
    {
        out.replace_range(..1, "a");
    }
    out
}

/// Every `from` (one or two bytes) in `key` replaced by `to`, left to
/// right without overlaps, as `str::replace` does.
fn replace_ascii(key: &mut Vec<u8>, from: &[u8], to: u8) {
    // Compared byte by byte: a slice comparison of unknown length is a
    // call to `memcmp`, dozens per token.
    let at = |i: usize| {
        from.iter()
            .enumerate()
            .all(|(j, b)| key.get(i + j) == Some(b))
    };
    if !(0..key.len()).any(at) {
        return;
    }
    let mut out = Vec::with_capacity(key.len());
    let mut i = 0;
    while i < key.len() {
        if at(i) {
            out.push(to);
            i += from.len();
        } else {
            out.push(key[i]);
            i += 1;
        }
    }
    *key = out;
}

/// The tokens of a name that carry identity: particles, middle initials and
/// generational suffixes dropped ("Lloyd J. Austin III" is Lloyd Austin).
pub fn name_tokens(name: &str) -> Vec<&str> {
    let tokens: Vec<&str> = name
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|t| !t.is_empty() && !PARTICLES.iter().any(|p| t.eq_ignore_ascii_case(p)))
        .collect();
    let n = tokens.len();
    let is_initial = |t: &str| t.chars().count() == 1 && t.chars().all(char::is_uppercase);
    // A generation after a given name alone is a monarch's or a pope's
    // number ("Abdullah II", "Mohammed VI"): it is what tells them apart.
    let kept: Vec<&str> = tokens
        .iter()
        .enumerate()
        .filter(|&(i, t)| {
            !(i > 0 && i + 1 < n && is_initial(t) || i > 1 && i + 1 == n && is_generation(t))
        })
        .map(|(_, t)| *t)
        .collect();
    if kept.is_empty() { tokens } else { kept }
}

/// "Jr", "Sr", "III", "VI": a generation after a name, or a monarch's or
/// pope's number (Roman, two to four letters, up to XX: a lone "V" or "X"
/// is a letter, or the platform).
pub fn is_generation(t: &str) -> bool {
    matches!(t, "Jr" | "Sr")
        || matches!(
            t,
            "II" | "III"
                | "IV"
                | "VI"
                | "VII"
                | "VIII"
                | "IX"
                | "XI"
                | "XII"
                | "XIII"
                | "XIV"
                | "XV"
                | "XVI"
                | "XVII"
                | "XVIII"
                | "XIX"
                | "XX"
        )
}

/// Key of a whole name: the keys of its tokens joined by spaces.
pub fn name_key(name: &str) -> String {
    name_tokens(name)
        .iter()
        .map(|t| token_key(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Key of the last name (the family name, or the only name). An Arabic
/// family name printed with its article run in ("Alsudani", "Elsayed") has
/// the key of the one printed apart ("al-Sudani"): the article is no part
/// of the name's key either way.
pub fn surname_key(name: &str) -> String {
    name_tokens(name)
        .last()
        .map(|t| {
            let key = token_key(t);
            let glued = (t.starts_with("Al") || t.starts_with("El"))
                && t[2..].starts_with(|c: char| c.is_ascii_lowercase());
            // (The key is a skeleton of consonants: the name's own length
            // tells a run-in article from a short name, "Allen".)
            match key.get(2..) {
                Some(rest) if glued && t.len() >= 6 && rest.len() >= 2 && key.starts_with("al") => {
                    rest.to_string()
                }
                _ => key,
            }
        })
        .unwrap_or_default()
}

/// Could `a` and `b` name the same person? Same surname key, and the given
/// names (when both have one) agree too.
pub fn same_person(a: &str, b: &str) -> bool {
    let (ta, tb) = (name_tokens(a), name_tokens(b));
    if ta.is_empty() || tb.is_empty() || surname_key(a) != surname_key(b) {
        return false;
    }
    // "Abu Hassan" (a commander known by his son's name) is nobody's
    // surname: not "Fuad Hussein", whose family name has the same skeleton,
    // nor a "Hassan" named alone. A kunya of one name is one only with itself.
    let bare_kunya = |name: &str, tokens: &[&str]| {
        tokens.len() == 1
            && name
                .split_whitespace()
                .next()
                .is_some_and(|w| KUNYA_WORDS.iter().any(|k| k.eq_ignore_ascii_case(w)))
    };
    if bare_kunya(a, &ta) != bare_kunya(b, &tb) {
        return false;
    }
    match (ta.len() > 1, tb.len() > 1) {
        (true, true) => given_key(&ta) == given_key(&tb),
        _ => true,
    }
}

/// The key of a full name's given name: its first token, or, for a
/// compound printed in two words ("Abdul Aziz", "Abd al-Karim"), both run
/// together, as others print it in one ("Abdulaziz"). Only before a
/// surname: "Abdul Mahdi" alone is a given name and a surname.
fn given_key(tokens: &[&str]) -> String {
    let first = tokens[0];
    let compound = ["abdul", "abd", "abdel", "abdal", "abdol"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w));
    if compound && tokens.len() > 2 {
        token_key(&format!("{first}{}", tokens[1]))
    } else {
        token_key(first)
    }
}

/// [`same_person`], or, within one text, two full names with the same given
/// name whose surnames differ only in consonants Arabic script writes alike
/// (it has no p, g or v: b, k/j and f stand for them), as a name rendered
/// through Arabic comes back ("David Burger" quoted as "David Perker").
/// Across texts this would join strangers; within one, the same given name
/// and an all-but-equal surname are one person.
pub fn same_person_in_text(a: &str, b: &str) -> bool {
    if same_person(a, b) {
        return true;
    }
    let (ta, tb) = (name_tokens(a), name_tokens(b));
    let through_arabic = |key: String| key.replace('p', "b").replace('g', "k").replace('v', "f");
    ta.len() > 1
        && tb.len() > 1
        && token_key(ta[0]) == token_key(tb[0])
        && through_arabic(surname_key(a)) == through_arabic(surname_key(b))
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte replacement does what `str::replace` does, on keys made
        /// of the letters the pairs use (so pairs overlap and repeat).
        #[test]
        fn byte_replacement_is_str_replace(key in "[cdghkpqstwyz]{0,12}") {
            for (from, to) in [("th", b's'), ("ck", b'k'), ("q", b'k'), ("sh", b's')] {
                let mut bytes = key.clone().into_bytes();
                replace_ascii(&mut bytes, from.as_bytes(), to);
                let want = key.replace(from, std::str::from_utf8(&[to]).unwrap());
                proptest::prop_assert_eq!(String::from_utf8(bytes).unwrap(), want);
            }
        }
    }

    #[test]
    fn transliterations_agree() {
        assert_eq!(name_key("Sabit al-Abassi"), name_key("Thabit al-Abbasi"));
        assert_eq!(
            name_key("Mohammed Shia al-Sudani"),
            name_key("Mohammad Shia Al-Sudani")
        );
        assert_eq!(token_key("Muhammad"), token_key("Mohammed"));
        assert!(same_person("Abbas Araghchi", "Abbas Araqchi"));
        assert!(same_person("Esmail Ghaani", "Ismail Qaani"));
        assert!(same_person(
            "Mohammad Bagher Ghalibaf",
            "Mohammad Baqer Qalibaf"
        ));
        assert!(same_person("al-Sudani", "Mohammed Shia al-Sudani"));
        assert!(same_person("Sudani", "Mohammad Shia al-Sudani"));
        assert!(same_person("Austin", "Lloyd Austin"));
        assert!(same_person("Lloyd J. Austin III", "Lloyd Austin"));
        assert_eq!(name_key("Lloyd J. Austin III"), name_key("Lloyd Austin"));
        assert_eq!(name_key("J. Smith"), name_key("J Smith"));
    }

    #[test]
    fn a_family_name_with_its_article_run_in_is_the_same_name() {
        assert!(same_person(
            "Mohamed Shia Alsudani",
            "Mohammed Shia al-Sudani"
        ));
        assert!(same_person("Hamid Alshammari", "Hamid al-Shammari"));
        assert!(same_person("Alsudani", "Mohammed Shia al-Sudani"));
        // Another given name is another person; a short name keeps its letters.
        assert!(!same_person("Ahmed Alsudani", "Mohammed al-Sudani"));
        assert_ne!(surname_key("Jane Allen"), surname_key("Jane Len"));
    }

    #[test]
    fn a_compound_given_name_in_one_word_or_two() {
        // (Another compound is another person.)
        for (a, b, same) in [
            (
                "Abdul Aziz al-Mohammadawi",
                "Abdulaziz al-Mohammedawi",
                true,
            ),
            ("Abd al-Karim Khalaf", "Abdulkarim Khalaf", true),
            (
                "Abdul Karim al-Mohammadawi",
                "Abdulaziz al-Mohammedawi",
                false,
            ),
        ] {
            assert_eq!(same_person(a, b), same, "{a} / {b}");
        }
    }

    #[test]
    fn a_monarchs_number_tells_monarchs_apart() {
        assert_ne!(name_key("Abdullah II"), name_key("Abdullah"));
        assert!(!same_person("Abdullah II", "Abdullah Ocalan"));
        assert_eq!(
            name_key("Martin Luther King Jr"),
            name_key("Martin Luther King")
        );
        assert!(!is_generation("V") && !is_generation("X") && is_generation("XIV"));
    }

    #[test]
    fn a_name_back_through_arabic_is_one_person_within_a_text() {
        assert!(same_person_in_text("Karen Pegler", "Karen Bekler"));
        assert!(!same_person("Karen Pegler", "Karen Bekler"));
        // Another given name, or a surname that differs otherwise, is another person.
        assert!(!same_person_in_text("Karen Pegler", "Maria Bekler"));
        assert!(!same_person_in_text("Karen Pegler", "Karen Bester"));
        // A surname alone is not enough for this.
        assert!(!same_person_in_text("Pegler", "Karen Bekler"));
    }

    #[test]
    fn different_people_differ() {
        assert!(!same_person("Joe Biden", "Hunter Biden"));
        assert!(!same_person("Lloyd Austin", "Lloyd Alaaldin"));
        assert_ne!(name_key("Haider al-Abadi"), name_key("Sabit al-Abassi"));
        assert_ne!(name_key("Saddam Hussein"), name_key("Ismail Haniyeh"));
        // A "w" between vowels or first is a consonant.
        assert!(!same_person("Abu Alaa al-Walai", "Ali al-Alawi"));
        assert_eq!(token_key("Fawzi"), token_key("Fauzi"));
        assert_eq!(token_key("al-Mousawi"), token_key("al-Musawi"));
        // A kunya of one name is not a surname ("Hassan" and "Hussein" share
        // a skeleton): only the same kunya is the same person.
        assert!(!same_person("Abu Hassan", "Fuad Hussein"));
        assert!(!same_person("Abu Hassan", "Hassan"));
        assert!(same_person("Abu Hassan", "abu Hasan"));
        // A kunya before a full name keeps its surname.
        assert!(same_person("Abu Mahdi al-Muhandis", "al-Muhandis"));
    }
}
