//! Figures across briefs: the same quantity stated by several sources.
//!
//! Figures are grouped by what they count and where ("troops" in "Iraq"; a
//! report's toll of contractors beside its toll of troops apart: `counted`),
//! values within a group are compared, and a group whose sources state
//! different values is a disagreement. Durations ("two years") count
//! different things in different sentences and are never compared.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::brief::Brief;

/// Units that measure time: listed, never flagged as disagreeing.
const DURATIONS: &[&str] = &["years", "months", "weeks", "days", "hours", "percent"];

/// Everything the sources say about one quantity.
#[derive(Debug, Clone, serde::Deserialize, Serialize)]
pub struct FigureGroup {
    /// "troops in Iraq".
    pub label: String,
    /// What is counted.
    pub counts: String,
    /// Where, if stated.
    pub place: Option<String>,
    /// The distinct values, most-stated first.
    pub values: Vec<FigureValue>,
    /// Statements without a number ("hundreds of troops").
    pub unquantified: Vec<FigureStatement>,
    /// Sources give different values for this quantity.
    pub disagreement: bool,
    /// Number of briefs stating something about it.
    pub brief_count: usize,
}

/// One value of a quantity and who states it.
#[derive(Debug, Clone, serde::Deserialize, Serialize)]
pub struct FigureValue {
    /// The number.
    pub value: f64,
    /// The number as people write it ("2,500").
    pub display: String,
    /// Who states it.
    pub statements: Vec<FigureStatement>,
    /// How many distinct briefs state it.
    pub brief_count: usize,
}

/// One brief stating a figure.
#[derive(Debug, Clone, serde::Deserialize, Serialize)]
pub struct FigureStatement {
    /// Brief index.
    pub brief: usize,
    /// Source line.
    pub line: usize,
    /// The words of the text.
    pub text: String,
    /// "about", "hundreds", ...
    pub qualifier: Option<String>,
}

/// Statements keyed by what they count and where.
type ByQuantity = BTreeMap<(String, Option<String>), Vec<(Option<f64>, FigureStatement)>>;

/// Group the figures of all briefs.
pub fn figure_groups(briefs: &[Brief]) -> Vec<FigureGroup> {
    let all: Vec<usize> = (0..briefs.len()).collect();
    figure_groups_among(briefs, &all)
}

/// Group the figures of the briefs `among` (indices into `briefs`).
pub fn figure_groups_among(briefs: &[Brief], among: &[usize]) -> Vec<FigureGroup> {
    figure_groups_where(briefs, among, |_, _| true)
}

/// Group the figures of the briefs `among` that `keep(brief, figure)` keeps.
pub fn figure_groups_where(
    briefs: &[Brief],
    among: &[usize],
    keep: impl Fn(usize, &crate::brief::Figure) -> bool,
) -> Vec<FigureGroup> {
    let mut groups: ByQuantity = BTreeMap::new();
    for &i in among {
        let all = &briefs[i].facts.figures;
        for f in all.iter().filter(|f| keep(i, f)) {
            groups
                .entry((counted(f, all), f.place.clone()))
                .or_default()
                .push((
                    f.value,
                    FigureStatement {
                        brief: i,
                        line: f.line,
                        text: f.text.clone(),
                        qualifier: f.qualifier.clone(),
                    },
                ));
        }
    }
    let mut out: Vec<FigureGroup> = groups
        .into_iter()
        .map(|((counts, place), stmts)| {
            let mut by_value: BTreeMap<u64, Vec<FigureStatement>> = BTreeMap::new();
            let mut unquantified = Vec::new();
            let mut briefs_seen = std::collections::BTreeSet::new();
            for (v, s) in stmts {
                briefs_seen.insert(s.brief);
                match v {
                    Some(v) if v.is_finite() => by_value.entry(v.to_bits()).or_default().push(s),
                    _ => unquantified.push(s),
                }
            }
            let mut values: Vec<FigureValue> = by_value
                .into_iter()
                .map(|(bits, statements)| {
                    let value = f64::from_bits(bits);
                    let mut bs: Vec<usize> = statements.iter().map(|s| s.brief).collect();
                    bs.sort_unstable();
                    bs.dedup();
                    FigureValue {
                        value,
                        display: display_number(value),
                        brief_count: bs.len(),
                        statements,
                    }
                })
                .collect();
            values.sort_by(|a, b| {
                b.brief_count
                    .cmp(&a.brief_count)
                    .then(a.value.total_cmp(&b.value))
            });
            let briefs_with_values: std::collections::BTreeSet<usize> = values
                .iter()
                .flat_map(|v| v.statements.iter().map(|s| s.brief))
                .collect();
            let disagreement = !DURATIONS.contains(&counts.as_str())
                && values.len() > 1
                && briefs_with_values.len() > 1;
            let label = quantity_label(&counts, place.as_deref());
            FigureGroup {
                label,
                counts,
                place,
                values,
                unquantified,
                disagreement,
                brief_count: briefs_seen.len(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.brief_count
            .cmp(&a.brief_count)
            .then(b.place.is_some().cmp(&a.place.is_some()))
            .then(a.label.cmp(&b.label))
    });
    out
}

/// Groups of people whose dead or wounded are a quantity of their own:
/// "five service members and two contractors were injured" states two
/// counts, not two versions of one. (Soldiers, "others" and a count with no
/// noun stay in the one toll: "at least 25 others wounded" and "more than 40
/// service members" are versions of it.)
const OWN_TOLLS: &[(&str, &str)] = &[
    ("contractors", "contractors"),
    ("contractor", "contractors"),
    ("civilians", "civilians"),
    ("civilian", "civilians"),
    ("children", "children"),
    ("child", "children"),
    ("journalists", "journalists"),
    ("policemen", "police"),
    ("police", "police"),
];

/// The group a toll's words name ("two U.S. contractors": contractors).
fn toll_group(f: &crate::brief::Figure) -> Option<&'static str> {
    if !matches!(f.counts.as_str(), "killed" | "wounded") {
        return None;
    }
    f.text.split_whitespace().find_map(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        OWN_TOLLS
            .iter()
            .find(|(noun, _)| *noun == w)
            .map(|(_, g)| *g)
    })
}

