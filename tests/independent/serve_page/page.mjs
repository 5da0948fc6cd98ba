#!/usr/bin/env node
// The page of `eventlint serve` (GET /) in a real headless browser: Debian's Chromium, driven by
// Playwright (`playwright-core`, pinned by its package-lock.json; no browser is downloaded).
//
// Starts `eventlint serve --bind 127.0.0.1:0`, opens the page, and only then sends requests
// written in the repository's fixtures: the valid Synerise custom event
// (valid/requests/vendor-dog-bark.http), an invalid one (invalid/synerise.event/api-version--old.http:
// `Api-Version: 4.1`), and the body of invalid/synerise.custom-event/action-pattern.json (an
// `action` with a space) with the valid file's headers and a header holding markup. It asserts
// what a person sees, without reloading:
// - the list shows the requests as they arrive, newest first, each with its verdict;
// - opening the invalid ones shows their masked headers and bodies with each finding marked at its
//   exact text (`api-version: 4.1`, `"dog bark"`) and labelled with its rule id and message;
// - the Authorization header's secret appears nowhere in the page, and the markup sent is shown as
//   text, never run;
// - the verdict filter hides the valid request;
// - a rule id opens the rule's documentation, the text `eventlint explain` prints;
// - a reset of the journal removes what it forgot from the list;
// - the page asks nothing of any other origin, and throws nothing.
// A screenshot goes to target/serve-page.png.
//
// Usage: node page.mjs PATH/TO/eventlint   (after `npm ci` in this folder; CHROMIUM=path to use
// another Chromium than /usr/bin/chromium)
// Prints failures and a closing `N passed, M failed` line; exits 1 on any failure. The server and
// the browser are always stopped, and the whole run is stopped after 60 s.

import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const FIXTURES = join(ROOT, "fixtures", "synerise", "custom-event");
const SCREENSHOT = join(ROOT, "target", "serve-page.png");
const NOW = "--now=2026-01-01T00:00:00Z";
const TIMEOUT_MS = 60_000;
const STEP_MS = 10_000;

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
let browser = null;

function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill("SIGTERM");
  }
}

// Whatever ends the process (a thrown error, the timeout, Ctrl-C), the server goes with it (and
// Playwright kills the browser it launched when the process exits).
process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    stopServer();
    process.exit(1);
  });
}
const watchdog = setTimeout(async () => {
  console.log(`FAIL timeout: the run took over ${TIMEOUT_MS / 1000} s`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  stopServer();
  await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 3000))]);
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

// A `.http` file of the fixtures: `#` comment lines, `METHOD URL`, headers, a blank line, the body.
function readHttp(path) {
  const lines = readFileSync(path, "utf8").split("\n");
  let i = 0;
  while (lines[i].startsWith("#") || lines[i].trim() === "") i += 1;
  const [method, url] = lines[i].split(" ");
  i += 1;
  const headers = [];
  for (; i < lines.length && lines[i].trim() !== ""; i += 1) {
    const colon = lines[i].indexOf(":");
    headers.push([lines[i].slice(0, colon).trim(), lines[i].slice(colon + 1).trim()]);
  }
  const body = lines.slice(i + 1).join("\n").replace(/\n+$/, "");
  return { method, path: new URL(url).pathname, headers, body };
}

