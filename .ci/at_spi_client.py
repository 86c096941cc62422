"""What the checks in a real window share: finding Sesame on the AT-SPI bus (Debian's pyatspi),
walking its tree, pressing its controls through their accessibility actions, and keys through
xdotool."""

import subprocess
import sys
import time

import pyatspi

TIMEOUT = 90


def fail(why):
    check = sys.argv[0].rsplit("/", 1)[-1].removesuffix(".py").replace("-", " ")
    print(f"{check}: FAILED: {why}")
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
    app = sesame()
    if app is not None:
        print(dump(app, 80))
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




def screenshot(path):
    """The whole screen (the app's window) as the X server holds it: what a person sees."""
    subprocess.run(["import", "-window", "root", path], check=True)


def qr_codes(path):
    """The QR codes zbarimg reads in an image."""
    found = subprocess.run(["zbarimg", "--quiet", "--raw", path], capture_output=True, text=True)
    return [line for line in found.stdout.splitlines() if line.strip()]
