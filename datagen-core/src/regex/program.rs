//! The compiled form of a pattern: a flat vector of nodes, and how to run, count and index it.
//!
//! Nodes are laid out in preorder; a composite node's children follow it and it records where its
//! subtree ends, so running is a walk over indices with no pointers and no allocation.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

use super::parse::error;
use crate::ctx::Ctx;
use crate::error::Error;

/// How many repetitions past the minimum an unbounded repetition (`*`, `+`, `{m,}`) may draw.
pub(super) const UNBOUNDED_EXTRA: u32 = 8;

/// The first code point past the surrogate gap, and the gap's size.
const SURROGATES: (u32, u32) = (0xD800, 0xE000);

/// One instruction. Indices are `u32` to keep a node at 16 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Node {
    /// Appends `text[start..end]`.
    Lit { start: u32, end: u32 },
    /// Appends one of the `size` code points from `first` on, uniformly: a class of one range.
    Range { first: u32, size: u32 },
    /// Appends one of the `size` code points of `ranges[start..end]`, uniformly.
    Class { start: u32, end: u32, size: u32 },
    /// Runs the nodes from here + 1 up to `end`, in order.
    Concat { end: u32 },
    /// Runs one of the subtrees starting at `branches[first..first + len]`, uniformly.
    Alt { first: u32, len: u32, end: u32 },
    /// Runs the next node `min..=max` times, the number drawn uniformly.
    Repeat { min: u32, max: u32, end: u32 },
}

/// A run of consecutive code points in a class, with how many code points precede it in the class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ClassRange {
    first: u32,
    before: u32,
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub(super) struct Program {
    nodes: Vec<Node>,
    /// The number of strings each node generates; `None` if unbounded or past `u128`.
    counts: Vec<Option<u128>>,
    text: String,
    ranges: Vec<ClassRange>,
    branches: Vec<u32>,
}

impl Program {
    /// Compiles `hir`, parsed from `pattern` (which is only quoted in errors).
    pub(super) fn compile(hir: &Hir, pattern: &str) -> Result<Program, Error> {
        let mut program = Program {
            nodes: Vec::new(),
            counts: Vec::new(),
            text: String::new(),
            ranges: Vec::new(),
            branches: Vec::new(),
        };
        Compiler {
            program: &mut program,
            pattern,
        }
        .node(hir)?;
        Ok(program)
    }

    /// The number of distinct strings the program generates, if finite and within `u128`.
    pub(super) fn count(&self) -> Option<u128> {
        self.counts[0]
    }

    /// Appends a random string; returns the end of the subtree at `at`.
    pub(super) fn run(&self, at: usize, ctx: &mut Ctx, out: &mut String) -> usize {
        match self.nodes[at] {
            Node::Lit { start, end } => out.push_str(&self.text[start as usize..end as usize]),
            Node::Range { first, size } => push_range(first, size, ctx, out),
            Node::Class { start, end, size } => {
                let offset = ctx.below(u64::from(size)) as u32;
                out.push(self.class_char(start, end, offset));
            }
            Node::Concat { end } => {
                let mut child = at + 1;
                while child < end as usize {
                    child = self.run(child, ctx, out);
                }
                return end as usize;
            }
            Node::Alt { first, len, end } => {
                let branch = self.branches[first as usize + ctx.index(len as usize)];
                self.run(branch as usize, ctx, out);
                return end as usize;
            }
            Node::Repeat { min, max, end } => {
                // A fixed count draws nothing, so `x{6}` costs no more randomness than it must.
                let times = if min == max {
                    min
                } else {
                    min + ctx.below(u64::from(max - min) + 1) as u32
                };
                // A repeated class, the common `[0-9]{6}`, without a call per character.
                match self.nodes[at + 1] {
                    Node::Range { first, size } => {
                        (0..times).for_each(|_| push_range(first, size, ctx, out))
                    }
                    Node::Class { start, end, size } => (0..times).for_each(|_| {
                        let offset = ctx.below(u64::from(size)) as u32;
                        out.push(self.class_char(start, end, offset));
                    }),
                    _ => (0..times).for_each(|_| {
                        self.run(at + 1, ctx, out);
                    }),
                }
                return end as usize;
            }
        }
        at + 1
    }

