//! Every lexicon, weight and threshold of the quotes stage, in one table.
//!
//! Sources: the reporting-verb, trigger and frame lists follow the field notes on quotation
//! extraction (PARC 3.0 attribution verbs; the Gender Gap Tracker's verb list; Quootstrap's bootstrapped
//! patterns), reduced to the forms that news copy actually uses; the Chinese lists were read off BBC
//! 中文, 新华社 and 联合早报 copy; the weights were set on the labelled set in `tests/labels/quotes/`
//! (held-out pages were not used for tuning). Lists are matched case-insensitively on whole words
//! (Latin/Cyrillic) or as substrings (Han, kana).

use crate::words::{words, Words};

// ---------------------------------------------------------------------------------------------
// 1. Lengths and caps
// ---------------------------------------------------------------------------------------------

/// A quote longer than this (characters) is a stray mark swallowing text, not speech (notes: ~1,500).
pub const MAX_QUOTE_CHARS: usize = 1500;
/// Characters of context read before and after a quote for its attribution (a sentence is rarely
/// longer; the cap keeps pathological pages linear).
pub const MAX_CONTEXT_CHARS: usize = 600;
/// Quoted spans read per article (transcripts and broken pages can have thousands).
pub const MAX_CANDIDATES: usize = 400;
/// Latin-script quotes with fewer words than this and no adjacent reporting verb are terms or scare
/// quotes (notes: "fewer than 4 words").
pub const MIN_SPEECH_WORDS: usize = 4;
/// Han quotes up to this many characters, without sentence punctuation, need a reporting verb right
/// next to them to count as (partial) speech (notes: "≤ 6 Han characters").
pub const MAX_CJK_TERM_CHARS: usize = 6;
/// A Han quote is a whole clause (key) from this many characters, or from
/// [`MIN_CJK_KEY_CHARS_PUNCT`] when it carries clause punctuation (seed: 22–45 character key quotes).
pub const MIN_CJK_KEY_CHARS: usize = 16;
/// See [`MIN_CJK_KEY_CHARS`].
pub const MIN_CJK_KEY_CHARS_PUNCT: usize = 10;
/// A Latin quote that starts lowercase (embedded in the reporter's sentence) is a whole clause only
/// from this many words and with a sentence break inside.
pub const MIN_EMBEDDED_KEY_WORDS: usize = 10;
/// Words between a reporting verb and a following quote for a whole-clause attribution
/// ("X said in a statement on Monday: “…”").
pub const MAX_VERB_GAP_KEY: usize = 7;
/// Same, for a fragment inside the clause ("X said it was “distressing”").
pub const MAX_VERB_GAP_PARTIAL: usize = 16;
/// Words after a quote within which the attribution's verb must come (“…,” the source, who …, told).
pub const MAX_AFTER_WORDS: usize = 22;
/// Paragraphs back that a pronoun may look for its speaker (notes: current and previous two).
pub const PRONOUN_PARAGRAPHS: usize = 4;
/// List items shorter than this (words) are link lists and related headlines, not article text.
pub const MIN_LIST_ITEM_WORDS: usize = 15;
/// Words after which a capitalised name is an object, not a possible antecedent of he/she
/// (prepositions and the commonest transitive verbs of news copy).
pub const NOT_SUBJECT_BEFORE: Words = words![
    "against", "of", "to", "in", "on", "at", "for", "with", "by", "from", "about", "into", "over", "under",
    "than", "between", "toward", "towards", "via", "without", "thanked", "met", "visited", "called", "named",
    "replaced", "succeeded", "defeated", "criticised", "criticized", "praised", "blamed", "accused",
];
/// Key quotes per speaker before the rest of that speaker's quotes go after everyone else's.
pub const MAX_TOP_PER_SPEAKER: usize = 2;
/// Token overlap above which two quotes are the same quote (pull quote vs body, repeats).
pub const DUPLICATE_OVERLAP: f32 = 0.8;

// ---------------------------------------------------------------------------------------------
// 2. Attribution confidences (how sure each rule is; first match wins)
// ---------------------------------------------------------------------------------------------

