//! People and organisations across briefs: one entity per real-world name.
//!
//! People are merged when their names are transliteration variants of each
//! other (`names::same_person`: Sabit / Thabit al-Abassi / al-Abbasi,
//! Mohammed / Mohammad Shia al-Sudani). Candidates are bucketed by surname
//! key, so merging never compares every pair. `content/aliases.yaml` lets a
//! user force a merge (list a form under a name) or forbid one (`distinct`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::brief::Brief;
use crate::diagnostics::Diagnostic;
use crate::names;
use crate::slug;

/// File (relative to the site root) where a user corrects entity merging.
pub const ALIASES_FILE: &str = "content/aliases.yaml";

/// The user's corrections to automatic merging.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Aliases {
    /// People: every form listed under a name is that person.
    #[serde(default)]
    pub people: Vec<AliasGroup>,
    /// Organisations: likewise.
    #[serde(default)]
    pub organisations: Vec<AliasGroup>,
    /// Pairs (or groups) of names that must never be merged.
    #[serde(default)]
    pub distinct: Vec<Vec<String>>,
}

/// A canonical name and the forms that mean it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AliasGroup {
    /// The name shown.
    pub name: String,
    /// Other forms.
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Aliases {
    /// Read `content/aliases.yaml` if it exists.
    pub fn load(root: &Path) -> Result<Aliases, Diagnostic> {
        let path = root.join(ALIASES_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => crate::yaml::from_str(&text).map_err(|e| {
                let mut d = Diagnostic::new(ALIASES_FILE, e.message);
                if let Some(l) = e.line {
                    d = d.at(l, e.column);
                }
                d
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Aliases::default()),
            Err(e) => Err(Diagnostic::new(ALIASES_FILE, format!("cannot read: {e}"))),
        }
    }

    fn forced(groups: &[AliasGroup], form: &str) -> Option<String> {
        groups
            .iter()
            .find(|g| {
                g.name.eq_ignore_ascii_case(form)
                    || g.aliases.iter().any(|a| a.eq_ignore_ascii_case(form))
            })
            .map(|g| g.name.clone())
    }

    fn kept_apart(&self, a: &str, b: &str) -> bool {
        self.distinct.iter().any(|group| {
            let has = |x: &str| group.iter().any(|g| g.eq_ignore_ascii_case(x));
            has(a) && has(b) && !a.eq_ignore_ascii_case(b)
        })
    }
}

/// Whether an entity is a person or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation.
    Organisation,
}

/// One person or organisation across the briefing.
#[derive(Debug, Clone, serde::Deserialize, Serialize)]
pub struct Entity {
    /// Page slug: `entities/<slug>.html`.
    pub slug: String,
    /// Person or organisation.
    pub kind: EntityKind,
    /// The name shown: the form the most briefs use.
    pub name: String,
    /// Every other form used, sorted.
    pub aliases: Vec<String>,
    /// Roles as the sources state them, with how many briefs state each.
    pub roles: Vec<(String, usize)>,
    /// Briefs that name it, with the source lines, newest brief first.
    pub mentions: Vec<Mention>,
}

/// An entity named in one brief.
#[derive(Debug, Clone, serde::Deserialize, Serialize)]
pub struct Mention {
    /// Brief index.
    pub brief: usize,
    /// Source lines that name the entity.
    pub lines: Vec<usize>,
    /// The form this brief uses.
    pub form: String,
}

/// One name occurrence before merging.
struct Occurrence {
    brief: usize,
    name: String,
    forms: Vec<String>,
    roles: Vec<String>,
    lines: Vec<usize>,
}

