-- Audit details become data: `detail` now holds the JSON of the API's `AuditDetail` (empty when
-- the action says it all). Free text written before is kept as a legacy detail, except the few
-- fixed shapes that read back exactly.
UPDATE audit SET detail = CASE
    WHEN detail = '' THEN ''
    WHEN detail = 'temporary password' THEN '{"kind":"temporary_password","batch":false}'
    WHEN detail = 'temporary password (batch)' THEN '{"kind":"temporary_password","batch":true}'
    WHEN action IN ('placed_under_charge', 'removed_from_charge') AND detail LIKE 'manager %'
        THEN json_object('kind', 'manager', 'user_id', substr(detail, 9))
    WHEN action IN ('role_created', 'role_updated') AND detail LIKE 'role %'
        THEN json_object('kind', 'role', 'code', substr(detail, 6))
    ELSE json_object('kind', 'legacy', 'text', detail)
END;
