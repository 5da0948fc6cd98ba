-- Neovim's own LSP client (headless) against `eventlint lsp`: the fixtures copied into a project
-- by run.sh are opened, the diagnostics Neovim receives are checked (rule codes, lines and byte
-- columns, so a wrong position encoding fails), the buffer is edited and checked again, a hover
-- shows the rule's manual, and code actions (a quick fix, then fix all) are applied to the buffer. Works with Neovim 0.7
-- (Debian 12) and later. Exits non-zero with a message on the first failure.
--
-- Environment: EVENTLINT (the binary), WORK (the project run.sh made).

local eventlint = assert(os.getenv("EVENTLINT"), "EVENTLINT is not set")
local work = assert(os.getenv("WORK"), "WORK is not set")
local WAIT_MS = 20000

local function say(text)
  io.stdout:write("nvim lsp: " .. text .. "\n")
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

-- The buffer's diagnostics as "code line:col-line:col" strings (0-based, byte columns), sorted
-- as strings (so "10:2" comes before "1:2").
local function places(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out, string.format("%s %d:%d-%d:%d", tostring(code_of(d)), d.lnum, d.col, d.end_lnum, d.end_col))
  end
  table.sort(out)
  return out
end

local function expect_places(buf, expected, what)
  local got = places(buf)
  local same = #got == #expected
  for i = 1, math.min(#got, #expected) do
    same = same and got[i] == expected[i]
  end
  if not same then
    error(string.format("%s: expected diagnostics\n  %s\ngot\n  %s", what,
      table.concat(expected, "\n  "), table.concat(got, "\n  ")))
  end
end

-- Waits until the buffer's diagnostics are `expected` (or the deadline passes, then fails).
local function wait_places(buf, expected, what)
  vim.wait(WAIT_MS, function()
    local got = places(buf)
    if #got ~= #expected then
      return false
    end
    for i = 1, #got do
      if got[i] ~= expected[i] then
        return false
      end
    end
    return true
  end, 20)
  expect_places(buf, expected, what)
end

local function open(client, relative)
  vim.cmd("edit " .. vim.fn.fnameescape(work .. "/" .. relative))
  local buf = vim.api.nvim_get_current_buf()
  assert(vim.lsp.buf_attach_client(buf, client), "cannot attach the client to " .. relative)
  return buf
end

local function main()
  local client = vim.lsp.start_client({
    name = "eventlint",
    cmd = { eventlint, "lsp" },
    root_dir = work,
  })
  assert(client, "eventlint lsp did not start")

  -- A .json file with a character outside the BMP before the finding: Neovim's byte columns
  -- come out right only if the server counts UTF-16 as it said.
  local dir = "fixtures/synerise/custom-event/invalid/synerise.event/"
  local json = open(client, dir .. "client-forbidden-chars--emoji.json")
  wait_places(json, { "synerise.event/client-forbidden-chars 3:21-3:25" }, "the .json fixture")
  say("diagnostics of a .json file: ok")

  -- NDJSON: one document per line, each finding on its line.
  local ndjson = open(client, dir .. "client-identifier--stream.ndjson")
  wait_places(ndjson, {
    "synerise.event/client-identifier 1:33-1:35",
    "synerise.event/client-identifier 3:33-3:46",
  }, "the .ndjson fixture")
  say("diagnostics of an .ndjson file: ok")

  -- An edit (sent as an incremental change): line 2's client gets an id, its finding goes.
  vim.api.nvim_buf_set_text(ndjson, 1, 33, 1, 35, { '{"id": 1}' })
  wait_places(ndjson, { "synerise.event/client-identifier 3:33-3:46" }, "after the edit")
  say("diagnostics after an edit: ok")

  -- Hover on the finding: the rule's manual.
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(ndjson) },
    position = { line = 3, character = 40 },
  }
  local answers = vim.lsp.buf_request_sync(ndjson, "textDocument/hover", params, WAIT_MS) or {}
  local shown = ""
  for _, answer in pairs(answers) do
    if answer.result and answer.result.contents then
      shown = shown .. (answer.result.contents.value or "")
    end
  end
  if not shown:find("synerise.event/client-identifier", 1, true) or not shown:find("## Fix", 1, true) then
    error("hover on the finding shows no manual: " .. shown)
  end
  say("hover: ok")

  -- Code actions: the quick fix of a finding, chosen by its title and applied as Neovim applies
  -- a workspace edit; then "Fix all safe fixes" (resolved first when it comes without its edit).
  local fixable = open(client, "fixtures/neuralens/event/invalid/neuralens.event/unknown-key.json")
  wait_places(fixable, {
    "neuralens.event/unknown-key 10:2-10:13",
    "neuralens.event/unknown-key 1:2-1:10",
    "neuralens.event/unknown-key 9:2-9:13",
  }, "the fixable fixture")
  local encoding = vim.lsp.get_client_by_id(client).offset_encoding or "utf-16"
  local function actions(range, only)
    local lsp_diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(fixable)) do
      -- (Neovim 0.7 keeps only some of the protocol's fields in user_data: rebuilt whole. The
      -- columns are bytes, right for these ASCII lines in any encoding.)
      table.insert(lsp_diagnostics, {
        range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
        message = d.message,
        code = code_of(d),
        source = d.source,
        severity = d.severity,
      })
    end
    local answers = vim.lsp.buf_request_sync(fixable, "textDocument/codeAction", {
      textDocument = { uri = vim.uri_from_bufnr(fixable) },
      range = range,
      context = { diagnostics = lsp_diagnostics, only = only },
    }, WAIT_MS) or {}
    local out = {}
    for _, answer in pairs(answers) do
      if answer.err or answer.error then
        error("textDocument/codeAction failed: " .. vim.inspect(answer.err or answer.error))
      end
      for _, action in ipairs(answer.result or {}) do
        table.insert(out, action)
      end
    end
    return out
  end
  local found = actions({ start = { line = 1, character = 4 }, ["end"] = { line = 1, character = 4 } }, { "quickfix" })
  local rename
  for _, action in ipairs(found) do
    if action.title == "rename `userId` to `uid`" then
      rename = action
    end
  end
  if not rename then
    error("no quick fix `rename `userId` to `uid`` at line 2: " .. vim.inspect(found))
  end
  if rename.kind ~= "quickfix" or rename.isPreferred ~= true then
    error("the quick fix is not a preferred quickfix: " .. vim.inspect(rename))
  end
  vim.lsp.util.apply_workspace_edit(rename.edit, encoding)
  local line = vim.api.nvim_buf_get_lines(fixable, 1, 2, true)[1]
  if line ~= '  "uid": "3845",' then
    error("after the quick fix, line 2 is " .. vim.inspect(line))
  end
  wait_places(fixable, {
    "neuralens.event/unknown-key 10:2-10:13",
    "neuralens.event/unknown-key 9:2-9:13",
  }, "after the quick fix")
  say("a quick fix applied: ok")

  local all = actions({ start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 0 } }, { "source.fixAll" })
  if #all ~= 1 or all[1].title ~= "Fix all safe fixes" or all[1].kind ~= "source.fixAll.eventlint" then
    error("expected one fix-all action: " .. vim.inspect(all))
  end
  local fix_all = all[1]
  if not fix_all.edit then
    local answers = vim.lsp.buf_request_sync(fixable, "codeAction/resolve", fix_all, WAIT_MS) or {}
    for _, answer in pairs(answers) do
      if answer.result then
        fix_all = answer.result
      end
    end
  end
  if not fix_all.edit then
    error("fix all has no edit, even resolved: " .. vim.inspect(fix_all))
  end
  vim.lsp.util.apply_workspace_edit(fix_all.edit, encoding)
  local expected = {
    "{",
    '  "uid": "3845",',
    '  "items": [',
    "    {",
    '      "id": "AV768"',
    "    }",
    "  ],",
    '  "page": "PRODUCT_PAGE",',
    '  "event": "LAND_PRODUCT_PAGE",',
    '  "timestamp": 1715644800,',
    '  "sessionId": "s-1"',
    "}",
  }
  local text = vim.api.nvim_buf_get_lines(fixable, 0, -1, true)
  if table.concat(text, "\n") ~= table.concat(expected, "\n") then
    error("after fix all, the buffer is\n" .. table.concat(text, "\n"))
  end
  wait_places(fixable, { "neuralens.event/unknown-key 10:2-10:13" }, "after fix all")
  say("fix all applied: ok")

  vim.lsp.stop_client(client)
  vim.wait(WAIT_MS, function()
    return vim.lsp.get_client_by_id(client) == nil
  end, 20)
end

local ok, err = pcall(main)
if not ok then
  io.stderr:write("nvim lsp: FAIL: " .. tostring(err) .. "\n")
  vim.cmd("cquit")
end
say("all passed")
vim.cmd("qall!")
