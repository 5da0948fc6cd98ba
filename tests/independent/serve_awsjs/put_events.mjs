#!/usr/bin/env node
// The AWS SDK for JavaScript v3 (`@aws-sdk/client-personalize-events`) against `eventlint serve`.
//
// Starts `eventlint serve --bind 127.0.0.1:0`, points the SDK's client at it with `endpoint` and
// dummy static credentials, and asserts what a real application sees:
// - a valid `PutEventsCommand` resolves (HTTP 200);
// - an invalid one (an empty `eventList`: the JS SDK does not validate its input client-side, so
//   the request goes out as written) rejects with an error whose `name` is
//   `InvalidInputException`, an instance of the SDK's modelled exception class, whose message
//   names the field and the rule;
// - each answer, as the SDK's HTTP handler received it, carries its `X-Eventlint-Verdict` (and the
//   rule in `X-Eventlint-Findings`);
// - the journal (`/_eventlint/requests`) has both, with their verdicts, under the answers'
//   `X-Eventlint-Request-Id`.
//
// Usage: node put_events.mjs PATH/TO/eventlint   (after `npm ci` in this folder)
// Prints failures and a closing `N passed, M failed` line; exits 1 on any failure. The server is
// always stopped, and the whole run is stopped after a timeout.

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import {
  InvalidInputException,
  PersonalizeEventsClient,
  PutEventsCommand,
} from "@aws-sdk/client-personalize-events";

const NOW = "--now=2026-01-01T00:00:00Z";
const TIMEOUT_MS = 60_000;

let passed = 0;
let failed = 0;

function check(name, ok, detail = "") {
  if (ok) {
    passed += 1;
  } else {
    failed += 1;
    console.log(`FAIL ${name}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
}

let server = null;

function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill("SIGTERM");
  }
}

// Whatever ends the process (a thrown error, the timeout, Ctrl-C), the server goes with it.
process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    stopServer();
    process.exit(1);
  });
}
const watchdog = setTimeout(() => {
  console.log(`FAIL timeout: the run took over ${TIMEOUT_MS / 1000} s`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  stopServer();
  process.exit(1);
}, TIMEOUT_MS);
watchdog.unref();

// The first stdout line, `listening on http://ADDR:PORT`; rejects if the server exits first.
function firstLine(child) {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    let done = false;
    lines.once("line", (line) => {
      done = true;
      resolve(line.trim());
      // Keep draining stdout so the server never blocks on a full pipe.
      lines.on("line", () => {});
    });
    child.once("error", (err) => {
      if (!done) reject(err);
    });
    child.once("exit", (code, signal) => {
      if (!done) reject(new Error(`eventlint serve exited (${code ?? signal}) before printing`));
    });
  });
}

function stopped(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), ms);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
  });
}

// The client, and the `X-Eventlint-*` headers of each answer as its HTTP handler received them
// (a middleware right after the SDK's deserializer sees the raw response, errors included).
function client(url) {
  const answers = [];
  const personalize = new PersonalizeEventsClient({
    endpoint: url,
    region: "us-east-1",
    credentials: {
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    },
    maxAttempts: 1,
  });
  personalize.middlewareStack.addRelativeTo(
    (next) => async (args) => {
      const out = await next(args);
      const headers = out.response?.headers ?? {};
      answers.push({
        id: headers["x-eventlint-request-id"],
        verdict: headers["x-eventlint-verdict"],
        findings: headers["x-eventlint-findings"],
      });
      return out;
    },
    { relation: "after", toMiddleware: "deserializerMiddleware", name: "eventlintHeaders" },
  );
  return { personalize, answers };
}

async function main() {
  const eventlint = process.argv[2];
  if (!eventlint) {
    console.log("usage: node put_events.mjs PATH/TO/eventlint");
    return 2;
  }
  server = spawn(eventlint, ["serve", "--bind", "127.0.0.1:0", "--no-config", NOW], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  try {
    const line = await firstLine(server);
    const prefix = "listening on ";
    if (!line.startsWith(prefix)) {
      check("start", false, `the first line is ${JSON.stringify(line)}`);
      return 1;
    }
    const url = line.slice(prefix.length);
    const { personalize, answers } = client(url);

    const valid = await personalize.send(
      new PutEventsCommand({
        trackingId: "tracking-1",
        userId: "user-1",
        sessionId: "session-1",
        eventList: [
          {
            eventId: "event-1",
            eventType: "click",
            itemId: "item-1",
            sentAt: new Date("2026-01-01T00:00:00Z"),
            properties: JSON.stringify({ numberOfRatings: "12" }),
          },
        ],
      }),
    );
    const status = valid.$metadata.httpStatusCode;
    check("a valid PutEventsCommand resolves with 200", status === 200, valid.$metadata);
    check("the answer carries x-amzn-RequestId", Boolean(valid.$metadata.requestId), valid.$metadata);
    check("its X-Eventlint-Verdict is pass", answers[0]?.verdict === "pass", answers[0] ?? "");

    try {
      await personalize.send(
        new PutEventsCommand({ trackingId: "tracking-1", sessionId: "session-1", eventList: [] }),
      );
      check("an invalid PutEventsCommand rejects", false, "it resolved");
    } catch (err) {
      check("an invalid PutEventsCommand rejects with InvalidInputException", err.name === "InvalidInputException", err.name);
      check(
        "the SDK's modelled exception class catches it",
        err instanceof InvalidInputException,
        String(err?.constructor?.name),
      );
      check("its HTTP status is 400", err.$metadata?.httpStatusCode === 400, err.$metadata ?? "");
      const message = String(err.message);
      check(
        "the message names the field and the rule",
        message.includes("eventList") && message.includes("personalize.put-events/eventlist-size"),
        message,
      );
    }
    check("its X-Eventlint-Verdict is fail", answers[1]?.verdict === "fail", answers[1] ?? "");
    check(
      "its X-Eventlint-Findings names the rule",
      String(answers[1]?.findings).includes("personalize.put-events/eventlist-size"),
      answers[1] ?? "",
    );

    const reply = await fetch(`${url}/_eventlint/requests`);
    const journal = await reply.json();
    const requests = journal.requests ?? [];
    const verdicts = requests.map((r) => r.verdict);
    check(
      "the journal has both verdicts",
      JSON.stringify(verdicts) === JSON.stringify(["pass", "fail"]),
      verdicts,
    );
    const kinds = [...new Set(requests.map((r) => r.kind))];
    check(
      "both were checked as PutEvents",
      JSON.stringify(kinds) === JSON.stringify(["personalize.put-events"]),
      kinds,
    );
    const rules = (requests[1]?.diagnostics ?? []).map((d) => d.rule);
    check(
      "the failed request's diagnostics name the rule",
      rules.includes("personalize.put-events/eventlist-size"),
      rules,
    );
    check(
      "the answers' X-Eventlint-Request-Id are the journal's ids",
      answers.length === 2 &&
        requests.length === 2 &&
        answers.every((a, i) => a.id === String(requests[i].id)),
      { answers: answers.map((a) => a.id), journal: requests.map((r) => r.id) },
    );
  } finally {
    stopServer();
    await stopped(server, 10_000);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    clearTimeout(watchdog);
    process.exitCode = code;
  },
  (err) => {
    clearTimeout(watchdog);
    console.log(`FAIL ${err?.stack ?? err}`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exitCode = 1;
  },
);
