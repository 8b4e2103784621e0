"""Runs a documented example script and checks that its whole output appears verbatim in the
document that quotes it: doc_example_test.py SCRIPT DOCUMENT (from the source folder)."""

import subprocess
import sys

script, document = sys.argv[1], sys.argv[2]
done = subprocess.run([sys.executable, script], capture_output=True, text=True)
if done.returncode != 0:
    sys.exit(f"{script} failed ({done.returncode}):\n{done.stderr}")
with open(document, encoding="utf-8") as f:
    text = f.read()
if "```text\n" + done.stdout + "```" not in text:
    sys.exit(f"{document} does not quote what {script} prints now:\n{done.stdout}")
print(f"{document} quotes {script}'s output")
