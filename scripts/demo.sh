#!/usr/bin/env bash
# From a fresh Debian machine to one finished run: installs what is missing, starts
# PostgreSQL and the moto server (authentication on) on loopback, loads three days of
# generated orders, runs daily-summary for the middle day without --dry-run, shows the
# report that landed in the bucket and the SNS message that reached the subscribed SQS
# queue, then stops everything it started.
#
#   scripts/demo.sh [--per-day N]      (default 50000 orders a day)
source "$(dirname "$0")/lib.sh"

per_day=50000
if [ "${1:-}" = "--per-day" ]; then per_day=${2:?--per-day needs a number}; fi

ensure_packages
trap stop_services EXIT
start_postgres
start_moto
set -a
# shellcheck disable=SC1091
source "$STATE_DIR/moto.env"
set +a

say "loading $((per_day * 3)) orders over 2025-01-14..16 (Asia/Tokyo)"
psql -X -q -f "$REPO_DIR/scripts/schema.sql"
"$REPO_DIR/scripts/generate-orders.sh" --seed 42 --start 2025-01-14 --days 3 \
    --per-day "$per_day" | psql -X -q >/dev/null

say "building daily-summary (release)"
binary=$(build_release)

say "running daily-summary --date 2025-01-15"
AWS_REGION=us-east-1 AWS_ENDPOINT_URL="http://127.0.0.1:$MOTO_PORT" \
AWS_ACCESS_KEY_ID=$MOTO_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=$MOTO_SECRET_ACCESS_KEY \
REPORTS_BUCKET=reports REPORTS_KMS_KEY_ID=$MOTO_KMS_KEY_ID SNS_TOPIC_ARN=$MOTO_TOPIC_ARN \
SALES_STATUSES=completed,shipped \
    "$binary" --date 2025-01-15 --log-format text

say "what landed in s3://reports and the SNS message in the queue"
python3 - <<PY
import json, boto3
common = dict(endpoint_url="http://127.0.0.1:$MOTO_PORT", region_name="us-east-1",
              aws_access_key_id="$MOTO_ACCESS_KEY_ID",
              aws_secret_access_key="$MOTO_SECRET_ACCESS_KEY")
s3 = boto3.client("s3", **common)
key = "reports/daily-summary-2025-01-15.json"
head = s3.head_object(Bucket="reports", Key=key)
print(f"s3://reports/{key}: {head['ContentLength']} bytes, {head['ContentType']}, "
      f"encryption {head.get('ServerSideEncryption')} with key {head.get('SSEKMSKeyId')}")
report = json.loads(s3.get_object(Bucket="reports", Key=key)["Body"].read())
short = {k: report[k] for k in ("report_date", "timezone", "window", "source", "sales", "users")}
print(json.dumps(short, indent=2, ensure_ascii=False))
print(f"... and {len(report['hourly'])} hourly entries\n")
sqs = boto3.client("sqs", **common)
for message in sqs.receive_message(QueueUrl="$MOTO_QUEUE_URL", MaxNumberOfMessages=10)\
        .get("Messages", []):
    envelope = json.loads(message["Body"])
    print(f"SNS message {envelope['MessageId']}, subject: {envelope['Subject']}")
    print(json.dumps(json.loads(envelope["Message"]), indent=2))
PY
say "demo finished; services stopped"
