# The peer fold in jq: the same per-pact summary as peers/fold.py, over one ledger file.
# Usage: jq -n -c -f fold.jq FILE
reduce inputs as $e (
  {status: null, state: {}, requested: {}, signed: {}, stateCash: {}, totalCash: 0, count: 0};
  .count += 1
  | if $e.type == "pact.drafted" then
      .status = "drafted"
      | (if $e.data.porteur.kind == "state" then .state[$e.data.porteur.id] = true else . end)
    elif $e.type == "partner.joined" then
      (if $e.data.partner.kind == "state" then .state[$e.data.partner.id] = true else . end)
    elif $e.type == "signature.requested" and $e.data.document == "convention" then
      .status = "in-signature" | reduce $e.data.partners[] as $p (.; .requested[$p] = true)
    elif $e.type == "signature.received" and $e.data.document == "convention" then
      .signed[$e.data.partnerId] = true
    elif $e.type == "commitment.voted" and $e.data.outcome == "adopted" then
      ([$e.data.lines[].amountCents] | add // 0) as $cash
      | .totalCash += $cash
      | (if .state[$e.data.partnerId] then .stateCash[($e.data.year | tostring)] += $cash else . end)
    elif $e.type == "pact.closed" then .status = "closed"
    else . end
)
| {status, signed: (.signed | length), requested: (.requested | length), stateCash, totalCash, count}