/// Merge the people and organisations of all briefs into entities.
/// `rank` gives each brief's newest-first position (to order mentions).
pub fn entities(briefs: &[Brief], aliases: &Aliases, rank: &[usize]) -> Vec<Entity> {
    let mut people = Vec::new();
    let mut orgs = Vec::new();
    for (i, b) in briefs.iter().enumerate() {
        for p in &b.facts.people {
            let forced = Aliases::forced(&aliases.people, &p.name);
            people.push(Occurrence {
                brief: i,
                name: forced.unwrap_or_else(|| p.name.clone()),
                forms: std::iter::once(p.name.clone())
                    .chain(p.aliases.iter().cloned())
                    .collect(),
                roles: p.roles.clone(),
                lines: p.lines.clone(),
            });
        }
        for o in &b.facts.organisations {
            let forced = Aliases::forced(&aliases.organisations, &o.name);
            orgs.push(Occurrence {
                brief: i,
                name: forced.unwrap_or_else(|| o.name.clone()),
                forms: std::iter::once(o.name.clone())
                    .chain(o.aliases.iter().cloned())
                    .collect(),
                roles: Vec::new(),
                lines: o.lines.clone(),
            });
        }
    }
    let mut out = merge(people, EntityKind::Person, aliases, rank);
    out.extend(merge(orgs, EntityKind::Organisation, aliases, rank));
    // Unique slugs, in a stable order.
    out.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.name.cmp(&b.name))
    });
    let mut taken = std::collections::BTreeSet::new();
    for e in &mut out {
        let base = slug::slugify(&e.name)
            .map(slug::not_list_page)
            .unwrap_or_else(|| "entity".to_string());
        let mut s = base.clone();
        let mut n = 1;
        while !taken.insert(s.clone()) {
            n += 1;
            s = format!("{base}-{n}");
        }
        e.slug = s;
    }
    out
}

/// Does `name` ("Abu Fadak al-Mohammadawi") join a kunya that a brief
/// tied to `x` ("Abdul Aziz al-Muhammadawi, better known as Abu Fadak")
/// with `x`'s surname? A kunya is the name a text ties to a person, so it
/// names that person wherever it stands before the same family name.
fn kunya_with_surname(x: &Occurrence, name: &str) -> bool {
    let Some(surname) = x.name.split_whitespace().last() else {
        return false;
    };
    x.forms.iter().any(|f| {
        let first = f.split_whitespace().next().unwrap_or("");
        names::KUNYA_WORDS.contains(&first)
            && f.split_whitespace().count() == 2
            && names::name_key(&format!("{f} {surname}")) == names::name_key(name)
    })
}

