//! The elements open at a point of the document, innermost last, counted by name: a closing tag
//! that matches none is known at once, so hostile input (thousands of open elements, then
//! thousands of stray closing tags) cannot make every tag search the whole stack.

use super::NodeId;
use std::collections::HashMap;

/// Deeper elements are kept, but as if empty: real feeds nest a dozen levels, and a bound keeps
/// every walk over the tree (text, `xml:base`) short.
pub const MAX_DEPTH: usize = 256;

#[derive(Default)]
pub struct OpenElements<'a> {
    stack: Vec<Open<'a>>,
    by_name: HashMap<&'a str, usize>,
    by_local: HashMap<&'a str, usize>,
}

struct Open<'a> {
    id: NodeId,
    name: &'a str,
    local: &'a str,
}

impl<'a> OpenElements<'a> {
    pub fn push(&mut self, id: NodeId, name: &'a str, local: &'a str) {
        *self.by_name.entry(name).or_default() += 1;
        *self.by_local.entry(local).or_default() += 1;
        self.stack.push(Open { id, name, local });
    }

    pub fn pop(&mut self) -> Option<NodeId> {
        let open = self.stack.pop()?;
        for (map, key) in [
            (&mut self.by_name, open.name),
            (&mut self.by_local, open.local),
        ] {
            if let Some(count) = map.get_mut(key) {
                *count -= 1;
            }
        }
        Some(open.id)
    }

    pub fn len(&self) -> usize {
        self.stack.len()
    }

    pub fn is_full(&self) -> bool {
        self.stack.len() >= MAX_DEPTH
    }

    pub fn innermost(&self) -> Option<NodeId> {
        self.stack.last().map(|open| open.id)
    }

    pub fn innermost_local(&self) -> Option<&'a str> {
        self.stack.last().map(|open| open.local)
    }

    pub fn ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.stack.iter().map(|open| open.id)
    }

    /// The depth of the innermost open element written `name`, else of the innermost with the
    /// same local name (`<dc:creator>…</creator>`).
    pub fn find(&self, name: &str, local: &str) -> Option<usize> {
        if self.by_name.get(name).is_some_and(|&count| count > 0) {
            return self.stack.iter().rposition(|open| open.name == name);
        }
        self.find_local(local)
    }

    pub fn find_local(&self, local: &str) -> Option<usize> {
        match self.by_local.get(local) {
            Some(&count) if count > 0 => self.stack.iter().rposition(|open| open.local == local),
            _ => None,
        }
    }
}
