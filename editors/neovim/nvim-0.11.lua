-- iam-policy-ls on Neovim 0.11 or newer, with the built-in vim.lsp.config (no plugin).
-- Paste this into ~/.config/nvim/init.lua.
-- Point IAM_POLICY_LS_JAR at the server's jar, or keep the jar at the default path below.
local jar = vim.env.IAM_POLICY_LS_JAR
  or vim.fn.expand('~/.local/share/iam-policy-ls/iam-policy-ls.jar')

vim.lsp.config('iam_policy_ls', {
  cmd = { 'java', '-jar', jar, 'serve' },
  filetypes = { 'json', 'jsonc', 'yaml' },
  root_markers = { '.iam-policy-ls.json', '.git' },
  -- The keys of .iam-policy-ls.json; they win over the file. An empty map must be
  -- vim.empty_dict(): a plain {} is sent as a JSON array.
  settings = { iamPolicy = { checks = vim.empty_dict() } },
  on_attach = function(client, buf)
    -- <C-x><C-o> items then bring their extra edits too; inside a string that is already
    -- closed, the old closing quote stays (see docs/editors/neovim.md). K (hover),
    -- gra (code actions), [d and ]d (diagnostics) are Neovim's own keys from 0.11.
    vim.lsp.completion.enable(true, client.id, buf)
  end,
})
vim.lsp.enable('iam_policy_ls')