/// What a figure counts, as its quantity's name: ingest's `counts`, or for
/// a toll of a group of its own beside another toll of the same report
/// ("five service members and two contractors were injured"), the group's
/// ("contractors wounded"). A report whose one toll names a group ("two
/// contractors were killed") gives the toll, as others give it. `all` are
/// the figures of `f`'s brief.
pub fn counted(f: &crate::brief::Figure, all: &[crate::brief::Figure]) -> String {
    let Some(group) = toll_group(f) else {
        return f.counts.clone();
    };
    let beside_another = all
        .iter()
        .any(|g| g.counts == f.counts && toll_group(g) != Some(group));
    if beside_another {
        format!("{group} {}", f.counts)
    } else {
        f.counts.clone()
    }
}

/// The name of a figure's quantity and place ("contractors wounded",
/// "troops in Iraq"): its group's label, the link to its page. `all` are
/// the figures of its brief.
pub fn figure_label(f: &crate::brief::Figure, all: &[crate::brief::Figure]) -> String {
    quantity_label(&counted(f, all), f.place.as_deref())
}

/// The name of a quantity: "troops in Iraq", or "years" when no place is given.
pub fn quantity_label(counts: &str, place: Option<&str>) -> String {
    match place {
        Some(p) => format!("{counts} in {p}"),
        None => counts.to_string(),
    }
}

/// 2500 -> "2,500"; 4.5 -> "4.5".
pub fn display_number(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_groups_toll_is_a_quantity_of_its_own() {
        let fig = |text: &str, counts: &str| crate::brief::Figure {
            text: text.into(),
            value: Some(2.0),
            counts: counts.into(),
            place: None,
            qualifier: None,
            line: 1,
            context: String::new(),
        };
        let report = [
            fig("five service members", "wounded"),
            fig("two U.S. contractors", "wounded"),
            fig("two civilians", "killed"),
        ];
        // Beside the service members' toll, the contractors' is its own.
        assert_eq!(super::counted(&report[1], &report), "contractors wounded");
        assert_eq!(super::counted(&report[0], &report), "wounded");
        assert_eq!(
            super::figure_label(&report[1], &report),
            "contractors wounded"
        );
        // The report's one toll of dead names civilians: the toll.
        assert_eq!(super::counted(&report[2], &report), "killed");
        // Not a toll: a count of contractors as such.
        let count = [fig("two contractors", "contractors"), report[0].clone()];
        assert_eq!(super::counted(&count[0], &count), "contractors");
    }

    #[test]
    fn numbers() {
        assert_eq!(super::display_number(2500.0), "2,500");
        assert_eq!(super::display_number(900.0), "900");
        assert_eq!(super::display_number(1234567.0), "1,234,567");
        assert_eq!(super::display_number(4.5), "4.5");
    }
}
