#!/usr/bin/env python3
"""boto3's own `personalize-events` client against `eventlint serve`.

Starts `eventlint serve --bind 127.0.0.1:0`, points boto3's client at it with `endpoint_url` and
dummy credentials, and asserts what a real application sees:
- a valid `put_events` returns (boto3's usual response metadata, HTTP 200);
- an invalid one (an empty `eventList`, sent with client-side validation off so that botocore
  does not stop it first) raises `InvalidInputException`, whose message names the field and the
  rule;
- the journal (`/_eventlint/requests`) has both, with their verdicts.

Usage: serve_boto3.py PATH/TO/eventlint
Prints failures and a closing `N passed, M failed` line; exits 1 on any failure.
"""

import json
import subprocess
import sys
import urllib.request

import boto3
import botocore.config
from botocore.exceptions import ClientError

NOW = "--now=2026-01-01T00:00:00Z"

passed = 0
failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def client(url, validate):
    return boto3.client(
        "personalize-events",
        region_name="eu-west-1",
        endpoint_url=url,
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        config=botocore.config.Config(
            parameter_validation=validate, retries={"max_attempts": 1}
        ),
    )


def main():
    eventlint = sys.argv[1]
    server = subprocess.Popen(
        [eventlint, "serve", "--bind", "127.0.0.1:0", "--no-config", NOW],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = server.stdout.readline().strip()
        prefix = "listening on "
        if not line.startswith(prefix):
            print(f"FAIL start: the first line is {line!r}")
            return 1
        url = line[len(prefix):]

        valid = client(url, True).put_events(
            trackingId="tracking-1",
            userId="user-1",
            sessionId="session-1",
            eventList=[
                {
                    "eventId": "event-1",
                    "eventType": "click",
                    "itemId": "item-1",
                    "sentAt": 1767225600,
                    "properties": json.dumps({"numberOfRatings": "12"}),
                }
            ],
        )
        status = valid["ResponseMetadata"]["HTTPStatusCode"]
        check("a valid put_events returns 200", status == 200, valid)

        try:
            client(url, False).put_events(
                trackingId="tracking-1", sessionId="session-1", eventList=[]
            )
            check("an invalid put_events raises", False, "it returned")
        except ClientError as err:
            code = err.response["Error"]["Code"]
            message = err.response["Error"]["Message"]
            check(
                "an invalid put_events raises InvalidInputException",
                code == "InvalidInputException",
                code,
            )
            check(
                "the message names the field and the rule",
                "eventList" in message
                and "personalize.put-events/eventlist-size" in message,
                message,
            )
            check(
                "botocore's modelled exception class catches it",
                isinstance(err, client(url, False).exceptions.InvalidInputException),
                type(err),
            )

        with urllib.request.urlopen(f"{url}/_eventlint/requests") as reply:
            journal = json.load(reply)
        verdicts = [r["verdict"] for r in journal["requests"]]
        check("the journal has both verdicts", verdicts == ["pass", "fail"], verdicts)
        kinds = {r["kind"] for r in journal["requests"]}
        check("both were checked as PutEvents", kinds == {"personalize.put-events"}, kinds)
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
