"""Reads Sesame as a screen reader does, over AT-SPI (Debian's pyatspi), and checks what a
person using Orca relies on. Prints the follow-up as the reader gets it (the AT-SPI dump).
Run by .ci/screen-reader.sh, inside a D-Bus session with the accessibility bus; the argument is
the app's process id."""

from at_spi_client import dump, fail, first, focused, key, name_of, press, role_of, sesame, wait_for, walk


def main():
    app = wait_for("the Sesame application on the AT-SPI bus", lambda a: a)
    print(f"application: {app.name!r}")
    link = wait_for("the banner's Identification link", lambda a: first(a, "link", "Identification"))
    press(link)
    # The list arrives from the server after the screen shows: wait for its rows.
    def table_with_rows(a):
        t = first(a, "table", "People")
        return t if t is not None and sum(1 for n, _ in walk(t) if role_of(n) == "table row") >= 5 else None

    table = wait_for("the follow-up's table with its rows", table_with_rows)
    headers = [name_of(n) for n, _ in walk(table) if role_of(n) in ("column header", "table column header")]
    rows = [name_of(n) for n, _ in walk(table) if role_of(n) == "table row"]
    print("column headers:", headers)
    print(f"rows: {len(rows)}, first: {rows[:3]}")
    for wanted in ("User ID", "Email", "Status"):
        if not any(h.startswith(wanted) for h in headers):
            fail(f"no column header {wanted!r} in {headers}")
    if len(rows) < 5:
        fail(f"only {len(rows)} rows")
    app = sesame()
    print("--- the follow-up as the reader gets it")
    print(dump(first(app, "landmark", None) or app, 80))
    print("--- the window")
    print(dump(app, 40))

    # Tab: the reader hears each control's name as the focus moves.
    heard = []
    for _ in range(8):
        key("Tab")
        node = wait_for("a focused control", focused)
        heard.append(f"{node.getRoleName()} {node.name!r}")
        if not node.name:
            fail(f"the focused {node.getRoleName()} has no name")
    print("Tab:", " → ".join(heard))
    if len(set(heard)) < 4:
        fail(f"Tab did not move the focus: {heard}")

    # A dialog: opened through a button's accessibility action, it takes the focus.
    options = wait_for("a row's Options button", lambda a: first(a, "push button", "Options for") or first(a, "link", "Options for"))
    print(f"pressing {options.name!r}")
    press(options)
    dialog = wait_for("a dialog", lambda a: first(a, "dialog"))
    print(f"dialog: {dialog.name!r}")
    if not dialog.name:
        fail("the dialog has no title")
    node = wait_for("the focus inside the dialog", lambda a: (f := focused(a)) and any(n == f for n, _ in walk(first(a, "dialog"))) and f)
    print(f"focus in the dialog: {node.getRoleName()} {node.name!r}")
    key("Escape")
    wait_for("the dialog to close", lambda a: first(a, "dialog") is None and a)
    print("screen reader: OK")


main()
