#!/usr/bin/env bash
# Install the Prometheus server the e2e suite scrapes teleop with (Debian's `prometheus` package).
# Idempotent and never fatal: when prometheus is already on PATH, or this is not root on an apt
# system, it says why and exits 0, and the Prometheus scenario of e2e/ skips with that reason.
set -uo pipefail

if command -v prometheus >/dev/null 2>&1; then
    echo "install-prometheus: $(command -v prometheus) already installed"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "install-prometheus: not root, not installing (e2e's Prometheus scenario will skip)"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-prometheus: no apt-get here, not installing (e2e's Prometheus scenario will skip)"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# Debian's package starts a service through its maintainer scripts; keep it from starting one
# (and from failing on a machine without an init system) while installing.
policy=/usr/sbin/policy-rc.d
created_policy=
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
fi
status=0
apt-get update -qq && apt-get install -y -qq --no-install-recommends prometheus >/dev/null || status=$?
[ -n "$created_policy" ] && rm -f "$policy"
if [ "$status" != 0 ] || ! command -v prometheus >/dev/null 2>&1; then
    echo "install-prometheus: apt-get install prometheus failed (exit $status); e2e's Prometheus scenario will skip"
    exit 0
fi
echo "install-prometheus: installed $(prometheus --version 2>&1 | head -1)"
