cd /work/main && make installcheck REGRESS="$REG" 2>&1 | grep -E "\.\.\.|tests"
