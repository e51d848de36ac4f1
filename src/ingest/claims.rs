//! Claims of responsibility: sentences that say who carried out an act,
//! who blames whom, and who denies a role.
//!
//! Reports of one attack disagree most often on exactly this, and in few
//! words: "claimed responsibility", "blamed", "saw the footprints of",
//! "denied any role". A sentence with such words is kept with its stance and
//! the people and organisations it names, so that a story can set its
//! sources' versions side by side. Which name is the actor and which the
//! accused is left to the reader, who sees the sentence: the words around a
//! name do not say it reliably.

use std::sync::OnceLock;

use regex::Regex;

use crate::brief::{Claim, Organisation, Person, Stance};

/// The cue words of each stance; a sentence takes the first stance that
/// matches, denial first ("denied claiming the attack" denies).
fn cues() -> &'static [(Stance, Regex)] {
    static CUES: OnceLock<Vec<(Stance, Regex)>> = OnceLock::new();
    CUES.get_or_init(|| {
        let re = |s: &str| Regex::new(&format!("(?i){s}")).unwrap();
        vec![
            (
                Stance::Denies,
                re(r"\b(?:den(?:y|ied|ies|ying)\b|rejected (?:\w+ ){0,3}(?:accusations|allegations|claims|charges)|dismissed (?:\w+ ){0,3}(?:accusations|allegations|claims)|(?:had|has|have) no (?:link|role|hand|involvement|connection)|\bno (?:link|role|involvement) (?:to|in|with)|not involved)"),
            ),
            (
                Stance::Claims,
                re(r"\b(?:claimed responsibility|claims? (?:of )?responsibility|took responsibility|claimed (?:the|an|its|a) (?:\w+ )?(?:attack|strike|operation|bombing|assault)|claimed (?:attacks|strikes|operations)|(?:said|says|announced|declared|stated)(?:,? (?:in|on|via|through) (?:a |an |its |the )?[\w'’-]+(?: [\w'’-]+){0,3}?,?)? (?:that )?(?:it|its (?:fighters|members|forces|units|men|militants|drones)) (?:had )?(?:carried out|launched|struck|targeted|fired|attacked|hit))"),
            ),
            (
                Stance::Blames,
                re(r"\b(?:blam(?:ed|es|ing)\b|(?:was|were|is|are)(?: (?:likely|probably|possibly|most likely|almost certainly))? responsible for (?:the|this|that|these|those|[\w-]+['’]s) (?:[\w'’-]+ ){0,3}?(?:attacks?|strikes?|bombings?|blasts?|explosions?|assaults?|killings?|raids?|shelling|ambush)\b|held (?:\w+ ){1,4}responsible|holds? (?:\w+ ){1,4}responsible|footprints|hallmarks|(?:was|were|is|are) behind\b|accus(?:ed|es|ing)\b|attributed (?:\w+ ){0,4}to\b|carried out by)"),
            ),
        ]
    })
}

/// The claim of responsibility in one sentence, if it makes one.
pub fn claim(
    sentence: &str,
    line: usize,
    people: &[Person],
    organisations: &[Organisation],
) -> Option<Claim> {
    // "Attributed to Secretary of Defense Jane Roe:": a line that leads
    // into a statement says who speaks, not who did what.
    if sentence.trim_end().ends_with(':') {
        return None;
    }
    let (mut stance, found) = cues()
        .iter()
        .find_map(|(stance, re)| re.find(sentence).map(|m| (*stance, m)))?;
    // "It was not clear who was responsible for the attack": asked, not said.
    if found.as_str().contains("responsible for")
        && sentence[..found.start()]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("who"))
    {
        return None;
    }
    if stance == Stance::Claims && negated(&sentence[..found.start()]) {
        stance = Stance::Unclaimed;
    }
    // Names in the order the sentence gives them.
    let mut named: Vec<(usize, &str)> = Vec::new();
    let forms = organisations
        .iter()
        .filter(|o| o.lines.contains(&line))
        .map(|o| (&o.name, &o.aliases))
        .chain(
            people
                .iter()
                .filter(|p| p.lines.contains(&line))
                .map(|p| (&p.name, &p.aliases)),
        );
    for (name, aliases) in forms {
        let at = std::iter::once(name)
            .chain(aliases)
            .filter_map(|form| position_of(sentence, form))
            .min();
        if let Some(at) = at {
            named.push((at, name));
        }
    }
    named.sort_unstable();
    // "..., the spokesman wrote, while the Islamic Resistance said it had
    // carried out the strike": a clause set against this one after it names
    // another's act.
    if let Some(contrast) = [", while ", ", whereas ", "; while ", ", but "]
        .iter()
        .filter_map(|m| sentence[found.end()..].find(m))
        .min()
    {
        let cut = found.end() + contrast;
        named.retain(|&(at, _)| at < cut);
    }
    // Who claims or denies is named before the words that do it ("CENTCOM
    // said its forces struck ..., killing a Kataib Hezbollah commander"):
    // names after them are the act's targets, unless none stands before.
    if matches!(stance, Stance::Claims | Stance::Denies)
        && named.iter().any(|&(at, _)| at < found.start())
    {
        named.retain(|&(at, _)| at < found.start());
        // "Iran's mission to the United Nations denied": where the speaker
        // is accredited or sits is not who speaks.
        named.retain(|&(at, _)| !located_before(&sentence[..at]));
    }
    // "No group claimed the attack, which came after the killing of Hamas
    // leader Ismail Haniyeh": nobody claimed it; a name after the words is
    // the act's target or its background, never who claimed it.
    if stance == Stance::Unclaimed {
        named.retain(|&(at, _)| at < found.start());
    }
    Some(Claim {
        stance,
        words: found.as_str().to_string(),
        named: named.into_iter().map(|(_, n)| n.to_string()).collect(),
        line,
        context: crate::sentences::clip_around(sentence.trim(), found.start(), super::MAX_EXCERPT),
    })
}

