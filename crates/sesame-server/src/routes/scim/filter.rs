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

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    OpenBracket,
    CloseBracket,
    Word(String),
    Str(String),
}

fn tokens(input: &str) -> Result<Vec<Token>, String> {
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
                    return Err("unterminated string".into());
                }
                let s: String = serde_json::from_str(&raw).map_err(|e| e.to_string())?;
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
fn attr_path(word: &str) -> Result<AttrPath, String> {
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
        return Err(format!("not an attribute path: {word}"));
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

    fn expect(&mut self, t: Token) -> Result<(), String> {
        match self.next() {
            Some(got) if got == t => Ok(()),
            got => Err(format!("expected {t:?}, found {got:?}")),
        }
    }

    /// or-expressions bind loosest, then and, then not and the atoms.
    fn or(&mut self) -> Result<Filter, String> {
        let mut left = self.and()?;
        while self.keyword("or") {
            self.next();
            left = Filter::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, String> {
        let mut left = self.atom()?;
        while self.keyword("and") {
            self.next();
            left = Filter::And(Box::new(left), Box::new(self.atom()?));
        }
        Ok(left)
    }

    fn atom(&mut self) -> Result<Filter, String> {
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
                    return Err(format!("an operator must follow {w}"));
                };
                if o.eq_ignore_ascii_case("pr") {
                    return Ok(Filter::Present(path));
                }
                let op = op(&o).ok_or_else(|| format!("unknown operator {o}"))?;
                let value = match self.next() {
                    Some(Token::Str(s)) => Value::Str(s),
                    Some(Token::Word(v)) => match v.as_str() {
                        "true" => Value::Bool(true),
                        "false" => Value::Bool(false),
                        "null" => Value::Null,
                        n if n.parse::<f64>().is_ok() => Value::Num(n.to_owned()),
                        _ => return Err(format!("not a value: {v}")),
                    },
                    got => return Err(format!("a value must follow {o}, found {got:?}")),
                };
                Ok(Filter::Compare(path, op, value))
            }
            got => Err(format!("unexpected {got:?}")),
        }
    }
}

/// Parses a whole `filter` parameter.
pub fn parse(input: &str) -> Result<Filter, String> {
    let mut p = Parser {
        tokens: tokens(input)?,
        at: 0,
    };
    let f = p.or()?;
    if p.at < p.tokens.len() {
        return Err(format!("unexpected {:?}", p.tokens[p.at]));
    }
    Ok(f)
}

/// Parses a PATCH operation's `path`.
pub fn parse_patch_path(input: &str) -> Result<PatchPath, String> {
    let mut p = Parser {
        tokens: tokens(input)?,
        at: 0,
    };
    let Some(Token::Word(w)) = p.next() else {
        return Err("a path starts with an attribute".into());
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
                .ok_or("a sub-attribute follows a dot")?;
            path.sub = Some(attr_path(sub)?.name);
        }
    }
    if p.at < p.tokens.len() {
        return Err("unexpected text after the path".into());
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
