use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What an API account may reach: chosen companies and structure levels (each with its
/// subtree), or all companies and/or the whole structure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    #[serde(default)]
    pub all_companies: bool,
    #[serde(default)]
    pub whole_structure: bool,
    #[serde(default, deserialize_with = "crate::api::whole::list")]
    pub structure_ids: Vec<i64>,
}

impl Scope {
    pub fn everything() -> Scope {
        Scope {
            all_companies: true,
            whole_structure: true,
            structure_ids: vec![],
        }
    }

    /// Is `structure` (whose ancestors, nearest first, are `ancestors`) inside this scope?
    /// `is_company` tells whether the structure is itself a company (top of the tree).
    pub fn covers(&self, structure: i64, ancestors: &[i64], is_company: bool) -> bool {
        if is_company && self.all_companies || !is_company && self.whole_structure {
            return true;
        }
        self.structure_ids.contains(&structure)
            || ancestors.iter().any(|a| self.structure_ids.contains(a))
    }

    pub fn is_empty(&self) -> bool {
        !self.all_companies && !self.whole_structure && self.structure_ids.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosen_structures_cover_their_subtrees() {
        let s = Scope {
            all_companies: false,
            whole_structure: false,
            structure_ids: vec![2],
        };
        assert!(s.covers(2, &[1], false));
        assert!(s.covers(5, &[2, 1], false));
        assert!(!s.covers(3, &[1], false));
        assert!(!s.covers(1, &[], true));
    }

    #[test]
    fn all_companies_and_whole_structure_are_separate() {
        let companies = Scope {
            all_companies: true,
            ..Scope::default()
        };
        assert!(companies.covers(1, &[], true));
        assert!(!companies.covers(4, &[1], false));
        let structure = Scope {
            whole_structure: true,
            ..Scope::default()
        };
        assert!(structure.covers(4, &[1], false));
        assert!(!structure.covers(1, &[], true));
        assert!(Scope::default().is_empty());
    }
}