async function send(url, request) {
  const response = await fetch(url + request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  await response.arrayBuffer();
  return {
    id: Number(response.headers.get("x-eventlint-request-id")),
    verdict: response.headers.get("x-eventlint-verdict"),
  };
}

// Waits for `predicate` in the page; false (not a throw) when it does not come in time.
async function waitIn(page, predicate, arg) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: STEP_MS });
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const eventlint = process.argv[2];
  if (!eventlint) {
    console.log("usage: node page.mjs PATH/TO/eventlint");
    return 2;
  }
  const valid = readHttp(join(FIXTURES, "valid", "requests", "vendor-dog-bark.http"));
  const invalid = readHttp(join(FIXTURES, "invalid", "synerise.event", "api-version--old.http"));
  const probe = "<img src=x onerror=\"window.__xss = 1\">";
  const bodyFinding = {
    ...valid,
    headers: [...valid.headers, ["X-Probe", probe]],
    body: readFileSync(join(FIXTURES, "invalid", "synerise.custom-event", "action-pattern.json"), "utf8"),
  };
  const authorization = valid.headers.find(([name]) => name === "Authorization")[1];
  const secret = authorization.slice("Bearer eyJh".length);

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

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox"],
      headless: true,
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const elsewhere = [];
    const errors = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(url + "/")) elsewhere.push(r.url());
    });
    page.on("pageerror", (err) => errors.push(String(err)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    const opened = await page.goto(url + "/");
    check("GET / is a page", opened?.status() === 200, String(opened?.status()));
    check(
      "the page goes live (its event stream opens)",
      await waitIn(page, () => document.getElementById("status").textContent === "live"),
    );
    check(
      "the empty page says so",
      await page.locator("#empty").isVisible(),
    );
    // A mark on the window: a reload would lose it.
    await page.evaluate(() => {
      window.__sameDocument = true;
    });

    // The requests, sent only now.
    const sent = [];
    sent.push(await send(url, valid));
    sent.push(await send(url, invalid));
    sent.push(await send(url, bodyFinding));
    check(
      "the server's verdicts: pass, fail, fail",
      JSON.stringify(sent.map((s) => s.verdict)) === '["pass","fail","fail"]',
      sent,
    );
    check(
      "the list shows the three requests live",
      await waitIn(page, () => document.querySelectorAll("#list > li").length === 3),
      await page.locator("#list > li").count(),
    );
    check("without a reload", await page.evaluate(() => window.__sameDocument === true));
    const order = await page.$$eval("#list > li", (items) => items.map((li) => Number(li.dataset.id)));
    const ids = sent.map((s) => s.id);
    check(
      "newest first",
      JSON.stringify(order) === JSON.stringify([...ids].reverse()),
      { order, ids },
    );
    const verdicts = await page.$$eval("#list > li .verdict", (spans) => spans.map((s) => s.textContent));
    check(
      "each shows its verdict",
      JSON.stringify(verdicts) === '["fail","fail","pass"]',
      verdicts,
    );
    const row = (id) => page.locator(`#list > li[data-id="${id}"]`);

    // The invalid request, opened: the header finding marked at its text, with its rule id.
    await row(sent[1].id).locator("button.summary").click();
    const opened1 = await waitIn(
      page,
      (id) => document.querySelector(`#list > li[data-id="${id}"] pre.head mark.spot`) !== null,
      sent[1].id,
    );
    check("opening the invalid request shows its marks", opened1);
    const headerMark = await row(sent[1].id).evaluate((li) => {
      const mark = [...li.querySelectorAll("mark.spot")].find((m) => m.dataset.rule.split(" ").includes("synerise.event/api-version"));
      const label = [...li.querySelectorAll("pre.head .label")].find((l) => l.querySelector("a.rule")?.textContent === "synerise.event/api-version");
      return {
        text: mark?.textContent,
        label: label?.textContent,
        head: li.querySelector("pre.head")?.textContent,
      };
    });
    check(
      "the api-version finding is marked on `api-version: 4.1`",
      headerMark.text === "api-version: 4.1",
      headerMark,
    );
    check(
      "its label names the rule and says what is wrong",
      String(headerMark.label).includes("synerise.event/api-version")
        && String(headerMark.label).includes("`Api-Version` is `4.1`"),
      headerMark,
    );
    check(
      "the request line and the body are shown",
      String(headerMark.head).startsWith("POST /v4/events/custom HTTP/1.1")
        && (await row(sent[1].id).locator("pre.body").textContent()).includes('"action": "dog.bark"'),
      headerMark,
    );

    // The body finding: marked at the exact bytes of `action`'s value.
    await row(sent[2].id).locator("button.summary").click();
    check(
      "opening the third request shows its body's marks",
      await waitIn(
        page,
        (id) => document.querySelector(`#list > li[data-id="${id}"] pre.body mark.spot`) !== null,
        sent[2].id,
      ),
    );
    const bodyMark = await row(sent[2].id).evaluate((li) => {
      const mark = [...li.querySelectorAll("pre.body mark.spot")].find((m) => m.dataset.rule.split(" ").includes("synerise.custom-event/action-pattern"));
      const label = [...li.querySelectorAll("pre.body .label")].find((l) => l.querySelector("a.rule")?.textContent === "synerise.custom-event/action-pattern");
      return { text: mark?.textContent, label: label?.textContent };
    });
    check("the action-pattern finding is marked on `\"dog bark\"`", bodyMark.text === '"dog bark"', bodyMark);
    check(
      "its label names the rule",
      String(bodyMark.label).includes("synerise.custom-event/action-pattern"),
      bodyMark,
    );
    const probeShown = await row(sent[2].id).locator("pre.head").textContent();
    check("markup in a header is shown as text", probeShown.includes(`x-probe: ${probe}`), probeShown);
    check(
      "and never run",
      await page.evaluate(() => window.__xss === undefined && document.querySelector("#list img") === null),
    );

    // No secret anywhere: not in the text, not in an attribute.
    const text = await page.evaluate(() => document.body.innerText);
    const html = await page.content();
    check(
      "the Authorization header is shown masked",
      text.includes("authorization: Bearer eyJh****"),
      text.slice(0, 2000),
    );
    check("its secret is nowhere in the page", !text.includes(secret) && !html.includes(secret));

    // The verdict filter.
    await page.selectOption("#filter-verdict", "fail");
    const visible = [];
    for (const s of sent) visible.push(await row(s.id).isVisible());
    check("verdict=fail hides the valid request only", JSON.stringify(visible) === "[false,true,true]", visible);
    check(
      "the vendor filter offers synerise",
      (await page.$$eval("#filter-vendor option", (o) => o.map((x) => x.value))).includes("synerise"),
    );

    // The rule's documentation, one click away, as `eventlint explain` prints it.
    await row(sent[1].id).locator("pre.head .label a.rule", { hasText: "synerise.event/api-version" }).click();
    const explain = execFileSync(eventlint, ["explain", "synerise.event/api-version"], { encoding: "utf8" });
    check(
      "the rule link opens its documentation",
      await waitIn(
        page,
        (expected) => !document.getElementById("doc").hidden && document.getElementById("doc-text").textContent === expected,
        explain,
      ),
      (await page.locator("#doc-text").textContent()).slice(0, 200),
    );
    check("still the same page", await page.evaluate(() => window.__sameDocument === true));

    // A reset of the journal's passing requests: the page forgets the valid one, live.
    await (await fetch(`${url}/_eventlint/reset?verdict=pass`, { method: "POST" })).arrayBuffer();
    check(
      "a reset removes the requests it forgot from the list",
      await waitIn(
        page,
        (id) => document.querySelectorAll("#list > li").length === 2 && !document.querySelector(`#list > li[data-id="${id}"]`),
        sent[0].id,
      ),
      await page.$$eval("#list > li", (items) => items.map((li) => li.dataset.id)),
    );

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    check("nothing asked of another origin", elsewhere.length === 0, elsewhere);
    check("no error in the page", errors.length === 0, errors);
  } catch (err) {
    check("run", false, String(err?.stack ?? err));
  } finally {
    if (browser) await browser.close().catch(() => {});
    stopServer();
    if (server) await stopped(server, 5000);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
  clearTimeout(watchdog);
});
