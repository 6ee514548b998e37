#!/usr/bin/env bash
# Fails when a Swift file is not formatted by .swift-format. `scripts/check-format.sh --fix` formats in place.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--fix" ]]; then
    swift format format --in-place --parallel --recursive Package.swift Sources Tests
else
    swift format lint --strict --parallel --recursive Package.swift Sources Tests
fi
