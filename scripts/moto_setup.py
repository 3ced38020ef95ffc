"""Prepares a moto server started with INITIAL_NO_AUTH_ACTION_COUNT for the job.

The first requests (unsigned) create an IAM user with a policy and an access key; every
later request, including this script's own, is signed with that key and checked. Prints
shell assignments: the key, the SNS topic, the SQS queue subscribed to it, a KMS key and
the bucket.
"""

import json
import sys

import boto3

endpoint = sys.argv[1]
common = {"endpoint_url": endpoint, "region_name": "us-east-1"}

iam = boto3.client("iam", aws_access_key_id="bootstrap", aws_secret_access_key="bootstrap",
                   **common)
iam.create_user(UserName="daily-summary")
iam.put_user_policy(
    UserName="daily-summary",
    PolicyName="everything-in-moto",
    PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
    }),
)
key = iam.create_access_key(UserName="daily-summary")["AccessKey"]
signed = {"aws_access_key_id": key["AccessKeyId"],
          "aws_secret_access_key": key["SecretAccessKey"], **common}

sns = boto3.client("sns", **signed)
sqs = boto3.client("sqs", **signed)
kms = boto3.client("kms", **signed)
s3 = boto3.client("s3", **signed)

topic = sns.create_topic(Name="daily-summary")["TopicArn"]
queue_url = sqs.create_queue(QueueName="daily-summary-notifications")["QueueUrl"]
queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])[
    "Attributes"]["QueueArn"]
sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn)
kms_key = kms.create_key(Description="daily-summary reports")["KeyMetadata"]["KeyId"]
s3.create_bucket(Bucket="reports")

print(f"MOTO_ACCESS_KEY_ID={key['AccessKeyId']}")
print(f"MOTO_SECRET_ACCESS_KEY={key['SecretAccessKey']}")
print(f"MOTO_TOPIC_ARN={topic}")
print(f"MOTO_QUEUE_URL={queue_url}")
print(f"MOTO_KMS_KEY_ID={kms_key}")
