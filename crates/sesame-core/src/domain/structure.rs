use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Companies at the top of the tree, then the levels of the administrative structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StructureKind {
    Company,
    Establishment,
    Division,
    Department,
}

impl StructureKind {
    pub const ALL: [StructureKind; 4] = [
        StructureKind::Company,
        StructureKind::Establishment,
        StructureKind::Division,
        StructureKind::Department,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StructureKind::Company => "company",
            StructureKind::Establishment => "establishment",
            StructureKind::Division => "division",
            StructureKind::Department => "department",
        }
    }
    pub fn parse(s: &str) -> Option<StructureKind> {
        match s {
            "company" => Some(StructureKind::Company),
            "establishment" => Some(StructureKind::Establishment),
            "division" => Some(StructureKind::Division),
            "department" => Some(StructureKind::Department),
            _ => None,
        }
    }
    /// Companies are roots; every other level hangs under a structure.
    pub fn needs_parent(self) -> bool {
        self != StructureKind::Company
    }
}

/// Would moving `node` under `new_parent` make a loop? `parent_of` gives each structure's parent.
pub fn creates_cycle(node: i64, new_parent: i64, parent_of: impl Fn(i64) -> Option<i64>) -> bool {
    let mut cursor = Some(new_parent);
    let mut steps = 0;
    while let Some(current) = cursor {
        if current == node {
            return true;
        }
        steps += 1;
        if steps > 10_000 {
            return true; // a damaged tree: refuse rather than loop forever
        }
        cursor = parent_of(current);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_structure_cannot_move_under_its_own_subtree() {
        // 1 <- 2 <- 3
        let parent = |id| match id {
            2 => Some(1),
            3 => Some(2),
            _ => None,
        };
        assert!(creates_cycle(1, 3, parent));
        assert!(creates_cycle(2, 2, parent));
        assert!(!creates_cycle(3, 1, parent));
    }
}
