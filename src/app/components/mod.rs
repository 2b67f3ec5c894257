//! One component per file; props down, callbacks up.
pub mod app;
pub mod doc_list;

use std::rc::Rc;

use crate::core::corpus::Corpus;

/// Shared, immutable corpus handle: compares by pointer, so passing it as a prop is free.
#[derive(Clone, Debug)]
pub struct CorpusRef(pub Rc<Corpus>);

impl PartialEq for CorpusRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for CorpusRef {
    type Target = Corpus;
    fn deref(&self) -> &Corpus {
        &self.0
    }
}
