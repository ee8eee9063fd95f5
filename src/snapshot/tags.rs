//! Interned tag and attribute names.
//!
//! The snapshot keeps only what the analysis needs, so element names and attribute names are small
//! enums instead of strings: comparing a tag is one byte, and no node allocates for its name. Tags
//! the reader never treats specially collapse into [`Tag::Other`]; attributes not listed here are not
//! kept at all (the overlay never copies page attributes it has not vetted, see `article`).

macro_rules! names {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident = $text:literal,)* } other = $other:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        $vis enum $name { $($variant,)* $other }

        impl $name {
            /// Every named variant, in declaration order (its index is its `u8` value); the
            /// catch-all, last, is left out.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)*];

            /// Looks a lower-case name up; unknown names give the catch-all variant.
            pub fn from_name(name: &str) -> Self {
                match name { $($text => Self::$variant,)* _ => Self::$other }
            }
            /// The lower-case name (`"?"` for the catch-all).
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text,)* Self::$other => "?" }
            }
        }
    };
}

names! {
    /// HTML element names the reader distinguishes.
    pub enum Tag {
        A = "a", Abbr = "abbr", Address = "address", Article = "article", Aside = "aside",
        Audio = "audio", B = "b", Base = "base", Bdi = "bdi", Bdo = "bdo", Blockquote = "blockquote",
        Body = "body", Br = "br", Button = "button", Canvas = "canvas", Caption = "caption",
        Center = "center", Cite = "cite", Code = "code", Col = "col", Colgroup = "colgroup",
        Dd = "dd", Del = "del", Details = "details", Dfn = "dfn", Dialog = "dialog", Div = "div",
        Dl = "dl", Dt = "dt", Em = "em", Embed = "embed", Fieldset = "fieldset",
        Figcaption = "figcaption", Figure = "figure", Font = "font", Footer = "footer", Form = "form",
        Frame = "frame", Frameset = "frameset", H1 = "h1", H2 = "h2", H3 = "h3", H4 = "h4",
        H5 = "h5", H6 = "h6", Head = "head", Header = "header", Hgroup = "hgroup", Hr = "hr",
        Html = "html", I = "i", Iframe = "iframe", Img = "img", Input = "input", Ins = "ins",
        Kbd = "kbd", Label = "label", Legend = "legend", Li = "li", Link = "link", Main = "main",
        Mark = "mark", Math = "math", Menu = "menu", Meta = "meta", Nav = "nav", Noscript = "noscript",
        Object = "object", Ol = "ol", Optgroup = "optgroup", Option = "option", Output = "output",
        P = "p", Param = "param", Picture = "picture", Pre = "pre", Q = "q", S = "s", Samp = "samp",
        Script = "script", Section = "section", Select = "select", Small = "small", Source = "source",
        Span = "span", Strike = "strike", Strong = "strong", Style = "style", Sub = "sub",
        Summary = "summary", Sup = "sup", Svg = "svg", Table = "table", Tbody = "tbody", Td = "td",
        Template = "template", Textarea = "textarea", Tfoot = "tfoot", Th = "th", Thead = "thead",
        Time = "time", Title = "title", Tr = "tr", Tt = "tt", U = "u", Ul = "ul", Var = "var",
        Video = "video", Wbr = "wbr",
    } other = Other
}

names! {
    /// Attributes the snapshot keeps: identity and class hints, semantics, visibility, links and
    /// media (including the lazy-loading variants), metadata and table structure.
    pub enum Attr {
        Id = "id", Class = "class", Role = "role", Itemprop = "itemprop", Itemtype = "itemtype",
        AriaHidden = "aria-hidden", AriaLabel = "aria-label", AriaLevel = "aria-level",
        Hidden = "hidden", Style = "style", Href = "href", Src = "src", Srcset = "srcset",
        Sizes = "sizes", Media = "media", Alt = "alt", Title = "title", Width = "width",
        Height = "height", Datetime = "datetime", Lang = "lang", Dir = "dir", Content = "content",
        Name = "name", Property = "property", Type = "type", Rel = "rel", Colspan = "colspan",
        Rowspan = "rowspan", Start = "start", Cite = "cite", Poster = "poster", HttpEquiv = "http-equiv",
        Charset = "charset", Scope = "scope", Loading = "loading",
        DataSrc = "data-src", DataSrcset = "data-srcset", DataOriginal = "data-original",
        DataLazySrc = "data-lazy-src", DataLazySrcset = "data-lazy-srcset", DataHiResSrc = "data-hi-res-src",
        DataFullSrc = "data-full-src", DataOrigFile = "data-orig-file", DataLargeFile = "data-large-file",
        DataUrl = "data-url", DataImage = "data-image", DataCredit = "data-credit",
        DataCaption = "data-caption", DataComponent = "data-component", DataTestid = "data-testid",
        DataE2e = "data-e2e",
        Datasrc = "datasrc", DataOriginalSrc = "data-original-src", DataLazy = "data-lazy",
        DataSrcRetina = "data-src-retina",
    } other = Unknown
}

impl Tag {
    /// `h1`..`h6` → 1..6.
    pub fn heading_level(self) -> Option<u8> {
        match self {
            Tag::H1 => Some(1), Tag::H2 => Some(2), Tag::H3 => Some(3),
            Tag::H4 => Some(4), Tag::H5 => Some(5), Tag::H6 => Some(6),
            _ => None,
        }
    }

    /// Elements whose content is never article text (scripts, styles, embedded documents, forms).
    pub fn is_never_content(self) -> bool {
        matches!(
            self,
            Tag::Script | Tag::Style | Tag::Template | Tag::Noscript | Tag::Link | Tag::Meta
                | Tag::Base | Tag::Title | Tag::Head | Tag::Iframe | Tag::Frame | Tag::Frameset
                | Tag::Object | Tag::Embed | Tag::Param | Tag::Button | Tag::Input | Tag::Select
                | Tag::Option | Tag::Optgroup | Tag::Textarea | Tag::Form | Tag::Fieldset
                | Tag::Dialog | Tag::Canvas | Tag::Svg | Tag::Math
        )
    }

    /// Block-level elements: they start a new paragraph of text.
    pub fn is_block(self) -> bool {
        matches!(
            self,
            Tag::Address | Tag::Article | Tag::Aside | Tag::Blockquote | Tag::Body | Tag::Caption
                | Tag::Center | Tag::Dd | Tag::Details | Tag::Dialog | Tag::Div | Tag::Dl | Tag::Dt
                | Tag::Fieldset | Tag::Figcaption | Tag::Figure | Tag::Footer | Tag::Form | Tag::H1
                | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Header | Tag::Hgroup
                | Tag::Hr | Tag::Html | Tag::Li | Tag::Main | Tag::Menu | Tag::Nav | Tag::Ol | Tag::P
                | Tag::Pre | Tag::Section | Tag::Summary | Tag::Table | Tag::Tbody | Tag::Td
                | Tag::Tfoot | Tag::Th | Tag::Thead | Tag::Tr | Tag::Ul | Tag::Br | Tag::Picture
                | Tag::Video | Tag::Audio | Tag::Iframe
        )
    }

    /// Void elements (no children, no closing tag).
    pub fn is_void(self) -> bool {
        matches!(
            self,
            Tag::Br | Tag::Hr | Tag::Img | Tag::Input | Tag::Meta | Tag::Link | Tag::Source
                | Tag::Col | Tag::Embed | Tag::Param | Tag::Wbr | Tag::Base
        )
    }
}
