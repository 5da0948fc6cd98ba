// A minimal VS Code client of `eventlint lsp`: starts the server over stdio for the files that
// `eventlint check` reads. Everything else (diagnostics, hover, completion, code actions) is the
// server's.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("eventlint");
  const command = config.get("path") || "eventlint";
  const serverOptions = { run: { command, args: ["lsp"] }, debug: { command, args: ["lsp"] } };
  const languages = ["json", "jsonl", "http", "hurl", "eventlint-curl", "eventlint-har"];
  const clientOptions = {
    documentSelector: languages.map((language) => ({ scheme: "file", language })),
    initializationOptions: { rulesUrl: config.get("rulesUrl") || undefined },
  };
  client = new LanguageClient("eventlint", "eventlint", serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