/// Does `before` end in "to the", "at the", "in" (and the like): is the
/// name that follows where someone is, not who they are?
fn located_before(before: &str) -> bool {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| w.to_lowercase())
        .collect();
    let prep = |w: &str| matches!(w, "to" | "at" | "in" | "from");
    match words.as_slice() {
        [first, ..] if prep(first) => true,
        [the, second, ..] if the == "the" && prep(second) => true,
        _ => false,
    }
}

/// Do the words before a claim deny that anyone made it ("No group has
/// claimed", "nobody claimed", "has not claimed", "yet to claim")?
fn negated(before: &str) -> bool {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(4)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        matches!(
            w.as_str(),
            "no" | "nobody" | "not" | "never" | "yet" | "none"
        ) || w.ends_with("n't")
            || (w == "one" && words.get(i + 1).is_some_and(|n| n == "no"))
    })
}

/// Where `form` stands in `sentence` as whole words.
fn position_of(sentence: &str, form: &str) -> Option<usize> {
    if form.is_empty() {
        return None;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    sentence.match_indices(form).map(|(at, _)| at).find(|&at| {
        !word(sentence[..at].chars().next_back())
            && !word(sentence[at + form.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(name: &str, line: usize) -> Organisation {
        Organisation {
            name: name.to_string(),
            aliases: Vec::new(),
            lines: vec![line],
        }
    }

    #[test]
    fn stances_and_names() {
        let orgs = [org("Marsh Brigades", 3), org("Interior Ministry", 3)];
        let said = |text: &str| claim(text, 3, &[], &orgs).unwrap();
        let c = said("The Interior Ministry said the Marsh Brigades were behind the blast.");
        assert_eq!(c.stance, Stance::Blames);
        assert_eq!(c.named, ["Interior Ministry", "Marsh Brigades"]);
        let c = said("The ministry said the Marsh Brigades were likely responsible for the blast.");
        assert_eq!(c.stance, Stance::Blames);
        assert!(
            claim(
                "It was not clear who was responsible for the blast.",
                3,
                &[],
                &orgs
            )
            .is_none()
        );
        assert!(
            claim(
                "The Marsh Brigades are responsible for security at the crossing.",
                3,
                &[],
                &orgs
            )
            .is_none()
        );
        // Responsible for attacks in general is what someone is accused of, not this act.
        assert!(
            claim(
                "The commander was responsible for directing attacks on the base.",
                3,
                &[],
                &orgs
            )
            .is_none()
        );
        let c = said("The Marsh Brigades claimed responsibility in a statement.");
        assert_eq!(
            (c.stance, c.words.as_str()),
            (Stance::Claims, "claimed responsibility")
        );
        assert_eq!(c.named, ["Marsh Brigades"]);
        // Who claims stands before the claim; the act's targets after it.
        let c = said(
            "The Marsh Brigades said its fighters struck a base used by the Interior Ministry.",
        );
        assert_eq!(c.named, ["Marsh Brigades"]);
        // Where the speaker is accredited is not who speaks.
        let c = said("The Interior Ministry's envoy to the Marsh Brigades denied any role.");
        assert_eq!(c.named, ["Interior Ministry"]);
        // A clause set against this one names another's act.
        let c = said(
            "\"We have no connection to this,\" its spokesman Omar Aziz wrote, while the Marsh Brigades said they fired the rockets.",
        );
        assert_eq!(c.stance, Stance::Denies);
        assert!(c.named.is_empty(), "{:?}", c.named);
        // Where it said so may stand between the verb and the claim.
        let c = said(
            "The Marsh Brigades said in a statement on Telegram that its fighters fired the rockets.",
        );
        assert_eq!(c.stance, Stance::Claims);
        assert_eq!(c.named, ["Marsh Brigades"]);
        // Denial wins over the claim it denies; names on other lines are not this sentence's.
        let c = claim("The group denied claiming the attack.", 4, &[], &orgs).unwrap();
        assert_eq!(c.stance, Stance::Denies);
        assert!(c.named.is_empty());
        assert!(claim("The blast damaged three shops.", 3, &[], &orgs).is_none());
        // Nobody claiming is said as such.
        for s in [
            "No group has claimed responsibility for the blast.",
            "There was no immediate claim of responsibility.",
            "The Marsh Brigades have not claimed the attack.",
        ] {
            assert_eq!(
                claim(s, 3, &[], &orgs).unwrap().stance,
                Stance::Unclaimed,
                "{s}"
            );
        }
        // Nobody claimed it: a name after the words is not who did.
        let c = said(
            "No group claimed responsibility for the blast, which came after the Interior Ministry's raid.",
        );
        assert_eq!(c.stance, Stance::Unclaimed);
        assert!(c.named.is_empty(), "{:?}", c.named);
        let c = said("The Marsh Brigades have not claimed the attack.");
        assert_eq!(c.named, ["Marsh Brigades"]);
    }

    #[test]
    fn a_line_that_leads_into_a_statement_claims_nothing() {
        assert!(claim("Attributed to Secretary of Defense Jane Roe:", 2, &[], &[]).is_none());
        assert!(claim("The strike was attributed to the brigade.", 2, &[], &[]).is_some());
    }
}