/// “…,” X said / X said: “…” — verb and speaker right next to the quote.
pub const CONF_ADJACENT: f32 = 0.95;
/// The verb is in the same clause but a few words away.
pub const CONF_NEAR: f32 = 0.85;
/// according to X / 据X / selon X / laut X / по словам X.
pub const CONF_SOURCE: f32 = 0.85;
/// X: “…” (colon lead-in without verb).
pub const CONF_COLON: f32 = 0.7;
/// A later quote in the same paragraph, or a quote-only paragraph after an attributed one.
pub const CONF_INHERIT: f32 = 0.75;
/// A quote-only paragraph with no attribution at all: the person the article was just quoting or
/// naming (news convention: an unattributed quote continues the current speaker).
pub const CONF_RECENT: f32 = 0.6;
/// The subject of the sentence (a known name at a clause start) when the verb has no subject.
pub const CONF_SUBJECT: f32 = 0.7;
/// Multiplier for a pronoun resolved to a named speaker.
pub const PRONOUN_FACTOR: f32 = 0.9;
/// Minimum confidence for a quote to be listed as key.
pub const MIN_KEY_CONFIDENCE: f32 = 0.5;

// ---------------------------------------------------------------------------------------------
// 3. Ranking weights (score = Σ weight × feature in 0..1, minus penalties)
// ---------------------------------------------------------------------------------------------

pub const W_CONFIDENCE: f32 = 0.40;
/// Inverted pyramid: earlier quotes matter more.
pub const W_POSITION: f32 = 0.20;
/// Length in the sweet spot (notes: 12–45 words, 20–90 Han characters).
pub const W_LENGTH: f32 = 0.20;
/// Words not used elsewhere in the article (the reporter's narration repeats the topic words).
pub const W_DISTINCT: f32 = 0.10;
/// Shares words with the headline.
pub const W_HEADLINE: f32 = 0.10;
/// An editor repeated it as a pull quote (blockquote duplicating body text).
pub const BONUS_PULL_QUOTE: f32 = 0.25;
/// Boilerplate ("declined to comment") and mostly-numeric quotes.
pub const PENALTY_BOILERPLATE: f32 = 0.5;
/// Ideal lengths, see [`W_LENGTH`].
pub const IDEAL_WORDS: (usize, usize) = (12, 45);
/// See [`W_LENGTH`].
pub const IDEAL_HAN: (usize, usize) = (20, 90);

// ---------------------------------------------------------------------------------------------
// 4. Latin-script and Cyrillic lexicons (per language)
// ---------------------------------------------------------------------------------------------

/// Grammatical gender of a person (from honorifics and pronouns).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    /// Plural or unknown ("they", "它们").
    Plural,
}

/// The reporting lexicon of one language.
pub struct Lexicon {
    /// Strong reporting verbs, every inflection (English: PARC/GGT list; notes § Reporting verbs).
    pub verbs: Words,
    /// Weak verbs: attribute only when right next to the quote or with a colon.
    pub weak_verbs: Words,
    /// Subject pronouns with gender (neutral ones resolve to any speaker).
    pub pronouns: &'static [(&'static str, Option<Gender>)],
    /// "according to X": word sequences followed by the source.
    pub sources: Words,
    /// "X zufolge": the source before the word.
    pub sources_after: Words,
    /// Words allowed between subject and verb (adverbs, auxiliaries: "also", "a", "hat").
    pub skip: Words,
    /// Determiners that start a descriptive subject ("the spokesman", "a senior source").
    pub determiners: Words,
    /// Capitalised words that start sentences but are not names.
    pub not_names: Words,
    /// Bare plural people-nouns that are subjects on their own ("police said").
    pub people: Words,
    /// Words before a quote that make it a term, not speech ("so-called").
    pub term_triggers: Words,
    /// Honorifics with the gender they give.
    pub honorifics: &'static [(&'static str, Option<Gender>)],
    /// Titles stripped from names when mapping short names to long ones.
    pub titles: Words,
    /// Boilerplate non-answers (penalised in ranking).
    pub boilerplate: Words,
}

