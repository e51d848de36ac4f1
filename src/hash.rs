//! Content hashes: [`Hasher`] (xxh3-128 over the postcard form of any
//! serialisable value) and [`hash_bytes`]. Keys of pages and memo entries,
//! and the output manifest's file hashes. Not the cache: any stage may say
//! what its output depends on without knowing where that is kept.

use serde::Serialize;

/// Streaming 128-bit hash of anything serialisable: the key of a page's inputs.
#[derive(Default, Clone)]
pub struct Hasher {
    state: xxhash_rust::xxh3::Xxh3,
    /// Small writes gathered before they reach the hash: serialising a
    /// value writes a few bytes at a time, and each update has a cost.
    pending: Vec<u8>,
}

/// Pending bytes beyond which they are hashed.
const HASHER_BUFFER: usize = 16 * 1024;

impl Hasher {
    /// A fresh hasher.
    pub fn new() -> Self {
        Hasher::default()
    }

    /// Feed raw bytes.
    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.pending
            .extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        if bytes.len() >= HASHER_BUFFER {
            self.flush_pending();
            self.state.update(bytes);
        } else {
            self.pending.extend_from_slice(bytes);
            self.flush_if_full();
        }
        self
    }

    /// Feed a value by its serialised form (postcard: compact, deterministic).
    pub fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> &mut Self {
        if postcard::to_io(value, &mut self.pending).is_err() {
            // Not reachable with the types we hash (tests run with debug
            // assertions); never let a value go unhashed silently.
            debug_assert!(false, "a page value could not be serialised for its key");
            self.pending.extend_from_slice(b"\xffunserialisable");
        }
        self.flush_if_full();
        self
    }

    /// The hash of everything fed.
    pub fn finish(&self) -> u128 {
        let mut state = self.state.clone();
        state.update(&self.pending);
        state.digest128()
    }

    fn flush_if_full(&mut self) {
        if self.pending.len() >= HASHER_BUFFER {
            self.flush_pending();
        }
    }

    fn flush_pending(&mut self) {
        self.state.update(&self.pending);
        self.pending.clear();
    }
}

/// Bytes written to a hasher go into the hash as they come (no length
/// prefix): the key of a file by its bytes, made without holding them.
impl std::io::Write for Hasher {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        self.flush_if_full();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// xxh3-128 of `bytes`.
pub fn hash_bytes(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}
