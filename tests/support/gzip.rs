//! Hand-made gzip streams (RFC 1951/1952), so tests need no compression crate.

/// Gzip with stored (uncompressed) deflate blocks: any bytes, slightly larger on the wire.
pub fn encode_stored(data: &[u8]) -> Vec<u8> {
    const MAX_STORED_BLOCK: usize = 65_535;
    let mut deflate = Vec::with_capacity(data.len() + data.len() / MAX_STORED_BLOCK * 5 + 5);
    let mut blocks = data.chunks(MAX_STORED_BLOCK).peekable();
    if blocks.peek().is_none() {
        deflate.extend_from_slice(&[1, 0, 0, 0xff, 0xff]); // one empty final block
    }
    while let Some(block) = blocks.next() {
        let is_final = blocks.peek().is_none();
        let len = block.len() as u16;
        deflate.push(u8::from(is_final)); // BFINAL bit, BTYPE 00 = stored
        deflate.extend_from_slice(&len.to_le_bytes());
        deflate.extend_from_slice(&(!len).to_le_bytes());
        deflate.extend_from_slice(block);
    }
    wrap(deflate, crc32(data.iter().copied()), data.len())
}

/// Gzip of `len` copies of `byte` (len ≥ 1) in one fixed-Huffman block: a literal, then
/// back-references of length 258 at distance 1, then literals for the remainder. About 13
/// bits per 258 bytes, which makes a good decompression bomb.
pub fn encode_repeated(byte: u8, len: usize) -> Vec<u8> {
    assert!(len >= 1, "encode_repeated needs at least one byte");
    let mut bits = BitWriter::default();
    bits.push_value(1, 1); // BFINAL
    bits.push_value(0b01, 2); // BTYPE 01 = fixed Huffman codes
    bits.push_literal(byte);
    let copies = (len - 1) / 258;
    for _ in 0..copies {
        bits.push_code(0b1100_0101, 8); // length code 285 = 258 bytes, no extra bits
        bits.push_code(0, 5); // distance code 0 = distance 1
    }
    for _ in 0..(len - 1) % 258 {
        bits.push_literal(byte);
    }
    bits.push_code(0, 7); // end of block (code 256)
    wrap(bits.finish(), crc32(std::iter::repeat_n(byte, len)), len)
}

fn wrap(deflate: Vec<u8>, crc: u32, uncompressed_len: usize) -> Vec<u8> {
    // magic, CM=8 (deflate), no flags, no mtime, no extra flags, OS unknown
    let mut gzip = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    gzip.extend_from_slice(&deflate);
    gzip.extend_from_slice(&crc.to_le_bytes());
    gzip.extend_from_slice(&(uncompressed_len as u32).to_le_bytes()); // ISIZE is mod 2^32
    gzip
}

fn crc32(data: impl Iterator<Item = u8>) -> u32 {
    let mut table = [0u32; 256];
    for (n, entry) in table.iter_mut().enumerate() {
        *entry = (0..8).fold(n as u32, |c, _| {
            if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            }
        });
    }
    !data.fold(!0u32, |crc, byte| {
        table[((crc ^ u32::from(byte)) & 0xff) as usize] ^ (crc >> 8)
    })
}

/// Deflate packs bits from the least significant end of each byte; Huffman codes go in
/// most-significant bit first, other fields least-significant bit first.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    used_bits: u32,
}

impl BitWriter {
    fn push_bit(&mut self, bit: u32) {
        if self.used_bits.is_multiple_of(8) {
            self.bytes.push(0);
        }
        if let Some(last) = self.bytes.last_mut() {
            *last |= ((bit & 1) as u8) << (self.used_bits % 8);
        }
        self.used_bits += 1;
    }

    fn push_value(&mut self, value: u32, width: u32) {
        (0..width).for_each(|i| self.push_bit(value >> i));
    }

    fn push_code(&mut self, code: u32, width: u32) {
        (0..width).rev().for_each(|i| self.push_bit(code >> i));
    }

    /// Fixed literal codes: 0–143 are 8 bits from 0x30, 144–255 are 9 bits from 0x190.
    fn push_literal(&mut self, byte: u8) {
        match byte {
            0..=143 => self.push_code(0x30 + u32::from(byte), 8),
            _ => self.push_code(0x190 + u32::from(byte) - 144, 9),
        }
    }

    fn finish(self) -> Vec<u8> {
        self.bytes
    }
}