pub static EN: Lexicon = Lexicon {
    verbs: words![
        "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added", "ask",
        "asks", "asked", "reply", "replies", "replied", "respond", "responds", "responded", "answer",
        "answered", "explain", "explains", "explained", "note", "notes", "noted", "write", "writes", "wrote",
        "state", "states", "stated", "declare", "declares", "declared", "announce", "announced", "insist",
        "insists", "insisted", "argue", "argues", "argued", "claim", "claims", "claimed", "warn", "warns",
        "warned", "admit", "admits", "admitted", "acknowledge", "acknowledged", "confirm", "confirmed",
        "deny", "denied", "recall", "recalls", "recalled", "remark", "remarked", "comment", "commented",
        "continue", "continued", "conclude", "concluded", "stress", "stressed", "emphasise", "emphasised",
        "emphasize", "emphasized", "urge", "urged", "predict", "predicted", "promise", "promised", "vow",
        "vowed", "quip", "quipped", "joke", "joked", "exclaim", "exclaimed", "shout", "shouted", "tweet",
        "tweeted", "posted", "testify", "testified", "concede", "conceded", "complain", "complained",
        "suggest", "suggested", "maintain", "maintained", "contend", "contended", "assert", "asserted",
        "allege", "alleged", "recount", "recounted", "observe", "observed", "pointed", "points",
        "wondered", "cautioned", "boasted", "lamented", "mused", "added", "reiterated", "agreed",
        "countered", "acknowledges", "describes", "described", "reported", "reports", "intimated",
        "whispered", "yelled", "cried", "screamed", "snapped", "laughed", "sighed", "murmured",
        "demanded", "begged", "pleaded", "instructed", "explains", "recalls", "added", "wrote", "quipped",
        "written", "texted", "emailed", "messaged", "replied", "responds", "retorted", "noting", "adding", "insisting", "warning",
        "telling", "explaining", "arguing", "announces", "confirms", "denies", "urges", "stresses", "warns",
    ],
    weak_verbs: words!["think", "thinks", "thought", "believe", "believes", "believed", "feel", "feels", "felt", "hope", "hopes", "hoped", "fear", "fears", "feared", "worry", "worries", "worried", "estimate", "estimated", "estimates", "called", "calls", "put"],
    pronouns: &[("he", Some(Gender::Male)), ("she", Some(Gender::Female)), ("they", Some(Gender::Plural)), ("it", Some(Gender::Plural)), ("i", None), ("we", Some(Gender::Plural))],
    sources: words!["according to", "in the words of"],
    sources_after: words![],
    skip: words!["also", "later", "then", "previously", "recently", "once", "again", "further", "repeatedly", "simply", "just", "has", "have", "had", "had", "would", "will", "did", "does", "quickly", "flatly", "publicly", "privately", "separately", "earlier", "first", "last", "still", "often", "has", "reportedly", "subsequently", "initially"],
    determiners: words!["the", "a", "an", "his", "her", "their", "its", "one", "another", "some", "many", "several", "two", "three", "other", "our", "my"],
    not_names: words![
        "but", "and", "yet", "so", "still", "however", "then", "meanwhile", "also", "now", "in", "on", "at",
        "the", "a", "an", "as", "when", "while", "after", "before", "if", "this", "that", "these", "those",
        "it", "he", "she", "they", "we", "i", "you", "there", "here", "for", "with", "from", "by", "to",
        "of", "speaking", "asked", "writing", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "last", "later", "earlier", "since", "although", "though", "because",
        "instead", "indeed", "today", "yesterday", "tonight", "according", "even", "or", "nor", "not",
    ],
    people: words![
        "police", "officials", "authorities", "experts", "analysts", "residents", "witnesses", "prosecutors",
        "investigators", "researchers", "scientists", "critics", "sources", "doctors", "lawyers", "economists",
        "organizers", "organisers", "officers", "activists", "protesters", "supporters", "opponents",
        "democrats", "republicans", "aides", "advisers", "advisors", "diplomats", "scholars", "historians",
        "parents", "students", "teachers", "locals", "villagers", "fans", "players", "executives",
        "spokesman", "spokeswoman", "spokesperson", "statement",
    ],
    term_triggers: words![
        "so-called", "so called", "dubbed", "known as", "called", "termed", "nicknamed", "titled", "entitled",
        "the word", "the term", "the phrase", "named", "labelled", "labeled", "coined", "branded",
        "referred to as", "billed as", "labelling", "labeling", "label", "labels", "brand", "branding", "marked", "stamped", "signs reading", "the words", "headlined",
        "hashtag", "slogan", "motto",
    ],
    honorifics: &[
        ("mr", Some(Gender::Male)), ("mr.", Some(Gender::Male)), ("mrs", Some(Gender::Female)),
        ("mrs.", Some(Gender::Female)), ("ms", Some(Gender::Female)), ("ms.", Some(Gender::Female)),
        ("miss", Some(Gender::Female)), ("sir", Some(Gender::Male)), ("lady", Some(Gender::Female)),
        ("dame", Some(Gender::Female)), ("lord", Some(Gender::Male)), ("dr", None), ("dr.", None),
        ("prof", None), ("prof.", None), ("professor", None), ("king", Some(Gender::Male)),
        ("queen", Some(Gender::Female)), ("prince", Some(Gender::Male)), ("princess", Some(Gender::Female)),
    ],
    titles: words![
        "president", "prime", "minister", "senator", "sen.", "rep.", "gov.", "governor", "mayor", "judge",
        "justice", "secretary", "general", "gen.", "chancellor", "pope", "chief", "representative",
        "officer", "detective", "sgt.", "captain", "capt.", "coach", "rev.", "father", "sister", "brother",
        "former", "vice", "deputy", "ambassador", "commissioner", "director", "inspector", "superintendent",
        "sheriff", "attorney", "lt.", "col.", "maj.", "adm.", "speaker", "leader", "premier", "dr", "dr.",
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "lord", "lady", "professor", "prof.",
        "president-elect", "candidate", "chairman", "chairwoman", "ceo", "founder", "co-founder", "head",
        "minister", "foreign", "defence", "defense", "state", "us", "u.s.", "uk", "labour", "tory",
        "democratic", "republican", "conservative", "mp", "congressman", "congresswoman", "assemblyman",
        "councilman", "councilwoman", "councillor", "dean", "editor", "correspondent",
    ],
    boilerplate: words![
        "declined to comment", "did not respond", "didn't respond", "could not be reached", "no comment",
        "did not immediately respond", "not available for comment", "declined to be interviewed",
    ],
};

