//! SCIM filters (RFC 7644 §3.4.2.2) and PATCH paths (§3.5.2): parsed into a small tree, then
//! turned into SQL over the people's columns. No SCIM filter crate was at hand offline; the
//! grammar is small, and every rule of it is tested below.

/// An attribute path: `[urn:…:]name[.sub]`; names compare without regard to case.
#[derive(Debug, Clone, PartialEq)]
pub struct AttrPath {
    pub uri: Option<String>,
    pub name: String,
    pub sub: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Co,
    Sw,
    Ew,
    Gt,
    Ge,
    Lt,
    Le,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Bool(bool),
    Num(String),
    Null,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    Compare(AttrPath, Op, Value),
    Present(AttrPath),
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
    /// `emails[value eq "x"]`: a filter on the sub-attributes of a multi-valued attribute.
    ValuePath(AttrPath, Box<Filter>),
}

/// A PATCH operation's target: an attribute, optionally narrowed to some of its values and to
/// one of their sub-attributes (`emails[type eq "work"].value`).
#[derive(Debug, Clone, PartialEq)]
pub struct PatchPath {
    pub attr: AttrPath,
    pub filter: Option<Filter>,
    pub sub: Option<String>,
}

/// Why a filter or a path cannot be read: a text of `scim.ftl` and its arguments, so that the
/// caller reads it entirely in their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Reason {
    pub fn new(key: &'static str) -> Reason {
        Reason { key, args: vec![] }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Reason {
        self.args.push((name, value.into()));
        self
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.key)?;
        for (k, v) in &self.args {
            write!(f, " {k}={v}")?;
        }
        Ok(())
    }
}

/// A token as the caller wrote it (or the end of the text).
fn shown(t: Option<&Token>) -> String {
    match t {
        None => "∎".into(),
        Some(Token::Open) => "(".into(),
        Some(Token::Close) => ")".into(),
        Some(Token::OpenBracket) => "[".into(),
        Some(Token::CloseBracket) => "]".into(),
        Some(Token::Word(w)) => w.clone(),
        Some(Token::Str(s)) => format!("{s:?}"),
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    OpenBracket,
    CloseBracket,
    Word(String),
    Str(String),
}

fn tokens(input: &str) -> Result<Vec<Token>, Reason> {
    let mut out = vec![];
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' | ')' | '[' | ']' => {
                chars.next();
                out.push(match c {
                    '(' => Token::Open,
                    ')' => Token::Close,
                    '[' => Token::OpenBracket,
                    _ => Token::CloseBracket,
                });
            }
            '"' => {
                // A JSON string, escapes and all.
                let mut raw = String::from('"');
                chars.next();
                let mut closed = false;
                while let Some(c) = chars.next() {
                    raw.push(c);
                    if c == '\\' {
                        raw.extend(chars.next());
                    } else if c == '"' {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return Err(Reason::new("scim-reason-unterminated"));
                }
                let s: String = serde_json::from_str(&raw)
                    .map_err(|_| Reason::new("scim-reason-not-a-value").with("word", &raw))?;
                out.push(Token::Str(s));
            }
            _ => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || "()[]\"".contains(c) {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                out.push(Token::Word(word));
            }
        }
    }
    Ok(out)
}

/// `urn:…:User:name.sub`, `name.sub` or `name`.
fn attr_path(word: &str) -> Result<AttrPath, Reason> {
    let (uri, rest) = if word.to_ascii_lowercase().starts_with("urn:") {
        let at = word.rfind(':').unwrap_or(0);
        (Some(word[..at].to_owned()), &word[at + 1..])
    } else {
        (None, word)
    };
    let (name, sub) = match rest.split_once('.') {
        Some((n, s)) => (n, Some(s.to_owned())),
        None => (rest, None),
    };
    let valid = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '$')
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '$')
    };
    if !valid(name) || sub.as_deref().is_some_and(|s| !valid(s)) {
        return Err(Reason::new("scim-reason-not-a-path").with("word", word));
    }
    Ok(AttrPath {
        uri,
        name: name.to_owned(),
        sub,
    })
}

