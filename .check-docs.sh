cd /work/main && createdb docs && /usr/bin/python3 test/docs/check_docs.py --fill docs docs/status.md docs/status-classifications.md docs/status-rules.md | head -60
