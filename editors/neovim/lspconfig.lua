-- iam-policy-ls with nvim-lspconfig: registered as a custom server, then set up.
local configs = require('lspconfig.configs')
local util = require('lspconfig.util')
local jar = vim.env.IAM_POLICY_LS_JAR
  or vim.fn.expand('~/.local/share/iam-policy-ls/iam-policy-ls.jar')

if not configs.iam_policy_ls then
  configs.iam_policy_ls = {
    default_config = {
      cmd = { 'java', '-jar', jar, 'serve' },
      filetypes = { 'json', 'jsonc' },
      root_dir = util.root_pattern('.iam-policy-ls.json', '.git'),
      single_file_support = true,
      settings = { iamPolicy = { checks = {} } },
    },
  }
end
require('lspconfig').iam_policy_ls.setup({})
