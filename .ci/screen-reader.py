"""Reads Sesame as a screen reader does, over AT-SPI (Debian's pyatspi), and checks what a
person using Orca relies on. Prints the follow-up as the reader gets it (the AT-SPI dump).
Run by .ci/screen-reader.sh, inside a D-Bus session with the accessibility bus; the argument is
the app's process id."""

import subprocess
import sys
import time

import pyatspi

TIMEOUT = 90


def fail(why):
    print(f"screen reader: FAILED: {why}")
    sys.exit(1)


def children(node):
    try:
        return [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return []


def walk(node, depth=0):
    """Every node under `node`; nodes that went away while being read (the app changed its
    tree meanwhile) are passed by."""
    try:
        node.getRoleName()
    except Exception:
        return
    yield node, depth
    for child in children(node):
        if child is not None:
            yield from walk(child, depth + 1)


def role_of(node):
    try:
        return node.getRoleName()
    except Exception:
        return None


def name_of(node):
    try:
        return node.name or ""
    except Exception:
        return ""


def sesame():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in children(desktop):
        if app is not None and "sesame" in (app.name or "").lower():
            return app
    return None


def wait_for(what, find):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        app = sesame()
        found = find(app) if app is not None else None
        if found:
            return found
        time.sleep(0.5)
    fail(f"never saw {what}")


def first(app, role, name=None):
    for node, _ in walk(app):
        if role_of(node) == role and (name is None or name_of(node).startswith(name)):
            return node
    return None


def focused(app):
    for node, _ in walk(app):
        try:
            is_focused = node.getState().contains(pyatspi.STATE_FOCUSED)
        except Exception:
            continue
        if is_focused and role_of(node) not in (
            "frame",
            "window",
            "application",
        ):
            return node
    return None


def press(node):
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if "click" not in names:
        fail(f"{node.getRoleName()} {node.name!r} has no click action ({names})")
    action.doAction(names.index("click"))


def dump(node, limit=60):
    lines = []
    for n, depth in walk(node):
        states = n.getState()
        marks = [s for s, m in (("focused", pyatspi.STATE_FOCUSED), ("selected", pyatspi.STATE_SELECTED)) if states.contains(m)]
        lines.append(f"{'  ' * depth}{n.getRoleName()} {n.name!r}" + (f" [{', '.join(marks)}]" if marks else ""))
        if len(lines) >= limit:
            lines.append("  …")
            break
    return "\n".join(lines)


def key(name, times=1):
    window = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", sys.argv[1]], capture_output=True, text=True
    ).stdout.split()
    if window:
        subprocess.run(["xdotool", "windowfocus", "--sync", window[0]], check=False)
    for _ in range(times):
        subprocess.run(["xdotool", "key", name], check=True)
        time.sleep(0.4)


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
