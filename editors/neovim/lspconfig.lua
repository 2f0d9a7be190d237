-- iam-policy-ls with nvim-lspconfig: registered as a custom server, then set up.
-- Point IAM_POLICY_LS_JAR at the server's jar, or keep the jar at the default path below.
local configs = require('lspconfig.configs')
local util = require('lspconfig.util')
local jar = vim.env.IAM_POLICY_LS_JAR
  or vim.fn.expand('~/.local/share/iam-policy-ls/iam-policy-ls.jar')

if not configs.iam_policy_ls then
  configs.iam_policy_ls = {
    default_config = {
      cmd = { 'java', '-jar', jar, 'serve' },
      filetypes = { 'json', 'jsonc', 'yaml' },
      root_dir = util.root_pattern('.iam-policy-ls.json', '.git'),
      single_file_support = true,
      -- An empty map must be vim.empty_dict(): a plain {} is sent as a JSON array.
      settings = { iamPolicy = { checks = vim.empty_dict() } },
    },
  }
end
require('lspconfig').iam_policy_ls.setup({
  on_attach = function(client, buf)
    vim.bo[buf].omnifunc = 'v:lua.vim.lsp.omnifunc'
    vim.keymap.set('n', 'K', vim.lsp.buf.hover, { buffer = buf })
    vim.keymap.set('n', '<leader>ca', vim.lsp.buf.code_action, { buffer = buf })
  end,
})