pub static FR: Lexicon = Lexicon {
    verbs: words![
        "dit", "déclaré", "déclare", "affirmé", "affirme", "ajouté", "ajoute", "expliqué", "explique",
        "estimé", "estime", "souligné", "souligne", "assuré", "assure", "indiqué", "indique", "précisé",
        "précise", "confié", "confie", "lancé", "lance", "insisté", "insiste", "rappelé", "rappelle",
        "reconnu", "reconnaît", "répondu", "répond", "écrit", "dit-il", "dit-elle", "déclare-t-il",
        "a-t-il", "a-t-elle", "ajoute-t-il", "ajoute-t-elle", "explique-t-il", "explique-t-elle",
        "estime-t-il", "estime-t-elle", "confie-t-il", "confie-t-elle", "lance-t-il", "lance-t-elle",
    ],
    weak_verbs: words!["pense", "pensé", "croit", "cru"],
    pronouns: &[("il", Some(Gender::Male)), ("elle", Some(Gender::Female)), ("ils", Some(Gender::Plural)), ("elles", Some(Gender::Plural))],
    sources: words!["selon", "d'après", "d’après", "pour"],
    sources_after: words![],
    skip: words!["a", "ont", "avait", "aussi", "encore", "également", "lui", "t", "-t-il", "-t-elle"],
    determiners: words!["le", "la", "les", "un", "une", "l'", "son", "sa", "ses"],
    not_names: words!["le", "la", "les", "et", "mais", "il", "elle", "pour", "selon", "dans", "en", "un", "une", "ce", "cette"],
    people: words!["policiers", "experts", "analystes", "responsables", "habitants", "témoins", "syndicats"],
    term_triggers: words!["dit", "baptisé", "baptisée", "surnommé", "surnommée", "appelé", "appelée", "intitulé", "intitulée", "qualifié de", "nommé", "nommée"],
    honorifics: &[("m.", Some(Gender::Male)), ("mme", Some(Gender::Female)), ("mlle", Some(Gender::Female))],
    titles: words!["président", "ministre", "m.", "mme", "premier", "maire", "député", "sénateur"],
    boilerplate: words!["pas souhaité", "n'a pas répondu", "refusé de commenter"],
};

