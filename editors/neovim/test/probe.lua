-- Loads the README's plain configuration as is, opens a policy, and asks the server for
-- diagnostics, completion and hover through Neovim's own LSP client. Exits 0 only when all
-- three arrived with what a working server sends; otherwise prints why and exits 1.
local here = vim.fn.fnamemodify(vim.env.PROBE_DIR, ':p')
local failures = {}
local function check(ok, what)
  io.stdout:write((ok and 'ok   ' or 'FAIL ') .. what .. '\n')
  if not ok then
    table.insert(failures, what)
  end
end

dofile(here .. '../iam-policy-ls.lua')

vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.PROBE_POLICY))
-- -u NONE has no filetype detection: set it, which fires the configuration's autocommand.
vim.bo.filetype = 'json'
local buf = vim.api.nvim_get_current_buf()

local diagnostics = {}
vim.wait(60000, function()
  diagnostics = vim.diagnostic.get(buf)
  return #diagnostics > 0
end, 200)
local attached = false
for _, client in pairs(vim.lsp.buf_get_clients(buf)) do
  attached = attached or client.name == 'iam-policy-ls'
end
check(attached, 'iam-policy-ls is attached to the JSON buffer')
local codes = {}
for _, d in ipairs(diagnostics) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  codes[#codes + 1] = tostring(code)
end
io.stdout:write('codes: ' .. table.concat(codes, ' ') .. '\n')
check(vim.tbl_contains(codes, 'SERVICE_WILDCARD'), 'diagnostic SERVICE_WILDCARD')
check(vim.tbl_contains(codes, 'INVALID_ACTION'), 'diagnostic INVALID_ACTION')

local function request(method, line, text, after)
  local col = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]:find(text, 1, true)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    position = { line = line, character = col - 1 + after },
  }
  local responses = vim.lsp.buf_request_sync(buf, method, params, 30000) or {}
  for _, r in pairs(responses) do
    if r.result then
      return r.result
    end
  end
  return nil
end

local completion = request('textDocument/completion', 10, 'ec2:Describe', #'ec2:Describe')
local items = completion and (completion.items or completion) or {}
local labels = {}
for _, item in ipairs(items) do
  labels[item.label] = true
end
check(labels['ec2:DescribeInstances'] == true, 'completion ec2:DescribeInstances')

local hover = request('textDocument/hover', 5, 's3:*', 2)
local contents = hover and hover.contents or {}
check(contents.kind == 'markdown' and tostring(contents.value):find('s3') ~= nil, 'hover in Markdown')

if #failures > 0 then
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
