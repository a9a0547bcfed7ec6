//! A small stable hash (FNV-1a, 64 bits) for change detection and generated ids. Not for
//! security: it only has to be the same on every machine and in every version of Rust.

#[derive(Debug, Clone, Copy)]
pub struct Fingerprint(u64);

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }
}

impl Fingerprint {
    pub fn new() -> Fingerprint {
        Fingerprint::default()
    }

    pub fn bytes(mut self, bytes: &[u8]) -> Fingerprint {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
        self
    }

    /// Adds a field and a separator, so ("ab", "c") and ("a", "bc") differ.
    pub fn field(self, text: Option<&str>) -> Fingerprint {
        match text {
            Some(text) => self.bytes(text.as_bytes()).bytes(&[0]),
            None => self.bytes(&[1, 0]),
        }
    }

    pub fn finish(self) -> u64 {
        self.0
    }

    pub fn hex(self) -> String {
        format!("{:016x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Fingerprint;

    #[test]
    fn known_vectors_and_field_separation() {
        assert_eq!(
            Fingerprint::new().bytes(b"a").finish(),
            0xaf63_dc4c_8601_ec8c
        );
        let ab_c = Fingerprint::new()
            .field(Some("ab"))
            .field(Some("c"))
            .finish();
        let a_bc = Fingerprint::new()
            .field(Some("a"))
            .field(Some("bc"))
            .finish();
        assert_ne!(ab_c, a_bc);
        assert_ne!(
            Fingerprint::new().field(None).finish(),
            Fingerprint::new().field(Some("")).finish()
        );
    }
}