pub static DE: Lexicon = Lexicon {
    verbs: words![
        "sagt", "sagte", "sagten", "gesagt", "erklärt", "erklärte", "betont", "betonte", "meint", "meinte",
        "ergänzt", "ergänzte", "fügte", "warnt", "warnte", "kritisiert", "kritisierte", "fordert", "forderte",
        "räumte", "teilte", "schreibt", "schrieb", "antwortet", "antwortete", "so", "sagt", "erzählt",
        "erzählte", "berichtet", "berichtete", "unterstrich", "versicherte",
    ],
    weak_verbs: words!["glaubt", "glaubte", "findet", "fand"],
    pronouns: &[("er", Some(Gender::Male)), ("sie", None)],
    sources: words!["laut", "nach angaben von", "wie"],
    sources_after: words!["zufolge"],
    skip: words!["hat", "hatte", "auch", "noch", "dazu", "am", "gegenüber", "dem", "der"],
    determiners: words!["der", "die", "das", "ein", "eine", "sein", "seine", "ihr", "ihre"],
    not_names: words!["der", "die", "das", "und", "aber", "er", "sie", "es", "ein", "eine", "laut", "in", "im", "am", "so", "wie"],
    people: words!["experten", "polizei", "behörden", "kritiker", "anwohner", "zeugen", "ermittler"],
    term_triggers: words!["sogenannte", "sogenannten", "sogenannter", "so genannte", "so genannten", "genannt", "genannte", "namens", "titel", "bezeichnet"],
    honorifics: &[("herr", Some(Gender::Male)), ("frau", Some(Gender::Female))],
    titles: words!["bundeskanzler", "bundeskanzlerin", "kanzler", "kanzlerin", "präsident", "präsidentin", "minister", "ministerin", "herr", "frau", "dr.", "prof."],
    boilerplate: words!["wollte sich nicht äußern", "keinen kommentar"],
};

pub static ES: Lexicon = Lexicon {
    verbs: words![
        "dijo", "dice", "decía", "afirmó", "afirma", "aseguró", "asegura", "declaró", "declara", "explicó",
        "explica", "señaló", "señala", "indicó", "indica", "añadió", "añade", "agregó", "agrega", "sostuvo",
        "sostiene", "manifestó", "subrayó", "destacó", "destaca", "advirtió", "advierte", "reconoció",
        "apuntó", "precisó", "insistió", "comentó", "escribió", "escribe", "contó", "relató",
    ],
    weak_verbs: words!["cree", "creyó", "opina", "opinó"],
    pronouns: &[("él", Some(Gender::Male)), ("ella", Some(Gender::Female)), ("ellos", Some(Gender::Plural))],
    sources: words!["según", "de acuerdo con", "en palabras de"],
    sources_after: words![],
    skip: words!["ha", "había", "también", "además", "luego", "le", "les"],
    determiners: words!["el", "la", "los", "las", "un", "una", "su", "sus"],
    not_names: words!["el", "la", "los", "las", "y", "pero", "según", "en", "un", "una", "para", "con"],
    people: words!["expertos", "analistas", "autoridades", "vecinos", "testigos", "fuentes"],
    term_triggers: words!["denominado", "denominada", "llamado", "llamada", "conocido como", "conocida como", "apodado", "apodada", "bautizado", "titulado", "titulada", "el término"],
    honorifics: &[("sr.", Some(Gender::Male)), ("sra.", Some(Gender::Female)), ("don", Some(Gender::Male)), ("doña", Some(Gender::Female))],
    titles: words!["presidente", "presidenta", "ministro", "ministra", "sr.", "sra.", "alcalde", "alcaldesa"],
    boilerplate: words!["declinó hacer comentarios", "no respondió"],
};

