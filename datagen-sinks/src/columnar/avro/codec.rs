//! The block codecs of Avro container files: `null`, `deflate`, `snappy` and `zstandard`.
//!
//! `--compress` picks the codec: none gives `null` (what Avro writers default to), `gzip`
//! gives `deflate` (raw deflate, as the specification says), `snappy` gives `snappy` (a raw
//! snappy block followed by the big-endian CRC-32 of the uncompressed data) and `zstd` gives
//! `zstandard` (level 3).

use std::io::{self, Write};

use crate::format::Compression;

/// The zstd level of the `zstandard` codec.
const ZSTD_LEVEL: i32 = 3;

/// How blocks are compressed.
pub(crate) enum Codec {
    /// Stored as they are.
    Null,
    /// Raw deflate.
    Deflate,
    /// Raw snappy and a CRC-32.
    Snappy(Box<snap::raw::Encoder>),
    /// Zstandard frames.
    Zstd(Box<zstd::bulk::Compressor<'static>>),
}

impl Codec {
    /// The codec of `--compress`.
    ///
    /// # Errors
    /// When the zstd compressor cannot be made.
    pub(crate) fn new(compression: Option<Compression>) -> io::Result<Self> {
        Ok(match compression {
            None => Codec::Null,
            Some(Compression::Gzip) => Codec::Deflate,
            Some(Compression::Snappy) => Codec::Snappy(Box::new(snap::raw::Encoder::new())),
            Some(Compression::Zstd) => {
                Codec::Zstd(Box::new(zstd::bulk::Compressor::new(ZSTD_LEVEL)?))
            }
        })
    }

    /// The codec's name in the file header (`avro.codec`).
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Codec::Null => "null",
            Codec::Deflate => "deflate",
            Codec::Snappy(_) => "snappy",
            Codec::Zstd(_) => "zstandard",
        }
    }

    /// The compressed form of `block`; `None` for the `null` codec (the block as it is).
    ///
    /// # Errors
    /// When compression fails.
    pub(crate) fn compress(&mut self, block: &[u8]) -> io::Result<Option<Vec<u8>>> {
        Ok(match self {
            Codec::Null => None,
            Codec::Deflate => {
                let mut encoder = flate2::write::DeflateEncoder::new(
                    Vec::with_capacity(block.len() / 4),
                    flate2::Compression::default(),
                );
                encoder.write_all(block)?;
                Some(encoder.finish()?)
            }
            Codec::Snappy(encoder) => {
                let mut packed = vec![0; snap::raw::max_compress_len(block.len()) + 4];
                let n = encoder
                    .compress(block, &mut packed)
                    .map_err(io::Error::other)?;
                packed.truncate(n);
                packed.extend_from_slice(&crc32fast::hash(block).to_be_bytes());
                Some(packed)
            }
            Codec::Zstd(compressor) => Some(compressor.compress(block)?),
        })
    }
}
