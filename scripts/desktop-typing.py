#!/usr/bin/python3
"""Types fast into the desktop build's fields and compares what arrived.

Run by scripts/desktop-smoke.sh under Xvfb, with the app's window open on the login screen.
Each entry is typed by xdotool at 10 ms a key into a field found by its label through the
accessibility tree (AT-SPI, which WebKitGTK fills from the page), then read back from the
same tree: the field shows what the app holds (the app writes each value back into it, and a
write that lost a keystroke would show there). A password field reads as bullets: its length
is compared. Exits non-zero, saying which entries came out short.
"""

import re
import subprocess
import sys
import time

import pyatspi

KEY_DELAY_MS = "10"


def app():
    for _ in range(60):
        desktop = pyatspi.Registry.getDesktop(0)
        for candidate in desktop:
            if candidate is not None and "nhi" in (candidate.name or "").lower():
                return candidate
        time.sleep(0.5)
    sys.exit("the desktop app is not in the accessibility tree")


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def labelled(node):
    """The field's accessible name (its label's text)."""
    name = node.name or ""
    if name:
        return name
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            return " ".join(relation.getTarget(i).name or "" for i in range(relation.getNTargets()))
    return ""


FIELD_ROLES = (pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT)


def find(root, roles, pattern, wait=20.0):
    deadline = time.time() + wait
    while time.time() < deadline:
        for node in walk(root):
            try:
                if node.getRole() in roles and re.search(pattern, labelled(node)):
                    return node
            except Exception:
                continue
        time.sleep(0.3)
    sys.exit(f"no {pattern!r} on the screen")


def press(root, pattern, roles=(pyatspi.ROLE_LINK, pyatspi.ROLE_PUSH_BUTTON)):
    """Activates a link or button the way assistive technology does (it may be scrolled
    out of view, where a click would miss it)."""
    node = find(root, roles, pattern)
    action = node.queryAction()
    if action.nActions < 1:
        sys.exit(f"{pattern!r} cannot be activated")
    action.doAction(0)
    time.sleep(0.5)


def click(node):
    box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    subprocess.run(
        ["xdotool", "mousemove", str(box.x + box.width // 2), str(box.y + box.height // 2), "click", "1"],
        check=True,
    )
    time.sleep(0.3)


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def type_into(field, typed):
    # Into view first (a field below the fold would take the click elsewhere).
    try:
        field.queryComponent().scrollTo(pyatspi.SCROLL_ANYWHERE)
        time.sleep(0.3)
    except Exception:
        pass
    click(field)
    # Empty the field first, as a person would: select all, delete.
    subprocess.run(["xdotool", "key", "--delay", "30", "ctrl+a", "BackSpace"], check=True)
    time.sleep(0.3)
    subprocess.run(["xdotool", "type", "--delay", KEY_DELAY_MS, typed], check=True)
    # What the app writes back arrives within milliseconds; give it a generous moment.
    time.sleep(1.0)
    return text_of(field)


def main():
    root = app()
    results = []

    def entry(field_pattern, typed, secret=False):
        field = find(root, FIELD_ROLES, field_pattern)
        arrived = type_into(field, typed)
        whole = len(arrived) == len(typed) if secret else arrived == typed
        shown = "•" * len(arrived) if secret else arrived
        results.append((field_pattern, typed if not secret else "•" * len(typed), shown, whole))
        print(f"  {'ok  ' if whole else 'LOST'} {field_pattern}: typed {results[-1][1]!r}, arrived {shown!r}", flush=True)

    # The login screen: the ID and the password, three and two entries.
    for typed in ["A123456789", "F913579249", "H221357915"]:
        entry("身分證號", typed)
    for typed in ["Wang@2026", "Li#1941home"]:
        entry("註冊密碼", typed, secret=True)

    # Device authentication by mobile number: the number step's fields.
    press(root, "^首頁$")
    press(root, "^裝置認證")
    press(root, "行動電話認證")
    press(root, "^開始認證$", roles=(pyatspi.ROLE_PUSH_BUTTON,))
    press(root, "^同意$", roles=(pyatspi.ROLE_PUSH_BUTTON,))
    for typed in ["0912345678", "0988654321", "0922333444"]:
        entry("手機號碼", typed)

    # Device code authentication: the code.
    press(root, "^首頁$")
    press(root, "^裝置認證")
    press(root, "裝置碼認證")
    press(root, "^我已取得驗證碼$", roles=(pyatspi.ROLE_PUSH_BUTTON,))
    for typed in ["K7q2M9xd", "P4w8N3tZ"]:
        entry("輸入驗證碼", typed)

    failed = sum(1 for *_, whole in results if not whole)
    print(f"typing at {KEY_DELAY_MS} ms a key: {len(results) - failed} of {len(results)} entries arrived whole")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