pub static RU: Lexicon = Lexicon {
    verbs: words![
        "сказал", "сказала", "сказали", "заявил", "заявила", "заявили", "отметил", "отметила", "отметили",
        "добавил", "добавила", "подчеркнул", "подчеркнула", "сообщил", "сообщила", "сообщили", "пояснил",
        "пояснила", "рассказал", "рассказала", "признал", "признала", "ответил", "ответила", "написал",
        "написала", "говорит", "говорил", "говорила", "считает", "уточнил", "уточнила", "заметил", "заметила",
    ],
    weak_verbs: words!["считает", "полагает", "думает"],
    pronouns: &[("он", Some(Gender::Male)), ("она", Some(Gender::Female)), ("они", Some(Gender::Plural))],
    sources: words!["по словам", "по мнению", "как сообщил", "как заявил", "как сказал"],
    sources_after: words![],
    skip: words!["также", "еще", "ещё", "уже", "затем", "позже", "тогда"],
    determiners: words![],
    not_names: words!["и", "но", "а", "в", "на", "по", "он", "она", "они", "это", "как"],
    people: words!["эксперты", "аналитики", "власти", "очевидцы", "свидетели", "источники"],
    term_triggers: words!["так называемый", "так называемая", "так называемые", "так называемого", "так называемой", "называемый", "под названием", "прозванный"],
    honorifics: &[("господин", Some(Gender::Male)), ("госпожа", Some(Gender::Female))],
    titles: words!["президент", "премьер", "министр", "глава", "господин", "госпожа"],
    boilerplate: words!["отказался от комментариев", "отказалась от комментариев"],
};

// ---------------------------------------------------------------------------------------------
// 5. Chinese lexicon (notes § Reporting verbs; BBC 中文 usage)
// ---------------------------------------------------------------------------------------------

/// Strong reporting verbs, longest first so that 表示 wins over 示 and 指出 over 指.
pub const ZH_VERBS: Words = words![
    "发文称", "留言称", "分析指", "分析称", "笑称", "直指", "声称", "宣称", "表示", "指出", "强调", "透露", "介绍",
    "坦言", "直言", "坦承", "承认", "否认", "告诉", "写道", "回应", "回答", "答道", "问道", "反问", "补充",
    "解释", "重申", "警告", "提到", "谈到", "宣布", "呼吁", "批评", "抨击", "指责", "感叹", "说道", "报道",
    "引述", "援引", "称", "说", "指", "道",
];
/// Weak verbs: attribute, but not as strongly (认为 "believes", 形容 "describes as").
pub const ZH_WEAK_VERBS: Words = words!["认为", "相信", "预计", "形容", "描述", "评价", "分析", "建议", "要求", "敦促", "感谢", "希望", "誓言"];
/// Verbs of one character only count when punctuation or a quote follows (说，/ 称： / 指“).
pub const ZH_SINGLE_VERBS: Words = words!["称", "说", "指", "道"];
/// Words that look like verbs but name or title things (称为 "is called", 堪称 "can be called").
pub const ZH_NOT_VERBS: Words = words!["称为", "称之为", "号称", "俗称", "简称", "堪称", "被称", "指挥", "指导", "指标", "指数", "手指", "说明书", "小说", "传说", "据说", "听说", "称号", "称呼", "名称", "职称", "宣称为", "报道称"];
/// Words before a quote that make it a term or a name (notes § Speech or not).
pub const ZH_TERM_TRIGGERS: Words = words!["所谓", "被称为", "称之为", "称为", "号称", "俗称", "简称", "被誉为", "堪称", "名为", "称作", "叫做", "题为", "代号", "签署了", "签署", "签订", "名叫", "命名为", "打出", "口号", "标语", "主题为", "称号"];
/// A short quote ending with one of these is the name of an agreement, plan, programme or body.
pub const ZH_TERM_SUFFIXES: Words = words!["协议", "协定", "条约", "计划", "法案", "法", "节目", "行动", "战略", "政策", "倡议", "宣言", "主义", "组织", "会议", "论坛", "工程", "项目", "系统", "模式", "奖", "节", "报告", "运动", "制度"];
/// Frames that precede a verb and are cut off the speaker span (在…时, 接受…采访时, 对…说).
pub const ZH_FRAME_STARTS: Words = words!["在", "接受", "对", "向", "于", "通过", "透过", "就", "当", "面对", "回应"];
/// Adverbs and conjunctions trimmed from either end of a speaker span.
pub const ZH_ADVERBS: Words = words![
    "但是", "但", "而且", "而", "并且", "并", "同时", "此外", "另外", "也", "还", "则", "又", "更", "曾经", "曾", "已经", "当时",
    "随后", "再次", "亦", "进一步", "高度", "公开", "明确", "直接", "首先", "最后", "特别", "多次", "一再", "再度",
    "早前", "此前", "日前", "近日", "昨日", "今天", "昨天", "其后", "后来", "不过", "因此", "所以", "甚至", "就",
    "都", "均", "便", "即", "则是", "对此", "事后", "稍后", "之后", "较早前", "向来", "一贯", "始终", "坦白", "强硬",
];
/// Role words: a speaker span ending in one of these keeps the name after the last one
/// (中国外交部发言人林剑 → role 中国外交部发言人, name 林剑).
pub const ZH_ROLE_SUFFIXES: Words = words![
    "发言人", "总统", "副总统", "主席", "总理", "首相", "部长", "大使", "外长", "秘书长", "主任", "局长", "研究员",
    "分析师", "专家", "教授", "学者", "记者", "官员", "议员", "领导人", "领袖", "总书记", "委员长", "司令",
    "将军", "院长", "校长", "董事长", "总裁", "经理", "创始人", "主编", "作家", "律师", "医生", "博士", "顾问",
    "代表", "负责人", "首席执行官", "行政总裁", "编辑", "主持人", "理事", "会长", "市长", "省长", "州长", "国王",
    "女王", "王子", "公主", "总长", "署长", "处长", "科长", "厅长", "书记", "委员", "参议员", "众议员", "议长",
    "主播", "导演", "演员", "歌手", "运动员", "教练", "球员", "作者", "分析人士", "人士", "居民", "村民", "学生",
    "老师", "员工", "工人", "警方", "法官", "检察官", "首长", "总督", "元首", "外相", "国务卿", "助理", "高官",
];
/// Spans that are not speakers (分析指 "analysis says", 报道称 "reports say").
pub const ZH_NOT_SPEAKERS: Words = words!["分析", "报道", "外界", "有人", "有分析", "舆论", "据报", "消息", "评论", "文章", "报告", "声明", "他们", "她们", "有评论", "它", "它们", "您", "你", "你们", "我", "我们", "大家", "人们"];
/// A speaker span starting with one of these is not a person ("它可以回答" "it can answer", "您认为" "you think").
pub const ZH_NOT_SPEAKER_STARTS: Words = words!["它", "您", "你", "我", "这", "那", "其中", "如果", "例如", "比如"];
/// Source phrases: 据X(介绍|透露|称), 在X看来.
pub const ZH_SOURCES: Words = words!["据", "按照", "根据"];
/// Pronouns with gender (他们 plural).
pub const ZH_PRONOUNS: &[(&str, Option<Gender>)] = &[("他们", Some(Gender::Plural)), ("她们", Some(Gender::Plural)), ("他", Some(Gender::Male)), ("她", Some(Gender::Female))];
/// Honorifics after a Chinese name with the gender they give.
pub const ZH_HONORIFICS: &[(&str, Gender)] = &[("先生", Gender::Male), ("女士", Gender::Female), ("夫人", Gender::Female), ("小姐", Gender::Female)];
/// Boilerplate non-answers.
pub const ZH_BOILERPLATE: Words = words!["拒绝置评", "不予置评", "没有回应", "未回应", "未有回应", "暂无回应"];