fn op(word: &str) -> Option<Op> {
    Some(match word.to_ascii_lowercase().as_str() {
        "eq" => Op::Eq,
        "ne" => Op::Ne,
        "co" => Op::Co,
        "sw" => Op::Sw,
        "ew" => Op::Ew,
        "gt" => Op::Gt,
        "ge" => Op::Ge,
        "lt" => Op::Lt,
        "le" => Op::Le,
        _ => return None,
    })
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn keyword(&self, k: &str) -> bool {
        matches!(self.peek(), Some(Token::Word(w)) if w.eq_ignore_ascii_case(k))
    }

    fn expect(&mut self, t: Token) -> Result<(), Reason> {
        match self.next() {
            Some(got) if got == t => Ok(()),
            got => Err(Reason::new("scim-reason-expected")
                .with("expected", shown(Some(&t)))
                .with("found", shown(got.as_ref()))),
        }
    }

    /// or-expressions bind loosest, then and, then not and the atoms.
    fn or(&mut self) -> Result<Filter, Reason> {
        let mut left = self.and()?;
        while self.keyword("or") {
            self.next();
            left = Filter::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, Reason> {
        let mut left = self.atom()?;
        while self.keyword("and") {
            self.next();
            left = Filter::And(Box::new(left), Box::new(self.atom()?));
        }
        Ok(left)
    }

    fn atom(&mut self) -> Result<Filter, Reason> {
        if self.keyword("not") {
            self.next();
            self.expect(Token::Open)?;
            let inner = self.or()?;
            self.expect(Token::Close)?;
            return Ok(Filter::Not(Box::new(inner)));
        }
        match self.next() {
            Some(Token::Open) => {
                let inner = self.or()?;
                self.expect(Token::Close)?;
                Ok(inner)
            }
            Some(Token::Word(w)) => {
                let path = attr_path(&w)?;
                if self.peek() == Some(&Token::OpenBracket) {
                    self.next();
                    let inner = self.or()?;
                    self.expect(Token::CloseBracket)?;
                    return Ok(Filter::ValuePath(path, Box::new(inner)));
                }
                let Some(Token::Word(o)) = self.next() else {
                    return Err(Reason::new("scim-reason-operator-after").with("word", w));
                };
                if o.eq_ignore_ascii_case("pr") {
                    return Ok(Filter::Present(path));
                }
                let op = op(&o)
                    .ok_or_else(|| Reason::new("scim-reason-unknown-operator").with("word", &o))?;
                let value = match self.next() {
                    Some(Token::Str(s)) => Value::Str(s),
                    Some(Token::Word(v)) => match v.as_str() {
                        "true" => Value::Bool(true),
                        "false" => Value::Bool(false),
                        "null" => Value::Null,
                        n if n.parse::<f64>().is_ok() => Value::Num(n.to_owned()),
                        _ => return Err(Reason::new("scim-reason-not-a-value").with("word", v)),
                    },
                    got => {
                        return Err(Reason::new("scim-reason-value-after")
                            .with("word", o)
                            .with("found", shown(got.as_ref())));
                    }
                };
                Ok(Filter::Compare(path, op, value))
            }
            got => Err(Reason::new("scim-reason-unexpected").with("found", shown(got.as_ref()))),
        }
    }
}

/// Parses a whole `filter` parameter.
pub fn parse(input: &str) -> Result<Filter, Reason> {
    let mut p = Parser {
        tokens: tokens(input)?,
        at: 0,
    };
    let f = p.or()?;
    if p.at < p.tokens.len() {
        return Err(Reason::new("scim-reason-unexpected").with("found", shown(p.peek())));
    }
    Ok(f)
}

/// Parses a PATCH operation's `path`.
pub fn parse_patch_path(input: &str) -> Result<PatchPath, Reason> {
    let mut p = Parser {
        tokens: tokens(input)?,
        at: 0,
    };
    let Some(Token::Word(w)) = p.next() else {
        return Err(Reason::new("scim-reason-path-start"));
    };
    let attr = attr_path(&w)?;
    let mut path = PatchPath {
        attr,
        filter: None,
        sub: None,
    };
    if p.peek() == Some(&Token::OpenBracket) {
        p.next();
        path.filter = Some(p.or()?);
        p.expect(Token::CloseBracket)?;
        if let Some(Token::Word(rest)) = p.peek().cloned() {
            p.next();
            let sub = rest
                .strip_prefix('.')
                .ok_or(Reason::new("scim-reason-sub-after-dot"))?;
            path.sub = Some(attr_path(sub)?.name);
        }
    }
    if p.at < p.tokens.len() {
        return Err(Reason::new("scim-reason-after-path").with("found", shown(p.peek())));
    }
    Ok(path)
}

/// Does `f` hold for `item`, one value of a multi-valued attribute (`{"value": …, …}`)?
/// Used by PATCH paths such as `emails[value eq "a@b.c"]`.
pub fn matches(f: &Filter, item: &serde_json::Value) -> bool {
    let field = |p: &AttrPath| {
        item.as_object().and_then(|o| {
            o.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(&p.name))
                .map(|(_, v)| v.clone())
        })
    };
    match f {
        Filter::And(a, b) => matches(a, item) && matches(b, item),
        Filter::Or(a, b) => matches(a, item) || matches(b, item),
        Filter::Not(a) => !matches(a, item),
        Filter::Present(p) => field(p).is_some_and(|v| !v.is_null()),
        Filter::ValuePath(..) => false,
        Filter::Compare(p, op, value) => {
            let Some(actual) = field(p) else {
                return *op == Op::Ne;
            };
            match (actual, value) {
                (serde_json::Value::String(a), Value::Str(b)) => {
                    compare_text(&a.to_lowercase(), *op, &b.to_lowercase())
                }
                (serde_json::Value::Bool(a), Value::Bool(b)) => match op {
                    Op::Eq => a == *b,
                    Op::Ne => a != *b,
                    _ => false,
                },
                _ => *op == Op::Ne,
            }
        }
    }
}

fn compare_text(a: &str, op: Op, b: &str) -> bool {
    match op {
        Op::Eq => a == b,
        Op::Ne => a != b,
        Op::Co => a.contains(b),
        Op::Sw => a.starts_with(b),
        Op::Ew => a.ends_with(b),
        Op::Gt => a > b,
        Op::Ge => a >= b,
        Op::Lt => a < b,
        Op::Le => a <= b,
    }
}

#[cfg(test)]
#[path = "filter_tests.rs"]
mod tests;