    /// Appends the `index`-th string of the subtree at `at` (`index < counts[at]`, which is finite);
    /// returns the end of the subtree.
    pub(super) fn nth(&self, at: usize, mut index: u128, out: &mut String) -> usize {
        match self.nodes[at] {
            Node::Lit { start, end } => out.push_str(&self.text[start as usize..end as usize]),
            Node::Range { first, .. } => out.push(range_char(first, index as u32)),
            Node::Class { start, end, .. } => out.push(self.class_char(start, end, index as u32)),
            Node::Concat { end } => {
                // Mixed radix, the first child most significant.
                if let Some(mut rest) = self.counts[at] {
                    let mut child = at + 1;
                    while child < end as usize {
                        rest /= self.finite(child);
                        let digit = index / rest;
                        index %= rest;
                        child = self.nth(child, digit, out);
                    }
                    return end as usize;
                }
                // More strings than `u128` holds: the same digits, where a child's place value
                // past `u128` (so above any index) gets digit 0.
                let mut children = Vec::new();
                let mut child = at + 1;
                while child < end as usize {
                    children.push(child);
                    child = self.subtree_end(child);
                }
                for (k, &child) in children.iter().enumerate() {
                    let rest = children[k + 1..]
                        .iter()
                        .try_fold(1u128, |rest, &c| rest.checked_mul(self.counts[c]?));
                    self.nth(child, digit(&mut index, rest), out);
                }
                return end as usize;
            }
            Node::Alt { first, len, end } => {
                for &branch in &self.branches[first as usize..(first + len) as usize] {
                    // A branch past `u128` holds every index left.
                    match self.counts[branch as usize] {
                        Some(size) if index >= size => index -= size,
                        _ => {
                            self.nth(branch as usize, index, out);
                            break;
                        }
                    }
                }
                return end as usize;
            }
            Node::Repeat { min, end, .. } => {
                let body = self.counts[at + 1];
                if body == Some(1) {
                    // One string per length: the index is the number of repetitions past `min`.
                    for _ in 0..u128::from(min) + index {
                        self.nth(at + 1, 0, out);
                    }
                    return end as usize;
                }
                // `body^k`, `None` past `u128` (a body past `u128` is `None` itself).
                let power = |k: u32| {
                    if k == 0 {
                        Some(1)
                    } else {
                        body?.checked_pow(k)
                    }
                };
                // Strings of length `min` first, then `min + 1`, ...; each length in mixed radix.
                // A block past `u128` holds every index left.
                let mut times = min;
                while let Some(block) = power(times)
                    && index >= block
                {
                    index -= block;
                    times += 1;
                }
                for k in (0..times).rev() {
                    self.nth(at + 1, digit(&mut index, power(k)), out);
                }
                return end as usize;
            }
        }
        at + 1
    }

    /// The `offset`-th code point of the class `ranges[start..end]`.
    #[inline(always)]
    fn class_char(&self, start: u32, end: u32, offset: u32) -> char {
        let ranges = &self.ranges[start as usize..end as usize];
        // The first range has `before == 0 <= offset`, so the partition point is at least 1.
        let range = ranges[ranges.partition_point(|r| r.before <= offset) - 1];
        range_char(range.first, offset - range.before)
    }

    /// The end of the subtree at `at`.
    fn subtree_end(&self, at: usize) -> usize {
        match self.nodes[at] {
            Node::Concat { end } | Node::Alt { end, .. } | Node::Repeat { end, .. } => end as usize,
            Node::Lit { .. } | Node::Range { .. } | Node::Class { .. } => at + 1,
        }
    }

    fn finite(&self, at: usize) -> u128 {
        self.counts[at].expect("a node with a finite count has children with finite counts")
    }
}

/// The digit of `index` at `place` (most significant first), leaving the rest in `index`; a place
/// past `u128` (`None`) is above any index, so its digit is 0.
#[inline]
fn digit(index: &mut u128, place: Option<u128>) -> u128 {
    match place {
        Some(place) => {
            let digit = *index / place;
            *index %= place;
            digit
        }
        None => 0,
    }
}

/// Appends one of the `size` code points from `first` on, uniformly.
#[inline(always)]
fn push_range(first: u32, size: u32, ctx: &mut Ctx, out: &mut String) {
    out.push(range_char(first, ctx.below(u64::from(size)) as u32));
}

/// The code point `offset` past `first`, in a range that does not cross the surrogate gap.
#[inline(always)]
fn range_char(first: u32, offset: u32) -> char {
    char::from_u32(first + offset)
        .expect("class ranges are split around the surrogate gap, so every offset is a char")
}

/// Lowers an `Hir` into a [`Program`].
struct Compiler<'a> {
    program: &'a mut Program,
    pattern: &'a str,
}

