//! Comparing claims, one job a file: `terms` (the words compared claims share, stemming, stop words),
//! `columns` (the side-by-side comparison of the picked claims), `opposing` (the claims that disagree with
//! one claim), `disagreements` (the strongest opposing pairs of the corpus), `directness` (those pairs ranked by how
//! directly they answer each other, with the reason), `align` (two documents side by side).
mod align;
mod columns;
mod directness;
mod disagreements;
mod opposing;
mod terms;

pub use align::{align_documents, AlignRow, DocAlignment};
pub use columns::{comparison, Comparison};
pub use directness::{direct_disagreements, pair_reason, PairReason};
pub use disagreements::disagreements;
pub(crate) use opposing::ranked;
pub use opposing::{opposing, Opposing};
pub use terms::{is_stop_word, shared_terms, stem};
