"""Checks the reference deployment files in deploy/: valid JSON, and the facts the job
depends on (02:00 in Asia/Tokyo, the binary as entrypoint-compatible container, a task
role limited to exactly the three actions the job performs)."""

import json
import pathlib
import sys

deploy = pathlib.Path(__file__).resolve().parent.parent / "deploy"
problems = []


def load(name):
    try:
        return json.loads((deploy / name).read_text())
    except (OSError, json.JSONDecodeError) as error:
        problems.append(f"{name}: {error}")
        return {}


task = load("task-definition.json")
schedule = load("schedule.json")
task_policy = load("task-role-policy.json")
load("scheduler-role-policy.json")

if schedule.get("ScheduleExpression") != "cron(0 2 * * ? *)":
    problems.append("schedule.json: expected cron(0 2 * * ? *)")
if schedule.get("ScheduleExpressionTimezone") != "Asia/Tokyo":
    problems.append("schedule.json: expected the Asia/Tokyo time zone")
containers = task.get("containerDefinitions", [])
if len(containers) != 1 or "command" in containers[0] or "entryPoint" in containers[0]:
    problems.append("task-definition.json: one container using the image's ENTRYPOINT")
names = {entry["name"] for entry in containers[0].get("environment", [])} if containers else set()
for required in ("AWS_REGION", "REPORTS_BUCKET", "SNS_TOPIC_ARN"):
    if required not in names:
        problems.append(f"task-definition.json: {required} is not set")
actions = sorted(statement["Action"] for statement in task_policy.get("Statement", []))
if actions != ["kms:GenerateDataKey", "s3:PutObject", "sns:Publish"]:
    problems.append(f"task-role-policy.json: actions {actions} are not exactly the job's three")

for problem in problems:
    print(f"check-deploy: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"check-deploy: {len(list(deploy.glob('*.json')))} files valid")
