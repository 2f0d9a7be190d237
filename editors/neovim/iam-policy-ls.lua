-- iam-policy-ls in Neovim 0.7 or newer, with no plugin: starts the server for JSON and YAML
-- buffers (it stays silent on JSON that is no policy and YAML that is no CloudFormation or SAM
-- template). Paste this into ~/.config/nvim/init.lua, or put it in ~/.config/nvim/lua/ and
-- `require('iam-policy-ls')` from init.lua.
-- Point IAM_POLICY_LS_JAR at the server's jar, or keep the jar at the default path below.
local jar = vim.env.IAM_POLICY_LS_JAR
  or vim.fn.expand('~/.local/share/iam-policy-ls/iam-policy-ls.jar')

-- <C-x><C-o> completion. The server's items replace the whole JSON string, quotes included.
-- Neovim's own omnifunc drops them on 0.7 (they do not start with the word before the cursor)
-- and inserts their text only up to the cursor on newer versions. This one lists the items by
-- label and, once one is accepted, applies its whole edit.
local last = {} -- the last request: its items, and where the text it completes starts
function _G.iam_policy_ls_complete(findstart, base)
  if findstart == 0 then
    last.base = base
    local words = {}
    for index, item in ipairs(last.items) do
      words[#words + 1] =
        { word = item.label, menu = item.detail, icase = 1, dup = 1, user_data = index }
    end
    return words
  end
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local line = vim.api.nvim_get_current_line()
  -- The server counts columns in UTF-16, as LSP does by default.
  local params = vim.lsp.util.make_position_params(0, 'utf-16')
  local items, start = {}, col
  for _, response in pairs(vim.lsp.buf_request_sync(0, 'textDocument/completion', params, 5000) or {}) do
    local result = response.result or {}
    -- Newer Neovim lets the list give the range once for all its items.
    local range = result.itemDefaults and result.itemDefaults.editRange
    for _, item in ipairs(result.items or result) do
      if not item.textEdit and range then
        item.textEdit = { range = range.replace or range, newText = item.textEditText or item.label }
      end
      if item.textEdit and item.textEdit.range.start.line == row - 1 then
        items[#items + 1] = item
        start = math.min(start, vim.str_byteindex(line, item.textEdit.range.start.character, true))
      end
    end
  end
  table.sort(items, function(a, b) return (a.sortText or a.label) < (b.sortText or b.label) end)
  -- Offer the labels for what is typed inside the string, after its opening quote.
  if line:sub(start + 1, start + 1) == '"' then
    start = start + 1
  end
  last = { items = items, row = row, start = start }
  return start
end

local function apply_completed_edit()
  local index = tonumber(vim.v.completed_item.user_data or '')
  local item = last.items and index and last.items[index]
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local line = vim.api.nvim_get_current_line()
  if not item or row ~= last.row or line:sub(last.start + 1, col) ~= item.label then
    return -- nothing accepted (<C-e>), or the text moved on
  end
  -- Put back the text the server saw, then apply its edits to it.
  vim.api.nvim_buf_set_text(0, row - 1, last.start, row - 1, col, { last.base })
  -- The cursor goes after the edit's text: as far from the line's end as the edit's end was.
  local range_end = item.textEdit.range['end']
  line = vim.api.nvim_get_current_line()
  local after = range_end.line == row - 1
    and #line - vim.str_byteindex(line, range_end.character, true)
  local edits = { item.textEdit, unpack(item.additionalTextEdits or {}) }
  vim.lsp.util.apply_text_edits(edits, vim.api.nvim_get_current_buf(), 'utf-16')
  if after then
    vim.api.nvim_win_set_cursor(0, { row, #vim.api.nvim_get_current_line() - after })
  end
end

local function on_attach(client, buf)
  vim.bo[buf].omnifunc = 'v:lua.iam_policy_ls_complete'
  vim.api.nvim_create_autocmd('CompleteDone', {
    group = vim.api.nvim_create_augroup('iam-policy-ls-' .. buf, {}),
    buffer = buf,
    callback = apply_completed_edit,
  })
  local function map(keys, action)
    vim.keymap.set('n', keys, action, { buffer = buf })
  end
  map('K', vim.lsp.buf.hover) -- K ran :Man before 0.10
  map('gra', vim.lsp.buf.code_action) -- quick fixes and refactorings, as in 0.11
  map('<leader>ca', vim.lsp.buf.code_action)
  if vim.fn.has('nvim-0.10') == 0 then -- 0.10 maps these itself
    map('[d', vim.diagnostic.goto_prev)
    map(']d', vim.diagnostic.goto_next)
    map('<C-w>d', vim.diagnostic.open_float)
  end
end

-- That completion applies plain text edits: no snippets, which newer Neovim asks for.
local capabilities = vim.lsp.protocol.make_client_capabilities()
capabilities.textDocument.completion.completionItem.snippetSupport = false

local config = {
  name = 'iam-policy-ls',
  cmd = { 'java', '-jar', jar, 'serve' },
  root_dir = vim.fn.getcwd(),
  -- The keys of .iam-policy-ls.json; they win over the file. An empty map must be
  -- vim.empty_dict(): a plain {} is sent as a JSON array.
  settings = { iamPolicy = { checks = vim.empty_dict() } },
  capabilities = capabilities,
  on_attach = on_attach,
}
if not vim.lsp.start then -- 0.7 does not send the settings by itself; 0.8 and newer do
  config.on_init = function(client)
    client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  end
end

local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'json', 'jsonc', 'yaml' },
  callback = function(args)
    if vim.lsp.start then -- 0.8 and newer: one server per root_dir, reused
      vim.lsp.start(config, { bufnr = args.buf })
      return
    end
    if not (client_id and vim.lsp.get_client_by_id(client_id)) then
      client_id = vim.lsp.start_client(config)
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