impl Compiler<'_> {
    /// Emits the subtree of `hir` and returns its count.
    fn node(&mut self, hir: &Hir) -> Result<Option<u128>, Error> {
        let at = self.program.nodes.len();
        let count = match hir.kind() {
            HirKind::Empty => self.empty(at)?,
            HirKind::Look(look) => match look {
                Look::Start
                | Look::End
                | Look::StartLF
                | Look::EndLF
                | Look::StartCRLF
                | Look::EndCRLF => self.empty(at)?,
                _ => {
                    return Err(error(
                        self.pattern,
                        "word boundaries are not supported in generated patterns",
                    ));
                }
            },
            HirKind::Literal(literal) => {
                let text = std::str::from_utf8(&literal.0).map_err(|_| {
                    error(
                        self.pattern,
                        "a literal is not valid UTF-8, so no string can hold it",
                    )
                })?;
                let start = self.index(self.program.text.len())?;
                self.program.text.push_str(text);
                let end = self.index(self.program.text.len())?;
                self.push(Node::Lit { start, end }, Some(1))
            }
            HirKind::Class(Class::Unicode(class)) => self.class(
                class
                    .ranges()
                    .iter()
                    .map(|r| (u32::from(r.start()), u32::from(r.end()))),
            )?,
            HirKind::Class(Class::Bytes(class)) => {
                if class.ranges().iter().any(|r| !r.end().is_ascii()) {
                    return Err(error(
                        self.pattern,
                        "a byte class reaches past ASCII, so no string can hold it",
                    ));
                }
                self.class(
                    class
                        .ranges()
                        .iter()
                        .map(|r| (u32::from(r.start()), u32::from(r.end()))),
                )?
            }
            HirKind::Capture(capture) => self.node(&capture.sub)?,
            HirKind::Repetition(rep) => {
                self.push(
                    Node::Repeat {
                        min: 0,
                        max: 0,
                        end: 0,
                    },
                    None,
                );
                let body = self.node(&rep.sub)?;
                let max = rep.max.unwrap_or(rep.min.saturating_add(UNBOUNDED_EXTRA));
                let end = self.index(self.program.nodes.len())?;
                self.program.nodes[at] = Node::Repeat {
                    min: rep.min,
                    max,
                    end,
                };
                if rep.max.is_some() {
                    body.and_then(|body| repeat_count(body, rep.min, max))
                } else {
                    None
                }
            }
            HirKind::Concat(subs) => {
                self.push(Node::Concat { end: 0 }, None);
                let mut count = Some(1u128);
                for sub in subs {
                    let sub = self.node(sub)?;
                    count = count.zip(sub).and_then(|(a, b)| a.checked_mul(b));
                }
                let end = self.index(self.program.nodes.len())?;
                self.program.nodes[at] = Node::Concat { end };
                count
            }
            HirKind::Alternation(subs) => {
                self.push(
                    Node::Alt {
                        first: 0,
                        len: 0,
                        end: 0,
                    },
                    None,
                );
                // Collected apart, since nested alternations append their own branches meanwhile.
                let mut starts = Vec::with_capacity(subs.len());
                let mut count = Some(0u128);
                for sub in subs {
                    starts.push(self.index(self.program.nodes.len())?);
                    let sub = self.node(sub)?;
                    count = count.zip(sub).and_then(|(a, b)| a.checked_add(b));
                }
                let first = self.index(self.program.branches.len())?;
                let len = self.index(starts.len())?;
                self.program.branches.extend(starts);
                let end = self.index(self.program.nodes.len())?;
                self.program.nodes[at] = Node::Alt { first, len, end };
                count
            }
        };
        self.program.counts[at] = count;
        Ok(count)
    }

    /// An empty string: a concatenation of nothing.
    fn empty(&mut self, at: usize) -> Result<Option<u128>, Error> {
        let end = self.index(at + 1)?;
        Ok(self.push(Node::Concat { end }, Some(1)))
    }

    /// A class from sorted, disjoint inclusive code point ranges, split around the surrogates.
    fn class(&mut self, ranges: impl Iterator<Item = (u32, u32)>) -> Result<Option<u128>, Error> {
        let start = self.index(self.program.ranges.len())?;
        let mut size = 0u32;
        for (lo, hi) in ranges {
            let pieces = if lo < SURROGATES.0 && hi >= SURROGATES.1 {
                [(lo, SURROGATES.0 - 1), (SURROGATES.1, hi)]
            } else {
                // `char` ranges never start or end inside the gap; the second piece is empty.
                [(lo, hi), (1, 0)]
            };
            for (first, last) in pieces.into_iter().filter(|(first, last)| first <= last) {
                self.program.ranges.push(ClassRange {
                    first,
                    before: size,
                });
                size += last - first + 1;
            }
        }
        if size == 0 {
            return Err(error(
                self.pattern,
                "a character class matches no character, so nothing can be generated",
            ));
        }
        let end = self.index(self.program.ranges.len())?;
        let node = if end - start == 1 {
            let first = self.program.ranges.pop().map_or(0, |range| range.first);
            Node::Range { first, size }
        } else {
            Node::Class { start, end, size }
        };
        Ok(self.push(node, Some(u128::from(size))))
    }

    fn push(&mut self, node: Node, count: Option<u128>) -> Option<u128> {
        self.program.nodes.push(node);
        self.program.counts.push(count);
        count
    }

    /// A position in one of the program's vectors as a `u32`.
    fn index(&self, position: usize) -> Result<u32, Error> {
        u32::try_from(position)
            .map_err(|_| error(self.pattern, "the pattern is too large to compile"))
    }
}

/// The number of strings of `min..=max` repetitions of a body of `body` strings:
/// the sum of `body^k`, `None` past `u128`.
fn repeat_count(body: u128, min: u32, max: u32) -> Option<u128> {
    match body {
        0 => Some(u128::from(min == 0)),
        1 => Some(u128::from(max - min) + 1),
        _ => {
            // Terms at least double, so this loop ends within 128 rounds, by overflow or `max`.
            let (mut sum, mut term) = (0u128, body.checked_pow(min)?);
            let mut times = min;
            loop {
                sum = sum.checked_add(term)?;
                if times == max {
                    return Some(sum);
                }
                times += 1;
                term = term.checked_mul(body)?;
            }
        }
    }
}
