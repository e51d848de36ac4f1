//! Figures across briefs: the same quantity stated by several sources.
//!
//! Figures are grouped by what they count and where ("troops" in "Iraq"),
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
        for f in briefs[i].facts.figures.iter().filter(|f| keep(i, f)) {
            groups
                .entry((f.counts.clone(), f.place.clone()))
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
    fn numbers() {
        assert_eq!(super::display_number(2500.0), "2,500");
        assert_eq!(super::display_number(900.0), "900");
        assert_eq!(super::display_number(1234567.0), "1,234,567");
        assert_eq!(super::display_number(4.5), "4.5");
    }
}
