//! PATCH (RFC 7644 §3.5.2): each operation applied in turn to the resource as JSON; the result
//! is then read as a whole resource and saved like a replacement, by the same checks and rules.

use serde_json::{Map, Value};

use super::ScimError;
use super::filter::{AttrPath, Filter, PatchPath, Reason, matches, parse_patch_path};
use super::resource::{EXTENSION, PATCH_OP};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Add,
    Replace,
    Remove,
}

/// Applies the `Operations` of a PatchOp request to `doc`.
pub fn apply(doc: &mut Value, request: &Value) -> Result<(), ScimError> {
    let schemas_ok = request
        .get("schemas")
        .and_then(Value::as_array)
        .is_some_and(|s| s.iter().any(|v| v.as_str() == Some(PATCH_OP)));
    let ops = request
        .get("Operations")
        .or_else(|| request.get("operations"))
        .and_then(Value::as_array);
    let (true, Some(ops)) = (schemas_ok, ops) else {
        return Err(ScimError::syntax(Reason::new("scim-reason-patch-op")));
    };
    for op in ops {
        let kind = match op
            .get("op")
            .and_then(Value::as_str)
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("add") => Kind::Add,
            Some("replace") => Kind::Replace,
            Some("remove") => Kind::Remove,
            _ => return Err(ScimError::syntax(Reason::new("scim-reason-op-kind"))),
        };
        let value = op.get("value").cloned().unwrap_or(Value::Null);
        let doc = doc.as_object_mut().expect("a resource is an object");
        match op.get("path").and_then(Value::as_str) {
            Some(p) => {
                let path = parse_patch_path(p).map_err(ScimError::path)?;
                apply_one(doc, kind, &path, value)?;
            }
            None if kind == Kind::Remove => return Err(ScimError::no_target()),
            None => {
                let Value::Object(values) = value else {
                    return Err(ScimError::syntax(Reason::new("scim-reason-value-object")));
                };
                for (key, v) in values {
                    if key.eq_ignore_ascii_case(EXTENSION) {
                        merge_into_extension(doc, v)?;
                        continue;
                    }
                    let path = parse_patch_path(&key).map_err(ScimError::path)?;
                    apply_one(doc, kind, &path, v)?;
                }
            }
        }
    }
    Ok(())
}

/// The object under `key` (made if missing).
fn child<'a>(obj: &'a mut Map<String, Value>, key: &str) -> &'a mut Map<String, Value> {
    let existing = obj.keys().find(|k| k.eq_ignore_ascii_case(key)).cloned();
    let key = existing.unwrap_or_else(|| key.to_owned());
    let entry = obj.entry(key).or_insert_with(|| Value::Object(Map::new()));
    if !entry.is_object() {
        *entry = Value::Object(Map::new());
    }
    entry.as_object_mut().expect("made an object")
}

fn remove(obj: &mut Map<String, Value>, key: &str) {
    obj.retain(|k, _| !k.eq_ignore_ascii_case(key));
}

fn set(obj: &mut Map<String, Value>, key: &str, value: Value) {
    remove(obj, key);
    obj.insert(key.to_owned(), value);
}

/// Applies one operation on `path`: the whole enterprise extension, one attribute (or one of
/// its sub-attributes), or the items of a multi-valued attribute that a filter selects.
fn apply_one(
    doc: &mut Map<String, Value>,
    kind: Kind,
    path: &PatchPath,
    value: Value,
) -> Result<(), ScimError> {
    let attr = &path.attr;
    let container = match &attr.uri {
        // The extension itself: `urn:…:2.0:User`.
        Some(uri) if format!("{uri}:{}", attr.name).eq_ignore_ascii_case(EXTENSION) => {
            return match kind {
                Kind::Remove => {
                    remove(doc, EXTENSION);
                    Ok(())
                }
                _ => merge_into_extension(doc, value),
            };
        }
        Some(uri) if uri.eq_ignore_ascii_case(EXTENSION) => child(doc, EXTENSION),
        _ => doc,
    };
    match &path.filter {
        None => {
            apply_to_attribute(container, kind, attr, value);
            Ok(())
        }
        Some(filter) => apply_to_selected(container, kind, path, filter, value),
    }
}

