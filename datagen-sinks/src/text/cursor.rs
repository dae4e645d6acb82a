//! Short copies as fixed-size blocks: a block of a constant size is copied with a few vector
//! moves the compiler inlines, then cut back to the bytes wanted, instead of a call to `memcpy`
//! for every few bytes of a key or value. [`RowBuf`] gathers a row in a buffer on the stack,
//! with one bounds check a copy, and hands it to the output `Vec` in one copy.

/// The most bytes copied as one block.
pub(crate) const WINDOW: usize = 32;

/// Appends the first `len` bytes of `block` (`len <= N`).
#[inline(always)]
pub(crate) fn put<const N: usize>(out: &mut Vec<u8>, block: &[u8; N], len: usize) {
    let at = out.len();
    out.extend_from_slice(block);
    out.truncate(at + len);
}

/// `bytes` (4 to [`WINDOW`] of them) at the start of a block, gathered by two overlapping
/// fixed-size copies; `None` for other lengths.
#[inline(always)]
fn short_block(bytes: &[u8]) -> Option<[u8; WINDOW]> {
    let n = bytes.len();
    let mut block = [0u8; WINDOW];
    if (16..=WINDOW).contains(&n) {
        block[..16].copy_from_slice(&bytes[..16]);
        block[n - 16..n].copy_from_slice(&bytes[n - 16..]);
    } else if (8..16).contains(&n) {
        block[..8].copy_from_slice(&bytes[..8]);
        block[n - 8..n].copy_from_slice(&bytes[n - 8..]);
    } else if (4..8).contains(&n) {
        block[..4].copy_from_slice(&bytes[..4]);
        block[n - 4..n].copy_from_slice(&bytes[n - 4..]);
    } else {
        return None;
    }
    Some(block)
}

/// The bytes a [`RowBuf`] holds (rows are handed on whenever it fills).
const ROW_BUF: usize = 4096;

/// A row being written: gathered on the stack, handed to the output by [`RowBuf::flush`].
pub(crate) struct RowBuf {
    /// The bytes gathered; those past `pos` are left over.
    buf: [u8; ROW_BUF],
    /// How many bytes are gathered.
    pos: usize,
}

impl RowBuf {
    /// An empty buffer.
    pub(crate) fn new() -> Self {
        Self {
            buf: [0; ROW_BUF],
            pos: 0,
        }
    }

    /// Gathers the first `len` bytes of `block` (`len <= N <= 4096`), first handing what is
    /// gathered to `out` when the block does not fit.
    #[inline(always)]
    pub(crate) fn put<const N: usize>(&mut self, out: &mut Vec<u8>, block: &[u8; N], len: usize) {
        if self.pos + N > ROW_BUF {
            self.flush(out);
        }
        self.buf[self.pos..self.pos + N].copy_from_slice(block);
        self.pos += len;
    }

    /// Gathers `src[start..end]`: as one block when `src` has [`WINDOW`] bytes from `start` on.
    #[inline(always)]
    pub(crate) fn put_range(&mut self, out: &mut Vec<u8>, src: &[u8], start: usize, end: usize) {
        let len = end - start;
        if len <= WINDOW
            && let Some(block) = src.get(start..).and_then(<[u8]>::first_chunk::<WINDOW>)
        {
            self.put(out, block, len);
        } else {
            self.put_slice(out, &src[start..end]);
        }
    }

    /// Gathers `bytes` of any length (too long ones go to `out` straight).
    #[inline]
    pub(crate) fn put_slice(&mut self, out: &mut Vec<u8>, bytes: &[u8]) {
        if bytes.len() > ROW_BUF - self.pos {
            self.flush(out);
            out.extend_from_slice(bytes);
            return;
        }
        self.buf[self.pos..self.pos + bytes.len()].copy_from_slice(bytes);
        self.pos += bytes.len();
    }

    /// Gathers `bytes`; up to [`WINDOW`] of them as one block.
    #[inline(always)]
    pub(crate) fn put_short(&mut self, out: &mut Vec<u8>, bytes: &[u8]) {
        match short_block(bytes) {
            Some(block) => self.put(out, &block, bytes.len()),
            None => self.put_slice(out, bytes),
        }
    }

    /// Hands what is gathered to `out`: at the end of a row, and before a value is written
    /// to `out` straight.
    #[inline]
    pub(crate) fn flush(&mut self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.buf[..self.pos]);
        self.pos = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::{ROW_BUF, RowBuf, put};

    #[test]
    fn puts_the_start_of_a_block() {
        let mut out = b"pre".to_vec();
        put(&mut out, b"abcdef", 3);
        put(&mut out, b"xy", 2);
        assert_eq!(out, b"preabcxy");
    }

    #[test]
    fn a_row_buffer_hands_on_what_it_gathers_in_order() {
        let text: Vec<u8> = (0..10_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        let mut out = b"pre".to_vec();
        let mut want = b"pre".to_vec();
        let mut row = RowBuf::new();
        // Enough to fill the buffer several times, and one value longer than it.
        for n in (0..=40)
            .chain([ROW_BUF + 10, 3, ROW_BUF - 1])
            .cycle()
            .take(400)
        {
            row.put_short(&mut out, &text[..n]);
            row.put_range(&mut out, &text, 10_000 - n, 10_000);
            row.put(&mut out, b"xyz\0\0", 3);
            want.extend_from_slice(&text[..n]);
            want.extend_from_slice(&text[10_000 - n..]);
            want.extend_from_slice(b"xyz");
        }
        row.flush(&mut out);
        assert_eq!(out, want);
    }
}
