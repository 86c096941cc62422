# SCIM provisioning: the service user's mark, and the detail of SCIM error answers.
field-provisioning = Provisioning (SCIM)
scim-not-found = No such resource.
scim-invalid-syntax = The request cannot be read: { $reason }
scim-invalid-filter = The filter cannot be used: { $reason }
scim-invalid-path = The path cannot be used: { $reason }
scim-no-target = The path selects no value.
scim-not-provisioning = Only a service user marked for provisioning by an active level-1 user may use SCIM.
provisioning-help = Its API tokens may then create, change, suspend and delete people through SCIM (/scim/v2), with the rights of the level-1 user who ticked this box.
