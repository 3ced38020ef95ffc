#!/usr/bin/env bash
# Runs every test against real services: installs what is missing, starts PostgreSQL,
# rclone's S3 server and the moto server on loopback, runs `swift test`, then stops them.
#
#   scripts/test.sh [swift test arguments]      e.g. scripts/test.sh --filter Golden
#   UPDATE_GOLDEN=1 scripts/test.sh              re-records the golden reports
source "$(dirname "$0")/lib.sh"

ensure_packages
trap stop_services EXIT
start_postgres
start_rclone
start_moto
set -a
# shellcheck disable=SC1091
source "$STATE_DIR/moto.env"
set +a
export DS_TEST_STATE_DIR=$STATE_DIR
export DS_TEST_S3_ROOT=$STATE_DIR/s3
export DS_TEST_RCLONE_ENDPOINT=http://127.0.0.1:$RCLONE_PORT
export DS_TEST_RCLONE_ACCESS_KEY=$ROOT_ACCESS_KEY DS_TEST_RCLONE_SECRET_KEY=$ROOT_SECRET_KEY
export DS_TEST_MOTO_ENDPOINT=http://127.0.0.1:$MOTO_PORT

cd "$REPO_DIR"
say "building"
swift build
say "running the tests"
swift test "$@"
