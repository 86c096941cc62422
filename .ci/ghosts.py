"""No image of an earlier screen stays drawn: the two-factor QR code (it carries the secret) is
shown in My account, the person goes to the user follow-up, and the window's pixels must hold
no QR code any more. Run by .ci/screen-reader.sh in a real window (Xvfb) with the renderer the
app chooses itself: on a machine without a GPU, wgpu's software GL path left such images
behind."""

import os
import tempfile
import time

from at_spi_client import fail, first, press, qr_codes, role_of, screenshot, wait_for, walk


def main():
    shots = tempfile.mkdtemp()
    press(wait_for("the banner's My account link", lambda a: first(a, "link", "My account")))
    press(wait_for("the 2FA set-up button", lambda a: first(a, "push button", "Set up two-factor")))
    wait_for("the QR code", lambda a: first(a, "image", "QR code"))
    time.sleep(1)
    shown = os.path.join(shots, "qr.png")
    screenshot(shown)
    if not qr_codes(shown):
        fail(f"no QR code read on the screen that shows it ({shown}): the check cannot see one")
    print("ghosts: the QR code is read while My account shows it")

    press(wait_for("the banner's Identification link", lambda a: first(a, "link", "Identification")))
    # Leaving with an enrolment begun may ask first: go on.
    deadline = time.time() + 10
    while time.time() < deadline:
        dialog = wait_for("the follow-up or a question", lambda a: first(a, "dialog") or first(a, "table", "People"))
        if role_of(dialog) != "dialog":
            break
        press(next(n for n, _ in walk(dialog) if role_of(n) == "push button" and "Confirm" in (n.name or "")))
        time.sleep(0.5)
    wait_for("the follow-up's rows", lambda a: (t := first(a, "table", "People")) and sum(1 for n, _ in walk(t) if role_of(n) == "table row") >= 5 and t)
    time.sleep(1)
    after = os.path.join(shots, "after.png")
    screenshot(after)
    left = qr_codes(after)
    if left:
        fail(f"a QR code is still drawn over the follow-up ({len(left)} read)")
    print("ghosts: OK (no QR code left on the follow-up)")


main()