/// An organisation's name as compared: each word's consonant skeleton
/// ([`names::token_key`]), so that spellings of one name agree: the
/// apostrophe that transliterates an Arabic letter ("Kata'ib Sayyid
/// al-Shuhada" is "Kataib Sayyid al-Shuhada"), Hezbollah / Hizbollah,
/// British and American spelling ("Badr Organisation" / "Organization",
/// "Defence" / "Defense", "Centre" / "Center"). A hyphen parts words. An
/// acronym and a word with digits are kept as printed: "PMU" is not "PM",
/// the 5th Brigade is not the 6th.
fn organisation_key(name: &str) -> String {
    let kept: String = name
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`'))
        .map(|c| if c == '-' { ' ' } else { c })
        .collect();
    let word_key = |w: &str| {
        let acronym = w.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !w.chars().any(char::is_lowercase);
        if acronym || w.chars().any(|c| c.is_ascii_digit()) {
            w.to_lowercase()
        } else {
            // A soft "c" is an "s" ("Defence"); people's names keep theirs.
            let soft = w.replace("ce", "se").replace("ci", "si");
            names::token_key(&soft)
        }
    };
    kept.split_whitespace()
        .map(word_key)
        .collect::<Vec<_>>()
        .join(" ")
}

fn merge(occ: Vec<Occurrence>, kind: EntityKind, aliases: &Aliases, rank: &[usize]) -> Vec<Entity> {
    // Bucket by key (surname skeleton for people, the words' skeletons for
    // organisations); within a bucket, merge names that agree.
    let mut buckets: BTreeMap<String, Vec<Occurrence>> = BTreeMap::new();
    for o in occ {
        let key = match kind {
            EntityKind::Person => names::surname_key(&o.name),
            EntityKind::Organisation => organisation_key(&o.name),
        };
        buckets.entry(key).or_default().push(o);
    }
    let mut all_groups: Vec<Vec<Occurrence>> = Vec::new();
    for (_, bucket) in buckets {
        let agree = |x: &Occurrence, o: &Occurrence| {
            let agree = match kind {
                EntityKind::Person => {
                    names::same_person(&x.name, &o.name)
                        || kunya_with_surname(x, &o.name)
                        || kunya_with_surname(o, &x.name)
                }
                // The bucket's key is the name as compared.
                EntityKind::Organisation => true,
            };
            agree && !aliases.kept_apart(&x.name, &o.name)
        };
        // A surname alone ("Barzani") agrees with every full name that ends
        // in it: it is grouped after the full names, and joins one only when
        // it is the only one it could be (a brief that printed the full
        // name had it joined in ingest). Otherwise the first full name met
        // would take it, and through it every other ("Masrour Barzani" and
        // "Nechirvan Barzani" on one page).
        let (full, bare): (Vec<Occurrence>, Vec<Occurrence>) = bucket.into_iter().partition(|o| {
            kind == EntityKind::Organisation || names::name_tokens(&o.name).len() > 1
        });
        // Groups of occurrences that are one entity.
        let mut groups: Vec<Vec<Occurrence>> = Vec::new();
        for o in full {
            match groups.iter_mut().find(|g| g.iter().any(|x| agree(x, &o))) {
                Some(g) => g.push(o),
                None => groups.push(vec![o]),
            }
        }
        let full_groups = groups.len();
        for o in bare {
            let mut could_be = (0..full_groups).filter(|&g| groups[g].iter().any(|x| agree(x, &o)));
            let at = match (could_be.next(), could_be.next()) {
                (Some(g), None) => Some(g),
                _ => (full_groups..groups.len()).find(|&g| groups[g].iter().any(|x| agree(x, &o))),
            };
            match at {
                Some(g) => groups[g].push(o),
                None => groups.push(vec![o]),
            }
        }
        all_groups.extend(groups);
    }
    if kind == EntityKind::Person {
        all_groups = join_cut_chains(all_groups, aliases);
        all_groups = join_tied_names(all_groups, aliases);
    }
    all_groups
        .into_iter()
        .map(|g| entity_of(g, kind, rank))
        .collect()
}

/// "Bakhtiyar Mohammed" and "Bakhtiyar Mohammed Sadiq": an Arabic or
/// Kurdish name is a chain (one's own name, the father's, the
/// grandfather's or the family's) that texts cut at different links, so
/// the two have different last names. A group whose every name of two
/// words or more is the start of a longer name of exactly one other group
/// joins that group. Not a kunya ("Abu Ali" starts many names), and not
/// when the longer names are of two groups: then it could be either.
fn join_cut_chains(groups: Vec<Vec<Occurrence>>, aliases: &Aliases) -> Vec<Vec<Occurrence>> {
    let chain = |name: &str| -> Vec<String> {
        names::name_tokens(name)
            .iter()
            .map(|t| names::token_key(t))
            .collect()
    };
    let chains: Vec<Vec<Vec<String>>> = groups
        .iter()
        .map(|g| {
            let mut c: Vec<Vec<String>> = g.iter().map(|o| chain(&o.name)).collect();
            c.sort();
            c.dedup();
            c
        })
        .collect();
    let kunya = |g: &[Occurrence]| {
        g.iter().any(|o| {
            o.name
                .split_whitespace()
                .next()
                .is_some_and(|w| names::KUNYA_WORDS.iter().any(|k| k.eq_ignore_ascii_case(w)))
        })
    };
    // Groups by the first word of their names: only those can be longer
    // forms of one another (not every pair of a large dossier's people).
    let mut by_first: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (g, cs) in chains.iter().enumerate() {
        let mut firsts: Vec<&str> = cs
            .iter()
            .filter_map(|c| c.first())
            .map(String::as_str)
            .collect();
        firsts.dedup();
        for f in firsts {
            by_first.entry(f).or_default().push(g);
        }
    }
    // Where each group goes: itself, or the one its names are cut from.
    let mut into: Vec<usize> = (0..groups.len()).collect();
    for a in 0..groups.len() {
        let short: Vec<&Vec<String>> = chains[a].iter().filter(|c| c.len() >= 2).collect();
        if short.is_empty() || short.len() != chains[a].len() || kunya(&groups[a]) {
            continue;
        }
        let same_first = by_first
            .get(short[0][0].as_str())
            .map_or(&[][..], Vec::as_slice);
        let mut longer = same_first.iter().copied().filter(|&b| {
            b != a
                && short.iter().all(|s| {
                    chains[b]
                        .iter()
                        .any(|c| c.len() > s.len() && c[..s.len()] == s[..])
                })
        });
        let (Some(b), None) = (longer.next(), longer.next()) else {
            continue;
        };
        let apart = groups[a].iter().any(|x| {
            groups[b]
                .iter()
                .any(|o| aliases.kept_apart(&x.name, &o.name))
        });
        if !apart {
            into[a] = b;
        }
    }
    // Follow chains of joins ("Ali Hatem" -> "Ali Hatem Suleiman" -> ...).
    let root = |mut g: usize| {
        let mut steps = 0;
        while into[g] != g && steps < into.len() {
            g = into[g];
            steps += 1;
        }
        g
    };
    let roots: Vec<usize> = (0..groups.len()).map(root).collect();
    gathered(groups, &roots)
}

/// Each group joined to the group `roots` gives it (its own index when it
/// joins none), the emptied ones dropped, in the groups' order.
fn gathered(groups: Vec<Vec<Occurrence>>, roots: &[usize]) -> Vec<Vec<Occurrence>> {
    let mut out: Vec<Vec<Occurrence>> = (0..groups.len()).map(|_| Vec::new()).collect();
    for (g, group) in groups.into_iter().enumerate() {
        out[roots[g]].extend(group);
    }
    out.retain(|g| !g.is_empty());
    out
}

/// "Wisam Sabir al-Saedi, known as Abu Baqir al-Saadi" in one brief and
/// "Abu Baqir al-Saadi" in others: a brief that ties two full names to one
/// person (a name and its alias) joins the groups that carry them, though
/// their given names differ (a kunya, a nom de guerre, a birth name).
/// Full names only: a surname alone is many people's. A name two groups
/// carry ties to neither.
fn join_tied_names(groups: Vec<Vec<Occurrence>>, aliases: &Aliases) -> Vec<Vec<Occurrence>> {
    let full = |name: &str| names::name_tokens(name).len() >= 2;
    // Each full name's key, to the one group whose occurrences are named so.
    let mut owner: BTreeMap<String, Option<usize>> = BTreeMap::new();
    for (g, group) in groups.iter().enumerate() {
        for o in group.iter().filter(|o| full(&o.name)) {
            owner
                .entry(names::name_key(&o.name))
                .and_modify(|at| {
                    if *at != Some(g) {
                        *at = None;
                    }
                })
                .or_insert(Some(g));
        }
    }
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    fn root(parent: &mut [usize], mut g: usize) -> usize {
        while parent[g] != g {
            parent[g] = parent[parent[g]];
            g = parent[g];
        }
        g
    }
    for (g, group) in groups.iter().enumerate() {
        for o in group {
            for form in o.forms.iter().filter(|f| **f != o.name && full(f)) {
                let Some(&Some(h)) = owner.get(&names::name_key(form)) else {
                    continue;
                };
                let apart = groups[h]
                    .iter()
                    .any(|x| aliases.kept_apart(&x.name, &o.name));
                let (a, b) = (root(&mut parent, g), root(&mut parent, h));
                if a != b && !apart {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let roots: Vec<usize> = (0..groups.len()).map(|g| root(&mut parent, g)).collect();
    gathered(groups, &roots)
}

/// A name's spelling, case, hyphens, apostrophes and stops aside:
/// "Mohammed Shia' Al-Sudani" and "Mohammed Shia al-Sudani" are one.
fn spelling(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '\'' | '’' | '.'))
        .map(|c| if c == '-' { ' ' } else { c })
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn entity_of(group: Vec<Occurrence>, kind: EntityKind, rank: &[usize]) -> Entity {
    // The spelling most briefs use, spellings that differ only in case,
    // hyphens and apostrophes counted as one ("Mohammed Shia al-Sudani",
    // "Mohammed Shia' Al-Sudani" and "Mohammed Shia Al Sudani" outvote
    // "Mohammed Shiaa Al-Soudani"); within it the form most briefs print;
    // the fullest (in letters), then alphabetical, on a tie.
    let mut families: BTreeMap<String, usize> = BTreeMap::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for o in &group {
        *families.entry(spelling(&o.name)).or_default() += 1;
        *counts.entry(o.name.as_str()).or_default() += 1;
    }
    let letters = |n: &str| n.chars().filter(|c| c.is_alphabetic()).count();
    // Then the form whose words the other forms share most: of "Mohammed
    // Shia al-Sudani", "Mohamed Shiaa al-Sudani", "Muhammad Shia al-Sudani"
    // and "Mohammed al-Sudani", once each, the first (the spelling in the
    // middle of the others, not the first in the alphabet).
    let mut used_by: BTreeMap<String, usize> = BTreeMap::new();
    for o in &group {
        let words: BTreeSet<String> = o
            .forms
            .iter()
            .flat_map(|f| {
                spelling(f)
                    .split(' ')
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        for w in words {
            *used_by.entry(w).or_default() += 1;
        }
    }
    // (Each word counted once a mention, however many forms print it.)
    let shared = |n: &str| -> usize {
        spelling(n)
            .split(' ')
            .map(|w| used_by.get(w).copied().unwrap_or(0))
            .sum()
    };
    let name = counts
        .iter()
        .max_by(|a, b| {
            (families[&spelling(a.0)].cmp(&families[&spelling(b.0)]))
                .then(a.1.cmp(b.1))
                .then(shared(a.0).cmp(&shared(b.0)))
                .then(letters(a.0).cmp(&letters(b.0)))
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(n, _)| n.to_string())
        .unwrap_or_default();
    let mut aliases: Vec<String> = group
        .iter()
        .flat_map(|o| o.forms.iter().cloned())
        .filter(|f| *f != name)
        .collect();
    aliases.sort();
    aliases.dedup();
    let mut roles: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for o in &group {
        for r in &o.roles {
            let e = roles
                .entry(r.to_lowercase())
                .or_insert_with(|| (r.clone(), 0));
            e.1 += 1;
        }
    }
    let mut roles: Vec<(String, usize)> = roles.into_values().collect();
    roles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut by_brief: BTreeMap<usize, Mention> = BTreeMap::new();
    for o in group {
        let m = by_brief.entry(o.brief).or_insert_with(|| Mention {
            brief: o.brief,
            lines: Vec::new(),
            form: o.forms[0].clone(),
        });
        m.lines.extend(o.lines);
        m.lines.sort_unstable();
        m.lines.dedup();
    }
    let mut mentions: Vec<Mention> = by_brief.into_values().collect();
    mentions.sort_by_key(|m| rank[m.brief]);
    Entity {
        slug: String::new(),
        kind,
        name,
        aliases,
        roles,
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occurrence(brief: usize, name: &str) -> Occurrence {
        Occurrence {
            brief,
            name: name.into(),
            forms: vec![name.into()],
            roles: Vec::new(),
            lines: vec![1],
        }
    }

    /// The people `occ` merge into: each entity's name and its briefs, sorted.
    fn names(occ: Vec<Occurrence>) -> Vec<(String, Vec<usize>)> {
        let mut out: Vec<(String, Vec<usize>)> =
            merge(occ, EntityKind::Person, &Aliases::default(), &[0, 1, 2, 3])
                .into_iter()
                .map(|e| (e.name, e.mentions.iter().map(|m| m.brief).collect()))
                .collect();
        out.sort();
        out
    }

    #[test]
    fn a_surname_alone_joins_the_one_full_name_it_can_be_and_no_more() {
        // The bare surname first: it must not take both brothers with it.
        let two = names(vec![
            occurrence(0, "Barzani"),
            occurrence(1, "Masrour Barzani"),
            occurrence(2, "Nechirvan Barzani"),
        ]);
        assert_eq!(
            two,
            vec![
                ("Barzani".to_string(), vec![0]),
                ("Masrour Barzani".to_string(), vec![1]),
                ("Nechirvan Barzani".to_string(), vec![2]),
            ]
        );
        // One full name: the surname alone is that person.
        let one = names(vec![
            occurrence(0, "Sudani"),
            occurrence(1, "Mohammed Shia al-Sudani"),
            occurrence(2, "al-Sudani"),
        ]);
        assert_eq!(
            one,
            vec![("Mohammed Shia al-Sudani".to_string(), vec![0, 1, 2])]
        );
    }

    #[test]
    fn an_organisation_spelt_two_ways_is_one_and_numbers_and_acronyms_differ() {
        let merged = |a: &str, b: &str| {
            merge(
                vec![occurrence(0, a), occurrence(1, b)],
                EntityKind::Organisation,
                &Aliases::default(),
                &[0, 1],
            )
            .len()
                == 1
        };
        assert!(merged("Badr Organisation", "Badr Organization"));
        assert!(merged(
            "Iraqi Ministry of Defence",
            "Iraqi Ministry of Defense"
        ));
        assert!(merged(
            "Harakat Hezbollah al-Nujaba",
            "Harakat Hizbollah al-Nujaba"
        ));
        assert!(!merged("5th Brigade", "6th Brigade"));
        assert!(!merged("Iraqi Army", "Iraqi Navy"));
        assert!(!merged("PMU", "PM"));
        assert!(!merged("Asaib Ahl al-Haq", "Asayish"));
    }

    #[test]
    fn an_organisation_spelt_with_or_without_its_apostrophe_is_one() {
        let merged = merge(
            vec![
                occurrence(0, "Kataib Sayyid al-Shuhada"),
                occurrence(1, "Kata'ib Sayyid al-Shuhada"),
                occurrence(2, "Kata\u{2019}ib Sayyid Al-Shuhada"),
                occurrence(3, "Kataib Hezbollah"),
            ],
            EntityKind::Organisation,
            &Aliases::default(),
            &[0, 1, 2, 3],
        );
        let mut briefs: Vec<Vec<usize>> = merged
            .iter()
            .map(|e| e.mentions.iter().map(|m| m.brief).collect())
            .collect();
        briefs.sort();
        assert_eq!(briefs, [vec![0, 1, 2], vec![3]]);
    }

    #[test]
    fn a_name_cut_short_joins_the_one_longer_name_it_starts() {
        // The father's name last in one text, the grandfather's in another.
        assert_eq!(
            names(vec![
                occurrence(0, "Rebwar Karim"),
                occurrence(1, "Rebwar Karim Saleh"),
                occurrence(2, "Rebwar Qadir"),
            ]),
            vec![
                ("Rebwar Karim Saleh".to_string(), vec![0, 1]),
                ("Rebwar Qadir".to_string(), vec![2]),
            ]
        );
        // "Ali al-Hatem": the particle aside, the start of the longer name.
        assert_eq!(
            names(vec![
                occurrence(0, "Ali al-Hatem"),
                occurrence(1, "Ali Hatem al-Suleiman")
            ])
            .len(),
            1
        );
        // Two longer names it could be, or a kunya: left alone.
        assert_eq!(
            names(vec![
                occurrence(0, "Rebwar Karim"),
                occurrence(1, "Rebwar Karim Saleh"),
                occurrence(2, "Rebwar Karim Aziz"),
            ])
            .len(),
            3
        );
        assert_eq!(
            names(vec![
                occurrence(0, "Abu Ali"),
                occurrence(1, "Abu Ali al-Askari")
            ])
            .len(),
            2
        );
    }

    #[test]
    fn a_kunya_tied_in_one_brief_joins_it_with_the_surname_in_another() {
        let x = Occurrence {
            brief: 0,
            name: "Karim Hassan al-Zubaidi".into(),
            forms: vec!["Karim Hassan al-Zubaidi".into(), "Abu Hadi".into()],
            roles: Vec::new(),
            lines: vec![3],
        };
        assert!(kunya_with_surname(&x, "Abu Hadi al-Zubaydi"));
        assert!(!kunya_with_surname(&x, "Abu Hadi al-Maliki"));
        assert!(!kunya_with_surname(&x, "Abu Salim al-Zubaidi"));
    }

    #[test]
    fn two_full_names_one_brief_ties_are_one_person_in_every_brief() {
        let tied = |brief: usize, name: &str, alias: &str| Occurrence {
            forms: vec![name.into(), alias.into()],
            ..occurrence(brief, name)
        };
        // A birth name and a nom de guerre, other surnames' spellings too.
        let one = names(vec![
            occurrence(0, "Abu Karrar al-Jabiri"),
            tied(1, "Salim Hadi al-Jabri", "Abu Karrar al-Jabiri"),
            occurrence(2, "Abu Karrar al-Jaberi"),
            occurrence(3, "Salim Hadi al-Jabri"),
        ]);
        assert_eq!(one.len(), 1, "{one:?}");
        assert_eq!(one[0].1, vec![0, 1, 2, 3]);
        // A surname alone ties nothing; nor does a name two people carry.
        assert_eq!(
            names(vec![
                occurrence(0, "Masrour Barzani"),
                tied(1, "Nechirvan Barzani", "Barzani"),
            ])
            .len(),
            2
        );
    }

    #[test]
    fn an_entity_is_shown_by_its_most_used_spelling() {
        let at = |brief: usize, name: &str| Occurrence {
            brief,
            name: name.into(),
            forms: vec![name.into()],
            roles: Vec::new(),
            lines: vec![1],
        };
        let group = vec![
            at(0, "Qais al-Khazali"),
            at(1, "Qais Al-Khazali"),
            at(2, "Qays al-Khazaali"),
            at(3, "Qais Al Khazali"),
            at(4, "Qays al-Khazaali"),
        ];
        // Three briefs spell him "Qais al Khazali" in some case and
        // punctuation, two "Qays al-Khazaali": the first spelling wins,
        // though no one of its forms is printed more than twice.
        let e = entity_of(group, EntityKind::Person, &[0, 1, 2, 3, 4]);
        assert_eq!(spelling(&e.name), "qais al khazali", "{}", e.name);
    }

    #[test]
    fn on_a_tie_the_spelling_the_others_share_most_shows_the_entity() {
        let at = |brief: usize, name: &str, forms: &[&str]| Occurrence {
            brief,
            name: name.into(),
            forms: forms.iter().map(|f| f.to_string()).collect(),
            roles: Vec::new(),
            lines: vec![1],
        };
        // One brief each, none fuller: not the first in the alphabet
        // ("Mohamed Shiaa ...") but the one whose words recur.
        let group = vec![
            at(0, "Muhammad Shia al-Sudani", &["Muhammad Shia al-Sudani"]),
            at(
                1,
                "Mohamed Shiaa al-Sudani",
                &["Mohamed Shiaa al-Sudani", "Mohammed al-Sudani"],
            ),
            at(2, "Mohammed Shia al-Sudani", &["Mohammed Shia al-Sudani"]),
        ];
        let e = entity_of(group, EntityKind::Person, &[0, 1, 2]);
        assert_eq!(e.name, "Mohammed Shia al-Sudani");
    }
}
