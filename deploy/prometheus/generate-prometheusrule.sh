#!/bin/sh
# Writes the Prometheus Operator form of originwatch-rules.yaml: the same groups under spec:.
# PrometheusRulesTest fails when the checked-in object differs from what this prints, so after
# editing the rules run:  deploy/prometheus/generate-prometheusrule.sh
#
# Usage: generate-prometheusrule.sh [OUTPUT]   (default: the kustomize component's file; - for stdout)
# RUNBOOK_BASE_URL=https://wiki.example/originwatch-runbooks.md replaces the runbook base (for your
# own copy; the checked-in object keeps the default).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src="$here/originwatch-rules.yaml"
out="${1:-$here/../kubernetes/components/prometheus-rules/prometheusrule.yaml}"
default_base="https://github.com/originwatch/originwatch/blob/main/docs/runbooks.md"
base="${RUNBOOK_BASE_URL:-$default_base}"

render() {
    cat <<'HEADER'
# GENERATED from deploy/prometheus/originwatch-rules.yaml by deploy/prometheus/generate-prometheusrule.sh.
# Do not edit: change the plain rules file and regenerate. Comments on the rules explain the for:
# durations and the job="originwatch" assumption. Your Prometheus selects rules by label
# (ruleSelector); add the label it expects (e.g. release: <helm release>) in your overlay.
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: originwatch
  labels:
    app.kubernetes.io/name: originwatch
    app.kubernetes.io/component: alerting-rules
spec:
HEADER
    # everything from "groups:" on, indented two spaces under spec (blank lines stay empty)
    sed -n '/^groups:/,$p' "$src" | sed -e 's/^\(.\)/  \1/' -e "s#$default_base#$base#g"
}

if [ "$out" = "-" ]; then
    render
else
    mkdir -p "$(dirname "$out")"
    render > "$out"
fi
