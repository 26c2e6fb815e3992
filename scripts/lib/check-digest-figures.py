"""Checks that each owner digest in a folder of .eml files carries the figures of `report delivery` for the same
workspaces and day, to the digit: per workspace card the broadcasts, targeted, delivery and read rates; on top the
account-wide targeted, sent, delivered, read, failed and pending. Usage: check-digest-figures.py MAIL_DIR REPORTS_DIR
(REPORTS_DIR holds <workspace>-delivery.json, and workspaces.json mapping organization -> {name: workspace id})."""
import email
import json
import pathlib
import re
import sys
from email import policy

mail_dir, reports_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
orgs = json.loads((reports_dir / "workspaces.json").read_text())
failures = 0
checked = 0


def pct(numerator, denominator):
    return f"{(100.0 * numerator / denominator if denominator else 0.0):.1f}%"


for path in sorted(mail_dir.glob("*-owner@*.eml")):
    message = email.message_from_binary_file(path.open("rb"), policy=policy.default)
    text = message.get_body(("plain",)).get_content()
    org = path.stem.split("owner@")[1].removesuffix(".example")
    account = dict.fromkeys(["targeted", "sent", "delivered", "read", "failed", "pending"], 0)
    for name, workspace in orgs[org].items():
        rows = json.loads((reports_dir / f"{workspace}-delivery.json").read_text())["sections"][0]["rows"]
        figures = {key: sum(r[key] for r in rows) for key in account}
        for key in account:
            account[key] += figures[key]
        expected = (f"{len(rows)} broadcast{'' if len(rows) == 1 else 's'}, {figures['targeted']} targeted, "
                    f"delivery {pct(figures['delivered'], figures['targeted'])}, read {pct(figures['read'], figures['delivered'])}, "
                    f"{figures['pending']} pending")
        # a card's head, its link to the overview, then its figures
        card = re.search(r"^== " + re.escape(name) + r"\n(?:Overview of the day: .*\n)?(.*)$", text, re.M)
        actual = card.group(1) if card else "(no card)"
        ok = actual.startswith(expected)
        failures += not ok
        checked += 1
        print(f"{'ok  ' if ok else 'DIFF'} {org}/{workspace}: digest '{actual}' | report '{expected}'")
    for key in account:
        line = re.search(r"^" + key.capitalize() + r"\s+(\d+)", text, re.M)
        if not line or int(line.group(1)) != account[key]:
            failures += 1
            print(f"DIFF {org}: digest {key} {line.group(1) if line else '(none)'} | report {account[key]}")
print(f"digest figures vs report delivery: {checked} workspace cards and {len(orgs)} account funnels, "
      f"{'all equal' if failures == 0 else str(failures) + ' differences'}")
sys.exit(1 if failures else 0)
