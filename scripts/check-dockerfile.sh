#!/usr/bin/env bash
# No Docker engine runs here, so this checks the Dockerfile the other way round: every
# shared library the release binary links (outside the Swift runtime, which is linked
# statically in the image) must come from a package the runtime stage installs.
#
#   scripts/check-dockerfile.sh .build/release/daily-summary
set -euo pipefail
binary=${1:?usage: check-dockerfile.sh BINARY}
dockerfile=$(dirname "$0")/../Dockerfile

# The runtime stage: everything after the last FROM.
runtime=$(awk '/^FROM /{stage=""} {stage=stage"\n"$0} END{print stage}' "$dockerfile")
# Libraries the binary asks for itself, plus those the Swift runtime libraries ask for:
# linking the runtime statically moves their needs into the binary. Libraries pulled in
# further down come with the packages that need them.
direct_needs() {
    local all needed
    all=$(ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}')
    needed=$(objdump -p "$binary" | awk '/NEEDED/ {print $2}')
    while read -r lib path; do
        case "$path" in /opt/swift/*|*/swift/linux/*)
            needed+=$'\n'$(objdump -p "$path" | awk '/NEEDED/ {print $2}') ;;
        esac
    done <<<"$all"
    while read -r lib path; do
        grep -qx "$lib" <<<"$needed" && echo "$lib $path"
    done <<<"$all" | sort -u
}

missing=0
checked=0
while read -r library path; do
    case "$path" in
        /opt/swift/*|*/swift/linux/*) continue ;;   # the Swift runtime: static in the image
    esac
    owner=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -n 1 | cut -d: -f1) \
        || owner=$(dpkg -S "$path" 2>/dev/null | head -n 1 | cut -d: -f1) || true
    [ -n "$owner" ] || { echo "check-dockerfile: no Debian package owns $path" >&2; exit 1; }
    case "$owner" in libc6|libc-bin) continue ;; esac   # in every Debian image
    checked=$((checked + 1))
    if ! tr -s ' \\\t' '\n' <<<"$runtime" | grep -Fqx -- "$owner"; then
        echo "check-dockerfile: $library comes from $owner, which the runtime stage does not install" >&2
        missing=1
    fi
done < <(direct_needs)
[ $missing = 0 ] || exit 1
echo "check-dockerfile: all $checked directly linked packages are installed by the runtime stage"
