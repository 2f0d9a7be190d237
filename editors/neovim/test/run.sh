#!/usr/bin/env bash
# Uses Neovim as a person does: the plain configuration of docs/editors/neovim.md copied to
# ~/.config/nvim/init.lua, Neovim run in tmux on a policy, keys typed into it, and what the
# screen shows and what `:w` saves checked: diagnostics, completion, hover, a code action, ]d;
# then a YAML CloudFormation template (a diagnostic, a quick fix that writes YAML, completion) and a YAML file
# that is no template (attached, and silent).
# Usage: run.sh [path/to/iam-policy-ls.jar]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
jar="${1:-$repo/server/target/iam-policy-ls.jar}"
[[ -f "$jar" ]] || { echo "$jar is missing: build the server first" >&2; exit 1; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

# --- Tools: Debian's neovim (0.7.2 on Debian 12) and tmux, installed when missing. ---
source "$here/../../require-package.sh"
command -v nvim >/dev/null || require_package neovim nvim neovim
command -v tmux >/dev/null || require_package neovim tmux tmux
# --- end of tools ---

# The doc must give users exactly the configurations in editors/neovim/.
doc="$(cat "$repo/docs/editors/neovim.md")"
for config in iam-policy-ls.lua lspconfig.lua nvim-0.11.lua; do
  [[ "$doc" == *"$(cat "$here/../$config")"* ]] \
    || { echo "FAIL docs/editors/neovim.md does not contain editors/neovim/$config as is" >&2; exit 1; }
  # lspconfig and 0.11's API are not here to run them: they must at least compile.
  nvim --headless -u NONE -i NONE -n \
    -c "lua local ok, err = loadfile('$here/../$config') if not ok then io.stderr:write(err .. '\n') vim.cmd('cquit 1') end" \
    -c 'qall!' || { echo "FAIL editors/neovim/$config is not valid Lua" >&2; exit 1; }
done

work="$(mktemp -d)"
socket="$work/tmux.socket"
trap 'tmux -S "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/home/.config/nvim"
cp "$here/../iam-policy-ls.lua" "$work/home/.config/nvim/init.lua"
policy="$work/policy.json"
cp "$here/policy.json" "$policy"
cp "$here/template.yaml" "$here/workflow.yaml" "$work/"

deadline=$((SECONDS + 300))
screen() { tmux -S "$socket" capture-pane -p -t nvim; }
keys() { tmux -S "$socket" send-keys -t nvim "$@"; }
type_text() { tmux -S "$socket" send-keys -t nvim -l -- "$1"; } # -- : text may start with a dash
fail() {
  echo "FAIL $1" >&2
  echo "--- screen ---" >&2
  screen >&2 || true
  exit 1
}
# Polls until the screen shows the text (a fixed string), for up to 30 s (or the third argument)
# of the whole run's 300.
wait_for_screen() {
  local what="$1" text="$2" until=$((SECONDS + ${3:-30}))
  while true; do
    local now; now="$(screen)"
    [[ "$now" == *"$text"* ]] && return 0
    [[ "$now" == *"Error executing"* || "$now" == *"E5108"* ]] && fail "$what: Neovim shows an error"
    ((SECONDS < until && SECONDS < deadline)) || fail "$what: the screen never showed: $text"
    sleep 0.2
  done
}
wait_for_screen_without() {
  local what="$1" text="$2" until=$((SECONDS + 30))
  while [[ "$(screen)" == *"$text"* ]]; do
    ((SECONDS < until && SECONDS < deadline)) || fail "$what: the screen still shows: $text"
    sleep 0.2
  done
}
# Saves with :w and polls until the file (the policy, or the third argument) is the expected text.
save_and_expect() {
  local what="$1" expected="$2" file="${3:-$policy}" until=$((SECONDS + 30))
  keys Escape ':w' Enter
  until [[ "$(cat "$file")" == "$expected" ]]; do
    if ((SECONDS >= until || SECONDS >= deadline)); then
      diff <(echo "$expected") "$file" >&2 || true
      fail "$what: the saved file is not as expected (diff above: < expected, > saved)"
    fi
    sleep 0.2
  done
}
# The text with its first occurrence of a fixed string replaced.
replaced() { printf '%s' "${1/"$2"/"$3"}"; }
line_of() { grep -F -- "$1" <(screen) | head -1 | sed 's/ *$//'; }

# A person's Neovim: their HOME, their init.lua, the jar named by IAM_POLICY_LS_JAR. The one
# addition is the LSP log level: the server's log reaches Neovim as window/logMessage, which
# Neovim writes to lsp.log only at its level (warnings by default), and the test reads it.
tmux -S "$socket" new-session -d -s nvim -x 160 -y 40 -c "$work" \
  env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_STATE_HOME -u XDG_CACHE_HOME -u VIMINIT \
  -u NVIM_APPNAME HOME="$work/home" IAM_POLICY_LS_JAR="$jar" \
  nvim --cmd "lua vim.lsp.set_log_level('info')" policy.json
echo "neovim: $(nvim --version | head -1)"

# The first diagnostics wait for the JVM to start, which a busy machine makes slow. The sign
# shows on every version; the message as virtual text only before 0.11.
wait_for_screen "diagnostics" 'E       "Action": "ec2:Describe",' 120
echo "ok   diagnostics: $(line_of '"ec2:Describe"')"

# Completion of a new first item in an Action array, typed with its closing quote but not yet
# its comma: the accepted item's edit replaces the whole string and adds the comma.
original="$(cat "$policy")"
keys '6G' '0' 'f[' 'a'
type_text '"s3:GetObjectA" '
keys Left Left
wait_for_screen "typing" '"Action": ["s3:GetObjectA" "s3:ListBucket"],'
keys C-x C-o
wait_for_screen "completion menu" 's3:GetObjectAttributes'
echo "ok   <C-x><C-o> lists: $(screen | grep -o 's3:GetObjectA[A-Za-z]*  *[A-Z][a-z]*' | tr -s ' ' | paste -sd ',')"
# The menu's order follows the server's ranking (usage in AWS managed policies): take whichever
# item is second rather than a name fixed here.
# Menu rows end with the access level; the buffer's line may already show the first item.
second="$(screen | grep -oE 's3:GetObjectA[A-Za-z]+ +[A-Z][a-z]+' | sed -n 2p | cut -d' ' -f1)"
[[ -n "$second" ]] || fail "completion menu: no second item"
keys C-n
wait_for_screen "selecting the second item" "[\"$second\" \"s3:ListBucket\"],"
keys C-y
wait_for_screen "accepting it" "[\"$second\", \"s3:ListBucket\"],"
# The cursor is after the edit's text (Neovim's ruler counts from 1): 17 columns before the
# item, its quotes and the comma.
wait_for_screen "the cursor after accepting" "6,$((18 + ${#second} + 3))"
save_and_expect "accepting $second" \
  "$(replaced "$original" '["s3:ListBucket"]' "[\"$second\", \"s3:ListBucket\"]")"
echo "ok   <C-n><C-y> and :w saved: $(sed -n 6p "$policy" | sed 's/^ *//')"

keys '/ListBucket' Enter K
wait_for_screen "hover (K)" 'Grants permission to list some or all of the objects'
echo "ok   K shows: $(line_of 'Grants permission' | sed 's/^ *//')"
keys '0'
wait_for_screen_without "closing the hover" 'Grants permission to list'

# A quick fix that has no diagnostic: the exact case of an action.
before="$(cat "$policy")"
keys '/getobject' Enter 'gra'
wait_for_screen "code actions (gra)" 'Write "s3:GetObject" in its exact case'
choice="$(screen | grep -o '^[0-9]*[:.] Write "s3:GetObject" in its exact case' | grep -o '^[0-9]*')" \
  || fail "code actions (gra): the case fix has no number to type"
echo "ok   gra offers: $(line_of 'in its exact case')"
keys "$choice" Enter
save_and_expect "applying the case fix" "$(replaced "$before" '"s3:getobject"' '"s3:GetObject"')"
echo "ok   code action and :w saved: $(sed -n 11p "$policy" | sed 's/^ *//')"

keys 'gg' ']d'
wait_for_screen "]d to the next diagnostic" '16,17'
keys C-w d
wait_for_screen "<C-w>d shows the message" 'The service ec2 has no action "Describe".'
echo "ok   ]d moves to line 16, column 17; <C-w>d shows: $(line_of 'no action "Describe"' | sed 's/^ *//')"

# A CloudFormation template in YAML: the same server, its diagnostic at the template's line, and
# a quick fix whose edit is YAML (the item stays a plain scalar of the block list).
template="$work/template.yaml"
keys Escape ':e template.yaml' Enter
wait_for_screen "template diagnostics" 'E               - s3:GetObjekt' 60
echo "ok   template diagnostics: $(line_of '- s3:GetObjekt')"
before="$(cat "$template")"
keys '/GetObjekt' Enter 'gra'
wait_for_screen "template code actions (gra)" 'Change to "s3:GetObject"'
choice="$(screen | grep -o '^[0-9]*[:.] Change to "s3:GetObject"' | grep -o '^[0-9]*')" \
  || fail "template code actions (gra): the fix has no number to type"
keys "$choice" Enter
save_and_expect "applying the template fix" "$(replaced "$before" 's3:GetObjekt' 's3:GetObject')" "$template"
echo "ok   template quick fix and :w saved: $(sed -n 11p "$template" | sed 's/^ *//')"
wait_for_screen_without "the template's diagnostic after the fix" 'E               - s3:GetObject'

# Completion inside the template: a new item of the Action list, typed in YAML, lists the
# catalog's actions as in a plain policy. Then the change is dropped (:e!).
keys Escape '11G' 'o'
type_text '- s3:GetObjectA'
wait_for_screen "typing in the template" '- s3:GetObjectA'
keys C-x C-o
wait_for_screen "template completion menu" 's3:GetObjectAttributes'
echo "ok   <C-x><C-o> in the template lists: $(screen | grep -o 's3:GetObjectA[A-Za-z]*  *[A-Z][a-z]*' | tr -s ' ' | paste -sd ',')"
keys C-e Escape ':e!' Enter
wait_for_screen_without "dropping the typed item" '- s3:GetObjectA'

# YAML that is no template: the server is attached to it and says nothing.
keys Escape ':e workflow.yaml' Enter
wait_for_screen "opening other YAML" 'runs-on: ubuntu-latest'
sleep 3
keys Escape ':lua print(#vim.lsp.buf_get_clients(0) .. " client, " .. #vim.diagnostic.get(0) .. " diagnostics")' Enter
wait_for_screen "other YAML stays silent" '1 client, 0 diagnostics'
echo "ok   other YAML: the server is attached and silent"

# Neither errors nor deprecation warnings from the configuration.
# (:messages ends with a prompt when it has lines, and leaves the command shown when it has none.)
keys Escape ':messages' Enter
until messages="$(screen)"; [[ "$messages" == *"Press ENTER"* || "$messages" == *":messages"* ]]; do
  ((SECONDS < deadline)) || fail ":messages never showed"
  sleep 0.2
done
if [[ "$messages" == *"deprecated"* || "$messages" == *"Error"* ]]; then
  fail ":messages has errors or deprecation warnings"
fi
keys Enter Escape ':qa!' Enter
until ! tmux -S "$socket" has-session -t nvim 2>/dev/null; do
  ((SECONDS < deadline)) || fail "Neovim did not quit"
  sleep 0.2
done
# Neovim logs the server's window/logMessage lines, where the server names the settings it had to
# ignore.
log="$(find "$work/home" -name lsp.log -exec cat {} +)"
[[ "$log" == *"IAM catalog in use"* ]] || { echo "FAIL no server log in Neovim's lsp.log" >&2; exit 1; }
if [[ "$log" == *"iamPolicy settings:"* ]]; then
  echo "FAIL the server ignored settings:" >&2
  grep -F 'iamPolicy settings:' <<<"$log" >&2
  exit 1
fi
echo "ok   the server took the settings (no \"iamPolicy settings: ... (ignored)\" in lsp.log)"
echo "neovim: diagnostics, completion, hover, a code action, ]d, a YAML template's completion and quick fix OK, by keys"
