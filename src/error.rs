//! Errors, as documented data: every way an analysis or the CLI can fail, with the message a person
//! sees (lower case, no trailing period, as ripgrep and mdBook do).

use crate::snapshot::Limit;
use std::fmt;

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The readerable check said this page is not an article (the overlay offers "show it anyway").
    NotAnArticle,
    /// Even when forced, no readable text was found.
    NoContent,
    /// The page is larger than the reader handles: the snapshot stopped at this size limit
    /// ([`crate::snapshot::limits`]) without reading the rest.
    TooLarge { limit: Limit },
    /// Input that could not be read (CLI): the path and the reason.
    Unreadable { path: String, reason: String },
    /// Input that is not HTML at all (binary data, empty file).
    NotHtml,
    /// The container the reader chose ([`crate::Options::container`]) is not on this page.
    ContainerNotFound,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotAnArticle => f.write_str("this page does not look like an article"),
            Error::NoContent => f.write_str("no readable text was found on this page"),
            Error::TooLarge { limit: Limit::Nodes } => {
                write!(f, "this page is too large to read (more than {} nodes)", Limit::Nodes.value())
            }
            Error::TooLarge { limit: Limit::TextBytes } => {
                write!(f, "this page is too large to read (more than {} bytes of text)", Limit::TextBytes.value())
            }
            Error::Unreadable { path, reason } => write!(f, "cannot read {path}: {reason}"),
            Error::NotHtml => f.write_str("the input is not HTML"),
            Error::ContainerNotFound => f.write_str("the chosen container is not on this page"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// A stable short code for scripts and the overlay's `error` state.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotAnArticle => "not-an-article",
            Error::NoContent => "no-content",
            Error::TooLarge { .. } => "too-large",
            Error::Unreadable { .. } => "unreadable",
            Error::NotHtml => "not-html",
            Error::ContainerNotFound => "no-container",
        }
    }
}
