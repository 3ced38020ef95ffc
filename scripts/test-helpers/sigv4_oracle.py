"""Second opinion on SigV4: signs the request described by a JSON document on stdin with
botocore and prints the Authorization header it computes."""

import json
import sys

from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

spec = json.load(sys.stdin)
request = AWSRequest(method=spec["method"], url=spec["url"], data=spec["body"].encode(),
                     headers=spec["headers"])
request.context["timestamp"] = spec["amz_date"]
credentials = Credentials(spec["access_key"], spec["secret_key"], spec.get("token"))
signer_class = S3SigV4Auth if spec["service"] == "s3" else SigV4Auth
signer = signer_class(credentials, spec["service"], spec["region"])
signer._timestamp = lambda: spec["amz_date"]
canonical = signer.canonical_request(request)
string_to_sign = signer.string_to_sign(request, canonical)
print(signer.signature(string_to_sign, request))
