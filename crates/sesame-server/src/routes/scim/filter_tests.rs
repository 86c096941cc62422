use super::*;

fn path(name: &str, sub: Option<&str>) -> AttrPath {
    AttrPath {
        uri: None,
        name: name.into(),
        sub: sub.map(Into::into),
    }
}

fn eq(name: &str, v: &str) -> Filter {
    Filter::Compare(path(name, None), Op::Eq, Value::Str(v.into()))
}

#[test]
fn comparisons_and_values() {
    assert_eq!(
        parse(r#"userName eq "bjensen""#),
        Ok(eq("userName", "bjensen"))
    );
    assert_eq!(
        parse("active eq false"),
        Ok(Filter::Compare(
            path("active", None),
            Op::Eq,
            Value::Bool(false)
        ))
    );
    assert_eq!(
        parse(r#"emails.value EQ "a\"b@c.d""#),
        Ok(Filter::Compare(
            path("emails", Some("value")),
            Op::Eq,
            Value::Str("a\"b@c.d".into())
        ))
    );
    assert_eq!(parse("title pr"), Ok(Filter::Present(path("title", None))));
    assert!(
        matches!(parse("x gt 2.5"), Ok(Filter::Compare(_, Op::Gt, Value::Num(n))) if n == "2.5")
    );
}

#[test]
fn and_binds_tighter_than_or_and_not_needs_parentheses() {
    let f = parse(r#"a eq "1" or b eq "2" and c eq "3""#).unwrap();
    assert_eq!(
        f,
        Filter::Or(
            Box::new(eq("a", "1")),
            Box::new(Filter::And(Box::new(eq("b", "2")), Box::new(eq("c", "3"))))
        )
    );
    let f = parse(r#"(a eq "1" or b eq "2") and not (c eq "3")"#).unwrap();
    assert_eq!(
        f,
        Filter::And(
            Box::new(Filter::Or(Box::new(eq("a", "1")), Box::new(eq("b", "2")))),
            Box::new(Filter::Not(Box::new(eq("c", "3"))))
        )
    );
}

#[test]
fn uris_and_value_paths() {
    let f = parse(r#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J""#).unwrap();
    let Filter::Compare(p, Op::Sw, _) = f else {
        panic!("{f:?}")
    };
    assert_eq!(
        p.uri.as_deref(),
        Some("urn:ietf:params:scim:schemas:core:2.0:User")
    );
    assert_eq!(p.name, "userName");
    let f = parse(r#"emails[type eq "work" and value co "@example.com"]"#).unwrap();
    assert!(matches!(f, Filter::ValuePath(p, _) if p.name == "emails"));
}

#[test]
fn malformed_filters_are_refused() {
    for bad in [
        "",
        "userName",
        r#"userName xx "a""#,
        r#"userName eq"#,
        r#"userName eq "a"#,
        r#"(userName eq "a""#,
        r#"userName eq "a" and"#,
        r#"userName eq bare"#,
        r#"9name eq "a""#,
        r#"userName eq "a" )"#,
    ] {
        assert!(parse(bad).is_err(), "{bad} was accepted");
    }
}

#[test]
fn patch_paths() {
    let p = parse_patch_path(r#"emails[value eq "a@b.c"].value"#).unwrap();
    assert_eq!(p.attr.name, "emails");
    assert_eq!(p.sub.as_deref(), Some("value"));
    assert!(p.filter.is_some());
    let p = parse_patch_path("name.givenName").unwrap();
    assert_eq!(p.attr, path("name", Some("givenName")));
    let p =
        parse_patch_path("urn:sesame:params:scim:schemas:extension:sesame:2.0:User:level").unwrap();
    assert_eq!(p.attr.name, "level");
    assert!(parse_patch_path("").is_err());
    assert!(parse_patch_path("emails[value eq").is_err());
}

#[test]
fn value_filters_match_items() {
    let f = parse(r#"value eq "A@B.C" and not (type eq "home")"#).unwrap();
    assert!(matches(
        &f,
        &serde_json::json!({"value": "a@b.c", "type": "work"})
    ));
    assert!(!matches(
        &f,
        &serde_json::json!({"value": "a@b.c", "type": "home"})
    ));
    assert!(!matches(&f, &serde_json::json!({"value": "x@b.c"})));
}
