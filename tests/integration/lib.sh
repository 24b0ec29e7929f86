# Shared by tests/integration/*.sh: PASS/FAIL lines, a scratch directory
# removed on exit, and the kmodlint under test on the PATH.
#   source "$(dirname "$0")/lib.sh" <name> "$@"
# sets: kmodlint (absolute path), root (the repository), work (scratch dir).
kmodlint=$(realpath "${2:?usage: $1.sh <kmodlint>}")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d "/tmp/kmodlint-$1.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PATH="$(dirname "$kmodlint"):$PATH"
failed=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; failed=1; }
# expect <name> <command...>: PASS when the command succeeds.
expect() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
# The scratch files are the testdata's planted bugs: every check runs on
# them, those off by default included (a config nearer to a file replaces
# this one, so tests that write their own say checks: ['*'] too).
printf "checks: ['*']\n" > "$work/.kmodlint.yaml"
