#!/usr/bin/env bash
# An example organization with a workspace, a phone number, a manager and tokens. Safe to run again.
set -euo pipefail
WAPI="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/scripts/wapi"

if ! "$WAPI" org list | grep -q '^acme '; then
  "$WAPI" org create --id acme --name "Acme Retail" --timezone Asia/Kolkata --owner-email owner@acme.example >/dev/null
  "$WAPI" workspace create --org acme --id acme-sales --name "Sales" >/dev/null
  "$WAPI" phone add --workspace acme-sales --phone-number-id 106540352242922 --waba-id 102290129340398 \
    --display-number 15550783881 >/dev/null
  "$WAPI" user add --org acme --workspace acme-sales --email manager@acme.example --role manager >/dev/null
fi
