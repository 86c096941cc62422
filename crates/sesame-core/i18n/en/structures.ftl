# The structures screen: primary manager, moving a structure, connected users.

structures-set-manager = Set the primary manager
structures-change-manager = Change the primary manager
structures-manager-hint = A level-1 or level-2 person who is not suspended answers for this structure. Its technical user acts with that person’s rights and uses their email address.
structures-loading-people = Loading the level-1 and level-2 people…
structures-manager-saved = Primary manager of “{ $name }” saved.
structures-move = Move
structures-parent = Place under
structures-top = Top of the tree (a company)
structures-move-hint = The structure moves with everything under it. A company placed under another becomes an establishment; a structure moved to the top becomes a company.
structures-moved = Structure “{ $name }” moved.
connected-via-manager = Primary manager of this structure
connected-via-manager-above = Primary manager of { $structure }, above
connected-via-level-one = Level-1 user: manages every structure
connected-via-technical = Technical user, for the primary manager of { $structure }
connected-via-technical-here = Technical user of this structure
connected-via-service = Service user with access to { $structure }
connected-via-service-all = Service user with access to all companies or the whole structure
connected-none = No one reaches this structure yet.
connected-intro = Who reaches this structure, and how:
structures-held-by = This structure cannot be removed while something depends on it.
structures-held-sub = Sub-structures to remove or move first: { $names }.
structures-held-technical = Its technical user: { $name }.
structures-held-service = Service users whose access names it: { $names } (change their access first).
structures-held-hint = It cannot be removed while sub-structures, its technical user or service users’ access depend on it.