/// Sets each attribute of `value` (an object) in the enterprise extension, made if missing.
fn merge_into_extension(doc: &mut Map<String, Value>, value: Value) -> Result<(), ScimError> {
    let Value::Object(values) = value else {
        return Err(ScimError::syntax(Reason::new(
            "scim-reason-extension-object",
        )));
    };
    let ext = child(doc, EXTENSION);
    for (k, v) in values {
        set(ext, &k, v);
    }
    Ok(())
}

/// An attribute without a filter: `name.givenName`, `active`. Adding an object adds its
/// attributes to what is there; replacing replaces the whole value.
fn apply_to_attribute(
    container: &mut Map<String, Value>,
    kind: Kind,
    attr: &AttrPath,
    value: Value,
) {
    match (&attr.sub, kind) {
        (Some(sub), Kind::Remove) => remove(child(container, &attr.name), sub),
        (Some(sub), _) => set(child(container, &attr.name), sub, value),
        (None, Kind::Remove) => remove(container, &attr.name),
        (None, Kind::Add) if value.is_object() => {
            let Value::Object(values) = value else {
                unreachable!()
            };
            let target = child(container, &attr.name);
            for (k, v) in values {
                set(target, &k, v);
            }
        }
        (None, _) => set(container, &attr.name, value),
    }
}

/// `emails[value eq "…"]` and `emails[…].value`: the values the filter selects.
fn apply_to_selected(
    container: &mut Map<String, Value>,
    kind: Kind,
    path: &PatchPath,
    filter: &Filter,
    value: Value,
) -> Result<(), ScimError> {
    let attr = &path.attr;
    let key = container
        .keys()
        .find(|k| k.eq_ignore_ascii_case(&attr.name))
        .cloned();
    // Sesame keeps one email and one phone, without a type: a filter on what it does not keep
    // (`emails[type eq "work"].value`, as Entra ID sends) selects that one value, or makes it.
    let on_kept_value = mentions_value(filter);
    if key.is_none() && kind != Kind::Remove && !on_kept_value {
        container.insert(
            attr.name.clone(),
            Value::Array(vec![Value::Object(Map::new())]),
        );
    }
    let key = key.unwrap_or_else(|| attr.name.clone());
    let Some(items) = container.get_mut(&key).and_then(Value::as_array_mut) else {
        return Err(ScimError::no_target());
    };
    let selected = select(items, kind, filter, on_kept_value)?;
    // From the last, so that removing an item does not shift the ones still to change.
    for i in selected.into_iter().rev() {
        change_item(items, i, path.sub.as_deref(), kind, &value);
    }
    Ok(())
}

/// The positions of the items the filter selects. Unless removing, a filter on what Sesame
/// does not keep selects the first item (made if there is none). Nothing selected: no target.
fn select(
    items: &mut Vec<Value>,
    kind: Kind,
    filter: &Filter,
    on_kept_value: bool,
) -> Result<Vec<usize>, ScimError> {
    let mut selected: Vec<usize> = (0..items.len())
        .filter(|i| matches(filter, &items[*i]))
        .collect();
    if selected.is_empty() && kind != Kind::Remove && !on_kept_value {
        if items.is_empty() {
            items.push(Value::Object(Map::new()));
        }
        selected = vec![0];
    }
    if selected.is_empty() {
        return Err(ScimError::no_target());
    }
    Ok(selected)
}

/// Removes, replaces or sets (`sub`) one selected item.
fn change_item(items: &mut Vec<Value>, i: usize, sub: Option<&str>, kind: Kind, value: &Value) {
    match (sub, kind) {
        (None, Kind::Remove) => {
            items.remove(i);
        }
        (None, _) => items[i] = value.clone(),
        (Some(sub), Kind::Remove) => {
            if let Some(o) = items[i].as_object_mut() {
                remove(o, sub);
            }
        }
        (Some(sub), _) => {
            if let Some(o) = items[i].as_object_mut() {
                set(o, sub, value.clone());
            }
        }
    }
}

/// Does the filter compare the `value` of the items (which Sesame keeps)?
fn mentions_value(f: &Filter) -> bool {
    match f {
        Filter::And(a, b) | Filter::Or(a, b) => mentions_value(a) || mentions_value(b),
        Filter::Not(a) | Filter::ValuePath(_, a) => mentions_value(a),
        Filter::Compare(p, ..) | Filter::Present(p) => p.name.eq_ignore_ascii_case("value"),
    }
}
