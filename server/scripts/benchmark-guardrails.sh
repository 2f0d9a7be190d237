#!/usr/bin/env bash
# Times `check --format json` of the AWS managed policies with guardrails in the configuration
# (BENCHMARKS.md, "Guardrails in the batch"): none; a forbidden-access list; PowerUserAccess as a
# reference policy; with NARROW=1 also a 10-statement application policy as the reference (about
# two minutes a run). Runs take turns, so a slow minute of the machine weighs on every case alike.
# Run from the repository root after `mvn -B package -DskipTests` (the launcher and its archive):
#   RUNS=5 BEFORE_JAR=old.jar bash server/scripts/benchmark-guardrails.sh
# RUNS: runs per case (default 5). BEFORE_JAR: another build's jar, timed the same way beside a
# launcher and class data archive built for it. MANAGED: the policies (default the folder that
# `mvn package` fills, server/target/aws-managed-policies). TIMEOUT: seconds after which a run is
# stopped and shown as "> TIMEOUT s" (default 180).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
TIMEOUT=${TIMEOUT:-180}
MANAGED=${MANAGED:-target/aws-managed-policies}
[ -f "$MANAGED/PowerUserAccess.json" ] || { echo "no PowerUserAccess.json in $MANAGED" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/guard" "$work/power" "$work/narrow"
cat > "$work/guard/.iam-policy-ls.json" <<'EOF'
{
  "guardrails": [
    {"name": "no-iam-users", "actions": ["iam:*User*", "iam:CreateAccessKey"]},
    {"name": "audit-logs", "actions": ["s3:Delete*", "s3:Put*"], "resources": ["arn:aws:s3:::audit-logs/*"]},
    {"name": "no-org-changes", "actions": ["organizations:*", "account:*"]}
  ]
}
EOF
cp "$MANAGED/PowerUserAccess.json" "$work/power/reference.json"
cat > "$work/narrow/reference.json" <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "ReadData", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"], "Resource": ["arn:aws:s3:::app-data", "arn:aws:s3:::app-data/*"]},
    {"Sid": "WriteUploads", "Effect": "Allow", "Action": ["s3:PutObject", "s3:AbortMultipartUpload"], "Resource": "arn:aws:s3:::app-uploads/*"},
    {"Sid": "Queues", "Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], "Resource": "arn:aws:sqs:*:111122223333:app-*"},
    {"Sid": "Table", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"], "Resource": ["arn:aws:dynamodb:*:111122223333:table/app-*", "arn:aws:dynamodb:*:111122223333:table/app-*/index/*"]},
    {"Sid": "Logs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:*:111122223333:log-group:/app/*"},
    {"Sid": "Metrics", "Effect": "Allow", "Action": "cloudwatch:PutMetricData", "Resource": "*", "Condition": {"StringEquals": {"cloudwatch:namespace": "App"}}},
    {"Sid": "Decrypt", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*", "Condition": {"StringLike": {"kms:ViaService": "s3.*.amazonaws.com"}}},
    {"Sid": "Secrets", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:*:111122223333:secret:app/*"},
    {"Sid": "Describe", "Effect": "Allow", "Action": ["ec2:Describe*", "xray:PutTraceSegments"], "Resource": "*"},
    {"Sid": "NoDeletes", "Effect": "Deny", "Action": ["s3:DeleteBucket", "dynamodb:DeleteTable"], "Resource": "*"}
  ]
}
EOF
for c in power narrow; do
  echo '{"referencePolicies": [{"file": "reference.json"}]}' > "$work/$c/.iam-policy-ls.json"
done

builds=(target)
if [ -n "${BEFORE_JAR:-}" ]; then
  mkdir -p "$work/before"
  cp "$BEFORE_JAR" "$work/before/iam-policy-ls.jar"
  bash scripts/build-cds-archive.sh "$work/before/iam-policy-ls.jar" "$work/before/iam-policy-ls.jsa" >/dev/null
  builds+=("$work/before")
fi
cases=(none guard power)
if [ "${NARROW:-0}" = 1 ]; then cases+=(narrow); fi

# One run: wall and user+system processor seconds, or "> TIMEOUT s".
run() {
  local launcher=$1 config=$2 args=()
  [ "$config" != none ] && args=(--config "$work/$config/.iam-policy-ls.json")
  local start end status=0
  start=$(date +%s%N)
  timeout "$TIMEOUT" bash -c 'TIMEFORMAT=%U+%S; { time "$@" >/dev/null 2>&1; } 2>&1' _ \
    "$launcher" check --format json "${args[@]}" "$MANAGED" > "$work/cpu" || status=$?
  end=$(date +%s%N)
  if [ "$status" = 124 ]; then
    echo "> $TIMEOUT s"
  else
    echo "$(( (end - start) / 1000000 )) $(awk -F+ '{printf "%.2f", $1 + $2}' "$work/cpu")"
  fi
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A walls cpus
for turn in $(seq "$RUNS"); do
  for c in "${cases[@]}"; do
    for b in "${builds[@]}"; do
      r=$(run "$b/iam-policy-ls" "$c")
      walls["$b $c"]+="${r%% *} "
      cpus["$b $c"]+="${r#* } "
      echo "turn $turn, $c, $([ "$b" = target ] && echo this || echo before): $r" >&2
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
printf '%-8s %-7s %12s %14s\n' case build "median ms" "median CPU s"
for c in "${cases[@]}"; do
  for b in "${builds[@]}"; do
    name=$([ "$b" = target ] && echo this || echo before)
    if [[ "${walls["$b $c"]}" == *">"* ]]; then
      printf '%-8s %-7s %12s %14s\n' "$c" "$name" "> ${TIMEOUT}000" "-"
    else
      printf '%-8s %-7s %12s %14s\n' "$c" "$name" "$(echo "${walls["$b $c"]}" | median)" \
        "$(echo "${cpus["$b $c"]}" | median)"
    fi
  done
done
