# A person's record: what their level allows, and the reach preview of a level-1 or level-2 person.

level-allows-level_1 = Level 1 may do everything: see every account of the organization, level-1 users included; create, modify, suspend and delete accounts of every level and initialize their passwords; manage structures, service users, roles and contacts, and read the whole audit log.
level-allows-level_2_approval = Level 2 with approval sees all level-2 users and the level-3 users under their charge; creates, modifies and deletes level-2 users, with or without approval, and their own level-3 users, and initializes their passwords; and approves or refuses the publications submitted by level-2 and level-3 users.
level-allows-level_2 = Level 2 sees all level-2 users and the level-3 users under their charge; creates, modifies and deletes level-2 users without approval and their own level-3 users, and initializes their passwords.
level-allows-level_3 = Level 3 has no user list: this person manages only their own record (contact details, password, language and two-factor authentication).
reach-title = What this user can see and do
reach-sees = { $count ->
        [one] Sees one person in their user list (themselves).
       *[other] Sees { $formatted } people in their user list, themselves included.
    }
reach-more = Show more ({ $shown } of { $total })
reach-by-level = What they may do to the others, by level:
reach-level-nothing = { $level }: nothing.
reach-level-anyone = { $level }: { $rights }.
reach-level-under-charge = { $level }, only those under their charge: { $rights }.
reach-level-both = { $level }: { $rights }; to those under their charge, also: { $more }.
reach-right-see = see
reach-right-modify = modify
reach-right-delete = delete
reach-right-initialize-password = initialize the password
reach-right-update-roles = update roles
reach-right-suspend = suspend
reach-right-reactivate = reactivate
reach-right-reset-two-factor = reset 2FA
reach-right-modify-identity = change the user ID
reach-right-link-under-charge = place people under their charge
reach-right-manage-invitation = resend or cancel an invitation
reach-right-preview-reach = see what they can see and do
reach-grants = Levels they may give: { $levels }.
reach-grants-none = They may create no one.
reach-manager-of = Primary manager of: { $structures }.
reach-manager-of-none = Primary manager of no structure.
