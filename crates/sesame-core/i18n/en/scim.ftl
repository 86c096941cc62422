# SCIM provisioning: the service user's mark, and the detail of SCIM error answers.
field-provisioning = Provisioning (SCIM)
scim-not-found = No such resource.
scim-invalid-syntax = The request cannot be read: { $reason }
scim-invalid-filter = The filter cannot be used: { $reason }
scim-invalid-path = The path cannot be used: { $reason }
scim-no-target = The path selects no value.
scim-not-provisioning = Only a service user marked for provisioning by an active level-1 user may use SCIM.
provisioning-help = Its API tokens may then create, change, suspend and delete people through SCIM (/scim/v2), with the rights of the level-1 user who ticked this box.

# Why a request, a filter or a path cannot be read (the reason inside the sentences above).
scim-reason-unterminated = a text between quotes is not closed
scim-reason-not-a-path = “{ $word }” is not an attribute path
scim-reason-expected = “{ $expected }” was expected, not “{ $found }”
scim-reason-operator-after = an operator must follow “{ $word }”
scim-reason-unknown-operator = “{ $word }” is not an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)
scim-reason-not-a-value = “{ $word }” is not a value (a text between quotes, a number, true, false or null)
scim-reason-value-after = a value must follow “{ $word }”, not “{ $found }”
scim-reason-unexpected = “{ $found }” was not expected here
scim-reason-path-start = a path starts with an attribute
scim-reason-sub-after-dot = a sub-attribute must follow the dot
scim-reason-after-path = “{ $found }” follows the path
scim-reason-patch-op = a PatchOp message with its Operations was expected
scim-reason-op-kind = each operation’s op is add, replace or remove
scim-reason-value-object = without a path, the value must be an object
scim-reason-extension-object = the enterprise extension must be an object
scim-reason-json = the body is not valid JSON (line { $line }, column { $column })
scim-reason-search-request = a SearchRequest object was expected
scim-reason-whole-number = { $word } must be a whole number
scim-reason-unsupported = filtering on { $word } is not supported
scim-reason-eq-ne = { $word } compares with eq or ne only
scim-reason-true-false = active compares with true or false
scim-reason-not-text = { $word } does not compare with a text
scim-reason-nested = filters in brackets do not nest
