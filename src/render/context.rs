//! A page's template values and its key: the values are hashed as they are
//! added, and become a Tera context only if the page must be rendered.

use serde::Serialize;
use tera::Context;

use super::links;
use super::pages::brief::BriefPageValues;
use crate::hash::Hasher;

/// A page's template values, hashed as they are added: the page's key. They
/// become a Tera context only if the page is rendered.
pub(crate) struct PageContext<'a> {
    values: Vec<(&'static str, Box<dyn ContextValue + 'a>)>,
    key: Hasher,
}

/// A value that can be put into a Tera context (object-safe `Serialize`).
pub(crate) trait ContextValue {
    fn insert_into(&self, name: &'static str, ctx: &mut Context);
}

impl<T: Serialize> ContextValue for T {
    fn insert_into(&self, name: &'static str, ctx: &mut Context) {
        ctx.insert(name, self);
    }
}

/// A value made in Tera's own form when the page is rendered. Parts that
/// many pages show (brief cards, the site view) are converted once per
/// build; a clone of a converted list or map is a reference count, where
/// inserting the Rust value would convert it again for every page.
pub(crate) struct TeraValue<F>(F);

impl<F: Fn() -> tera::Value> ContextValue for TeraValue<F> {
    fn insert_into(&self, name: &'static str, ctx: &mut Context) {
        ctx.insert_value(name, (self.0)());
    }
}

impl<'a> PageContext<'a> {
    pub(crate) fn new(theme_key: u128) -> Self {
        let mut key = Hasher::new();
        key.value(&theme_key);
        PageContext {
            values: Vec::new(),
            key,
        }
    }

    pub(crate) fn insert<T: Serialize + 'a>(&mut self, name: &'static str, value: T) {
        self.key.bytes(name.as_bytes()).value(&value);
        self.values.push((name, Box::new(value)));
    }

    /// [`PageContext::insert`] with `key` standing for `value` in the page
    /// key: for values shared by many pages (brief cards, the site view),
    /// hashed once per build rather than once per page.
    pub(crate) fn insert_keyed<T: Serialize + 'a>(
        &mut self,
        name: &'static str,
        value: T,
        key: u128,
    ) {
        self.key.bytes(name.as_bytes()).value(&key);
        self.values.push((name, Box::new(value)));
    }

    /// [`PageContext::insert_keyed`] of a value made in Tera's form
    /// (by `make`, only if the page is rendered).
    pub(crate) fn insert_tera<F: Fn() -> tera::Value + 'a>(
        &mut self,
        name: &'static str,
        make: F,
        key: u128,
    ) {
        self.key.bytes(name.as_bytes()).value(&key);
        self.values.push((name, Box::new(TeraValue(make))));
    }

    /// A page whose first values are covered by `key` (made by
    /// [`PageContext::restart_key`] in an earlier build).
    pub(crate) fn resumed(key: u128) -> Self {
        let mut hasher = Hasher::new();
        hasher.value(&key);
        PageContext {
            values: Vec::new(),
            key: hasher,
        }
    }

    /// The key of the values added so far; the page key goes on from it.
    pub(crate) fn restart_key(&mut self) -> u128 {
        let key = self.key.finish();
        self.key = Hasher::new();
        self.key.value(&key);
        key
    }

    /// A value that the key already covers ([`PageContext::resumed`]).
    pub(crate) fn insert_covered<T: Serialize + 'a>(&mut self, name: &'static str, value: T) {
        self.values.push((name, Box::new(value)));
    }

    /// The values of [`BriefPageValues`], covered by its key.
    pub(crate) fn insert_brief_values(&mut self, v: &BriefPageValues) {
        self.insert_covered("people", v.people.clone());
        self.insert_covered("figure_facts", v.figure_facts.clone());
        self.insert_covered("date_facts", v.date_facts.clone());
        self.insert_covered("brief", v.brief.clone());
        self.insert_covered("key_points", v.key_points.clone());
        self.insert_covered("related", v.related.clone());
        self.insert_covered("story", v.story.clone());
    }

    /// The site-wide values and the page's own; returns the key with
    /// everything but a brief body.
    pub(crate) fn seal(
        &mut self,
        site: &tera::Value,
        site_key: u128,
        template: &str,
        meta: &PageMeta,
    ) -> Hasher {
        let site = site.clone();
        self.insert_tera("site", move || site.clone(), site_key);
        self.insert("root", links::root_prefix(&meta.path));
        self.key.bytes(template.as_bytes()).value(meta);
        self.key.clone()
    }

    pub(crate) fn into_context(self) -> Context {
        let mut ctx = Context::new();
        for (name, value) in &self.values {
            value.insert_into(name, &mut ctx);
        }
        ctx
    }
}

/// A template value made by `F` only when the page renders (serialised into
/// its context); the page key stands for it through `insert_keyed`.
pub(crate) struct Lazy<F>(pub(crate) F);

impl<T: Serialize, F: Fn() -> T> Serialize for Lazy<F> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.0)().serialize(s)
    }
}

/// `page` in every template: what the page is and where.
#[derive(Serialize)]
pub(crate) struct PageMeta {
    pub(crate) kind: &'static str,
    pub(crate) title: String,
    pub(crate) path: String,
    pub(crate) description: String,
}