/// Function words that tell Latin-script languages apart when the page does not say its language
/// (the commonest words of each language, from frequency lists).
pub const STOPWORDS: &[(&str, Words)] = &[
    ("en", words!["the", "and", "of", "to", "is", "that", "with", "was", "for", "said"]),
    ("fr", words!["le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui"]),
    ("de", words!["der", "die", "und", "das", "ist", "nicht", "mit", "sich", "den", "ein"]),
    ("es", words!["el", "los", "las", "que", "del", "por", "una", "para", "con", "es"]),
];

// ---------------------------------------------------------------------------------------------
// 6. Japanese (notes § Reporting verbs)
// ---------------------------------------------------------------------------------------------

/// 「…」と + one of these.
pub const JA_VERBS: Words = words!["述べた", "語った", "話した", "言った", "強調した", "指摘した", "説明した", "明らかにした", "批判した", "訴えた", "述べ", "語り", "話し", "強調し", "指摘し", "説明し", "発言した", "答えた", "主張した", "書いた", "記した", "語る", "話す", "述べている", "話している"];
/// Xによると / X氏は: the particles that end a Japanese subject.
pub const JA_SUBJECT_PARTICLES: Words = words!["氏は", "さんは", "首相は", "大統領は", "長官は", "は", "が"];
pub const JA_SOURCES: Words = words!["によると", "によれば"];
