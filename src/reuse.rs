//! [`Reuse`]: how a stage asks for a result an earlier run may have kept.
//!
//! A stage with per-item work keyed by a content hash (the analysis: what it
//! read in each brief's text, the related lists, the entities) takes a
//! `&dyn Reuse<V>` and asks it for the value under a key, saying how to make
//! it. The build's cache keeps values between runs (`cache::KeyMemo`
//! implements this); a plain run passes [`Fresh`], which keeps nothing. The
//! stage never learns where, or whether, anything is kept.

/// Values by content-hash key, made when not at hand.
pub trait Reuse<V>: Sync {
    /// The value kept under `key`, else `make()`'s (kept for the next run
    /// by an implementor that keeps anything).
    fn get_or(&self, key: u128, make: &mut dyn FnMut() -> V) -> V;

    /// The value an earlier run kept under `key`, without asking for it.
    fn previous(&self, key: u128) -> Option<V>;
}

/// Keeps nothing: every value is made.
pub struct Fresh;

impl<V> Reuse<V> for Fresh {
    fn get_or(&self, _key: u128, make: &mut dyn FnMut() -> V) -> V {
        make()
    }

    fn previous(&self, _key: u128) -> Option<V> {
        None
    }
}

/// Values by key that a stage reads from the previous run and records for
/// the next (render's page keys, brief page values): the build's cache keeps
/// them (`cache::KeyMemo`); a build without one passes none.
pub trait Keep<K, V>: Sync {
    /// The value the previous run recorded under `key`.
    fn previous(&self, key: &K) -> Option<V>;
    /// Record `value` under `key` for the next run.
    fn put(&self, key: K, value: V);
}

/// [`Keep`], changed in place: the build after an edit to a brief's text
/// alone records the few pages it remakes into the memo it read.
pub trait KeepInPlace<K, V>: Keep<K, V> {
    /// Change the value under `key` now.
    fn set(&mut self, key: K, value: V);
}
