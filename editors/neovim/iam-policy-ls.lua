-- iam-policy-ls in Neovim 0.7 or newer, with no plugin: starts one server for the session
-- and attaches every JSON buffer to it (the server stays silent on JSON that is no policy).
-- Put this file in ~/.config/nvim/lua/ and `require('iam-policy-ls')` from init.lua, or paste it.
local jar = vim.env.IAM_POLICY_LS_JAR
  or vim.fn.expand('~/.local/share/iam-policy-ls/iam-policy-ls.jar')
local client_id

vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'json', 'jsonc' },
  callback = function(args)
    if not (client_id and vim.lsp.get_client_by_id(client_id)) then
      client_id = vim.lsp.start_client({
        name = 'iam-policy-ls',
        cmd = { 'java', '-jar', jar, 'serve' },
        root_dir = vim.fn.getcwd(),
        -- The same keys as .iam-policy-ls.json; they win over the file.
        settings = { iamPolicy = { checks = {} } },
        on_init = function(client)
          -- Neovim 0.7 does not send settings by itself.
          client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
        end,
      })
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
