cd /work/main && createdb docs && /usr/bin/python3 test/docs/check_docs.py --fill docs docs/status.md | head -60
